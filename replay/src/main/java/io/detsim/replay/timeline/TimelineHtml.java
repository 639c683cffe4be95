package io.detsim.replay.timeline;

import io.detsim.replay.timeline.MessageMatcher.Flight;
import io.detsim.sim.fault.ScheduledFault;
import io.detsim.sim.trace.TraceEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's trace as one self-contained HTML page: one swimlane per node (actors under their node),
 * messages as arrows from send to delivery (see {@link MessageMatcher} for how the two ends are
 * paired), drops and duplicates marked, faults as shaded intervals (see {@link FaultBands}), and the
 * violation as a red line. Zoom with the mouse wheel or the buttons, drag to pan, hover an event
 * for its detail.
 *
 * <p>The page needs nothing but itself: its styles, script and the data (JSON in a
 * {@code <script type="application/json">} element) are inline, it loads no font and makes no
 * request, so it can be attached to a bug report and opened anywhere, offline.
 *
 * <p>A browser stays responsive up to a few tens of thousands of drawn events, so a trace longer
 * than {@link TimelineContext#eventLimit()} is cut to a window: the events leading up to the
 * violation (nine tenths of the window before it), or the first events when there is none. The
 * page says which events it shows.
 */
public final class TimelineHtml {
  private static final String RESOURCES = "/io/detsim/replay/timeline/";

  private TimelineHtml() {}

  /**
   * The page for {@code events} and {@code context}.
   *
   * @throws IllegalArgumentException if the events are not in trace order (time never decreases),
   *     which the page's searches by time depend on
   */
  public static String render(List<TraceEvent> events, TimelineContext context) {
    for (int i = 1; i < events.size(); i++) {
      if (events.get(i).timeNanos() < events.get(i - 1).timeNanos()) {
        throw new IllegalArgumentException("events out of time order: event " + i + " at " + events.get(i).timeNanos()
            + "ns comes after one at " + events.get(i - 1).timeNanos() + "ns");
      }
    }
    int[] window = window(events, context);
    List<TraceEvent> shown = events.subList(window[0], window[1]);
    List<ScheduledFault> faults = context.faults().isEmpty() ? FaultBands.tracedFaults(events) : context.faults();
    long endNanos = events.isEmpty() ? 0 : events.get(events.size() - 1).timeNanos();
    if (context.violation() != null) {
      endNanos = Math.max(endNanos, context.violation().atNanos());
    }
    String data = data(events.size(), window, shown, FaultBands.of(faults, endNanos), endNanos, context);
    String title = ScriptJson.html(context.title());
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>" + title + "</title>\n<style>\n" + resource("timeline.css") + "</style>\n</head>\n<body>\n"
        + "<header>\n<h1>" + title + "</h1>\n<div id=\"violation\"></div>\n<div id=\"note\"></div>\n"
        + "<div class=\"controls\"><button id=\"zoom-in\" title=\"zoom in (or mouse wheel)\">+</button>"
        + "<button id=\"zoom-out\" title=\"zoom out\">&minus;</button><button id=\"fit\">whole run</button>"
        + "<button id=\"to-violation\">go to violation</button><span id=\"range\"></span></div>\n"
        + "<div id=\"legend\"></div>\n</header>\n"
        + "<main id=\"stage\"><canvas id=\"timeline\"></canvas><div id=\"tooltip\" hidden></div></main>\n"
        + "<script type=\"application/json\" id=\"timeline-data\">" + data + "</script>\n"
        + "<script>\n" + resource("timeline.js") + "</script>\n</body>\n</html>\n";
  }

  /** Writes the page to {@code file} as UTF-8. */
  public static void write(Path file, List<TraceEvent> events, TimelineContext context) {
    try {
      Files.writeString(file, render(events, context), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write timeline " + file, e);
    }
  }

  /** {@code [from, to)}: the events drawn. */
  static int[] window(List<TraceEvent> events, TimelineContext context) {
    int limit = context.eventLimit();
    if (events.size() <= limit) {
      return new int[] {0, events.size()};
    }
    if (context.violation() == null) {
      return new int[] {0, limit};
    }
    int afterViolation = 0; // the first event after the violation's instant
    while (afterViolation < events.size() && events.get(afterViolation).timeNanos() <= context.violation().atNanos()) {
      afterViolation++;
    }
    int to = Math.min(events.size(), Math.max(limit, afterViolation + limit / 10));
    return new int[] {to - limit, to};
  }

  private static String data(int total, int[] window, List<TraceEvent> shown, List<FaultBand> bands, long endNanos,
      TimelineContext context) {
    Map<String, Integer> lanes = lanes(shown);
    Map<String, Integer> kinds = new LinkedHashMap<>();
    StringBuilder json = new StringBuilder(64 + shown.size() * 96);
    json.append("{\"title\":");
    ScriptJson.string(context.title(), json);
    json.append(",\"totalEvents\":").append(total).append(",\"firstShown\":").append(window[0]);
    json.append(",\"startNanos\":").append(window[0] == 0 || shown.isEmpty() ? 0 : shown.get(0).timeNanos());
    json.append(",\"endNanos\":").append(endNanos);
    json.append(",\"violation\":");
    if (context.violation() == null) {
      json.append("null");
    } else {
      json.append("{\"kind\":");
      ScriptJson.string(context.violation().kind(), json);
      json.append(",\"t\":").append(context.violation().atNanos()).append(",\"detail\":");
      ScriptJson.string(context.violation().detail(), json);
      json.append('}');
    }
    json.append(",\"lanes\":");
    strings(lanes.keySet(), json);
    json.append(",\n\"events\":[");
    for (int i = 0; i < shown.size(); i++) {
      TraceEvent event = shown.get(i);
      json.append(i == 0 ? "\n[" : ",\n[").append(event.timeNanos()).append(',').append(lanes.get(event.node()))
          .append(',').append(kinds.computeIfAbsent(event.kind(), k -> kinds.size())).append(',')
          .append(event.peer() == null ? -1 : lanes.get(event.peer())).append(',');
      ScriptJson.string(event.detail(), json);
      json.append(']');
    }
    json.append("],\n\"kinds\":");
    strings(kinds.keySet(), json);
    json.append(",\n\"flights\":[");
    appendFlights(MessageMatcher.match(shown), json);
    json.append("],\n\"faults\":[");
    for (int i = 0; i < bands.size(); i++) {
      FaultBand band = bands.get(i);
      json.append(i == 0 ? "\n{" : ",\n{").append("\"start\":").append(band.startNanos()).append(",\"end\":")
          .append(band.endNanos()).append(",\"kind\":");
      ScriptJson.string(band.kind(), json);
      json.append(",\"label\":");
      ScriptJson.string(band.label(), json);
      json.append(",\"nodes\":");
      strings(band.nodes(), json);
      json.append('}');
    }
    return json.append("]}").toString();
  }

  /** Flights as {@code [send, end, outcome, duplicate]}: outcome 0 delivered, 1 dropped, 2 never ended. */
  private static void appendFlights(List<Flight> flights, StringBuilder json) {
    for (int i = 0; i < flights.size(); i++) {
      Flight flight = flights.get(i);
      json.append(i == 0 ? "[" : ",[").append(flight.sendIndex()).append(',').append(flight.endIndex()).append(',')
          .append(flight.outcome().ordinal()).append(',').append(flight.duplicate() ? 1 : 0).append(']');
    }
  }

  /**
   * Lane order: {@code sim} (where faults are traced) first, then each node in order of first
   * appearance, with its actors ({@code server/worker-0}) right under it.
   */
  static Map<String, Integer> lanes(List<TraceEvent> events) {
    Map<String, List<String>> byProcess = new LinkedHashMap<>();
    boolean hasSim = false;
    for (TraceEvent event : events) {
      for (String name : new String[] {event.node(), event.peer()}) {
        if (name == null) {
          continue;
        }
        if (name.equals("sim")) {
          hasSim = true;
          continue;
        }
        int slash = name.indexOf('/');
        List<String> members = byProcess.computeIfAbsent(slash < 0 ? name : name.substring(0, slash),
            k -> new ArrayList<>());
        if (slash >= 0 && !members.contains(name)) {
          members.add(name);
        }
      }
    }
    Map<String, Integer> lanes = new LinkedHashMap<>();
    if (hasSim) {
      lanes.put("sim", 0);
    }
    byProcess.forEach((process, actors) -> {
      lanes.put(process, lanes.size());
      actors.forEach(actor -> lanes.put(actor, lanes.size()));
    });
    return lanes;
  }

  private static void strings(Iterable<String> values, StringBuilder json) {
    json.append('[');
    boolean first = true;
    for (String value : values) {
      json.append(first ? "" : ",");
      ScriptJson.string(value, json);
      first = false;
    }
    json.append(']');
  }

  private static String resource(String name) {
    try (InputStream in = TimelineHtml.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("timeline resource missing from the jar: " + RESOURCES + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read timeline resource " + name, e);
    }
  }
}
