package io.detsim.scenarios.engine.validate;

import java.util.Locale;

/**
 * A run's totals (the original design's {@code ChaosTestStats}): sent, acknowledged, rejected,
 * recalled, sequence violations, integrity checks. {@code dataLoss = acked - recalled}; success
 * and rejection rates are per sent observation, 0 when nothing was sent.
 */
public final class ChaosTestStats {
  private long totalSent;
  private long totalAcked;
  private long totalRejected;
  private long totalRecalled;
  private long sequenceViolations;
  private long integrityChecksPassed;
  private long integrityChecksFailed;
  private long durationNanos;

  public void sent(long count) {
    totalSent += count;
  }

  public void acked(long count) {
    totalAcked += count;
  }

  public void rejected(long count) {
    totalRejected += count;
  }

  public void recalled(long count) {
    totalRecalled += count;
  }

  public void sequenceViolation() {
    sequenceViolations++;
  }

  public void integrityCheck(boolean passed) {
    if (passed) {
      integrityChecksPassed++;
    } else {
      integrityChecksFailed++;
    }
  }

  public void duration(long nanos) {
    durationNanos = nanos;
  }

  public long totalSent() {
    return totalSent;
  }

  public long totalAcked() {
    return totalAcked;
  }

  public long totalRejected() {
    return totalRejected;
  }

  public long totalRecalled() {
    return totalRecalled;
  }

  public long sequenceViolations() {
    return sequenceViolations;
  }

  public long integrityChecksPassed() {
    return integrityChecksPassed;
  }

  public long integrityChecksFailed() {
    return integrityChecksFailed;
  }

  /** Acknowledged minus recalled: more than zero means acknowledged data is missing. */
  public long dataLoss() {
    return totalAcked - totalRecalled;
  }

  public double successRate() {
    return totalSent == 0 ? 0.0 : (double) totalAcked / totalSent;
  }

  public double rejectionRate() {
    return totalSent == 0 ? 0.0 : (double) totalRejected / totalSent;
  }

  /** The printed report. */
  public String report() {
    return String.format(Locale.ROOT,
        "chaos test stats (%.1f s simulated)%n"
            + "  sent %d, acknowledged %d, rejected %d, recalled %d%n"
            + "  data loss %d, success rate %.4f, rejection rate %.4f%n"
            + "  sequence violations %d, integrity checks %d passed / %d failed%n",
        durationNanos / 1e9, totalSent, totalAcked, totalRejected, totalRecalled, dataLoss(), successRate(),
        rejectionRate(), sequenceViolations, integrityChecksPassed, integrityChecksFailed);
  }
}
