package io.detsim.engine.log;

import io.detsim.engine.planted.EngineMutant;
import io.detsim.sim.disk.DiskOptions;
import io.detsim.sim.disk.ManualTimer;
import io.detsim.sim.disk.SimDisk;
import io.detsim.sim.port.Ratio;
import io.detsim.sim.random.Xoshiro256;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


class WriteAheadLogTest {
  private static final long SEED = 0xC0FFEEL;
  private static final String FIRST_SEGMENT = LogFiles.segment(1);

  private ManualTimer timer = new ManualTimer();
  private SimDisk disk = new SimDisk(DiskOptions.none(), new Xoshiro256(SEED));

  private Recovery start() {
    return start(Set.of());
  }

  private Recovery start(Set<EngineMutant> planted) {
    disk.attach(timer);
    return WriteAheadLog.recover(disk, WalOptions.none(), planted, type -> true);
  }

  private void crash() {
    disk.crash();
    timer = new ManualTimer(); // the dead incarnation's timers are gone
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  /** Appends, commits, and lets the sync complete: the record is acknowledged. */
  private long appendDurably(WriteAheadLog log, String text) {
    long lsn = log.append(1, bytes(text));
    boolean[] durable = {false};
    log.commit(() -> durable[0] = true);
    timer.runAll();
    assertThat(durable[0]).as("record %d acknowledged", lsn).isTrue();
    return lsn;
  }

  @Test
  void appendAndRecover_roundTripsTypesAndPayloads() {
    WriteAheadLog log = start().log();
    byte[] large = new byte[10_000];
    for (int i = 0; i < large.length; i++) {
      large[i] = (byte) (i * 7);
    }
    assertThat(log.append(0, new byte[0])).isZero();
    assertThat(log.append(255, bytes("x"))).isEqualTo(1);
    assertThat(log.append(7, large)).isEqualTo(2);
    log.commit(() -> {});
    timer.runAll();
    crash();

    Recovery recovery = start();

    assertThat(recovery.records()).containsExactly(
        new LogRecord(0, 0, new byte[0]), new LogRecord(1, 255, bytes("x")), new LogRecord(2, 7, large));
    assertThat(recovery.cuts()).isEmpty();
    assertThat(recovery.snapshot()).isEmpty();
    assertThat(recovery.log().nextLsn()).isEqualTo(3);
    assertThatThrownBy(() -> recovery.log().append(256, new byte[0])).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void recovery_afterCleanShutdown_continuesTheLog() {
    Recovery empty = start();
    assertThat(empty.records()).isEmpty();
    assertThat(disk.list()).containsExactly(FIRST_SEGMENT);
    appendDurably(empty.log(), "a");
    appendDurably(empty.log(), "b");
    crash();

    WriteAheadLog log = start().log();
    assertThat(appendDurably(log, "c")).isEqualTo(2);
    crash();

    Recovery recovery = start();
    assertThat(recovery.records()).extracting(LogRecord::lsn).containsExactly(0L, 1L, 2L);
    assertThat(recovery.records().get(2).payload()).isEqualTo(bytes("c"));
    assertThat(recovery.cuts()).isEmpty();
    assertThat(disk.list()).containsExactly(FIRST_SEGMENT);
  }

  @Test
  void tornTail_isCut_andLaterAppendsSurviveNextRecovery() {
    disk = new SimDisk(DiskOptions.none().withTornWriteRatio(Ratio.ALWAYS), new Xoshiro256(SEED));
    WriteAheadLog log = start().log();
    appendDurably(log, "acknowledged");
    long sizeBeforeTorn = disk.open(FIRST_SEGMENT).size();
    log.append(1, bytes("never synced, torn by the crash"));
    crash();
    long tornSize = disk.open(FIRST_SEGMENT).size();
    assertThat(tornSize).isGreaterThan(sizeBeforeTorn); // a prefix of the record is on disk

    Recovery recovery = start();

    assertThat(recovery.records()).extracting(LogRecord::lsn).containsExactly(0L);
    assertThat(recovery.cuts()).singleElement().satisfies(cut -> {
      assertThat(cut.offsetBytes()).isEqualTo(sizeBeforeTorn);
      assertThat(cut.lengthBytes()).isEqualTo(tornSize - sizeBeforeTorn);
      assertThat(cut.lsn()).isEqualTo(1);
      assertThat(cut.reason()).isIn(Cut.Reason.SHORT_HEADER, Cut.Reason.LENGTH_PAST_END, Cut.Reason.CHECKSUM_MISMATCH);
    });
    assertThat(disk.open(FIRST_SEGMENT).size()).isEqualTo(sizeBeforeTorn);
    assertThat(appendDurably(recovery.log(), "after the cut")).isEqualTo(1);
    crash();
    Recovery next = start();
    assertThat(next.records()).extracting(record -> new String(record.payload(), UTF_8))
        .containsExactly("acknowledged", "after the cut");
    assertThat(next.cuts()).isEmpty();
  }

  @Test
  void corruptRecordInMiddle_stopsRecoveryThere() {
    WriteAheadLog log = start().log();
    for (int i = 0; i < 5; i++) {
      appendDurably(log, "record-" + i + "!!"); // 10 bytes each: 19 with the record header
    }
    long recordTwo = LogFormat.SEGMENT_HEADER_BYTES + 2 * 19L;
    // Aim the disk fault: the only file, byte 3 of record 2's payload, mask 0x01 + 0x3f.
    var corruption = disk.corrupt(new ScriptedRandom(0, recordTwo + 9 + 3, 0x3f)).orElseThrow();
    assertThat(corruption.file()).isEqualTo(FIRST_SEGMENT);
    crash();

    Recovery recovery = start();

    assertThat(recovery.records()).extracting(LogRecord::lsn).containsExactly(0L, 1L);
    assertThat(recovery.cuts()).containsExactly(
        new Cut(FIRST_SEGMENT, recordTwo, 3 * 19L, 2, Cut.Reason.CHECKSUM_MISMATCH));
    assertThat(recovery.log().append(1, bytes("next"))).isEqualTo(2); // records 2..4 are gone, synced or not
  }

  @Test
  void unknownType_stopsRecoveryThere() {
    WriteAheadLog log = start().log();
    log.append(1, bytes("known"));
    log.append(9, bytes("from a newer writer"));
    log.append(1, bytes("known"));
    log.commit(() -> {});
    timer.runAll();
    crash();
    disk.attach(timer);

    Recovery recovery = WriteAheadLog.recover(disk, WalOptions.none(), type -> type == 1);

    assertThat(recovery.records()).hasSize(1);
    assertThat(recovery.cuts()).singleElement().extracting(Cut::reason).isEqualTo(Cut.Reason.UNKNOWN_TYPE);
  }

  @Test
  void groupCommit_appendsDuringASyncShareExactlyOneMoreSync() {
    WriteAheadLog log = start().log();
    List<Long> acknowledged = new ArrayList<>();
    long first = log.append(1, bytes("first"));
    log.commit(() -> acknowledged.add(first));
    for (int i = 0; i < 10; i++) { // all issued while the first sync is in flight
      long lsn = log.append(1, bytes("more-" + i));
      log.commit(() -> acknowledged.add(lsn));
    }
    assertThat(log.stats().syncs()).isEqualTo(1);

    assertThat(timer.runNext()).isTrue(); // the first sync completes
    assertThat(acknowledged).containsExactly(0L);
    assertThat(log.durableLsn()).isEqualTo(1);
    timer.runAll();

    assertThat(acknowledged).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    assertThat(log.stats()).isEqualTo(new WalStats(11, 2, 2, 0));
    assertThat(disk.stats().syncs()).isEqualTo(2);
  }

  @Test
  void groupCommit_underSteadyLoad_needsFewSyncsPerRecord() {
    WriteAheadLog log = start().log(); // sync latency 100 us .. 2 ms
    int records = 1_000;
    long arrivalNanos = 20_000; // one record every 20 us: 50,000 records/s
    List<Long> acknowledged = new ArrayList<>();
    for (int i = 0; i < records; i++) {
      timer.schedule(i * arrivalNanos, () -> {
        long lsn = log.append(1, bytes("observation"));
        log.commit(() -> acknowledged.add(lsn));
      });
    }
    timer.runAll();

    assertThat(acknowledged).hasSize(records).isSorted();
    double syncsPerRecord = (double) log.stats().syncs() / records;
    System.out.printf("group commit: %d syncs for %d records = %.3f syncs/record%n",
        log.stats().syncs(), records, syncsPerRecord);
    assertThat(syncsPerRecord).isLessThan(0.1);
  }

  @Test
  void commit_callbacksRunInLsnOrder_evenWhenOneCommitsAgain() {
    WriteAheadLog log = start().log();
    List<String> order = new ArrayList<>();
    log.append(1, bytes("a"));
    log.commit(() -> {
      order.add("a");
      log.commit(() -> order.add("a-again")); // already durable, but must not overtake "b"
    });
    log.commit(() -> order.add("b"));
    timer.runAll();
    assertThat(order).containsExactly("a", "b", "a-again");

    log.commit(() -> order.add("nothing new")); // durable already: runs at once, no sync
    assertThat(order).endsWith("nothing new");
    assertThat(log.stats().syncs()).isEqualTo(1);
  }

  @Test
  void recoveredRecords_countAsDurableOnlyAfterASync() {
    appendDurably(start().log(), "a");
    crash();
    WriteAheadLog log = start().log();
    boolean[] durable = {false};

    log.commit(() -> durable[0] = true);

    assertThat(durable[0]).isFalse(); // after a process crash the OS may still hold them unsynced
    timer.runAll();
    assertThat(durable[0]).isTrue();
  }

  @Test
  void compaction_recoversSnapshotPlusTail_andDeletesOldSegments() {
    WriteAheadLog log = start().log();
    appendDurably(log, "a");
    appendDurably(log, "b");
    boolean[] installed = {false};
    log.compact(bytes("state after a, b"), () -> installed[0] = true);
    assertThatThrownBy(() -> log.compact(bytes("again"), () -> {})).isInstanceOf(IllegalStateException.class);
    log.append(1, bytes("c")); // lands in the new segment
    log.commit(() -> {});
    timer.runAll();
    assertThat(installed[0]).isTrue();
    assertThat(disk.list()).containsExactly(LogFiles.segment(2), LogFiles.SNAPSHOT);
    crash();

    Recovery recovery = start();

    assertThat(recovery.snapshot()).hasValueSatisfying(state -> assertThat(state).isEqualTo(bytes("state after a, b")));
    assertThat(recovery.snapshotEndLsn()).isEqualTo(2);
    assertThat(recovery.records()).containsExactly(new LogRecord(2, 1, bytes("c")));
    assertThat(recovery.cuts()).isEmpty();
  }

  @Test
  void crashBeforeSnapshotIsInstalled_recoversTheOldState() {
    // The disk's latency draws, scripted: "a" syncs, the snapshot's sync is slow, "b"'s is fast.
    disk = new SimDisk(DiskOptions.none().withSyncLatencyNanos(0, 1_000), new ScriptedRandom(10, 900, 20));
    WriteAheadLog log = start().log();
    appendDurably(log, "a");
    boolean[] installed = {false};
    log.compact(bytes("state after a"), () -> installed[0] = true);
    log.append(1, bytes("b")); // in the new segment
    boolean[] durable = {false};
    log.commit(() -> durable[0] = true);
    timer.runNext();
    assertThat(durable[0]).isTrue();
    assertThat(installed[0]).isFalse();
    assertThat(disk.list()).contains(LogFiles.snapshotTemp(2)).doesNotContain(LogFiles.SNAPSHOT);
    crash();

    Recovery recovery = start();

    assertThat(recovery.snapshot()).isEmpty();
    assertThat(recovery.records()).extracting(record -> new String(record.payload(), UTF_8))
        .containsExactly("a", "b");
    assertThat(recovery.cuts()).extracting(Cut::reason).containsExactly(Cut.Reason.ABANDONED_COMPACTION);
    assertThat(disk.list()).containsExactly(FIRST_SEGMENT, LogFiles.segment(2));
  }

  @Test
  void tornTailNotCutMutant_losesAnAcknowledgedRecord() {
    Set<EngineMutant> mutant = Set.of(EngineMutant.TORN_TAIL_NOT_CUT);
    disk = new SimDisk(DiskOptions.none().withTornWriteRatio(Ratio.ALWAYS), new Xoshiro256(SEED));
    WriteAheadLog log = start(mutant).log();
    appendDurably(log, "acknowledged");
    log.append(1, bytes("torn by the crash"));
    crash();
    Recovery recovery = start(mutant);
    assertThat(recovery.cuts()).hasSize(1); // reported, but the garbage stays
    appendDurably(recovery.log(), "acknowledged after recovery");
    crash();

    Recovery next = start(mutant);

    assertThat(next.records()).extracting(record -> new String(record.payload(), UTF_8))
        .containsExactly("acknowledged") // "acknowledged after recovery" is lost
        .doesNotContain("acknowledged after recovery");
  }
}
