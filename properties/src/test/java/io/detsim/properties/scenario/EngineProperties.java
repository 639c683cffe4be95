package io.detsim.properties.scenario;

import io.detsim.engine.server.EngineMutant;
import io.detsim.properties.core.Property;
import io.detsim.properties.junit.SimProperty;
import java.util.EnumSet;

/**
 * The engine's guarantees as properties, run by detsim's own test engine under Surefire and in
 * IDEs. Each try is a fresh simulation of a generated input: swarmed faults, then everything healed;
 * every check of ENGINE.md's guarantees (no acknowledged loss, no silent drop, per-session and
 * per-space order, graph integrity, snapshot recall, the backpressure bound) runs on every try.
 * A failure is shrunk and reported with its replay command.
 */
public class EngineProperties {
  private static Property<ScenarioInput> scenario(String name) {
    return Scenarios.named(name).orElseThrow().property(EnumSet.noneOf(EngineMutant.class));
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
  public Property<ScenarioInput> packetLoss_isRetriedUntilEverythingIsAccepted() {
    return scenario("packet_loss_with_retries");
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
  public Property<ScenarioInput> eachSpace_holdsExactlyItsOwnObservations() {
    return scenario("multi_client");
  }

  @SimProperty(tries = 15)
  public Property<ScenarioInput> recallsWhileStreaming_stayInTheirSpaceAndSnapshot() {
    return scenario("recall_during_streaming");
  }

  @SimProperty(tries = 15)
  public Property<ScenarioInput> graphsStaySound_underWorkerKillsAndCrashes() {
    return scenario("graph_integrity");
  }

  @SimProperty(tries = 15)
  public Property<ScenarioInput> manyFaultsOverTenSeconds_breakNoGuarantee() {
    return scenario("combined_sustained");
  }

  @SimProperty(tries = 15)
  public Property<ScenarioInput> loadBursts_areRefusedWithRetryAfter_neverDropped() {
    return scenario("queue_overflow");
  }
}
