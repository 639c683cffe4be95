package io.detsim.sim.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detsim.sim.fault.Fault.Clog;
import io.detsim.sim.fault.Fault.Crash;
import io.detsim.sim.fault.Fault.Heal;
import io.detsim.sim.fault.Fault.HealAll;
import io.detsim.sim.fault.Fault.Kill;
import io.detsim.sim.fault.Fault.Loss;
import io.detsim.sim.fault.Fault.Partition;
import io.detsim.sim.fault.Fault.Restart;
import io.detsim.sim.port.NodeId;
import io.detsim.sim.port.Ratio;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class FaultScheduleTest {
  private static final NodeId SERVER = NodeId.of("server");
  private static final NodeId CLIENT = NodeId.of("client-1");
  private static final long SECOND = 1_000_000_000L;

  private static ScheduledFault at(long nanos, Fault fault) {
    return new ScheduledFault(nanos, fault);
  }

  @Test
  void of_sortsByTimeAndKeepsScheduleOrderForEqualTimes() {
    ScheduledFault restart = at(SECOND, new Restart(SERVER));
    ScheduledFault crash = at(SECOND, new Crash(SERVER));
    ScheduledFault heal = at(0, new Heal());
    ScheduledFault loss = at(SECOND, new Loss(Ratio.of(1, 100)));

    FaultSchedule schedule = FaultSchedule.of(List.of(restart, crash, heal, loss));

    assertThat(schedule.entries()).containsExactly(heal, restart, crash, loss);
  }

  @Test
  void of_copiesItsInput() {
    List<ScheduledFault> input = new ArrayList<>(List.of(at(0, new Heal())));
    FaultSchedule schedule = FaultSchedule.of(input);
    input.add(at(1, new HealAll()));

    assertThat(schedule.size()).isEqualTo(1);
    assertThatThrownBy(() -> schedule.entries().add(at(2, new Heal())))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void builder_sortsLikeOf() {
    FaultSchedule built = FaultSchedule.builder()
        .at(2 * SECOND, new Restart(SERVER))
        .at(SECOND, new Crash(SERVER))
        .at(SECOND, new Heal())
        .build();

    assertThat(built)
        .isEqualTo(FaultSchedule.of(List.of(at(SECOND, new Crash(SERVER)), at(SECOND, new Heal()),
            at(2 * SECOND, new Restart(SERVER)))));
  }

  @Test
  void empty_hasNoEntriesAndEndsAtZero() {
    assertThat(FaultSchedule.empty().isEmpty()).isTrue();
    assertThat(FaultSchedule.empty().size()).isZero();
    assertThat(FaultSchedule.empty().lastFaultAtNanos()).isZero();
    assertThat(FaultSchedule.empty().nodes()).isEmpty();
    assertThat(FaultSchedule.of(List.of())).isEqualTo(FaultSchedule.empty());
  }

  @Test
  void lastFaultAtNanos_isTheLatestTimeWhateverTheInputOrder() {
    FaultSchedule schedule = FaultSchedule.builder()
        .at(9 * SECOND, new HealAll())
        .at(SECOND, new Crash(SERVER))
        .build();

    assertThat(schedule.lastFaultAtNanos()).isEqualTo(9 * SECOND);
  }

  @Test
  void withAdded_placesTheEntryAfterOthersAtTheSameTime() {
    FaultSchedule schedule = FaultSchedule.builder()
        .at(SECOND, new Crash(SERVER))
        .at(2 * SECOND, new HealAll())
        .build();

    FaultSchedule added = schedule.withAdded(at(SECOND, new Restart(SERVER)));

    assertThat(added.entries()).extracting(ScheduledFault::fault)
        .containsExactly(new Crash(SERVER), new Restart(SERVER), new HealAll());
    assertThat(schedule.size()).as("the original is unchanged").isEqualTo(2);
  }

  @Test
  void without_andSubList_shrinkBySpans() {
    FaultSchedule schedule = FaultSchedule.builder()
        .at(0, new Heal())
        .at(SECOND, new Crash(SERVER))
        .at(2 * SECOND, new Restart(SERVER))
        .at(3 * SECOND, new HealAll())
        .build();

    assertThat(schedule.without(1).entries()).extracting(ScheduledFault::fault)
        .containsExactly(new Heal(), new Restart(SERVER), new HealAll());
    assertThat(schedule.withoutRange(1, 3).entries()).extracting(ScheduledFault::fault)
        .containsExactly(new Heal(), new HealAll());
    assertThat(schedule.subList(1, 3).entries()).extracting(ScheduledFault::fault)
        .containsExactly(new Crash(SERVER), new Restart(SERVER));
    assertThat(schedule.withoutRange(0, 4)).isEqualTo(FaultSchedule.empty());
    assertThat(schedule.subList(2, 2).isEmpty()).isTrue();
  }

  @Test
  void without_rejectsIndicesOutsideTheSchedule() {
    FaultSchedule schedule = FaultSchedule.builder().at(0, new Heal()).build();

    assertThatThrownBy(() -> schedule.without(1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> schedule.without(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> schedule.subList(0, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> schedule.withoutRange(1, 0)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void nodes_listsEveryNamedNodeAndActorSorted() {
    NodeId worker = SERVER.child("worker-1");
    NodeId other = NodeId.of("a-first");
    FaultSchedule schedule = FaultSchedule.builder()
        .at(0, new Kill(worker))
        .at(0, new Clog(CLIENT, SERVER, SECOND))
        .at(0, new Partition(new TreeSet<>(Set.of(other)), new TreeSet<>(Set.of(CLIENT)), false))
        .at(0, new Loss(Ratio.of(1, 2)))
        .build();

    assertThat(schedule.nodes()).containsExactly(other, CLIENT, SERVER, worker);
  }

  @Test
  void equals_comparesContent() {
    FaultSchedule one = FaultSchedule.builder().at(SECOND, new Crash(SERVER)).at(SECOND, new Heal()).build();
    FaultSchedule same =
        FaultSchedule.builder().at(SECOND, new Crash(NodeId.of("server"))).at(SECOND, new Heal()).build();
    FaultSchedule reordered = FaultSchedule.builder().at(SECOND, new Heal()).at(SECOND, new Crash(SERVER)).build();

    assertThat(one).isEqualTo(same).hasSameHashCodeAs(same);
    assertThat(one).isNotEqualTo(reordered);
    assertThat(one).isNotEqualTo(one.without(0));
  }

  @Test
  void toString_isTheTextForm() {
    FaultSchedule schedule = FaultSchedule.builder().at(1_250_000_000L, new Crash(SERVER)).build();

    assertThat(schedule).hasToString("# detsim fault schedule v1\n1.25s crash server\n");
  }
}
