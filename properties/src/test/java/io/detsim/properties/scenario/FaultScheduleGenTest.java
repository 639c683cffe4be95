package io.detsim.properties.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detsim.properties.core.Gen;
import io.detsim.properties.core.Property;
import io.detsim.properties.core.PropertyConfig;
import io.detsim.properties.core.PropertyResult;
import io.detsim.properties.core.PropertyRunner;
import io.detsim.properties.core.Verdict;
import io.detsim.sim.fault.Anchor;
import io.detsim.sim.fault.Fault;
import io.detsim.sim.fault.FaultKind;
import io.detsim.sim.fault.FaultSchedule;
import io.detsim.sim.fault.ScheduledFault;
import io.detsim.sim.port.NodeId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Schedules over a user's nodes: within their bounds, regenerated exactly, and shrunk to the one fault that matters. */
class FaultScheduleGenTest {
  private static final long MS = 1_000_000L;
  private static final List<NodeId> NODES = List.of(NodeId.of("n1"), NodeId.of("n2"), NodeId.of("n3"));

  @Test
  void schedules_stayWithinTheirNodesKindsAndWindow() {
    Gen<FaultSchedule> gen = FaultScheduleGen.over(NODES).kinds(EnumSet.of(FaultKind.CRASH, FaultKind.PARTITION,
        FaultKind.CLOG, FaultKind.CLOCK_SKEW)).window(200 * MS).maxEntries(6).maxDuration(50 * MS).gen();
    for (long seed = 0; seed < 200; seed++) {
      FaultSchedule schedule = PropertyRunner.generateTry(gen, seed).value();
      assertThat(schedule.size()).isLessThanOrEqualTo(2 * 6);
      for (ScheduledFault entry : schedule.entries()) {
        assertThat(entry.atNanos()).isBetween(0L, 250 * MS);
        assertThat(FaultKind.of(entry.fault())).get()
            .isIn(FaultKind.CRASH, FaultKind.PARTITION, FaultKind.CLOG, FaultKind.CLOCK_SKEW);
      }
    }
  }

  @Test
  void diskFaults_damageAnywhereOrNearAFilesEnd_eachOften() {
    Gen<FaultSchedule> gen = FaultScheduleGen.over(NODES).kinds(EnumSet.of(FaultKind.DISK)).window(200 * MS)
        .maxEntries(4).gen();
    Map<Long, Integer> byLastBytes = new TreeMap<>();
    for (long seed = 0; seed < 300; seed++) {
      for (ScheduledFault entry : PropertyRunner.generateTry(gen, seed).value().entries()) {
        if (entry.fault() instanceof Fault.CorruptDisk corrupt) {
          byLastBytes.merge(corrupt.lastBytes(), 1, Integer::sum);
        }
      }
    }
    assertThat(byLastBytes).containsOnlyKeys(0L, 64L, 512L, 4096L);
    assertThat(byLastBytes.values()).allSatisfy(count -> assertThat(count).isGreaterThan(50));
  }

  @Test
  void aimedAt_anchorsAboutHalfTheNodeFaultsAtEarlyOccurrencesOfItsPoints_andTheirInverseWithThem() {
    Gen<FaultSchedule> gen = FaultScheduleGen.over(NODES).kinds(EnumSet.of(FaultKind.CRASH, FaultKind.PARTITION))
        .maxEntries(4).aimedAt(List.of("flush", "commit")).gen();
    int aimed = 0;
    int crashes = 0;
    for (long seed = 0; seed < 300; seed++) {
      List<ScheduledFault> entries = PropertyRunner.generateTry(gen, seed).value().entries();
      for (ScheduledFault entry : entries) {
        if (entry.fault() instanceof Fault.Crash) {
          crashes++;
          aimed += entry.anchor().isPresent() ? 1 : 0;
        }
        if (entry.fault() instanceof Fault.Partition || entry.fault() instanceof Fault.Heal) {
          assertThat(entry.anchor()).as("network faults are not aimed").isEmpty();
        }
        entry.anchor().ifPresent(anchor -> {
          assertThat(anchor.point()).isIn("flush", "commit");
          assertThat(anchor.occurrence()).isBetween(1, 4);
          if (entry.fault() instanceof Fault.Crash) {
            assertThat(entry.atNanos()).isBetween(0L, 5 * MS);
          }
        });
      }
      for (ScheduledFault entry : entries) {
        if (entry.fault() instanceof Fault.Crash crash) {
          assertThat(entries).as("a crash's restart counts from the same anchor")
              .anySatisfy(restart -> {
                assertThat(restart.fault()).isEqualTo(new Fault.Restart(crash.node()));
                assertThat(restart.anchor()).isEqualTo(entry.anchor());
              });
        }
      }
    }
    assertThat(crashes).isGreaterThan(100);
    assertThat(aimed).isBetween(crashes / 3, 2 * crashes / 3);
  }

  @Test
  void aFailureNeedingACrashAimedAtAPoint_shrinksToItsFirstOccurrence_atNoOffset() {
    Gen<FaultSchedule> gen = FaultScheduleGen.over(NODES).kinds(EnumSet.of(FaultKind.CRASH, FaultKind.PAUSE))
        .maxEntries(6).aimedAt(List.of("flush", "commit")).gen();
    Property<FaultSchedule> property = Property.of("no crash aimed at a commit", gen, schedule -> Verdict.that(
        schedule.entries().stream().noneMatch(e -> e.fault() instanceof Fault.Crash
            && e.anchor().map(Anchor::point).equals(Optional.of("commit"))), "aimed", "a crash struck a commit"));
    PropertyResult<FaultSchedule> result = new PropertyRunner(PropertyConfig.defaults().withTries(500)
        .withMaxShrinkAttempts(2_000)).run(property);
    Optional<Anchor> commit = Optional.of(new Anchor("commit", 1));
    assertThat(result.failure().orElseThrow().value().entries()).containsExactly(
        new ScheduledFault(0, new Fault.Crash(NodeId.of("n1")), commit),
        new ScheduledFault(MS, new Fault.Restart(NodeId.of("n1")), commit));
  }

  @Test
  void aPointNameThatCannotBeWritten_isRefusedWhenTheGeneratorIsMade() {
    assertThatThrownBy(() -> FaultScheduleGen.over(NODES).aimedAt(List.of("Snapshot Installed")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Snapshot Installed'");
  }

  @Test
  void sameChoices_sameSchedule() {
    Gen<FaultSchedule> gen = FaultScheduleGen.over(NODES).gen();
    PropertyRunner.GeneratedTry<FaultSchedule> first = PropertyRunner.generateTry(gen, 42);
    assertThat(PropertyRunner.regenerate(gen, first.choices())).isEqualTo(first.value());
  }

  @Test
  void aFailureNeedingACrashOfN2_shrinksToThatOneCrashAndItsRestart() {
    Gen<FaultSchedule> gen = FaultScheduleGen.over(NODES).kinds(EnumSet.of(FaultKind.CRASH, FaultKind.PAUSE))
        .maxEntries(8).gen();
    Property<FaultSchedule> property = Property.of("n2 never crashes", gen, schedule -> Verdict.that(
        schedule.entries().stream().noneMatch(e -> e.fault().equals(new Fault.Crash(NodeId.of("n2")))),
        "crashed", "n2 crashed"));
    PropertyResult<FaultSchedule> result = new PropertyRunner(PropertyConfig.defaults().withTries(500)
        .withMaxShrinkAttempts(2_000)).run(property);
    FaultSchedule shrunk = result.failure().orElseThrow().value();
    assertThat(shrunk.entries()).extracting(ScheduledFault::fault)
        .containsExactly(new Fault.Crash(NodeId.of("n2")), new Fault.Restart(NodeId.of("n2")));
    assertThat(shrunk.entries().get(0).atNanos()).isZero();
  }

  @Test
  void killWithoutActors_andUnknownKinds_areRefused() {
    assertThatThrownBy(() -> FaultScheduleGen.over(NODES).kinds(EnumSet.of(FaultKind.KILL)))
        .hasMessageContaining("KILL needs actors");
    assertThatThrownBy(() -> FaultScheduleGen.over(NODES).kinds(EnumSet.of(FaultKind.BURST)))
        .hasMessageContaining("does not draw BURST");
  }

  /**
   * A swarm shrunk by one kind that no entry used must leave the schedule as it was: the kind choice
   * is drawn over the generator's kinds, not the swarm's, so it is still drawn when the swarm holds
   * one kind, and no later choice is read out of place.
   */
  @Test
  void aSwarmShrunkToTheOneKindItsEntriesUse_drawsTheSameSchedule() {
    FaultScheduleGen kinds = FaultScheduleGen.over(NODES).kinds(EnumSet.of(FaultKind.CRASH, FaultKind.PAUSE,
        FaultKind.PARTITION));
    Swarm two = Swarm.only(EnumSet.of(FaultKind.CRASH, FaultKind.PARTITION));
    Swarm one = Swarm.only(EnumSet.of(FaultKind.CRASH));
    int compared = 0;
    for (long seed = 0; seed < 300; seed++) {
      PropertyRunner.GeneratedTry<FaultSchedule> drawn = PropertyRunner.generateTry(kinds.gen(two), seed);
      boolean onlyCrashes = drawn.value().entries().stream()
          .allMatch(e -> FaultKind.of(e.fault()).orElseThrow() == FaultKind.CRASH);
      if (onlyCrashes && drawn.value().size() > 0) {
        assertThat(PropertyRunner.regenerate(kinds.gen(one), drawn.choices())).isEqualTo(drawn.value());
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(20);
  }

  @Test
  void gen_isTheSwarmOfEveryKind() {
    FaultScheduleGen kinds = FaultScheduleGen.over(NODES).kinds(EnumSet.of(FaultKind.CRASH, FaultKind.PARTITION));
    for (long seed = 0; seed < 50; seed++) {
      PropertyRunner.GeneratedTry<FaultSchedule> drawn = PropertyRunner.generateTry(kinds.gen(), seed);
      assertThat(PropertyRunner.regenerate(kinds.gen(Swarm.only(EnumSet.of(FaultKind.CRASH, FaultKind.PARTITION))),
          drawn.choices())).isEqualTo(drawn.value());
    }
  }
}
