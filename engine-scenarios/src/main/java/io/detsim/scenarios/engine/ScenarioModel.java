package io.detsim.scenarios.engine;

import io.detsim.sim.fault.FaultKind;
import io.detsim.sim.port.Check;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The space a scenario draws its inputs from: which fault kinds it may enable, how long faults may
 * strike, how many clients send how much how fast, which engine shapes it tries. Each scenario of
 * docs/engine.md is one of these plus its checks.
 *
 * @param faultWindowNanos faults strike in {@code [0, faultWindowNanos)}; then everything heals
 * @param queueCapacities queue capacities to choose among (0: the design's default queue)
 * @param burstMax the largest load burst a BURST fault sends (0: no bursts)
 * @param diskShapes whether half the disk faults corrupt a synced record and three runs in four
 *     compact every few records: off in the default scenario, where a detected corruption waives the
 *     loss checks and frequent compaction rolls torn tails into snapshots, both of which hide the
 *     crash bugs it is tuned for (corrupting a quarter of its disk faults was measured: the planted
 *     torn-tail bug was first caught at try 260 instead of 116); there a quarter of the runs compact
 *     early, and none corrupts
 * @param aimed whether node faults may be aimed at the k-th occurrence of a transition point (half of
 *     them are); off, every fault strikes at a uniform time: the baseline that aiming is measured
 *     against, kept as a scenario of its own so that a failure file names it and replays, shrinks
 *     and regenerates under the same generator
 * @param checks what this scenario checks beyond what every run checks
 */
public record ScenarioModel(
    Set<FaultKind> eligible,
    long faultWindowNanos,
    int maxFaultEntries,
    int clientsMin,
    int clientsMax,
    int observationsMin,
    int observationsMax,
    int rateMin,
    int rateMax,
    List<Integer> queueCapacities,
    int workersMin,
    int workersMax,
    int burstMax,
    boolean recallProbes,
    boolean diskShapes,
    boolean aimed,
    Set<ScenarioCheck> checks) {

  public ScenarioModel {
    eligible = Collections.unmodifiableSet(eligible.isEmpty() ? EnumSet.noneOf(FaultKind.class) : EnumSet.copyOf(eligible));
    queueCapacities = List.copyOf(queueCapacities);
    checks = Collections.unmodifiableSet(checks.isEmpty() ? EnumSet.noneOf(ScenarioCheck.class) : EnumSet.copyOf(checks));
    Check.argument(faultWindowNanos > 0, "fault window must be positive");
    Check.argument(clientsMin >= 1 && clientsMax >= clientsMin, "clients %d..%d", clientsMin, clientsMax);
    Check.argument(observationsMin >= 1 && observationsMax >= observationsMin, "observations range");
    Check.argument(rateMin >= 1 && rateMax >= rateMin, "rate range");
    Check.argument(workersMin >= 1 && workersMax >= workersMin, "workers range");
    Check.argument(!queueCapacities.isEmpty(), "at least one queue capacity");
  }

  /** The default fuzz scenario's space: every fault kind, small runs, a few clients. */
  public static ScenarioModel swarm() {
    return new ScenarioModel(EnumSet.allOf(FaultKind.class), 2_000_000_000L, 8, 1, 3, 50, 400, 500, 4_000,
        List.of(0, 0, 400, 2_000), 1, 4, 2_000, true, false, true, EnumSet.noneOf(ScenarioCheck.class));
  }

  public ScenarioModel withEligible(Set<FaultKind> kinds) {
    return new ScenarioModel(kinds, faultWindowNanos, maxFaultEntries, clientsMin, clientsMax, observationsMin,
        observationsMax, rateMin, rateMax, queueCapacities, workersMin, workersMax, burstMax, recallProbes, diskShapes, aimed, checks);
  }

  public ScenarioModel withClients(int min, int max, int observationsLow, int observationsHigh) {
    return new ScenarioModel(eligible, faultWindowNanos, maxFaultEntries, min, max, observationsLow, observationsHigh,
        rateMin, rateMax, queueCapacities, workersMin, workersMax, burstMax, recallProbes, diskShapes, aimed, checks);
  }

  public ScenarioModel withRate(int min, int max) {
    return new ScenarioModel(eligible, faultWindowNanos, maxFaultEntries, clientsMin, clientsMax, observationsMin,
        observationsMax, min, max, queueCapacities, workersMin, workersMax, burstMax, recallProbes, diskShapes, aimed, checks);
  }

  public ScenarioModel withFaultWindow(long nanos, int maxEntries) {
    return new ScenarioModel(eligible, nanos, maxEntries, clientsMin, clientsMax, observationsMin, observationsMax,
        rateMin, rateMax, queueCapacities, workersMin, workersMax, burstMax, recallProbes, diskShapes, aimed, checks);
  }

  public ScenarioModel withQueueCapacities(List<Integer> capacities) {
    return new ScenarioModel(eligible, faultWindowNanos, maxFaultEntries, clientsMin, clientsMax, observationsMin,
        observationsMax, rateMin, rateMax, capacities, workersMin, workersMax, burstMax, recallProbes, diskShapes, aimed, checks);
  }

  public ScenarioModel withChecks(Set<ScenarioCheck> extra) {
    return new ScenarioModel(eligible, faultWindowNanos, maxFaultEntries, clientsMin, clientsMax, observationsMin,
        observationsMax, rateMin, rateMax, queueCapacities, workersMin, workersMax, burstMax, recallProbes, diskShapes, aimed, extra);
  }

  /** This space, with compaction every few records and corrupted synced records drawn too. */
  public ScenarioModel withDiskShapes() {
    return new ScenarioModel(eligible, faultWindowNanos, maxFaultEntries, clientsMin, clientsMax, observationsMin,
        observationsMax, rateMin, rateMax, queueCapacities, workersMin, workersMax, burstMax, recallProbes, true, aimed, checks);
  }

  /** This space with every fault at a uniform time: none aimed at a transition point. */
  public ScenarioModel withUniformTimes() {
    return new ScenarioModel(eligible, faultWindowNanos, maxFaultEntries, clientsMin, clientsMax, observationsMin,
        observationsMax, rateMin, rateMax, queueCapacities, workersMin, workersMax, burstMax, recallProbes, diskShapes,
        false, checks);
  }

  public boolean has(ScenarioCheck check) {
    return checks.contains(check);
  }

  public ScenarioModel withBurstMax(int max) {
    return new ScenarioModel(eligible, faultWindowNanos, maxFaultEntries, clientsMin, clientsMax, observationsMin,
        observationsMax, rateMin, rateMax, queueCapacities, workersMin, workersMax, max, recallProbes, diskShapes, aimed, checks);
  }
}
