package io.detsim.properties.core;

/**
 * Choices read back from a recorded (or edited) {@link ChoiceSequence}.
 *
 * <p>Two rules make every edited sequence a valid input, which is what lets the shrinker edit
 * blindly: a value outside the range asked for is clamped into it, and once the values run out
 * every choice is the simplest value of its range (its minimum, unless the range holds negative
 * values; then the value closest to 0). Deleting choices therefore never
 * breaks generation; it only shifts later choices onto earlier questions.
 */
final class ReplayChoiceSource extends RecordingChoiceSource {
  private final ChoiceSequence sequence;
  private int next;

  ReplayChoiceSource(ChoiceSequence sequence) {
    this.sequence = sequence;
  }

  @Override
  long draw(long min, long max) {
    if (next >= sequence.size()) {
      return simplest(min, max);
    }
    return clamp(sequence.value(next++), min, max);
  }
}
