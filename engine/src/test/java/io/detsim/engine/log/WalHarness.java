package io.detsim.engine.log;

import io.detsim.engine.planted.EngineMutant;
import io.detsim.sim.disk.DiskOptions;
import io.detsim.sim.disk.ManualTimer;
import io.detsim.sim.disk.SimDisk;
import io.detsim.sim.port.RandomSource;
import io.detsim.sim.random.Xoshiro256;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One node's log on a simulated disk, driven through crashes, with a model of what the caller was
 * promised: the payloads appended, in LSN order, and how many of them a commit callback acknowledged.
 */
final class WalHarness {
  final SimDisk disk;
  final Set<EngineMutant> planted;
  ManualTimer timer = new ManualTimer();
  WriteAheadLog log;
  /** Payloads by LSN, as appended in the current history; the caller's state is all of them. */
  final List<byte[]> history = new ArrayList<>();
  /** Every LSN below this one was acknowledged by a commit callback. */
  long ackedEndLsn;
  long compactionsStarted;
  /** What the last recovery cut. */
  List<Cut> lastCuts = List.of();

  WalHarness(long seed, DiskOptions diskOptions, Set<EngineMutant> planted) {
    this.disk = new SimDisk(diskOptions, new Xoshiro256(seed));
    this.planted = planted;
  }

  /** Starts (or restarts) the node: recovers, checks the recovery against the model, adopts it. */
  Optional<String> start() {
    disk.attach(timer);
    Recovery recovery = WriteAheadLog.recover(disk, WalOptions.none(), planted, type -> type != 0);
    log = recovery.log();
    lastCuts = recovery.cuts();
    List<byte[]> rebuilt = rebuild(recovery);
    Optional<String> violation = check(rebuilt, recovery);
    history.clear();
    history.addAll(rebuilt);
    ackedEndLsn = Math.min(ackedEndLsn, rebuilt.size()); // only if the check failed
    return violation;
  }

  void crash() {
    disk.crash();
    timer = new ManualTimer(); // the dead incarnation's timers are gone
  }

  /** One step of a random workload: append, commit, compact, or let virtual time run to the next event. */
  void randomStep(RandomSource random) {
    int action = random.nextInt(20);
    if (action < 7) {
      append(random);
    } else if (action < 10) {
      commit();
    } else if (action < 11 && !log.isCompacting()) {
      compact();
    } else {
      timer.runNext();
    }
  }

  void append(RandomSource random) {
    byte[] payload = new byte[random.nextInt(24)];
    for (int i = 0; i < payload.length; i++) {
      payload[i] = (byte) random.nextLong();
    }
    long lsn = log.append(1 + random.nextInt(3), payload);
    if (lsn != history.size()) {
      throw new AssertionError("append got LSN " + lsn + ", expected " + history.size());
    }
    history.add(payload);
  }

  void commit() {
    long end = log.nextLsn();
    log.commit(() -> ackedEndLsn = Math.max(ackedEndLsn, end));
  }

  void compact() {
    compactionsStarted++;
    log.compact(encodeState(history), () -> {});
  }

  /** The caller's state after recovery: the snapshot's payloads, then the records'. */
  private static List<byte[]> rebuild(Recovery recovery) {
    List<byte[]> state = new ArrayList<>(recovery.snapshot().map(WalHarness::decodeState).orElse(List.of()));
    if (state.size() != recovery.snapshotEndLsn()) {
      throw new AssertionError("snapshot holds " + state.size() + " records but ends at " + recovery.snapshotEndLsn());
    }
    for (LogRecord record : recovery.records()) {
      if (record.lsn() != state.size()) {
        throw new AssertionError("record " + record.lsn() + " after " + state.size() + " records: a gap");
      }
      state.add(record.payload());
    }
    return state;
  }

  /** Every acknowledged record is back; nothing else is, except records appended in this history. */
  private Optional<String> check(List<byte[]> rebuilt, Recovery recovery) {
    if (rebuilt.size() < ackedEndLsn) {
      return Optional.of("lost acknowledged records: recovered " + rebuilt.size() + " of " + ackedEndLsn
          + " acknowledged; cuts " + recovery.cuts());
    }
    if (rebuilt.size() > history.size()) {
      return Optional.of("recovered " + rebuilt.size() + " records, only " + history.size() + " were appended");
    }
    for (int i = 0; i < rebuilt.size(); i++) {
      if (!Arrays.equals(rebuilt.get(i), history.get(i))) {
        return Optional.of("record " + i + " came back different: garbage");
      }
    }
    return Optional.empty();
  }

  static byte[] encodeState(List<byte[]> payloads) {
    int size = 4;
    for (byte[] payload : payloads) {
      size += 4 + payload.length;
    }
    ByteBuffer buffer = ByteBuffer.allocate(size).putInt(payloads.size());
    for (byte[] payload : payloads) {
      buffer.putInt(payload.length).put(payload);
    }
    return buffer.array();
  }

  static List<byte[]> decodeState(byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    List<byte[]> payloads = new ArrayList<>();
    for (int count = buffer.getInt(); count > 0; count--) {
      byte[] payload = new byte[buffer.getInt()];
      buffer.get(payload);
      payloads.add(payload);
    }
    return payloads;
  }
}
