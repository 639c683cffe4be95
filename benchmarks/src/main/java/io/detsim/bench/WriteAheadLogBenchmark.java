package io.detsim.bench;

import io.detsim.engine.log.WriteAheadLog;
import io.detsim.sim.disk.DiskOptions;
import io.detsim.sim.disk.SimDisk;
import io.detsim.sim.disk.SyncTimer;
import io.detsim.sim.random.Xoshiro256;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * CPU cost per record of the write-ahead log: encoding, CRC-32C, the append to the simulated file
 * and the group-commit bookkeeping. One operation is one record.
 *
 * <p>Records are appended in groups of {@code group}; after each group one commit is awaited and
 * the sync round is run to completion, so every record is durable before the next group starts,
 * as when a worker acknowledges a batch. The simulated disk's sync "latency" is virtual: a FIFO
 * timer runs completions at once, so no time passes and only CPU is measured. The simulated disk
 * keeps files in memory; to keep the heap flat the log is compacted (with an empty snapshot) every
 * {@value #RECORDS_PER_COMPACTION} records, which drops the old segment; that cost is included and
 * is well under a percent of the total.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar WriteAheadLogBenchmark</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class WriteAheadLogBenchmark {
  static final int RECORDS_PER_COMPACTION = 1 << 16;
  private static final int RECORD_TYPE = 1;
  private static final byte[] EMPTY_SNAPSHOT = new byte[0];

  /** 100 bytes: a small observation; 3,100 bytes: one with a 768-float vector. */
  @Param({"100", "3100"})
  public int payloadBytes;

  /** Records per commit: 1 is one sync per record, 100 a worker's batch. */
  @Param({"1", "100"})
  public int group;

  private final ArrayDeque<Runnable> dueTasks = new ArrayDeque<>();
  private WriteAheadLog log;
  private byte[] payload;
  private int inGroup;
  private int sinceCompaction;
  private long acknowledged;

  @Setup(Level.Trial)
  public void setUp() {
    SimDisk disk = new SimDisk(DiskOptions.none(), new Xoshiro256(7));
    SyncTimer immediate = (delayNanos, task) -> dueTasks.addLast(task);
    disk.attach(immediate);
    log = WriteAheadLog.recover(disk).log();
    payload = new byte[payloadBytes];
    Xoshiro256 random = new Xoshiro256(8);
    for (int i = 0; i < payload.length; i++) {
      payload[i] = (byte) random.nextLong();
    }
  }

  @Benchmark
  public long appendRecord() {
    long lsn = log.append(RECORD_TYPE, payload);
    if (++inGroup == group) {
      inGroup = 0;
      log.commit(() -> acknowledged++);
      runDueTasks();
      if (++sinceCompaction * (long) group >= RECORDS_PER_COMPACTION) {
        sinceCompaction = 0;
        log.compact(EMPTY_SNAPSHOT, () -> {});
        runDueTasks();
      }
    }
    return lsn;
  }

  private void runDueTasks() {
    Runnable task;
    while ((task = dueTasks.pollFirst()) != null) {
      task.run();
    }
  }
}
