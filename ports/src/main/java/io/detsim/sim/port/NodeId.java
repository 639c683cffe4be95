package io.detsim.sim.port;

import java.util.regex.Pattern;

/**
 * The address of a node, or of an actor inside a node ({@code server/worker-0}).
 *
 * <p>Names, not numbers, so that schedules and traces stay readable and a node keeps its identity
 * across restarts.
 */
public record NodeId(String name) implements Comparable<NodeId> {
  private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_.-]*(/[a-z0-9][a-z0-9_.-]*)?");

  public NodeId {
    if (name == null || !VALID.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "node name must match " + VALID.pattern() + " (lower case, digits, '_', '.', '-'; one '/' for an actor): " + name);
    }
  }

  public static NodeId of(String name) {
    return new NodeId(name);
  }

  /** The actor {@code name} inside this node. */
  public NodeId child(String childName) {
    if (isActor()) {
      throw new IllegalArgumentException("actors do not nest: " + name + "/" + childName);
    }
    return new NodeId(name + "/" + childName);
  }

  /** True for an actor spawned inside a node, false for a node (a process). */
  public boolean isActor() {
    return name.indexOf('/') >= 0;
  }

  /** The process this id lives in: itself for a node, its parent for an actor. */
  public NodeId process() {
    int slash = name.indexOf('/');
    return slash < 0 ? this : new NodeId(name.substring(0, slash));
  }

  @Override
  public int compareTo(NodeId other) {
    return name.compareTo(other.name);
  }

  @Override
  public String toString() {
    return name;
  }
}
