package io.detsim.scenarios.engine.validate;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks that a stream of sequence numbers is monotonic without gap or duplicate, with the
 * semantics of the original design's {@code SequenceValidator}: the first value is accepted as
 * given; {@code last + 1} is fine; a value at or below {@code last} is a duplicate (or a step back),
 * recorded, and does not advance; a value above {@code last + 1} is a gap, recorded as
 * {@code (last, seq)}, and advances {@code last} to it (so one gap is reported once, not again for
 * every later value).
 */
public final class SequenceValidator {
  private final String stream;
  private final List<long[]> gaps = new ArrayList<>();
  private final List<Long> duplicates = new ArrayList<>();
  private boolean started;
  private long last;

  /** @param stream what is being checked, for messages ({@code session s-1}) */
  public SequenceValidator(String stream) {
    this.stream = stream;
  }

  /** Checks the next value; a violation if it is a gap or a duplicate. */
  public java.util.Optional<Violation> observe(long seq, long atNanos) {
    if (!started) {
      started = true;
      last = seq;
      return java.util.Optional.empty();
    }
    if (seq == last + 1) {
      last = seq;
      return java.util.Optional.empty();
    }
    if (seq <= last) {
      duplicates.add(seq);
      return java.util.Optional.of(Violation.of(Violation.Kind.SEQUENCE_VIOLATION, atNanos,
          stream + ": duplicate or backward step: expected " + (last + 1) + ", got " + seq));
    }
    gaps.add(new long[] {last, seq});
    long expected = last + 1;
    last = seq;
    return java.util.Optional.of(Violation.of(Violation.Kind.SEQUENCE_VIOLATION, atNanos,
        stream + ": gap: expected " + expected + ", got " + seq));
  }

  public int gapCount() {
    return gaps.size();
  }

  public int duplicateCount() {
    return duplicates.size();
  }

  /** The gaps as (last, seq) pairs. */
  public List<long[]> gaps() {
    List<long[]> copy = new ArrayList<>();
    gaps.forEach(gap -> copy.add(gap.clone()));
    return copy;
  }

  public void reset() {
    gaps.clear();
    duplicates.clear();
    started = false;
    last = 0;
  }
}
