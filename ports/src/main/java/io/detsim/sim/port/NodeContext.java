package io.detsim.sim.port;

/**
 * Everything a node may touch of the world outside its own memory.
 *
 * <p>The simulator implements it on virtual time with seeded faults; a real runtime implements it
 * with threads, the monotonic clock and files. Every callback (message, timer, sync completion)
 * runs on the node's one handler thread, one at a time.
 */
public interface NodeContext {

  /** This node's (or actor's) own address. */
  NodeId self();

  /** This node's clock: possibly skewed, possibly stepped backwards. */
  Clock clock();

  /**
   * Sends a message. Between processes it crosses the network and may be delayed, lost,
   * duplicated or reordered; between a node and its own actors it is delivered in order, and is
   * lost only if the receiver dies.
   */
  void send(NodeId target, Object message);

  /**
   * Runs {@code task} on this node after {@code delayNanos} of true elapsed time (not of this node's
   * clock). Returns a handle for {@link #cancelTimer}. Timers vanish when the node crashes.
   */
  long setTimer(long delayNanos, Runnable task);

  /** Cancels a pending timer; returns false if it already ran, was cancelled, or never existed. */
  boolean cancelTimer(long timer);

  /** This process's disk (actors share their node's disk). */
  Disk disk();

  /**
   * The random stream of this node's life named {@code stream}. Asking for the same name again in
   * the same life continues that stream, so a draw per event ({@code random("delay").nextLong(..)})
   * does not repeat its first value; a restarted node's streams start afresh, as its new life's.
   */
  RandomSource random(String stream);

  /**
   * A fault point (FoundationDB's BUGGIFY): true when the site is enabled for this run and fires
   * this time. Always false in production and when the run's options say no faults.
   */
  boolean buggify(Enum<?> site);

  /**
   * True when this run planted {@code bug} in the system: a deliberate, realistic defect switched on
   * so that a campaign shows its properties catch it (mutation testing of the test suite). A node
   * asks once, when it is built, and hands the answer to the code where the bug lives; options and
   * configuration never carry one. The simulator answers from the run's planted set; the real
   * runtime always answers false, so a planted bug cannot reach production.
   */
  boolean planted(Enum<?> bug);

  /**
   * Marks this actor busy for {@code nanos} of CPU time, starting now: messages, timers and sync
   * completions that arrive meanwhile wait in its mailbox. This is how work costs time in
   * simulation; the real runtime ignores it, since there the work really takes its time.
   */
  void consumeCpu(long nanos);

  /**
   * Starts an actor inside this node: its own mailbox and handler, this node's disk, clock and
   * fate. It dies when the node crashes and is not restarted with it: a restarted node spawns
   * again what it needs. Spawning a name that is alive replaces nothing and fails.
   */
  NodeId spawn(String name, NodeFactory factory);

  /** Kills one of this node's actors: its mailbox and timers vanish. */
  void kill(NodeId actor);

  /** True while the actor is alive. */
  boolean isAlive(NodeId actor);

  /**
   * Adds a line to the run's trace (and its digest) at the current time: what the system under test
   * itself considers an event worth seeing on a timeline ({@code accepted}, {@code recovered}).
   * Deterministic text only.
   */
  void trace(String kind, String detail);

  /**
   * Announces that the system reached a named transition point ({@code compaction-start},
   * {@code snapshot-installed}): a place where a crash or disk fault is likely to find a bug. The
   * simulator counts each point and fires faults aimed at its k-th occurrence; it adds nothing to
   * the trace, so announcing changes no digest. Names are lower-case words joined by {@code -}. The
   * real runtime ignores it.
   */
  default void point(String name) {}
}
