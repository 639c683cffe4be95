package io.detsim.properties.scenario;

import io.detsim.sim.Simulation;
import io.detsim.sim.fault.FaultKind;
import io.detsim.sim.fault.ScheduledFault;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The coverage labels that any system's run earns from the simulator alone, so that a campaign of
 * any system can say where it looked (replay's {@code PointCoverage} adds them up):
 *
 * <ul>
 *   <li>{@code fault:K}: the run's schedule holds a fault of kind K;
 *   <li>{@code point:P}: a node announced transition point P ({@link io.detsim.sim.port.NodeContext#point});
 *   <li>{@code point:P:under:K}: a fault of kind K struck at one of P's announcements or within the
 *       window after it ({@link Simulation#pointsUnderFaults});
 *   <li>{@code point:P:never}: P is one of the points the system says it can announce, and this run
 *       did not reach it (a point no run reaches is where the campaign is blind);
 *   <li>{@code aim:unfired}: an aimed fault's occurrence never came before heal-all.
 * </ul>
 *
 * {@link TwoPhaseRun} adds them to every run; a system with a run loop of its own calls {@link #of}.
 */
public final class RunLabels {
  /** What a point's labels start with: {@code point:P}, {@code point:P:under:K}, {@code point:P:never}. */
  public static final String POINT = "point:";
  /** Between a point and the fault kind that struck in its window. */
  public static final String UNDER = ":under:";
  /** After a point the system can announce and the run did not reach. */
  public static final String NEVER = ":never";
  /** A run in which an aimed fault's occurrence never came before heal-all. */
  public static final String AIM_UNFIRED = "aim:unfired";
  private static final String FAULT = "fault:";

  private RunLabels() {}

  /** The label of a run whose schedule holds a fault of {@code kind}. */
  public static String faultScheduled(FaultKind kind) {
    return FAULT + kind;
  }

  /**
   * The labels of a run of {@code sim} that followed {@code schedule}, whose nodes can announce the
   * points {@code knownPoints} (empty when the system does not say: then no point is labelled as
   * never reached, and announced points are labelled all the same). Sorted, each once.
   */
  public static SortedSet<String> of(Simulation sim, List<ScheduledFault> schedule, Collection<String> knownPoints) {
    TreeSet<String> labels = new TreeSet<>();
    for (ScheduledFault entry : schedule) {
      FaultKind.of(entry.fault()).ifPresent(kind -> labels.add(faultScheduled(kind)));
    }
    for (String point : knownPoints) {
      if (!sim.pointsReached().containsKey(point)) {
        labels.add(POINT + point + NEVER);
      }
    }
    sim.pointsReached().keySet().forEach(point -> labels.add(POINT + point));
    sim.pointsUnderFaults().forEach((point, kinds) -> kinds.forEach(kind -> labels.add(POINT + point + UNDER + kind)));
    if (!sim.aimedFaultsNeverFired().isEmpty()) {
      labels.add(AIM_UNFIRED);
    }
    return labels;
  }
}
