package io.detsim.runtime;

import io.detsim.sim.port.NodeId;

/**
 * One item of an actor's mailbox, addressed to one life of the actor: when the actor has died or
 * restarted since, the item is dropped on arrival, which is how a crash makes pending messages,
 * timers and sync completions vanish without searching for them.
 *
 * @param source the sender, for messages; null otherwise
 * @param payload the message, the {@link RealTimer}, the Runnable, or the {@link Mail.Call}
 */
record Mail(int incarnation, Kind kind, NodeId source, Object payload) {

  enum Kind {
    /** Build the behaviour from the factory and run its onStart. */
    START,
    MESSAGE,
    TIMER,
    /** A disk sync completed: run its callback. */
    DURABLE,
    /** Run a function against the live behaviour (inspection from outside, on the actor's thread). */
    CALL,
    /** The life ended: let go of its behaviour, unless a new life began since. */
    RELEASE,
    /** The runtime is shutting down: the thread ends. */
    STOP
  }

  /** A function from outside that must run on the actor's thread. */
  interface Call {
    void run(io.detsim.sim.port.Node behaviour);

    /** The actor is not alive (or not in the life the call was addressed to). */
    void refuse();
  }
}
