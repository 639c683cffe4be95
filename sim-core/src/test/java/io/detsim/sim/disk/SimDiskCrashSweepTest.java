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
 * holds exactly what its last completed sync covered, or that plus a torn prefix of its last write.
 */
class SimDiskCrashSweepTest {
  private static final String[] NAMES = {"a", "b", "c"};
  private static final int STEPS = 40;
  private static final int SEEDS = 60;

  /** What the test expects of one file: its content as last synced and its write since then. */
  private static final class Model {
    byte[] visible = new byte[0];
    byte[] synced = new byte[0];
    long operations;
    long syncedOperations;
    boolean lastOpIsWrite;
    long lastWriteOffset;
    byte[] lastWrite;
  }

  @Test
  void crashAtEveryStep_keepsSyncedContent_andTearsOnlyTheLastWrite() {
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
      record(model, file.append(data), data);
    } else if (action < 5 && model.visible.length > 0) {
      long offset = workload.nextLong(model.visible.length + 1L);
      byte[] data = randomBytes(workload);
      file.write(offset, data);
      record(model, offset, data);
    } else if (action < 6) {
      long size = workload.nextLong(model.visible.length + 1L);
      file.truncate(size);
      model.visible = Arrays.copyOf(model.visible, (int) size);
      model.operations++;
      model.lastOpIsWrite = false;
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

  private static void record(Model model, long offset, byte[] data) {
    byte[] next = Arrays.copyOf(model.visible, (int) Math.max(model.visible.length, offset + data.length));
    System.arraycopy(data, 0, next, (int) offset, data.length);
    model.visible = next;
    model.operations++;
    model.lastOpIsWrite = true;
    model.lastWriteOffset = offset;
    model.lastWrite = data;
  }

  /** The synced content, and each torn variant of the last write if it was never synced. */
  private static List<byte[]> allowedAfterCrash(Model model) {
    List<byte[]> allowed = new ArrayList<>();
    allowed.add(model.synced);
    boolean lastIsUnsyncedWrite = model.lastOpIsWrite && model.operations > model.syncedOperations;
    if (lastIsUnsyncedWrite && model.lastWriteOffset <= model.synced.length) {
      for (int kept = 1; kept < model.lastWrite.length; kept++) {
        int size = (int) Math.max(model.synced.length, model.lastWriteOffset + kept);
        byte[] torn = Arrays.copyOf(model.synced, size);
        System.arraycopy(model.lastWrite, 0, torn, (int) model.lastWriteOffset, kept);
        allowed.add(torn);
      }
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
