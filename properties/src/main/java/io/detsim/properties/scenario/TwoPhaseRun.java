package io.detsim.properties.scenario;

import io.detsim.sim.RunawayHandlerException;
import io.detsim.sim.Simulation;
import io.detsim.sim.fault.Fault;
import io.detsim.sim.fault.FaultSchedule;
import io.detsim.sim.fault.ScheduledFault;
import io.detsim.sim.trace.TraceEvent;
import io.detsim.sim.trace.TraceRing;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The two phases of a run (TigerBeetle's VOPR), for any system: a safety phase with the schedule's
 * faults on, checking "always" invariants after every event, so a violation fails at the event
 * that caused it; then heal-all; then a liveness phase in which the system must settle within a
 * bound of virtual time; then the end checks. The result is a {@link ScenarioRun}, what a
 * {@link Scenario#run} returns.
 *
 * <pre>
 * return TwoPhaseRun.on(sim, settings)
 *     .faults(input.schedule(), 500 * MS)
 *     .always("SPLIT_BRAIN", () -&gt; leaders(sim) &lt;= 1 ? Optional.empty() : Optional.of("two leaders"))
 *     .settleWithin(5 * SECOND, () -&gt; client(sim).isDone(), () -&gt; "writes not acknowledged")
 *     .atEnd("LOST_WRITE", () -&gt; lostWrites(sim))
 *     .run();
 * </pre>
 *
 * <p>What goes wrong is reported, never thrown: an exception from a node or a check is a failure
 * of kind {@code CRASH} with the exception kept as its cause; a run that dispatches more than its
 * event budget (a handler that reschedules itself without end, say) is a failure of kind
 * {@code EVENT_BUDGET} naming the last events; a handler that makes more calls to its context and
 * clock than one handler may without returning (a loop waiting for virtual time to pass, say) is a
 * failure of kind {@code RUNAWAY_HANDLER} whose cause's stack trace shows the loop
 * ({@link io.detsim.sim.Simulation#limitCallsPerHandler}).
 */
public final class TwoPhaseRun {
  private static final long MS = 1_000_000L;
  private static final int RECENT_EVENTS = 20;
  private static final long DEFAULT_EVENT_BUDGET = 50_000_000L;

  private final Simulation sim;
  private final TraceRing ring = new TraceRing(RECENT_EVENTS);
  private final List<Check> always = new ArrayList<>();
  private final List<Check> atEnd = new ArrayList<>();
  private FaultSchedule schedule = FaultSchedule.of(List.of());
  private long healAtNanos;
  private long settleNanos;
  private BooleanSupplier settled = () -> true;
  private Supplier<String> pending = () -> "";
  private Supplier<List<String>> labels = List::of;
  private Collection<String> knownPoints = List.of();
  private long eventBudget = DEFAULT_EVENT_BUDGET;

  /** A named check: empty when it holds, else what it saw. */
  private record Check(String kind, Supplier<Optional<String>> check) {}

  private TwoPhaseRun(Simulation sim, RunSettings settings) {
    this.sim = sim;
    sim.trace().setSink(settings.trace().isEmpty() ? ring : event -> {
      ring.accept(event);
      settings.trace().get().accept(event);
    });
    settings.meter().ifPresent(sim::meterHandlers);
  }

  /** A run of {@code sim}, whose nodes are added; its trace goes to the settings' sink as well. */
  public static TwoPhaseRun on(Simulation sim, RunSettings settings) {
    return new TwoPhaseRun(Objects.requireNonNull(sim, "sim"), Objects.requireNonNull(settings, "settings"));
  }

  /** The faults of the safety phase, healed at the end of {@code windowNanos} or after the last fault. */
  public TwoPhaseRun faults(FaultSchedule faults, long windowNanos) {
    this.schedule = faults;
    this.healAtNanos = Math.max(windowNanos, faults.lastFaultAtNanos() + MS);
    return this;
  }

  /** An invariant checked after every event of the safety and liveness phases. */
  public TwoPhaseRun always(String kind, Supplier<Optional<String>> invariant) {
    always.add(new Check(kind, invariant));
    return this;
  }

  /** After the heal, {@code isSettled} must hold within {@code boundNanos}; else a failure saying what is pending. */
  public TwoPhaseRun settleWithin(long boundNanos, BooleanSupplier isSettled, Supplier<String> whatIsPending) {
    this.settleNanos = boundNanos;
    this.settled = isSettled;
    this.pending = whatIsPending;
    return this;
  }

  /** A check of the settled system. */
  public TwoPhaseRun atEnd(String kind, Supplier<Optional<String>> check) {
    atEnd.add(new Check(kind, check));
    return this;
  }

  /**
   * The system's own coverage labels, read when the run ended. Every run also gets the simulator's
   * ({@link RunLabels}: its fault kinds, the transition points its nodes announced and the faults
   * that struck them), without asking.
   */
  public TwoPhaseRun labels(Supplier<List<String>> runLabels) {
    this.labels = runLabels;
    return this;
  }

  /**
   * The transition points this system's nodes can announce ({@link io.detsim.sim.port.NodeContext#point}),
   * so that a campaign lists those no run reached: where it is blind. Points announced are labelled
   * whether declared here or not.
   */
  public TwoPhaseRun points(Collection<String> announceable) {
    this.knownPoints = List.copyOf(announceable);
    return this;
  }

  /** The most events the whole run may dispatch (default fifty million). */
  public TwoPhaseRun eventBudget(long events) {
    this.eventBudget = events;
    return this;
  }

  public ScenarioRun run() {
    List<ScheduledFault> entries = new ArrayList<>(schedule.entries());
    entries.add(new ScheduledFault(healAtNanos, new Fault.HealAll()));
    sim.schedule(entries);
    Optional<ScenarioRun.Failure> failure;
    try {
      failure = safetyPhase();
      if (failure.isEmpty()) {
        failure = livenessPhase();
      }
      for (int i = 0; failure.isEmpty() && i < atEnd.size(); i++) {
        failure = violated(atEnd.get(i));
      }
    } catch (RunawayHandlerException runaway) {
      failure = Optional.of(new ScenarioRun.Failure("RUNAWAY_HANDLER", sim.nowNanos(), runaway.getMessage(),
          Optional.of(runaway)));
    } catch (RuntimeException | AssertionError | StackOverflowError thrown) {
      failure = Optional.of(new ScenarioRun.Failure("CRASH", sim.nowNanos(),
          thrown.getClass().getName() + ": " + thrown.getMessage(), Optional.of(thrown)));
    }
    TreeSet<String> runLabels = new TreeSet<>(labels.get());
    runLabels.addAll(RunLabels.of(sim, schedule.entries(), knownPoints));
    return new ScenarioRun(failure, sim.digest(), sim.nowNanos(), ring.events(), List.copyOf(runLabels), entries);
  }

  private Optional<ScenarioRun.Failure> safetyPhase() {
    while (sim.nowNanos() < healAtNanos && sim.step()) {
      Optional<ScenarioRun.Failure> failure = afterEvent();
      if (failure.isPresent()) {
        return failure;
      }
    }
    return Optional.empty();
  }

  private Optional<ScenarioRun.Failure> livenessPhase() {
    long healedAtNanos = sim.nowNanos();
    while (!settled.getAsBoolean()) {
      if (sim.nowNanos() - healedAtNanos > settleNanos || !sim.step()) {
        return Optional.of(ScenarioRun.Failure.of("NOT_SETTLED", sim.nowNanos(), String.format(
            "not settled %.3f s after the heal: %s", (sim.nowNanos() - healedAtNanos) / 1e9, pending.get())));
      }
      Optional<ScenarioRun.Failure> failure = afterEvent();
      if (failure.isPresent()) {
        return failure;
      }
    }
    return Optional.empty();
  }

  private Optional<ScenarioRun.Failure> afterEvent() {
    if (sim.eventsDispatched() > eventBudget) {
      return Optional.of(ScenarioRun.Failure.of("EVENT_BUDGET", sim.nowNanos(), "more than " + eventBudget
          + " events: a handler that reschedules itself without end? the last: " + lastEvents()));
    }
    for (Check check : always) {
      Optional<ScenarioRun.Failure> failure = violated(check);
      if (failure.isPresent()) {
        return failure;
      }
    }
    return Optional.empty();
  }

  private Optional<ScenarioRun.Failure> violated(Check check) {
    return check.check().get().map(seen -> ScenarioRun.Failure.of(check.kind(), sim.nowNanos(), seen));
  }

  private String lastEvents() {
    List<String> last = new ArrayList<>();
    for (TraceEvent event : ring.events()) {
      last.add(event.node() + " " + event.kind() + (event.detail() == null ? "" : " " + event.detail()));
    }
    return String.join("; ", last.subList(Math.max(0, last.size() - 5), last.size()));
  }
}
