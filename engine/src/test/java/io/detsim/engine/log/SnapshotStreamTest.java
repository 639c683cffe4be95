package io.detsim.engine.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.sim.disk.DiskOptions;
import io.detsim.sim.disk.ManualTimer;
import io.detsim.sim.disk.SimDisk;
import io.detsim.sim.port.DiskFile;
import io.detsim.sim.random.Xoshiro256;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/**
 * A snapshot streamed in chunks (the real runtime) leaves the very bytes a snapshot written whole
 * leaves (simulation), so either log recovers the other's files; and the checksum it needs, over
 * the header before the payload, comes out right from the two parts' checksums.
 */
class SnapshotStreamTest {

  @Test
  void combine_givesTheChecksumOfTheConcatenation() {
    Random random = new Random(7);
    for (int lengthA : new int[] {0, 1, 24, 1_000}) {
      for (int lengthB : new int[] {0, 1, 3, 4, 7, 8, 1_000, 65_537}) {
        byte[] a = new byte[lengthA];
        byte[] b = new byte[lengthB];
        random.nextBytes(a);
        random.nextBytes(b);
        byte[] both = Arrays.copyOf(a, lengthA + lengthB);
        System.arraycopy(b, 0, both, lengthA, lengthB);
        assertThat(Crc32cCombine.combine(crc(a), crc(b), lengthB)).as("%d + %d bytes", lengthA, lengthB)
            .isEqualTo(crc(both));
      }
    }
  }

  @Test
  void streamedSnapshot_isByteForByteTheWholeOne_andRecovers() {
    byte[] payload = new byte[100_003]; // not a multiple of the chunk: the last chunk is short
    new Random(11).nextBytes(payload);
    byte[] whole = snapshotFile(WalOptions.none(), payload);
    byte[] streamed = snapshotFile(WalOptions.none().withSnapshotChunkBytes(4_096), payload);

    assertThat(streamed).isEqualTo(whole);
    assertThat(LogFormat.decodeSnapshot(streamed)).isNotNull()
        .satisfies(snapshot -> assertThat(snapshot.payload()).isEqualTo(payload));
  }

  /** Compacts a fresh log into {@code payload}, lets it install, and returns the snapshot file's bytes. */
  private static byte[] snapshotFile(WalOptions options, byte[] payload) {
    ManualTimer timer = new ManualTimer();
    SimDisk disk = new SimDisk(DiskOptions.none(), new Xoshiro256(1));
    disk.attach(timer);
    WriteAheadLog log = WriteAheadLog.recover(disk, options, type -> true).log();
    log.append(1, new byte[] {1, 2, 3});
    boolean[] installed = {false};
    log.compact(out -> {
      for (int i = 0; i < payload.length; i += 1_000) { // in pieces, as a codec writes
        out.write(payload, i, Math.min(1_000, payload.length - i));
      }
    }, () -> installed[0] = true);
    timer.runAll();
    assertThat(installed[0]).isTrue();
    DiskFile file = disk.open(LogFiles.SNAPSHOT);
    return file.read(0, (int) file.size());
  }

  private static int crc(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    return (int) crc.getValue();
  }
}
