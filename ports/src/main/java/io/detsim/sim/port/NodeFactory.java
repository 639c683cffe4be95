package io.detsim.sim.port;

/** Builds a node's behaviour at start and at every restart. */
@FunctionalInterface
public interface NodeFactory {
  Node create(NodeContext context);
}
