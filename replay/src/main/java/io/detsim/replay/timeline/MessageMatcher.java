package io.detsim.replay.timeline;

import io.detsim.sim.trace.TraceEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs each message's {@code send} with the event that ended its flight, so the timeline can draw
 * it as an arrow. The trace carries no message ids: a message is known by its source, target and
 * detail (its {@code Traced.traceDetail()}, identical on both ends), so matching is by that key,
 * first sent first matched:
 *
 * <ol>
 *   <li>{@code send} (node = source, peer = target, detail) puts one copy in flight.
 *   <li>A {@code drop} right after that send (same node, peer and time) is the network refusing it
 *       on the way out (partition, loss): the copy ends there.
 *   <li>A {@code duplicate} right after it (same node, peer, detail) puts a second copy in flight.
 *   <li>{@code deliver} (node = target, peer = source, detail) lands the oldest copy in flight with
 *       that key. Messages between actors of one node (trace kind {@code send}, delivered through
 *       the node's FIFO mailbox) match the same way.
 *   <li>A {@code drop} at the target (partition or target-down at delivery time) names no message,
 *       so it takes the oldest copy still in flight on its link (source to target, any detail).
 *       That is exact when one message is in flight on the link, and a good guess otherwise, since
 *       the oldest copy is the likeliest to arrive first. Taking it when the drop happens, rather
 *       than after all deliveries, matters for retransmissions: a resent message has the same
 *       detail as the lost one, and must not take the lost one's delivery.
 * </ol>
 *
 * <p>A copy still in flight at the end of the trace was lost with its node (a crash empties
 * mailboxes) or is still travelling. Because latencies differ, two copies with the same key may
 * have landed in the other order; as they are indistinguishable, the picture is the same.
 */
final class MessageMatcher {
  /** How a message's flight ended. */
  enum Outcome { DELIVERED, DROPPED, IN_FLIGHT }

  /** One copy of a message: its send event, the event that ended it (-1 if none), and whether it was the duplicate. */
  record Flight(int sendIndex, int endIndex, Outcome outcome, boolean duplicate) {}

  private static final class Copy {
    final int sendIndex;
    final boolean duplicate;
    int endIndex = -1;
    Outcome outcome = Outcome.IN_FLIGHT;

    Copy(int sendIndex, boolean duplicate) {
      this.sendIndex = sendIndex;
      this.duplicate = duplicate;
    }
  }

  private MessageMatcher() {}

  // HashMap only as a lookup table: the result's order comes from the event list, never from iteration.
  static List<Flight> match(List<TraceEvent> events) {
    List<Copy> copies = new ArrayList<>();
    Map<String, ArrayDeque<Copy>> byMessage = new HashMap<>(); // source, target, detail -> copies in flight
    Map<String, ArrayDeque<Copy>> byLink = new HashMap<>(); // source, target -> copies in flight
    Copy lastSend = null; // the latest send: a drop or duplicate right after it is about it
    for (int i = 0; i < events.size(); i++) {
      TraceEvent event = events.get(i);
      if (event.peer() == null) {
        continue;
      }
      switch (event.kind()) {
        case "send":
          lastSend = new Copy(i, false);
          launch(lastSend, event, copies, byMessage, byLink);
          break;
        case "duplicate":
          if (follows(lastSend, events, i)) {
            launch(new Copy(lastSend.sendIndex, true), event, copies, byMessage, byLink);
          }
          break;
        case "drop":
          if (follows(lastSend, events, i)) {
            end(lastSend, i, Outcome.DROPPED);
          } else {
            Copy oldest = oldestInFlight(byLink.get(link(event.peer(), event.node())));
            if (oldest != null) {
              end(oldest, i, Outcome.DROPPED);
            }
          }
          break;
        case "deliver": {
          Copy copy = oldestInFlight(byMessage.get(message(event.peer(), event.node(), event.detail())));
          if (copy != null) {
            end(copy, i, Outcome.DELIVERED);
          }
          break;
        }
        default:
          break;
      }
    }
    List<Flight> flights = new ArrayList<>(copies.size());
    for (Copy copy : copies) {
      flights.add(new Flight(copy.sendIndex, copy.endIndex, copy.outcome, copy.duplicate));
    }
    return flights;
  }

  private static void launch(Copy copy, TraceEvent send, List<Copy> copies, Map<String, ArrayDeque<Copy>> byMessage,
      Map<String, ArrayDeque<Copy>> byLink) {
    copies.add(copy);
    byMessage.computeIfAbsent(message(send.node(), send.peer(), send.detail()), k -> new ArrayDeque<>()).add(copy);
    byLink.computeIfAbsent(link(send.node(), send.peer()), k -> new ArrayDeque<>()).add(copy);
  }

  /** The oldest copy of {@code queue} still in flight; copies that ended another way are removed lazily here. */
  private static Copy oldestInFlight(ArrayDeque<Copy> queue) {
    if (queue == null) {
      return null;
    }
    while (!queue.isEmpty() && queue.peekFirst().outcome != Outcome.IN_FLIGHT) {
      queue.removeFirst();
    }
    return queue.pollFirst();
  }

  /**
   * True when event {@code index} comes straight after {@code send}'s event, on the same link at the
   * same time: the network traces a refusal or a duplication in the same step as the send.
   */
  private static boolean follows(Copy send, List<TraceEvent> events, int index) {
    if (send == null || send.sendIndex != index - 1) {
      return false;
    }
    TraceEvent event = events.get(index);
    TraceEvent sent = events.get(send.sendIndex);
    return sent.node().equals(event.node()) && sent.peer().equals(event.peer()) && sent.timeNanos() == event.timeNanos();
  }

  private static void end(Copy copy, int index, Outcome outcome) {
    copy.endIndex = index;
    copy.outcome = outcome;
  }

  private static String message(String source, String target, String detail) {
    return source + "\n" + target + "\n" + (detail == null ? "" : detail);
  }

  private static String link(String source, String target) {
    return source + "\n" + target;
  }
}
