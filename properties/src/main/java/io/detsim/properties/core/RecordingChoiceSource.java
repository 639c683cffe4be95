package io.detsim.properties.core;

import io.detsim.sim.port.Ratio;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * The part every source shares: argument checks, forced choices, the bound on the number of
 * choices, and the record of the choices and spans actually drawn. Subclasses say only where a
 * value comes from ({@link #draw}).
 *
 * <p>The recorded sequence ({@link #toSequence}) leaves out the trailing choices that were the
 * simplest of their range: a replay past the end of a sequence returns the simplest, so the shorter
 * sequence regenerates the same value, and it is simpler in shortlex order. This makes the
 * recorded form of a value canonical, which the shrinker's cache and exhaustive mode's
 * de-duplication rely on.
 */
abstract class RecordingChoiceSource implements ChoiceSource {
  /**
   * At most this many choices per generation; more means runaway recursion. Generous: a schedule
   * plus workload plus configuration of a long simulation run draws tens of thousands at most.
   */
  static final int MAX_CHOICES = 100_000;

  private long[] values = new long[16];
  private int size;
  /** {@code size} without the trailing run of choices that were the simplest of their range. */
  private int significantSize;
  private final List<SpanRecord> spans = new ArrayList<>();
  private final Deque<SpanRecord> open = new ArrayDeque<>();

  private static final class SpanRecord {
    final int start;
    final String label;
    int end = -1;
    boolean cancelled;

    SpanRecord(int start, String label) {
      this.start = start;
      this.label = label;
    }
  }

  /** A value in {@code [min, max]} with {@code min < max}. */
  abstract long draw(long min, long max);

  /** A boolean for {@link #chance}; sources that are not random draw a plain choice. */
  boolean drawChance(Ratio trueRatio) {
    return draw(0, 1) == 1;
  }

  @Override
  public final long choose(long min, long max) {
    if (max < min) {
      throw new IllegalArgumentException("empty range [" + min + ", " + max + "]");
    }
    if (min == max) {
      return min;
    }
    requireCapacity();
    long value = draw(min, max);
    if (value < min || value > max) {
      throw new AssertionError("drew " + value + " outside [" + min + ", " + max + "]");
    }
    record(value, simplest(min, max));
    return value;
  }

  @Override
  public final boolean chance(Ratio trueRatio) {
    if (trueRatio.isNever() || trueRatio.numerator() == trueRatio.denominator()) {
      return !trueRatio.isNever();
    }
    requireCapacity();
    boolean value = drawChance(trueRatio);
    record(value ? 1 : 0, 0);
    return value;
  }

  @Override
  public final void startSpan(String label) {
    SpanRecord span = new SpanRecord(size, java.util.Objects.requireNonNull(label, "label"));
    spans.add(span);
    open.push(span);
  }

  @Override
  public final void endSpan() {
    popOpenSpan("endSpan").end = size;
  }

  @Override
  public final void cancelSpan() {
    popOpenSpan("cancelSpan").cancelled = true;
  }

  /** The number of choices drawn so far, forced ones excluded. */
  final int choicesDrawn() {
    return size;
  }

  /**
   * What was drawn, without the trailing simplest choices; spans still open (a generator that
   * threw) end at the last choice, and spans left empty are dropped.
   */
  final ChoiceSequence toSequence() {
    int length = significantSize;
    List<ChoiceSequence.Span> closed = new ArrayList<>(spans.size());
    for (SpanRecord span : spans) {
      int end = Math.min(span.end < 0 ? size : span.end, length);
      if (!span.cancelled && span.start < end) {
        closed.add(new ChoiceSequence.Span(span.start, end, span.label));
      }
    }
    return new ChoiceSequence(Arrays.copyOf(values, length), closed);
  }

  private SpanRecord popOpenSpan(String method) {
    if (open.isEmpty()) {
      throw new IllegalStateException(method + "() without a matching startSpan()");
    }
    return open.pop();
  }

  private void requireCapacity() {
    if (size >= MAX_CHOICES) {
      throw new GenerationException("generation drew more than " + MAX_CHOICES
          + " choices: unbounded recursion? (put a recursive generator's base case first)");
    }
  }

  private void record(long value, long simplest) {
    if (size == values.length) {
      values = Arrays.copyOf(values, Math.min(MAX_CHOICES, size * 2));
    }
    values[size++] = value;
    if (value != simplest) {
      significantSize = size;
    }
  }

  /**
   * The simplest value of {@code [min, max]}, the one closest to 0 (see {@link ChoiceSequence}'s
   * order): the minimum for the non-negative ranges that generators mostly draw.
   */
  static long simplest(long min, long max) {
    return clamp(0, min, max);
  }

  static long clamp(long value, long min, long max) {
    return Math.max(min, Math.min(max, value));
  }
}
