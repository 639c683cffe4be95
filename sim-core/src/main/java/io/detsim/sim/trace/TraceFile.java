package io.detsim.sim.trace;

import io.detsim.sim.trace.TraceEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A trace as sim-core's {@link io.detsim.sim.trace.JsonLinesTraceWriter} writes it: UTF-8, one event
 * a line, {@code {"t":1250000,"node":"server","kind":"deliver","peer":"client-1","detail":"Ack(s-1,7,ACCEPTED)"}}.
 * A malformed line throws {@link TraceFormatException} with the message {@code file:line: problem}.
 */
public final class TraceFile {
  private TraceFile() {}

  /** Every event of the file, in order. For big traces prefer {@link #open}. */
  public static List<TraceEvent> read(Path file) {
    try (TraceReader reader = open(file)) {
      List<TraceEvent> events = new ArrayList<>();
      reader.forEachRemaining(events::add);
      return events;
    }
  }

  /** A streaming reader over the file's events; the caller closes it. */
  public static TraceReader open(Path file) {
    try {
      return new TraceReader(Files.newBufferedReader(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open trace " + file, e);
    }
  }

  /** The events of a trace held in a string; {@code name} stands for the file in error messages. */
  public static List<TraceEvent> parse(String text, String name) {
    try (TraceReader reader = new TraceReader(new BufferedReader(new StringReader(text)), name)) {
      List<TraceEvent> events = new ArrayList<>();
      reader.forEachRemaining(events::add);
      return events;
    }
  }
}
