package io.detsim.sim.disk;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.sim.port.DiskFile;
import io.detsim.sim.port.RandomSource;
import io.detsim.sim.port.Ratio;
import io.detsim.sim.random.Xoshiro256;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Crashes a random workload of writes, truncates and syncs at every step, and checks that each file
 * holds exactly what its last completed sync covered, or that with a prefix of the operations issued
 * after it applied in order, the last of which, if a write, torn.
 */
class SimDiskCrashSweepTest {
  private static final String[] NAMES = {"a", "b", "c"};
  private static final int STEPS = 40;
  private static final int SEEDS = 60;

  /** An operation the test issued: a write of {@code data} at {@code offset}, or (data null) a cut. */
  private record Op(long index, long offset, byte[] data) {
    byte[] applyTo(byte[] content) {
      if (data == null) {
        return Arrays.copyOf(content, (int) offset);
      }
      byte[] next = Arrays.copyOf(content, (int) Math.max(content.length, offset + data.length));
      System.arraycopy(data, 0, next, (int) offset, data.length);
      return next;
    }
  }

  /** What the test expects of one file: its content as last synced and the operations since then. */
  private static final class Model {
    byte[] visible = new byte[0];
    byte[] synced = new byte[0];
    long operations;
    long syncedOperations;
    final List<Op> issued = new ArrayList<>();
  }

  @Test
  void crashAtEveryStep_keepsSyncedContent_andAnInOrderPrefixOfTheRest_tornAtItsEnd() {
    int tornSeen = 0;
    for (long seed = 0; seed < SEEDS; seed++) {
      for (int crashStep = 0; crashStep <= STEPS; crashStep++) {
        tornSeen += runOnce(seed, crashStep) ? 1 : 0;
      }
    }
    assertThat(tornSeen).as("the sweep exercised torn writes").isGreaterThan(50);
  }

  /** Returns whether the crash tore a write. */
  private static boolean runOnce(long seed, int crashStep) {
    String replay = "seed=" + seed + " crashStep=" + crashStep;
    RandomSource workload = new Xoshiro256(seed);
    SimDisk disk = new SimDisk(
        DiskOptions.none().withTornWriteRatio(Ratio.of(1, 2)).withSyncLatencyNanos(0, 1_000),
        new Xoshiro256(~seed));
    ManualTimer timer = new ManualTimer();
    disk.attach(timer);
    Model[] models = {new Model(), new Model(), new Model()};
    for (int step = 0; step < crashStep; step++) {
      int index = workload.nextInt(NAMES.length);
      step(disk.open(NAMES[index]), models[index], workload, timer);
    }
    disk.crash();
    for (int i = 0; i < NAMES.length; i++) {
      DiskFile file = disk.open(NAMES[i]);
      byte[] after = file.read(0, (int) file.size());
      assertThat(allowedAfterCrash(models[i]))
          .as("%s file %s after crash: %s", replay, NAMES[i], Arrays.toString(after))
          .anySatisfy(allowed -> assertThat(after).isEqualTo(allowed));
    }
    return disk.stats().tornWrites() > 0;
  }

  private static void step(DiskFile file, Model model, RandomSource workload, ManualTimer timer) {
    int action = workload.nextInt(10);
    if (action < 4) {
      byte[] data = randomBytes(workload);
      apply(model, new Op(model.operations, file.append(data), data));
    } else if (action < 5 && model.visible.length > 0) {
      long offset = workload.nextLong(model.visible.length + 1L);
      byte[] data = randomBytes(workload);
      file.write(offset, data);
      apply(model, new Op(model.operations, offset, data));
    } else if (action < 6) {
      long size = workload.nextLong(model.visible.length + 1L);
      file.truncate(size);
      apply(model, new Op(model.operations, size, null));
    } else if (action < 8) {
      byte[] issued = model.visible.clone();
      long covered = model.operations;
      file.sync(() -> {
        model.synced = issued;
        model.syncedOperations = covered;
      });
    } else {
      timer.runNext();
    }
  }

  private static void apply(Model model, Op op) {
    model.visible = op.applyTo(model.visible);
    model.operations++;
    model.issued.add(op);
  }

  /**
   * The synced content; then, for each k, the first k - 1 operations issued after the last completed
   * sync applied whole and the k-th, if a write of two bytes or more, each strict prefix of it (never
   * every operation whole: the last that reaches the disk tears or is lost).
   */
  private static List<byte[]> allowedAfterCrash(Model model) {
    List<byte[]> allowed = new ArrayList<>();
    allowed.add(model.synced);
    byte[] reached = model.synced;
    for (Op op : model.issued) {
      if (op.index() < model.syncedOperations) {
        continue;
      }
      if (op.data() != null && op.data().length >= 2) {
        for (int kept = 1; kept < op.data().length; kept++) {
          allowed.add(new Op(op.index(), op.offset(), Arrays.copyOf(op.data(), kept)).applyTo(reached));
        }
      } else {
        allowed.add(reached); // the k-th is a cut or a one-byte write: it cannot tear, so it is lost
      }
      reached = op.applyTo(reached);
    }
    return allowed;
  }

  private static byte[] randomBytes(RandomSource random) {
    byte[] data = new byte[1 + random.nextInt(8)];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (1 + random.nextInt(250)); // never zero, so a hole would show
    }
    return data;
  }
}
