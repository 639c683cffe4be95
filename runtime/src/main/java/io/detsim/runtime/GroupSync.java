package io.detsim.runtime;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sync thread of one disk: group commit at the device. Sync requests queue up while a force
 * round runs; the next round takes all of them, forces each file they name once, then hands every
 * callback to its owner. Under load one force therefore covers many requests, which is what
 * {@code DiskFile.sync}'s contract ("writes issued while it runs wait for the next one") lets a
 * real disk do.
 *
 * <p>A force covers every write issued before it starts, because a request is queued only after
 * the writes before it returned from {@code FileChannel.write}. Callbacks run in request order.
 */
final class GroupSync {
  private record Request(RealDiskFile file, Runnable done) {}

  private final DiskOwner owner;
  private final Forcer forcer;
  private final Thread thread;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong rounds = new AtomicLong();
  private final AtomicLong forces = new AtomicLong();
  private List<Request> pending = new ArrayList<>(); // guarded by this
  private boolean closed; // guarded by this

  GroupSync(String name, DiskOwner owner, Forcer forcer) {
    this.owner = owner;
    this.forcer = forcer;
    this.thread = new Thread(this::loop, "detsim-sync-" + name);
    this.thread.setDaemon(true);
    this.thread.start();
  }

  void request(RealDiskFile file, Runnable onDurable) {
    Runnable done = owner.whenDurable(onDurable);
    synchronized (this) {
      if (closed) {
        return; // shutting down: the callback never runs, as after a crash
      }
      requests.incrementAndGet();
      pending.add(new Request(file, done));
      notifyAll();
    }
  }

  long requests() {
    return requests.get();
  }

  long rounds() {
    return rounds.get();
  }

  long forces() {
    return forces.get();
  }

  /** Stops after the round in progress; requests still queued are dropped. */
  void close() throws InterruptedException {
    synchronized (this) {
      closed = true;
      notifyAll();
    }
    thread.join();
  }

  private void loop() {
    while (true) {
      List<Request> round;
      synchronized (this) {
        while (pending.isEmpty() && !closed) {
          try {
            wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        if (closed) {
          return;
        }
        round = pending;
        pending = new ArrayList<>();
      }
      try {
        runRound(round);
      } catch (RuntimeException | Error failure) { // this thread must not end silently: the node would wait for ever
        owner.diskFailed(failure);
      }
    }
  }

  private void runRound(List<Request> round) {
    rounds.incrementAndGet();
    Set<RealDiskFile> files = new LinkedHashSet<>();
    for (Request request : round) {
      files.add(request.file());
    }
    try {
      for (RealDiskFile file : files) {
        file.force(forcer);
        forces.incrementAndGet();
      }
    } catch (IOException | RuntimeException | Error e) {
      owner.diskFailed(e); // no callback of this round may claim durability; the owner stops
      return;
    }
    for (Request request : round) {
      request.done().run();
    }
  }
}
