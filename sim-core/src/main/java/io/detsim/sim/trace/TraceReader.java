package io.detsim.sim.trace;

import io.detsim.sim.trace.TraceEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The events of a JSON Lines trace, one at a time, so a trace of millions of events never has to
 * fit in memory. Blank lines are skipped (a file ends with one); any other line that is not an
 * event throws {@link TraceFormatException} when the iteration reaches it. Close it when done.
 */
public final class TraceReader implements Iterator<TraceEvent>, AutoCloseable {
  private final BufferedReader lines;
  private final String name;
  private long lineNumber;
  private TraceEvent next;
  private boolean ended;

  TraceReader(BufferedReader lines, String name) {
    this.lines = lines;
    this.name = name;
  }

  /** The 1-based number of the line the last returned event came from (0 before the first). */
  public long lineNumber() {
    return lineNumber;
  }

  @Override
  public boolean hasNext() {
    if (next == null && !ended) {
      next = readNext();
      ended = next == null;
    }
    return next != null;
  }

  @Override
  public TraceEvent next() {
    if (!hasNext()) {
      throw new NoSuchElementException("trace " + name + " has no more events");
    }
    TraceEvent event = next;
    next = null;
    return event;
  }

  private TraceEvent readNext() {
    try {
      String line;
      while ((line = lines.readLine()) != null) {
        lineNumber++;
        if (!line.isBlank()) {
          return parse(line);
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read trace " + name + " at line " + (lineNumber + 1), e);
    }
  }

  private TraceEvent parse(String line) {
    try {
      return TraceLineParser.parse(line);
    } catch (TraceLineParser.Problem problem) {
      throw new TraceFormatException(name, lineNumber, problem.getMessage());
    }
  }

  @Override
  public void close() {
    try {
      lines.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close trace " + name, e);
    }
  }
}
