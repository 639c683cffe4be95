package io.detsim.replay.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detsim.properties.core.PropertyRunner;
import io.detsim.properties.scenario.RunSettings;
import io.detsim.properties.scenario.RunStoppedException;
import io.detsim.properties.scenario.Scenario;
import io.detsim.properties.scenario.ScenarioCatalogue;
import io.detsim.scenarios.engine.ScenarioInput;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping runs and campaigns by behaviour, never by a wall-clock bound: a cancelled run stops
 * between its events without a verdict, a stopped campaign saves a checkpoint that counts no
 * cancelled run, and --resume from it gives the same campaign as one never stopped.
 */
class CampaignStopTest {
  @TempDir
  Path folder;

  private final ScenarioCatalogue catalogue = ScenarioCatalogue.load(getClass().getClassLoader());
  /** Long enough a run (3 x 5,000 observations) to be cancelled between many checkpoints. */
  private final Scenario<?> multiClient = catalogue.named("multi_client").orElseThrow();
  /**
   * For campaigns that run to the end: a passing scenario whose seeds differ is all they need, and
   * a seed of network_delays takes about 0.15 s where one of multi_client took 5 to 13 s.
   */
  private final Scenario<?> cheapPassing = catalogue.named("network_delays").orElseThrow();

  @Test
  void cancelledRun_stopsBetweenEvents_withoutAVerdict() {
    @SuppressWarnings("unchecked")
    Scenario<ScenarioInput> scenario = (Scenario<ScenarioInput>) multiClient;
    ScenarioInput input = PropertyRunner.generateTry(scenario.inputs(), 7).value();
    AtomicInteger polls = new AtomicInteger();
    RunSettings cancelAtThirdPoll = RunSettings.plain().withCancellation(() -> polls.incrementAndGet() >= 3);
    assertThatThrownBy(() -> scenario.run(input, cancelAtThirdPoll)).isInstanceOf(RunStoppedException.class)
        .hasMessageStartingWith("run cancelled at 100ms");
    assertThat(polls).hasValue(3); // polled between checkpoints, not once the run was over
  }

  @Test
  void stoppedCampaign_savesACheckpoint_andResumeGivesTheSameCampaign() throws Exception {
    CampaignPlan plan = new CampaignPlan(cheapPassing, Set.of(), 3, Shard.ALL, 3, 2, false, 0, folder.resolve("a"));
    Campaign stopped = new Campaign(plan, Tally.empty(), (failure, corpus) -> null, new CampaignListener() {});
    stopped.stop(); // as a SIGTERM's hook would, here before any run could finish
    Checkpoint saved = stopped.run(OptionalLong.empty());
    assertThat(saved.stoppedBy()).isEqualTo(Campaign.STOPPED);
    assertThat(saved.tally().seeds()).isZero();
    assertThat(Checkpoint.parse(java.nio.file.Files.readString(folder.resolve("a").resolve(Checkpoint.FILE)))
        .stoppedBy()).isEqualTo(Campaign.STOPPED);

    Checkpoint resumed = new Campaign(plan, saved.tally(), (failure, corpus) -> null, new CampaignListener() {})
        .run(OptionalLong.empty());
    Checkpoint straight = new Campaign(new CampaignPlan(cheapPassing, Set.of(), 3, Shard.ALL, 3, 2, false, 0,
        folder.resolve("b")), Tally.empty(), (failure, corpus) -> null,
        new CampaignListener() {}).run(OptionalLong.empty());
    assertThat(resumed.tally().seeds()).isEqualTo(3);
    assertThat(resumed.tally().digestSum()).isEqualTo(straight.tally().digestSum());
  }

  @Test
  void passedDeadline_cancelsRunsInFlight_andCountsNone() throws Exception {
    CampaignPlan plan = new CampaignPlan(multiClient, Set.of(), 3, Shard.ALL, Long.MAX_VALUE, 2, false, 0,
        folder.resolve("c"));
    // A deadline already past: the runs started are cancelled at their first check, so none counts.
    Checkpoint saved = new Campaign(plan, Tally.empty(), (failure, corpus) -> null, new CampaignListener() {})
        .run(OptionalLong.of(System.nanoTime() - 1));
    assertThat(saved.stoppedBy()).isEqualTo("time");
    assertThat(saved.tally().seeds()).isZero();
    assertThat(saved.tally().failures()).isZero();
  }
}
