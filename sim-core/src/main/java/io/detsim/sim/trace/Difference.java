package io.detsim.sim.trace;

import io.detsim.sim.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The first place two traces differ: the 0-based event {@code index}, the event each trace has
 * there ({@code null} for a trace that ended), and the shared events just before it, oldest first.
 */
public record Difference(long index, TraceEvent a, TraceEvent b, List<TraceEvent> context) {
  public Difference {
    if (index < 0) {
      throw new IllegalArgumentException("index must not be negative: " + index);
    }
    if (a == null && b == null) {
      throw new IllegalArgumentException("a difference needs an event on at least one side");
    }
    context = List.copyOf(context);
  }

  /** The event of trace A at {@link #index}; empty when A ended there. */
  public Optional<TraceEvent> eventA() {
    return Optional.ofNullable(a);
  }

  /** The event of trace B at {@link #index}; empty when B ended there. */
  public Optional<TraceEvent> eventB() {
    return Optional.ofNullable(b);
  }

  /**
   * A readable report, one event a line in aligned columns (index, virtual time in seconds, node,
   * kind, peer, detail), the differing pair marked {@code A>} and {@code B>}:
   *
   * <pre>
   * traces differ at event 1234 (0-based), virtual time 1.250s
   *        #1232  1.249s  client-1  send     server    Observe(s-1,7)
   *        #1233  1.249s  server    deliver  client-1  Observe(s-1,7)
   *   A&gt;   #1234  1.250s  server    send     client-1  Ack(s-1,7,ACCEPTED)
   *   B&gt;   #1234  1.250s  server    drop     client-1  partition
   * </pre>
   */
  public String render() {
    List<String[]> rows = new ArrayList<>();
    long first = index - context.size();
    for (int i = 0; i < context.size(); i++) {
      rows.add(columns("", first + i, context.get(i)));
    }
    rows.add(a == null ? ended("A>", index) : columns("A>", index, a));
    rows.add(b == null ? ended("B>", index) : columns("B>", index, b));
    StringBuilder text = new StringBuilder();
    text.append("traces differ at event ").append(index).append(" (0-based), virtual time ")
        .append(seconds((a != null ? a : b).timeNanos()));
    if (a == null || b == null) {
      text.append(": trace ").append(a == null ? "A" : "B").append(" ended after ").append(index).append(" events");
    }
    text.append('\n');
    appendAligned(rows, text);
    return text.toString();
  }

  private static String[] columns(String mark, long index, TraceEvent event) {
    return new String[] {mark, "#" + index, seconds(event.timeNanos()), event.node(), event.kind(),
        event.peer() == null ? "-" : event.peer(), event.detail() == null ? "" : event.detail()};
  }

  private static String[] ended(String mark, long index) {
    return new String[] {mark, "#" + index, "", "(trace ended)", "", "", ""};
  }

  /** Pads every column but the last to its widest cell, so the eye can run down a column. */
  private static void appendAligned(List<String[]> rows, StringBuilder text) {
    int columns = rows.get(0).length;
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder("  ");
      for (int c = 0; c < columns; c++) {
        line.append(row[c]);
        if (c < columns - 1) {
          line.append(" ".repeat(widths[c] - row[c].length() + 2));
        }
      }
      text.append(line.toString().stripTrailing()).append('\n');
    }
  }

  /**
   * Virtual time in seconds with millisecond precision, truncated rather than rounded so that an
   * event never shows a later millisecond than it happened in: {@code 1.250s}.
   */
  static String seconds(long nanos) {
    long millis = Math.floorDiv(nanos, 1_000_000L);
    return String.format(Locale.ROOT, "%d.%03ds", Math.floorDiv(millis, 1000), Math.floorMod(millis, 1000));
  }
}
