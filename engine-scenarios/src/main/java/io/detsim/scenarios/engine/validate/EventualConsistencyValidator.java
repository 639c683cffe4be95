package io.detsim.scenarios.engine.validate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every acknowledged observation must become visible, and within the staleness bound (the original
 * design's {@code EventualConsistencyValidator}). Acknowledgements are recorded as they happen; the
 * property then asks, with the set of what recall can see, whether anything is missing
 * ({@link #validateAllPresent}), or, during a healthy stretch, whether anything has been missing for
 * longer than the bound ({@link #overdue}). The original polled with sleeps; in simulation the
 * property runs virtual time forward instead, so the check costs no wall time.
 */
public final class EventualConsistencyValidator {
  private static final int LISTED_IDS = 10;

  /** An acknowledged observation: its id, sequence number and the virtual time of the ACCEPTED. */
  public record Acked(String id, long seq, long ackedAtNanos) {}

  private final long maxStalenessNanos;
  private final Map<String, Acked> acked = new LinkedHashMap<>();

  public EventualConsistencyValidator(long maxStalenessNanos) {
    this.maxStalenessNanos = maxStalenessNanos;
  }

  /** Records an acknowledgement; a repeated one keeps the first time. */
  public void recordAck(String id, long seq, long ackedAtNanos) {
    acked.putIfAbsent(id, new Acked(id, seq, ackedAtNanos));
  }

  public int trackedCount() {
    return acked.size();
  }

  public long maxStalenessNanos() {
    return maxStalenessNanos;
  }

  /** DATA_LOSS listing every acknowledged id absent from {@code visible}. */
  public Optional<Violation> validateAllPresent(Set<String> visible, long nowNanos) {
    List<String> missing = new ArrayList<>();
    for (String id : acked.keySet()) {
      if (!visible.contains(id)) {
        missing.add(id);
      }
    }
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Violation(Violation.Kind.DATA_LOSS,
        missing.size() + " acknowledged observations missing: " + listed(missing), nowNanos, missing));
  }

  /**
   * CONSISTENCY_TIMEOUT for ids acknowledged before {@code healthySinceNanos} or later, that have
   * been missing for longer than the bound at {@code nowNanos}. Only meaningful while no fault is
   * active: the bound is a promise about healthy operation (docs/engine.md guarantee 5).
   */
  public Optional<Violation> overdue(Set<String> visible, long healthySinceNanos, long nowNanos) {
    List<String> late = new ArrayList<>();
    for (Acked ack : acked.values()) {
      long since = Math.max(ack.ackedAtNanos(), healthySinceNanos);
      if (!visible.contains(ack.id()) && nowNanos - since > maxStalenessNanos) {
        late.add(ack.id());
      }
    }
    if (late.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Violation(Violation.Kind.CONSISTENCY_TIMEOUT, late.size()
        + " acknowledged observations not visible within " + maxStalenessNanos / 1_000_000 + " ms: "
        + listed(late), nowNanos, late));
  }

  public void clear() {
    acked.clear();
  }

  private static String listed(List<String> ids) {
    List<String> shown = ids.subList(0, Math.min(ids.size(), LISTED_IDS));
    return String.join(", ", shown) + (ids.size() > LISTED_IDS ? ", ... (" + (ids.size() - LISTED_IDS) + " more)" : "");
  }
}
