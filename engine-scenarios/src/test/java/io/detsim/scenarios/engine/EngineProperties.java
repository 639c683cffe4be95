package io.detsim.scenarios.engine;

import io.detsim.engine.planted.EngineMutant;
import io.detsim.properties.core.Property;
import io.detsim.properties.core.Verdict;
import io.detsim.properties.junit.SimProperty;
import java.util.EnumSet;

/**
 * The engine's guarantees as properties, run by detsim's own test engine under Surefire and in
 * IDEs. Each try is a fresh simulation of a generated input: swarmed faults, then everything healed;
 * every check of docs/engine.md's guarantees (no acknowledged loss, no silent drop, per-session and
 * per-space order, graph integrity, snapshot recall, the backpressure bound) runs on every try.
 * A failure is shrunk and reported with its replay command.
 */
public class EngineProperties {
  private static Property<ScenarioInput> scenario(String name) {
    return EngineScenarios.named(name).orElseThrow().property(EnumSet.noneOf(EngineMutant.class));
  }

  @SimProperty(tries = 30)
  public Property<ScenarioInput> swarmedFaults_breakNoGuarantee() {
    return scenario("swarm");
  }

  @SimProperty(tries = 20)
  public Property<ScenarioInput> networkDelays_keepOrderAndLoseNothing() {
    return scenario("network_delays");
  }

  @SimProperty(tries = 20)
  public Property<ScenarioInput> clockSkew_breaksNoGuarantee() {
    return scenario("clock_skew");
  }

  @SimProperty(tries = 20)
  public Property<ScenarioInput> killedWorkers_areRestarted_andLoseNothing() {
    return scenario("worker_failure_recovery");
  }

  @SimProperty(tries = 15)
  public Property<ScenarioInput> recallsWhileStreaming_stayInTheirSpaceAndSnapshot() {
    return scenario("recall_during_streaming");
  }

  @SimProperty(tries = 15)
  public Property<ScenarioInput> graphsStaySound_underWorkerKillsAndCrashes() {
    return scenario("graph_integrity");
  }

  @SimProperty(tries = 2)
  public Property<ScenarioInput> tenSecondsOfStreamingUnderEveryFault_breakNoGuarantee() {
    return scenario("combined_sustained");
  }

  @SimProperty(tries = 15)
  public Property<ScenarioInput> burstsOfTwiceTheCapacity_areRefusedWithRetryAfter_neverDropped() {
    return scenario("queue_overflow");
  }

  @SimProperty(tries = 10)
  public Property<ScenarioInput> packetLoss_isRetriedUntilEverythingIsAccepted() {
    return scenario("packet_loss_with_retries");
  }

  @SimProperty(tries = 15)
  public Property<ScenarioInput> pressureStates_followTheQueueDepth() {
    return scenario("backpressure_detection");
  }

  @SimProperty(tries = 10)
  public Property<ScenarioInput> whileHealthy_everythingAcceptedIsVisibleWithin100ms() {
    return scenario("eventual_consistency");
  }

  @SimProperty(tries = 2)
  public Property<ScenarioInput> tenThousandObservations_allAcceptedAndIndexed() {
    return scenario("end_to_end");
  }

  @SimProperty(tries = 2)
  public Property<ScenarioInput> eachSpace_holdsExactlyItsOwnObservations() {
    return scenario("multi_client");
  }

  @SimProperty(tries = 3)
  public Property<ScenarioInput> unthrottledFlood_isAcceptedOrRejected_andTheEngineRecovers() {
    return scenario("backpressure");
  }

  /** Every schedule of the small space, not a sample of it. */
  @SimProperty(mode = "exhaustive")
  public Property<ScenarioInput> everySmallSchedule_breaksNoGuarantee() {
    return scenario("small_schedules");
  }

  /** Ten virtual minutes with the original's periodic faults: minutes of wall time, so nightly. */
  @SimProperty(tries = 1, nightlyOnly = true)
  public Property<ScenarioInput> tenVirtualMinutes_loseNothing() {
    return scenario("sustained_10min");
  }

  /** Determinism is the product: the same input runs to the same trace digest. */
  @SimProperty(tries = 10)
  public Property<ScenarioInput> sameInput_sameDigest() {
    EngineScenario swarm = EngineScenarios.named("swarm").orElseThrow();
    return Property.of("same input, same digest", swarm.inputs(), input -> {
      long first = swarm.run(input, EnumSet.noneOf(EngineMutant.class)).digest();
      long second = swarm.run(input, EnumSet.noneOf(EngineMutant.class)).digest();
      return Verdict.that(first == second, "NONDETERMINISM",
          String.format("digests 0x%016x and 0x%016x", first, second));
    });
  }
}
