package io.detsim.replay.timeline;

import io.detsim.sim.fault.FaultSchedule;
import io.detsim.sim.fault.ScheduledFault;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a timeline shows besides the trace: a title, the violation the run ended with (if any), the
 * fault schedule whose faults become shaded intervals, and how many events to draw at most.
 *
 * <p>An empty fault list means "take the faults from the trace": the simulator traces every fault
 * it applies as a {@code sim fault} event in the schedule's words, including the heal-all a scenario
 * runner adds after the last fault, so the trace is the truest record of what struck when.
 *
 * @param eventLimit the most events drawn; a longer trace is cut to a window (see {@link TimelineHtml})
 */
public record TimelineContext(String title, ViolationMark violation, List<ScheduledFault> faults, int eventLimit) {
  /** Enough to see a whole scenario run (they trace 5,000 to 20,000 events) while a browser stays responsive. */
  public static final int DEFAULT_EVENT_LIMIT = 30_000;

  /** The broken guarantee, drawn as a red line at {@code atNanos} labelled with {@code kind}. */
  public record ViolationMark(String kind, long atNanos, String detail) {
    public ViolationMark {
      Objects.requireNonNull(kind, "kind");
      detail = detail == null ? "" : detail;
    }
  }

  public TimelineContext {
    Objects.requireNonNull(title, "title");
    faults = FaultSchedule.of(faults).entries();
    if (eventLimit < 1) {
      throw new IllegalArgumentException("event limit must be positive: " + eventLimit);
    }
  }

  /** A context with only a title: no violation, faults from the trace, the default event limit. */
  public static TimelineContext titled(String title) {
    return new TimelineContext(title, null, List.of(), DEFAULT_EVENT_LIMIT);
  }

  public TimelineContext withViolation(String kind, long atNanos, String detail) {
    return new TimelineContext(title, new ViolationMark(kind, atNanos, detail), faults, eventLimit);
  }

  public TimelineContext withFaults(List<ScheduledFault> scheduled) {
    return new TimelineContext(title, violation, scheduled, eventLimit);
  }

  public TimelineContext withFaults(FaultSchedule schedule) {
    return withFaults(schedule.entries());
  }

  public TimelineContext withEventLimit(int limit) {
    return new TimelineContext(title, violation, faults, limit);
  }

  public Optional<ViolationMark> violationMark() {
    return Optional.ofNullable(violation);
  }
}
