package io.detsim.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.sim.port.DiskFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real disk: group commit batches syncs, files survive a reopen, rename replaces atomically. */
class RealDiskTest {
  @TempDir
  Path folder;

  /** Runs callbacks on the sync thread itself and remembers failures. */
  static final class DirectOwner implements DiskOwner {
    final List<Throwable> failures = new CopyOnWriteArrayList<>();

    @Override
    public Runnable whenDurable(Runnable onDurable) {
      return onDurable;
    }

    @Override
    public void diskFailed(Throwable error) {
      failures.add(error);
    }
  }

  @Test
  void groupCommit_syncRequestsDuringAForceShareTheNextForce() throws Exception {
    CountDownLatch firstForceStarted = new CountDownLatch(1);
    CountDownLatch releaseFirstForce = new CountDownLatch(1);
    AtomicInteger forces = new AtomicInteger();
    Forcer gated = channel -> {
      if (forces.incrementAndGet() == 1) {
        firstForceStarted.countDown();
        await(releaseFirstForce);
      }
      channel.force(false);
    };
    DirectOwner owner = new DirectOwner();
    RealDisk disk = new RealDisk(folder.resolve("node"), "node", owner, gated);
    DiskFile log = disk.open("wal-1.log");
    int requests = 100;
    CountDownLatch durable = new CountDownLatch(requests);
    log.append(bytes("record 0\n"));
    log.sync(durable::countDown);
    firstForceStarted.await();
    for (int i = 1; i < requests; i++) { // all of these arrive while the first force runs
      log.append(bytes("record " + i + "\n"));
      log.sync(durable::countDown);
    }
    releaseFirstForce.countDown();
    durable.await();
    RealDiskStats stats = disk.stats();
    disk.close();
    assertThat(stats.syncRequests()).isEqualTo(requests);
    assertThat(stats.forces()).as("100 sync requests, 2 forces: the first, and one for all that waited")
        .isEqualTo(2);
    assertThat(owner.failures).isEmpty();
  }

  @Test
  void callbacksRunInRequestOrder() throws Exception {
    DirectOwner owner = new DirectOwner();
    RealDisk disk = new RealDisk(folder.resolve("node"), "node", owner, Forcer.FDATASYNC);
    DiskFile file = disk.open("data");
    List<Integer> order = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(50);
    for (int i = 0; i < 50; i++) {
      int index = i;
      file.append(bytes("x"));
      file.sync(() -> {
        order.add(index);
        done.countDown();
      });
    }
    done.await();
    disk.close();
    assertThat(order).isSorted().hasSize(50);
  }

  @Test
  void reopen_afterClose_findsWhatWasWritten_andWritesAndTruncatesInPlace() throws Exception {
    DirectOwner owner = new DirectOwner();
    RealDisk disk = new RealDisk(folder.resolve("node"), "node", owner, Forcer.FDATASYNC);
    DiskFile file = disk.open("wal-1.log");
    assertThat(file.append(bytes("hello "))).isEqualTo(0);
    assertThat(file.append(bytes("world"))).isEqualTo(6);
    file.write(0, bytes("HELLO"));
    CountDownLatch synced = new CountDownLatch(1);
    file.sync(synced::countDown);
    synced.await();
    disk.close();

    RealDisk reopened = new RealDisk(folder.resolve("node"), "node", owner, Forcer.FDATASYNC);
    assertThat(reopened.list()).containsExactly("wal-1.log");
    DiskFile again = reopened.open("wal-1.log");
    assertThat(again.size()).isEqualTo(11);
    assertThat(new String(again.read(0, 100), StandardCharsets.UTF_8)).isEqualTo("HELLO world");
    assertThat(new String(again.read(6, 3), StandardCharsets.UTF_8)).isEqualTo("wor");
    again.truncate(5);
    assertThat(again.size()).isEqualTo(5);
    assertThat(Files.size(folder.resolve("node/wal-1.log"))).isEqualTo(5);
    reopened.close();
  }

  @Test
  void rename_replacesTheTarget_andDeleteRemoves() throws Exception {
    DirectOwner owner = new DirectOwner();
    RealDisk disk = new RealDisk(folder.resolve("node"), "node", owner, Forcer.FDATASYNC);
    disk.open("wal.snapshot").append(bytes("old"));
    DiskFile fresh = disk.open("wal-2.snapshot.tmp");
    fresh.append(bytes("new snapshot"));
    disk.rename("wal-2.snapshot.tmp", "wal.snapshot");
    assertThat(disk.list()).containsExactly("wal.snapshot");
    assertThat(fresh.name()).as("the handle follows the file").isEqualTo("wal.snapshot");
    assertThat(new String(disk.open("wal.snapshot").read(0, 100), StandardCharsets.UTF_8)).isEqualTo("new snapshot");
    disk.delete("wal.snapshot");
    assertThat(disk.exists("wal.snapshot")).isFalse();
    assertThat(disk.list()).isEmpty();
    disk.close();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
