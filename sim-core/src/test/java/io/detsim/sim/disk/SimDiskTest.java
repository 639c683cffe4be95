package io.detsim.sim.disk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detsim.sim.port.DiskFile;
import io.detsim.sim.port.Ratio;
import io.detsim.sim.random.Xoshiro256;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SimDiskTest {
  private static final long SEED = 0x5EED_D15CL;

  private ManualTimer timer = new ManualTimer();

  private SimDisk disk(DiskOptions options) {
    SimDisk disk = new SimDisk(options, new Xoshiro256(SEED));
    disk.attach(timer);
    return disk;
  }

  private void restart(SimDisk disk) {
    disk.crash();
    timer = new ManualTimer(); // the old incarnation's timers are gone
    disk.attach(timer);
  }

  private static String text(DiskFile file) {
    return new String(file.read(0, (int) file.size()), UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  @Test
  void durableImage_holdsWhatACrashNowWouldLeave_andLeavesTheDiskAlone() {
    SimDisk disk = disk(DiskOptions.none());
    DiskFile file = disk.open("log");
    file.append(bytes("synced "));
    file.sync(() -> {});
    timer.runAll();
    file.append(bytes("pending"));

    SimDisk image = disk.durableImage();

    assertThat(text(image.open("log"))).isEqualTo("synced ");
    assertThat(text(file)).as("the disk itself keeps its unsynced write").isEqualTo("synced pending");
    image.open("log").append(bytes("!"));
    assertThat(text(file)).as("a write to the image is not the disk's").isEqualTo("synced pending");
  }

  @Test
  void durableVersion_movesWhenWhatACrashLeavesMayChange_andOnlyThen() {
    SimDisk disk = disk(DiskOptions.none());
    List<Long> versions = new ArrayList<>();
    versions.add(disk.durableVersion());
    DiskFile file = disk.open("log");
    versions.add(disk.durableVersion()); // created
    file.append(bytes("record"));
    disk.open("log");
    assertThat(disk.durableVersion()).as("a write, and opening an existing file, change nothing durable")
        .isEqualTo(versions.get(1));
    file.sync(() -> versions.add(disk.durableVersion()));
    timer.runAll(); // the callback sees the version of the completed sync
    disk.rename("log", "log.1");
    versions.add(disk.durableVersion());
    disk.delete("log.1");
    versions.add(disk.durableVersion());
    disk.delete("log.1");
    assertThat(disk.durableVersion()).as("deleting a missing file changes nothing").isEqualTo(versions.get(4));
    disk.open("other").append(bytes("x"));
    disk.open("other").sync(() -> {});
    timer.runAll();
    long beforeCrash = disk.durableVersion();
    restart(disk);
    versions.add(disk.durableVersion());
    disk.corrupt(new Xoshiro256(1));
    versions.add(disk.durableVersion());

    assertThat(beforeCrash).isGreaterThan(versions.get(4));
    assertThat(versions).as("each of: create, sync, rename, delete, crash, corruption").doesNotHaveDuplicates()
        .isSorted().hasSize(7);
  }

  @Test
  void restart_keepsSyncedWrites() {
    SimDisk disk = disk(DiskOptions.none().withTornWriteRatio(Ratio.ALWAYS));
    DiskFile file = disk.open("data");
    file.append(bytes("hello "));
    file.append(bytes("world"));
    AtomicInteger durable = new AtomicInteger();
    file.sync(durable::incrementAndGet);
    timer.runAll();

    restart(disk);

    assertThat(durable).hasValue(1);
    assertThat(text(disk.open("data"))).isEqualTo("hello world");
    assertThat(disk.stats().syncs()).isEqualTo(1);
  }

  @Test
  void crash_losesUnsyncedWrites() {
    SimDisk disk = disk(DiskOptions.none());
    DiskFile file = disk.open("data");
    file.append(bytes("kept"));
    file.sync(() -> {});
    timer.runAll();
    file.append(bytes(" lost"));
    file.write(0, bytes("LOST"));
    disk.open("other").append(bytes("gone"));

    restart(disk);

    assertThat(text(disk.open("data"))).isEqualTo("kept");
    assertThat(disk.open("other").size()).isZero();
    assertThat(disk.list()).containsExactly("data", "other"); // creating a file is durable at once
  }

  @Test
  void crash_mayTearLastUnsyncedWrite() {
    String synced = "synced|";
    String first = "first-unsynced|";
    String last = "the-last-unsynced-write";
    int torn = 0;
    for (long seed = 0; seed < 200; seed++) {
      SimDisk disk = new SimDisk(DiskOptions.none().withTornWriteRatio(Ratio.of(1, 2)), new Xoshiro256(seed));
      ManualTimer seedTimer = new ManualTimer();
      disk.attach(seedTimer);
      DiskFile file = disk.open("log");
      file.append(bytes(synced));
      file.sync(() -> {});
      seedTimer.runAll();
      file.append(bytes(last)); // lands right at the durable end, so it may tear

      disk.crash();

      String after = text(disk.open("log"));
      assertThat(after).startsWith(synced);
      String tail = after.substring(synced.length());
      assertThat(last).startsWith(tail); // a prefix: never other bytes
      assertThat(tail.length()).isLessThan(last.length()); // and strictly shorter
      torn += tail.isEmpty() ? 0 : 1;
      assertThat(disk.stats().tornWrites()).isEqualTo(tail.isEmpty() ? 0 : 1);
    }
    assertThat(torn).as("about half of 200 crashes tear").isBetween(60, 140);

  }

  @Test
  void crash_keepsAPrefixOfSeveralUnsyncedWrites_inIssueOrder_withItsLastWriteTorn() {
    List<String> writes = List.of("one|", "two|", "three|");
    String whole = String.join("", writes);
    Set<Integer> writesReached = new TreeSet<>();
    for (long seed = 0; seed < 200; seed++) {
      SimDisk disk = new SimDisk(DiskOptions.none().withTornWriteRatio(Ratio.ALWAYS), new Xoshiro256(seed));
      disk.attach(new ManualTimer());
      DiskFile file = disk.open("log");
      writes.forEach(w -> file.append(bytes(w))); // none synced

      disk.crash();

      String after = text(disk.open("log"));
      assertThat(after).as("seed %d: a prefix of what was written, in order", seed).isNotEmpty();
      assertThat(whole).startsWith(after);
      assertThat(after).isNotEqualTo(whole); // the last write that reached the disk is torn
      int reached = 0;
      for (int end = 0; end < after.length(); reached++) {
        end += writes.get(reached).length();
      }
      writesReached.add(reached);
    }
    assertThat(writesReached).as("the first, the first two and all three writes reached the disk")
        .containsExactly(1, 2, 3);
  }

  @Test
  void writesDuringSync_waitForNextSync() {
    SimDisk disk = disk(DiskOptions.none());
    DiskFile file = disk.open("data");
    List<String> events = new ArrayList<>();
    file.append(bytes("a"));
    file.sync(() -> events.add("sync1:" + disk.stats().syncs()));
    file.append(bytes("b")); // issued while sync 1 runs
    file.sync(() -> events.add("sync2"));

    assertThat(timer.runNext()).isTrue(); // sync 1 completes; sync 2 starts only now
    assertThat(events).containsExactly("sync1:1");
    assertThat(timer.pending()).isEqualTo(1);

    restart(disk); // sync 2 never completes
    assertThat(text(disk.open("data"))).isEqualTo("a");
    assertThat(events).containsExactly("sync1:1");
  }

  @Test
  void crashDuringSync_callbackNeverRuns_andWritesMayBeLost() {
    SimDisk disk = disk(DiskOptions.none());
    DiskFile file = disk.open("data");
    file.append(bytes("in flight"));
    AtomicInteger durable = new AtomicInteger();
    file.sync(durable::incrementAndGet);
    ManualTimer oldTimer = timer;

    restart(disk);
    oldTimer.runAll(); // even a timer that outlived the crash must not complete the old sync

    assertThat(durable).hasValue(0);
    assertThat(disk.open("data").size()).isZero();
    assertThat(disk.stats().syncs()).isZero();
    assertThatThrownBy(() -> {
      SimDisk detached = new SimDisk(DiskOptions.none(), new Xoshiro256(SEED));
      detached.open("x").sync(() -> {});
    }).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void corrupt_flipsStoredBytes() {
    SimDisk disk = disk(DiskOptions.none());
    byte[] original = bytes("0123456789abcdef");
    disk.open("empty");
    DiskFile file = disk.open("data");
    file.append(original);
    file.sync(() -> {});
    timer.runAll();

    Corruption corruption = disk.corrupt(new Xoshiro256(7)).orElseThrow();

    assertThat(corruption.file()).isEqualTo("data"); // the only file with durable content
    byte[] after = file.read(0, original.length);
    for (int i = 0; i < original.length; i++) {
      int expected = i == corruption.offset() ? original[i] ^ corruption.mask() : original[i];
      assertThat(after[i]).as("byte %d", i).isEqualTo((byte) expected);
    }
    assertThat(corruption.mask()).isBetween(1, 255);
    restart(disk);
    assertThat(disk.open("data").read(0, original.length)).isEqualTo(after); // stored, not cached
    assertThat(disk.corrupt(new Xoshiro256(7))).contains(corruption); // same seed, same fault
    assertThat(disk.stats().corruptions()).isEqualTo(2);
    assertThat(new SimDisk(DiskOptions.none(), new Xoshiro256(1)).corrupt(new Xoshiro256(1))).isEmpty();
  }

  @Test
  void corruptNearTheEnd_flipsAByteWithinTheLastBytes_andAnywhereIsTheOneArgumentForm() {
    SimDisk disk = disk(DiskOptions.none());
    DiskFile file = disk.open("data");
    file.append(new byte[1_000]);
    file.sync(() -> {});
    timer.runAll();

    for (long seed = 0; seed < 200; seed++) {
      assertThat(disk.corrupt(new Xoshiro256(seed), 16).orElseThrow().offset()).isBetween(984L, 999L);
      assertThat(disk.corrupt(new Xoshiro256(seed), 0)).isEqualTo(disk.corrupt(new Xoshiro256(seed)));
      assertThat(disk.corrupt(new Xoshiro256(seed), 5_000)).isEqualTo(disk.corrupt(new Xoshiro256(seed)));
    }
    assertThat(disk.corrupt(new Xoshiro256(3), 1).orElseThrow().offset()).isEqualTo(999);
    assertThatThrownBy(() -> disk.corrupt(new Xoshiro256(3), -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rename_isAtomic() {
    SimDisk disk = disk(DiskOptions.none().withTornWriteRatio(Ratio.ALWAYS));
    DiskFile old = disk.open("current");
    old.append(bytes("old state"));
    old.sync(() -> {});
    DiskFile next = disk.open("current.tmp");
    next.append(bytes("new state"));
    next.sync(() -> {});
    timer.runAll();

    disk.rename("current.tmp", "current");

    assertThat(disk.list()).containsExactly("current");
    assertThat(next.name()).isEqualTo("current"); // the handle follows the file
    restart(disk);
    assertThat(text(disk.open("current"))).isEqualTo("new state");

    // Rename does not sync: the source's unsynced bytes stay unsynced under the new name.
    DiskFile unsynced = disk.open("b");
    unsynced.append(bytes("x"));
    disk.rename("b", "current");
    disk.delete("absent"); // nothing to do
    restart(disk);
    assertThat(disk.list()).containsExactly("current");
    assertThat(disk.open("current").size()).isZero();
    assertThatThrownBy(() -> disk.rename("missing", "current")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reads_seeUnsyncedWrites() {
    SimDisk disk = disk(DiskOptions.none());
    DiskFile file = disk.open("data");
    file.append(bytes("abcdef"));
    file.write(2, bytes("XY"));
    file.write(6, bytes("gh"));
    file.truncate(7);

    assertThat(text(file)).isEqualTo("abXYefg");
    assertThat(file.read(5, 100)).isEqualTo(bytes("fg"));
    assertThat(file.read(100, 4)).isEmpty();
    assertThatThrownBy(() -> file.write(9, bytes("hole"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> file.truncate(8)).isInstanceOf(IllegalArgumentException.class);
    byte[] reused = bytes("zz");
    file.append(reused);
    Arrays.fill(reused, (byte) '!');
    assertThat(text(file)).isEqualTo("abXYefgzz"); // writes copy the caller's buffer
  }

  @Test
  void options_validate() {
    assertThat(DiskOptions.none().tornWriteRatio().isNever()).isTrue();
    assertThatThrownBy(() -> new DiskOptions(5, 4, Ratio.NEVER)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DiskOptions(-1, 4, Ratio.NEVER)).isInstanceOf(IllegalArgumentException.class);
  }
}
