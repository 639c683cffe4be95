package io.detsim.sim;

import io.detsim.sim.trace.TraceEvent;
import io.detsim.sim.trace.TraceSink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks the kernel's own promises from its trace, event by event: nothing is delivered that was
 * not sent; no message is delivered more often than it was sent plus duplicated; a crashed node or
 * killed actor handles nothing (no delivery, no timer) until it starts again.
 */
final class KernelInvariants implements TraceSink {
  private final Map<String, Long> allowance = new LinkedHashMap<>();
  private final TreeSet<String> down = new TreeSet<>();
  private final List<String> violations = new ArrayList<>();
  private long deliveries;

  @Override
  public void accept(TraceEvent event) {
    switch (event.kind()) {
      case "send":
      case "duplicate":
        allowance.merge(event.node() + ">" + event.peer() + ":" + event.detail(), 1L, Long::sum);
        break;
      case "deliver":
        deliveries++;
        checkUp(event);
        String key = event.peer() + ">" + event.node() + ":" + event.detail();
        long left = allowance.getOrDefault(key, 0L);
        if (left <= 0) {
          violations.add("delivered more than sent: " + event);
        } else {
          allowance.put(key, left - 1);
        }
        break;
      case "timer":
        checkUp(event);
        break;
      case "crash":
        down.add(event.node());
        down.removeIf(name -> name.startsWith(event.node() + "/"));
        addActorsOf(event.node());
        break;
      case "kill":
        down.add(event.node());
        break;
      case "start":
        down.remove(event.node());
        break;
      default:
        break;
    }
  }

  private final Map<String, TreeSet<String>> actorsOf = new LinkedHashMap<>();

  private void addActorsOf(String node) {
    down.addAll(actorsOf.getOrDefault(node, new TreeSet<>()));
  }

  private void checkUp(TraceEvent event) {
    int slash = event.node().indexOf('/');
    if (slash > 0) {
      actorsOf.computeIfAbsent(event.node().substring(0, slash), k -> new TreeSet<>()).add(event.node());
    }
    if (down.contains(event.node())) {
      violations.add("a down node handled an event: " + event);
    }
  }

  List<String> violations() {
    return violations;
  }

  long deliveries() {
    return deliveries;
  }
}
