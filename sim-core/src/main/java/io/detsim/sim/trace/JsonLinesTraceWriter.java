package io.detsim.sim.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes the trace as JSON Lines, one event per line, fields in a fixed order:
 * {@code {"t":1250000,"node":"server","kind":"deliver","peer":"client-1","detail":"Ack(s-1,7,ACCEPTED)"}}
 * ({@code peer} and {@code detail} omitted when absent). A fixed layout lets two traces be compared
 * line by line, and a reader needs no JSON library.
 */
public final class JsonLinesTraceWriter implements TraceSink, AutoCloseable {
  private final Writer out;
  private final StringBuilder line = new StringBuilder(128);

  public JsonLinesTraceWriter(Writer out) {
    this.out = out;
  }

  @Override
  public void accept(TraceEvent event) {
    line.setLength(0);
    line.append("{\"t\":").append(event.timeNanos());
    appendField("node", event.node());
    appendField("kind", event.kind());
    if (event.peer() != null) {
      appendField("peer", event.peer());
    }
    if (event.detail() != null) {
      appendField("detail", event.detail());
    }
    line.append("}\n");
    try {
      out.append(line);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write trace", e);
    }
  }

  private void appendField(String key, String value) {
    line.append(",\"").append(key).append("\":\"");
    Json.escape(value, line);
    line.append('"');
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close trace", e);
    }
  }
}
