package io.detsim.sim;

/**
 * Whatever an event is for: an actor's mailbox, the network, the fault applier.
 *
 * <p>An event is three fields rather than an object ({@code kind}, {@code arg}, {@code payload}) so
 * that scheduling one allocates nothing: the kind says what the other two mean to this target.
 */
interface EventTarget {
  void dispatch(int kind, long arg, Object payload);
}
