package io.detsim.runtime;

import io.detsim.sim.port.Check;
import io.detsim.sim.port.Clock;
import io.detsim.sim.port.Node;
import io.detsim.sim.port.NodeFactory;
import io.detsim.sim.port.NodeId;
import io.detsim.sim.port.RandomSource;
import io.detsim.sim.random.RandomStreams;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Runs nodes written against detsim's ports in production: the same node code as in
 * simulation, on threads, the monotonic clock and files. The entry point of the real runtime.
 *
 * <pre>{@code
 * RealRuntime runtime = new RealRuntime(Path.of("data"));
 * NodeId backup = runtime.addNode("backup", ctx -> new Backup(ctx));
 * NodeId primary = runtime.addNode("primary", ctx -> new Primary(ctx, backup, false));
 * runtime.start();
 * ...
 * runtime.shutdown();
 * }</pre>
 *
 * <p><b>Thread model.</b> Every node and every actor it spawns has its own thread that drains its
 * mailbox one item at a time (messages, timers, sync completions), each handler to completion. One
 * shared scheduler thread ({@code detsim-timer}) moves due timers into their owners' mailboxes; one
 * sync thread per node's disk ({@code detsim-sync-<node>}) runs group commit. Messages between
 * nodes of one process go through the target's mailbox (in-memory, FIFO per sender, never lost
 * while the target lives).
 *
 * <p><b>Failures.</b> As in the simulator, a node crash ends the node's life and those of all its
 * actors: mailboxes, timers and pending sync callbacks vanish. Here a crash is what happens when a
 * handler throws (the error is logged): a node's failure crashes the node, an actor's failure kills
 * only that actor (its supervisor notices, as it notices any dead worker). A disk I/O error crashes
 * the disk's node. A crashed node stays down until {@link #restart}; crash listeners hear of it.
 * Unlike in the simulator, writes that reached the OS are not lost by a crash of the node (only by
 * one of the machine); nothing in the port lets code rely on that difference.
 */
public final class RealRuntime implements AutoCloseable {
  /** The sender's address of messages posted from outside the runtime (tests, embedding code). */
  public static final NodeId OUTSIDE = NodeId.of("outside");
  private static final System.Logger LOG = System.getLogger(RealRuntime.class.getName());
  private static final long SHUTDOWN_WAIT_NANOS = 10_000_000_000L;

  private final Path dataDirectory;
  private final long seed;
  private final RandomStreams streams;
  private final MonotonicClock clock = new MonotonicClock();
  private final ScheduledThreadPoolExecutor scheduler;
  private final Map<NodeId, RealActor> actors = new ConcurrentHashMap<>();
  private final List<RealActor> nodes = new CopyOnWriteArrayList<>();
  private final Map<NodeId, RealDisk> disks = new ConcurrentHashMap<>();
  private final List<BiConsumer<NodeId, Throwable>> crashListeners = new CopyOnWriteArrayList<>();
  private final AtomicLong timerHandles = new AtomicLong();
  private final Forcer forcer;
  private volatile boolean started;
  private volatile boolean shutDown;

  /** A runtime whose random streams are seeded from {@link SecureRandom}. */
  public RealRuntime(Path dataDirectory) {
    this(dataDirectory, new SecureRandom().nextLong());
  }

  /** A runtime whose nodes' random streams ({@code context.random(name)}) all derive from {@code seed}. */
  public RealRuntime(Path dataDirectory, long seed) {
    this(dataDirectory, seed, Forcer.FDATASYNC);
  }

  /** The scheduler's threads (one, or its replacement after a task threw), joined at shutdown. */
  private final List<Thread> timerThreads = new CopyOnWriteArrayList<>();

  RealRuntime(Path dataDirectory, long seed, Forcer forcer) {
    this.dataDirectory = dataDirectory;
    this.seed = seed;
    this.streams = new RandomStreams(seed);
    this.forcer = forcer;
    this.scheduler = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "detsim-timer");
      thread.setDaemon(true);
      timerThreads.add(thread);
      return thread;
    });
    this.scheduler.setRemoveOnCancelPolicy(true); // cancelled timers must not pile up in its queue
  }

  public long seed() {
    return seed;
  }

  // ---- building ----

  /**
   * Adds a node with its own thread and its own disk, the folder {@code <dataDirectory>/<name>}; it
   * starts with {@link #start()}, or at once if the runtime has started.
   */
  public NodeId addNode(String name, NodeFactory factory) {
    Check.state(!shutDown, "the runtime is shut down");
    NodeId id = NodeId.of(name);
    Check.argument(!id.isActor(), "a node name has no '/': %s (actors are spawned by their node)", name);
    Check.argument(!id.equals(OUTSIDE), "%s is reserved for senders outside the runtime", name);
    RealActor node = new RealActor(this, id, null, factory);
    Check.argument(actors.putIfAbsent(id, node) == null, "node %s exists already", id);
    nodes.add(node);
    disks.put(id, new RealDisk(dataDirectory.resolve(name), name, diskOwner(node), forcer));
    if (started) {
      node.start(null);
    }
    return id;
  }

  /** Starts every node, in the order added. */
  public synchronized void start() {
    Check.state(!started, "already started");
    Check.state(!shutDown, "the runtime is shut down");
    started = true;
    for (RealActor node : nodes) {
      node.start(null);
    }
  }

  /** Hears of every crash: the node or actor, and the failure that caused it (null when asked for). */
  public void onCrash(BiConsumer<NodeId, Throwable> listener) {
    crashListeners.add(listener);
  }

  // ---- faults and lives ----

  /** Crashes a node: it and its actors lose their mailboxes, timers and pending sync callbacks. */
  public void crash(NodeId node) {
    crash(process(node), null);
  }

  /** Restarts a crashed node from its factory; it finds only its disk. Does nothing to a live node. */
  public synchronized void restart(NodeId node) {
    RealActor process = process(node);
    if (!process.isAlive() && !shutDown) {
      process.start(null);
    }
  }

  /** Kills one actor (not a node); its node's supervisor decides what happens next. */
  public void kill(NodeId actorId) {
    Check.argument(actorId.isActor(), "kill takes an actor, not a node: %s (use crash)", actorId);
    RealActor actor = actor(actorId);
    if (actor.die(actor.incarnation())) {
      LOG.log(System.Logger.Level.INFO, "killed " + actorId);
      notifyCrash(actorId, null);
    }
  }

  public boolean isUp(NodeId id) {
    RealActor actor = actors.get(id);
    return actor != null && actor.isAlive();
  }

  // ---- talking to nodes from outside ----

  /** Sends {@code message} to a node or actor as {@link #OUTSIDE}; lost if the target is down. */
  public void send(NodeId target, Object message) {
    Check.argument(message != null, "null message to %s", target);
    route(OUTSIDE, target, message);
  }

  /**
   * Runs {@code function} on the node's (or actor's) own thread, between two of its handlers, and
   * completes with its result: the safe way to read a node's state while it runs. Completes
   * exceptionally with {@link IllegalStateException} when the target is down or dies first.
   */
  public <N extends Node, T> CompletableFuture<T> call(NodeId id, Class<N> type, Function<N, T> function) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Mail.Call call = new Mail.Call() {
      @Override
      public void run(Node behaviour) {
        try {
          result.complete(function.apply(type.cast(behaviour)));
        } catch (RuntimeException | Error e) {
          result.completeExceptionally(e);
        }
      }

      @Override
      public void refuse() {
        result.completeExceptionally(new IllegalStateException(id + " is down"));
      }
    };
    RealActor actor = actor(id);
    if (!actor.isAlive()) {
      call.refuse();
    } else {
      actor.deliver(Mail.Kind.CALL, OUTSIDE, call);
    }
    return result;
  }

  /** What the node's disk did so far. */
  public RealDiskStats diskStats(NodeId node) {
    return disks.get(process(node).id).stats();
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  // ---- stopping ----

  /**
   * Stops everything now: every node's life ends (pending work is dropped, as in a crash, but files
   * keep what was written), then every thread of the runtime is joined and every file closed.
   */
  public synchronized void shutdown() {
    if (shutDown) {
      return;
    }
    shutDown = true;
    for (RealActor node : nodes) {
      for (RealActor child : node.children) {
        child.die(child.incarnation());
      }
      node.die(node.incarnation());
    }
    List<RealActor> all = new ArrayList<>(actors.values());
    for (RealActor actor : all) {
      actor.stop();
    }
    scheduler.shutdownNow();
    try {
      for (RealActor actor : all) {
        if (!actor.join(SHUTDOWN_WAIT_NANOS)) {
          LOG.log(System.Logger.Level.WARNING, "thread of " + actor.id + " did not stop in time");
        }
      }
      scheduler.awaitTermination(SHUTDOWN_WAIT_NANOS, TimeUnit.NANOSECONDS);
      // The executor reports itself terminated from its last worker's exit path, a moment before
      // that thread ends: join it, so that no thread of this runtime outlives shutdown.
      for (Thread timer : timerThreads) {
        timer.join(TimeUnit.NANOSECONDS.toMillis(SHUTDOWN_WAIT_NANOS));
      }
      for (RealDisk disk : disks.values()) {
        disk.close();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    shutdown();
  }

  public boolean isShutDown() {
    return shutDown;
  }

  /**
   * The clock every node of this runtime reads: monotonic, in nanoseconds since the epoch, for code
   * outside the nodes (an embedding API's timestamps and timeouts) that must agree with them.
   */
  public Clock clock() {
    return clock;
  }

  // ---- for the package ----

  ScheduledThreadPoolExecutor scheduler() {
    return scheduler;
  }

  long nextTimerHandle() {
    return timerHandles.incrementAndGet();
  }

  RandomSource random(String stream) {
    return streams.stream(stream);
  }

  RealDisk diskOf(RealActor process) {
    return disks.get(process.id);
  }

  void route(NodeId source, NodeId targetId, Object message) {
    if (targetId.equals(OUTSIDE)) {
      return; // an answer to a message posted from outside: nobody in the runtime waits for it
    }
    RealActor target = actors.get(targetId);
    Check.argument(target != null, "no node or actor named %s", targetId);
    target.deliver(Mail.Kind.MESSAGE, source, message);
  }

  NodeId spawn(RealActor parent, String name, NodeFactory factory) {
    NodeId id = parent.id.child(name);
    RealActor actor;
    synchronized (this) {
      Check.state(!shutDown, "the runtime is shut down");
      actor = actors.get(id);
      if (actor == null) {
        actor = new RealActor(this, id, parent, factory);
        actors.put(id, actor);
        parent.children.add(actor);
      }
    }
    Check.state(!actor.isAlive(), "actor %s is alive: kill it before spawning it again", id);
    actor.start(factory);
    return id;
  }

  /**
   * A handler threw: its node crashes, or, for an actor, the actor alone dies. An error of the JVM
   * itself ({@link OutOfMemoryError}, {@link InternalError}) crashes the actor's whole node even
   * when an actor threw it: a supervisor would restart the worker into the same starved heap, and
   * the node's memory (its indexes, its queue) is what must be let go for the JVM to recover.
   */
  void handlerFailed(RealActor actor, int life, Throwable failure) {
    if (isFatal(failure) && actor.id.isActor()) {
      crash(actor.process, failure);
    } else if (actor.id.isActor()) {
      if (actor.die(life)) {
        notifyCrash(actor.id, failure);
      }
    } else {
      crashLife(actor, life, failure);
    }
  }

  /**
   * A thread of the runtime that is no node's (the timer) met an error it cannot report through a
   * handler: every node crashes with it, so that nothing waits for a timer or a sync that will
   * never come. Only errors of the JVM itself get here.
   */
  void fatal(Throwable failure) {
    LOG.log(System.Logger.Level.ERROR, "the runtime cannot go on; every node crashes", failure);
    for (RealActor node : nodes) {
      crash(node, failure);
    }
  }

  /** Errors of the JVM itself; a stack overflow is one handler's bug, and only that handler's. */
  static boolean isFatal(Throwable failure) {
    return failure instanceof VirtualMachineError && !(failure instanceof StackOverflowError);
  }

  private void crash(RealActor process, Throwable failure) {
    crashLife(process, process.incarnation(), failure);
  }

  private void crashLife(RealActor process, int life, Throwable failure) {
    for (RealActor child : process.children) {
      child.die(child.incarnation());
    }
    if (process.die(life)) {
      LOG.log(System.Logger.Level.WARNING, "node " + process.id + " crashed");
      notifyCrash(process.id, failure);
    }
  }

  private void notifyCrash(NodeId id, Throwable failure) {
    for (BiConsumer<NodeId, Throwable> listener : crashListeners) {
      try {
        listener.accept(id, failure);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "crash listener failed", e);
      }
    }
  }

  private DiskOwner diskOwner(RealActor node) {
    return new DiskOwner() {
      @Override
      public Runnable whenDurable(Runnable onDurable) {
        int life = node.incarnation();
        return () -> node.deliverTo(life, Mail.Kind.DURABLE, onDurable);
      }

      @Override
      public void diskFailed(Throwable error) {
        LOG.log(System.Logger.Level.ERROR, "disk of " + node.id + " failed; the node crashes", error);
        crash(node, error);
      }
    };
  }

  private RealActor actor(NodeId id) {
    RealActor actor = actors.get(id);
    Check.argument(actor != null, "no node or actor named %s", id);
    return actor;
  }

  private RealActor process(NodeId id) {
    return actor(id).process;
  }
}
