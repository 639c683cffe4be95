package io.detsim.engine.log;

import java.util.Objects;

/**
 * Options of a write-ahead log. The defaults ({@link #none()}) are the correct log.
 *
 * @param mutant a deliberate bug, for checking that detsim's properties catch it; {@link
 *     Mutant#NONE} in every real use
 */
public record WalOptions(Mutant mutant) {

  /** Deliberate bugs the framework's self-test switches on, one at a time. */
  public enum Mutant {
    NONE,
    /**
     * Recovery reports a bad tail but does not truncate it: later appends land after the garbage, are
     * acknowledged once synced, and the next recovery stops at the garbage and loses them.
     */
    TORN_TAIL_NOT_CUT
  }

  public WalOptions {
    Objects.requireNonNull(mutant, "mutant");
  }

  public static WalOptions none() {
    return new WalOptions(Mutant.NONE);
  }

  public WalOptions withMutant(Mutant value) {
    return new WalOptions(value);
  }

  boolean cutsBadTail() {
    return mutant != Mutant.TORN_TAIL_NOT_CUT;
  }
}
