package io.detsim.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detsim.sim.port.Node;
import io.detsim.sim.port.NodeContext;
import io.detsim.sim.port.NodeId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real runtime keeps the port's contract: FIFO mailboxes, one handler at a time, timers, lives. */
class RealRuntimeTest {
  @TempDir
  Path folder;
  private RealRuntime runtime;

  @AfterEach
  void stop() {
    if (runtime != null) {
      runtime.shutdown();
    }
    assertThat(RealThreads.alive()).as("no detsim thread outlives its runtime").isEmpty();
  }

  /** Records what it receives; "boom" makes it throw, "oom" throw an OutOfMemoryError. */
  static final class Recorder implements Node {
    final NodeContext context;
    final List<Object> received = new ArrayList<>(); // touched by the node's thread only
    volatile Thread handlerThread;
    volatile boolean concurrentHandler;
    private boolean inHandler;

    Recorder(NodeContext context) {
      this.context = context;
    }

    @Override
    public void onMessage(NodeId source, Object message) {
      if (inHandler) {
        concurrentHandler = true;
      }
      inHandler = true;
      handlerThread = Thread.currentThread();
      if ("boom".equals(message)) {
        throw new IllegalStateException("boom");
      }
      if ("oom".equals(message)) {
        throw new OutOfMemoryError("thrown by the test");
      }
      received.add(message);
      inHandler = false;
    }
  }

  @Test
  void mailbox_deliversEachSendersMessagesInOrder_oneHandlerAtATime() throws Exception {
    runtime = new RealRuntime(folder, 1);
    NodeId target = runtime.addNode("target", Recorder::new);
    runtime.start();
    int senders = 4;
    int perSender = 5_000;
    List<Thread> threads = new ArrayList<>();
    for (int s = 0; s < senders; s++) {
      int sender = s;
      threads.add(new Thread(() -> {
        for (int i = 0; i < perSender; i++) {
          runtime.send(target, sender * 1_000_000 + i);
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }
    List<Object> received = awaitReceived(target, senders * perSender);
    int[] last = new int[senders];
    java.util.Arrays.fill(last, -1);
    for (Object message : received) {
      int value = (Integer) message;
      int sender = value / 1_000_000;
      assertThat(value % 1_000_000).as("sender %d's messages in order", sender).isEqualTo(last[sender] + 1);
      last[sender] = value % 1_000_000;
    }
    assertThat(runtime.call(target, Recorder.class, r -> r.concurrentHandler).get()).isFalse();
  }

  @Test
  void timer_firesOnTheNodesThread_andCancelledTimerNeverRuns() throws Exception {
    runtime = new RealRuntime(folder, 1);
    NodeId node = runtime.addNode("timers", Recorder::new);
    runtime.start();
    List<String> fired = new CopyOnWriteArrayList<>();
    CountDownLatch later = new CountDownLatch(1);
    CompletableFuture<Boolean[]> cancels = runtime.call(node, Recorder.class, recorder -> {
      Thread nodeThread = Thread.currentThread();
      long cancelled = recorder.context.setTimer(30_000_000L, () -> fired.add("cancelled"));
      long keptTimer = recorder.context.setTimer(10_000_000L, () -> fired.add(
          Thread.currentThread() == nodeThread ? "kept" : "kept-on-" + Thread.currentThread().getName()));
      // Due after the cancelled one: timers reach the node's mailbox in deadline order, so once this
      // one has run, the cancelled one would have run before it. No sleep that a loaded machine
      // could make too short.
      recorder.context.setTimer(40_000_000L, () -> {
        fired.add("later");
        later.countDown();
      });
      boolean first = recorder.context.cancelTimer(cancelled);
      boolean second = recorder.context.cancelTimer(cancelled);
      return new Boolean[] {first, second, keptTimer != cancelled};
    });
    assertThat(cancels.get()).containsExactly(true, false, true);
    later.await();
    assertThat(fired).containsExactly("kept", "later");
    assertThat(runtime.call(node, Recorder.class, r -> r.context.cancelTimer(12345)).get())
        .as("a timer that never existed").isFalse();
  }

  /** Never early: the port promises at least the delay of true elapsed time (no upper bound: load only delays). */
  private enum PlantedBug { ACK_BEFORE_SYNC }

  /** A real node is never told of a planted bug, nor of a BUGGIFY point: no setting can switch one on. */
  @Test
  void aRealNode_isNeverToldOfAPlantedBugOrAFaultPoint() throws Exception {
    runtime = new RealRuntime(folder, 1);
    NodeId node = runtime.addNode("node", Recorder::new);
    runtime.start();
    Boolean[] answers = runtime.call(node, Recorder.class, recorder -> new Boolean[] {
        recorder.context.planted(PlantedBug.ACK_BEFORE_SYNC), recorder.context.buggify(PlantedBug.ACK_BEFORE_SYNC)})
        .get();
    assertThat(answers).containsExactly(false, false);
  }

  @Test
  void timer_neverFiresBeforeItsDelay() throws Exception {
    runtime = new RealRuntime(folder, 1);
    NodeId node = runtime.addNode("timers", Recorder::new);
    runtime.start();
    CompletableFuture<Long> firedAfter = new CompletableFuture<>();
    runtime.call(node, Recorder.class, r -> {
      long set = System.nanoTime();
      return r.context.setTimer(20_000_000L, () -> firedAfter.complete(System.nanoTime() - set));
    }).get();
    assertThat(firedAfter.get()).isGreaterThanOrEqualTo(20_000_000L);
  }

  @Test
  void handlerFailure_crashesTheNode_andRestartBuildsAFreshBehaviour() throws Exception {
    runtime = new RealRuntime(folder, 1);
    NodeId node = runtime.addNode("fragile", Recorder::new);
    List<NodeId> crashes = new CopyOnWriteArrayList<>();
    runtime.onCrash((id, failure) -> crashes.add(id));
    runtime.start();
    runtime.send(node, "before");
    runtime.send(node, "boom");
    runtime.send(node, "lost");
    awaitCondition(() -> !crashes.isEmpty()); // listeners hear of a crash just after the node is down
    assertThat(runtime.isUp(node)).isFalse();
    assertThat(crashes).containsExactly(node);
    assertThatThrownBy(() -> runtime.call(node, Recorder.class, r -> r.received).get())
        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IllegalStateException.class);
    runtime.restart(node);
    runtime.send(node, "after");
    assertThat(awaitReceived(node, 1)).as("the new life starts empty").containsExactly("after");
  }

  @Test
  void actorFailure_killsOnlyThatActor_andItsTimersVanish() throws Exception {
    runtime = new RealRuntime(folder, 1);
    List<String> fired = new CopyOnWriteArrayList<>();
    NodeId parent = runtime.addNode("parent", Recorder::new);
    runtime.start();
    NodeId child = runtime.call(parent, Recorder.class, r -> r.context.spawn("child", Recorder::new)).get();
    runtime.call(child, Recorder.class, r -> r.context.setTimer(50_000_000L, () -> fired.add("timer"))).get();
    runtime.send(child, "boom");
    awaitCondition(() -> !runtime.isUp(child));
    assertThat(runtime.isUp(parent)).isTrue();
    // The parent's timer is due after the child's: the one scheduler thread hands timers over in
    // deadline order, so by the time it runs, the child's timer has been handed over or dropped.
    CountDownLatch parentTimer = new CountDownLatch(1);
    runtime.call(parent, Recorder.class, r -> r.context.setTimer(60_000_000L, parentTimer::countDown)).get();
    parentTimer.await();
    assertThat(fired).as("a dead actor's timer never runs").isEmpty();
    NodeId again = runtime.call(parent, Recorder.class, r -> r.context.spawn("child", Recorder::new)).get();
    runtime.send(again, "hello");
    assertThat(awaitReceived(again, 1)).containsExactly("hello");
  }

  @Test
  void outOfMemoryInAnActor_crashesItsWholeNode_andTheNodesStateIsLetGo() throws Exception {
    runtime = new RealRuntime(folder, 1);
    NodeId parent = runtime.addNode("parent", Recorder::new);
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    runtime.onCrash((id, failure) -> {
      if (id.equals(parent)) {
        failures.add(failure);
      }
    });
    runtime.start();
    NodeId child = runtime.call(parent, Recorder.class, r -> r.context.spawn("child", Recorder::new)).get();
    java.lang.ref.WeakReference<Recorder> state = runtime.call(parent, Recorder.class,
        r -> new java.lang.ref.WeakReference<>(r)).get();

    runtime.send(child, "oom");

    awaitCondition(() -> !failures.isEmpty());
    assertThat(failures.get(0)).isInstanceOf(OutOfMemoryError.class);
    assertThat(runtime.isUp(parent)).as("a supervisor would restart the worker into the same heap").isFalse();
    assertThat(runtime.isUp(child)).isFalse();
    awaitCondition(() -> {
      System.gc();
      return state.get() == null;
    });
  }

  @Test
  void crash_killsTheNodesActorsToo() throws Exception {
    runtime = new RealRuntime(folder, 1);
    NodeId parent = runtime.addNode("parent", Recorder::new);
    runtime.start();
    NodeId child = runtime.call(parent, Recorder.class, r -> r.context.spawn("child", Recorder::new)).get();
    runtime.crash(parent);
    assertThat(runtime.isUp(parent)).isFalse();
    assertThat(runtime.isUp(child)).isFalse();
  }

  private List<Object> awaitReceived(NodeId node, int count) throws Exception {
    while (true) { // the build's hang guard ends a wait that never would
      List<Object> copy = runtime.call(node, Recorder.class, r -> Collections.unmodifiableList(new ArrayList<>(r.received)))
          .get();
      if (copy.size() >= count) {
        return copy;
      }
      Thread.sleep(2);
    }
  }

  static void awaitCondition(java.util.function.BooleanSupplier condition) throws InterruptedException {
    while (!condition.getAsBoolean()) { // the build's hang guard ends a wait that never would
      Thread.sleep(1);
    }
  }
}
