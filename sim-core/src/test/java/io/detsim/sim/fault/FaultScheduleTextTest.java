package io.detsim.sim.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.sim.fault.Fault.Burst;
import io.detsim.sim.fault.Fault.ClockDrift;
import io.detsim.sim.fault.Fault.ClockJump;
import io.detsim.sim.fault.Fault.ClockOffset;
import io.detsim.sim.fault.Fault.Clog;
import io.detsim.sim.fault.Fault.CorruptDisk;
import io.detsim.sim.fault.Fault.Crash;
import io.detsim.sim.fault.Fault.Delay;
import io.detsim.sim.fault.Fault.Duplicate;
import io.detsim.sim.fault.Fault.Heal;
import io.detsim.sim.fault.Fault.HealAll;
import io.detsim.sim.fault.Fault.Kill;
import io.detsim.sim.fault.Fault.Loss;
import io.detsim.sim.fault.Fault.Partition;
import io.detsim.sim.fault.Fault.Pause;
import io.detsim.sim.fault.Fault.Reorder;
import io.detsim.sim.fault.Fault.Restart;
import io.detsim.sim.fault.Fault.Unclog;
import io.detsim.sim.port.NodeId;
import io.detsim.sim.port.Ratio;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FaultScheduleTextTest {
  private static final NodeId SERVER = NodeId.of("server");
  private static final NodeId CLIENT_1 = NodeId.of("client-1");
  private static final NodeId CLIENT_2 = NodeId.of("client-2");
  private static final long MS = 1_000_000L;
  private static final long SECOND = 1_000_000_000L;

  /** The brief's example, in canonical form: one line for every kind of fault. */
  private static final String EVERY_KIND = String.join("\n",
      "# detsim fault schedule v1",
      "0s delay 0s..100ms",
      "0s loss 1/100",
      "0s duplicate 1/50",
      "0s reorder 1/20",
      "500ms pause server for 300ms",
      "500ms partition client-1,client-2 | server",
      "500ms partition client-1 -> server",
      "1s clog client-1 -> server for 200ms",
      "1.2s unclog client-1 -> server",
      "1.25s crash server",
      "2s restart server",
      "3s heal",
      "4s clock-offset server -5s",
      "4s clock-jump server +2s",
      "4s clock-drift server -100ppm",
      "5s corrupt-disk server",
      "5s corrupt-disk server last 64B",
      "5s burst 10000",
      "6s kill server/worker-1",
      "9s heal-all",
      "");

  private static FaultSchedule everyKind() {
    return FaultSchedule.builder()
        .at(0, new Delay(0, 100 * MS))
        .at(0, new Loss(Ratio.of(1, 100)))
        .at(0, new Duplicate(Ratio.of(1, 50)))
        .at(0, new Reorder(Ratio.of(1, 20)))
        .at(500 * MS, new Pause(SERVER, 300 * MS))
        .at(500 * MS, new Partition(nodes(CLIENT_2, CLIENT_1), nodes(SERVER), false))
        .at(500 * MS, new Partition(nodes(CLIENT_1), nodes(SERVER), true))
        .at(SECOND, new Clog(CLIENT_1, SERVER, 200 * MS))
        .at(1_200 * MS, new Unclog(CLIENT_1, SERVER))
        .at(1_250 * MS, new Crash(SERVER))
        .at(2 * SECOND, new Restart(SERVER))
        .at(3 * SECOND, new Heal())
        .at(4 * SECOND, new ClockOffset(SERVER, -5 * SECOND))
        .at(4 * SECOND, new ClockJump(SERVER, 2 * SECOND))
        .at(4 * SECOND, new ClockDrift(SERVER, -100))
        .at(5 * SECOND, new CorruptDisk(SERVER))
        .at(5 * SECOND, new CorruptDisk(SERVER, 64))
        .at(5 * SECOND, new Burst(10_000))
        .at(6 * SECOND, new Kill(SERVER.child("worker-1")))
        .at(9 * SECOND, new HealAll())
        .build();
  }

  private static TreeSet<NodeId> nodes(NodeId... nodes) {
    return new TreeSet<>(Arrays.asList(nodes));
  }

  @Test
  void toText_printsEveryKindCanonically() {
    assertThat(everyKind().toText()).isEqualTo(EVERY_KIND);
  }

  @Test
  void parse_readsEveryKindBack() {
    assertThat(FaultSchedule.parse(EVERY_KIND)).isEqualTo(everyKind());
  }

  @Test
  void theTextCoversEveryFaultWordAndEveryKind() {
    List<String> wordsPrinted = EVERY_KIND.lines().skip(1)
        .map(line -> line.split(" ")[1]).distinct().sorted().collect(Collectors.toList());
    assertThat(wordsPrinted).containsExactlyInAnyOrderElementsOf(ScheduleParser.FAULT_WORDS);
    assertThat(Fault.class.getPermittedSubclasses()).hasSameSizeAs(ScheduleParser.FAULT_WORDS);
  }

  @Test
  void parse_readsTheBriefsLooseSpelling() {
    String loose = String.join("\n",
        "1.25s crash server",
        "2s restart server",
        "500ms pause server for 300ms",
        "6s kill server/worker-1",
        "500ms partition client-1,client-2 | server",
        "500ms partition client-1 -> server",
        "3s heal",
        "1s clog client-1 -> server for 200ms",
        "1.2s unclog client-1 -> server",
        "0s delay 0ms..100ms",
        "0s loss 1/100",
        "0s duplicate 1/50",
        "0s reorder 1/20",
        "4s clock-offset server -5s",
        "4s clock-jump server +2s",
        "4s clock-drift server -100ppm",
        "5s corrupt-disk server",
        "5s corrupt-disk   server last 64B",
        "5s burst 10000",
        "9s heal-all");

    FaultSchedule parsed = FaultSchedule.parse(loose);

    assertThat(parsed.size()).isEqualTo(20);
    assertThat(parsed.toText()).isEqualTo(EVERY_KIND);
  }

  @Test
  void parse_ignoresCommentsBlankLinesAndExtraSpace() {
    String text = String.join("\n",
        "# detsim fault schedule v1",
        "",
        "# the leader goes first",
        "   1.25s    crash\tserver   # trailing comment",
        "   ",
        "\t",
        "2s partition client-2 , client-1|server",
        "3s partition client-1->server",
        "#1s crash client-1");

    FaultSchedule parsed = FaultSchedule.parse(text);

    assertThat(parsed.toText()).isEqualTo(String.join("\n",
        "# detsim fault schedule v1",
        "1.25s crash server",
        "2s partition client-1,client-2 | server",
        "3s partition client-1 -> server",
        ""));
  }

  @Test
  void parse_acceptsNoHeaderWindowsLineEndsAndEmptyText() {
    assertThat(FaultSchedule.parse("1s crash server\r\n2s restart server\r\n").size()).isEqualTo(2);
    assertThat(FaultSchedule.parse("")).isEqualTo(FaultSchedule.empty());
    assertThat(FaultSchedule.parse("# detsim fault schedule v1")).isEqualTo(FaultSchedule.empty());
    assertThat(FaultSchedule.parse("#   detsim fault schedule   v1  \n")).isEqualTo(FaultSchedule.empty());
  }

  @Test
  void parse_treatsAVersionLineAfterTheFirstAsAComment() {
    assertThat(FaultSchedule.parse("\n# detsim fault schedule v2\n1s heal").size()).isEqualTo(1);
  }

  @Test
  void parse_sortsLinesWrittenOutOfOrderAndKeepsTheOrderOfEqualTimes() {
    String text = String.join("\n",
        "2s restart server",
        "1s crash server",
        "2s heal-all",
        "0s heal",
        "2s crash client-1");

    FaultSchedule parsed = FaultSchedule.parse(text);

    assertThat(parsed.entries()).extracting(ScheduledFault::fault).containsExactly(
        new Heal(), new Crash(SERVER), new Restart(SERVER), new HealAll(), new Crash(CLIENT_1));
  }

  @Test
  void toText_keepsTheOrderOfEqualTimes() {
    FaultSchedule schedule = FaultSchedule.builder()
        .at(SECOND, new Restart(SERVER))
        .at(SECOND, new Crash(SERVER))
        .build();

    assertThat(schedule.toText()).isEqualTo("# detsim fault schedule v1\n1s restart server\n1s crash server\n");
    assertThat(FaultSchedule.parse(schedule.toText())).isEqualTo(schedule);
  }

  @Test
  void toText_ofTheEmptyScheduleIsTheHeader() {
    assertThat(FaultSchedule.empty().toText()).isEqualTo("# detsim fault schedule v1\n");
  }

  @Test
  void toText_spellsRatiosAndSignsOneWay() {
    FaultSchedule schedule = FaultSchedule.parse(String.join("\n",
        "0s loss 0",
        "0s duplicate 1",
        "0s clock-offset server 0s",
        "0s clock-jump server 2s",
        "0s clock-drift server 100ppm",
        "0s clock-drift client-1 0ppm",
        "0s delay 0.5ms..1.5m"));

    assertThat(schedule.toText()).isEqualTo(String.join("\n",
        "# detsim fault schedule v1",
        "0s loss 0/1",
        "0s duplicate 1/1",
        "0s clock-offset server 0s",
        "0s clock-jump server +2s",
        "0s clock-drift server +100ppm",
        "0s clock-drift client-1 0ppm",
        "0s delay 500us..90s",
        ""));
  }
}
