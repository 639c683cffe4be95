package io.detsim.sim.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.sim.random.Xoshiro256;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Seeded sweeps over random schedules: whatever a generator produces must print and parse back to
 * itself, because a failure file that does not replay the schedule it reports is worse than none.
 * A failing case names its seed; {@code new RandomSchedules(seed).schedule()} rebuilds it.
 */
class FaultScheduleRoundTripTest {
  private static final long BASE_SEED = 0xD37_5C4ED_0001L;
  private static final int SCHEDULES = 5_000;

  @Test
  void parseOfToText_isTheSameSchedule_andPrintsTheSameText() {
    for (int i = 0; i < SCHEDULES; i++) {
      long seed = BASE_SEED + i;
      FaultSchedule schedule = new RandomSchedules(seed).schedule();
      String text = schedule.toText();

      FaultSchedule parsed = FaultSchedule.parse(text);

      assertThat(parsed).as("seed %#x:%n%s", seed, text).isEqualTo(schedule);
      assertThat(parsed.toText()).as("seed %#x", seed).isEqualTo(text);
    }
  }

  @Test
  void everyFaultKind_roundTripsAlone() {
    RandomSchedules random = new RandomSchedules(BASE_SEED);
    for (int kind = 0; kind < ScheduleParser.FAULT_WORDS.size(); kind++) {
      for (int i = 0; i < 200; i++) {
        FaultSchedule schedule = FaultSchedule.builder().at(random.nonNegativeNanos(), random.fault(kind)).build();
        assertThat(FaultSchedule.parse(schedule.toText())).as("%s", schedule).isEqualTo(schedule);
      }
    }
  }

  /** Hand-edited files have odd spacing, comments and tabs; none of it may change the meaning. */
  @Test
  void parse_ignoresRandomSpacingAndComments() {
    for (int i = 0; i < SCHEDULES / 5; i++) {
      long seed = BASE_SEED + i;
      FaultSchedule schedule = new RandomSchedules(seed).schedule();
      String noisy = addNoise(schedule.toText(), new Xoshiro256(seed));

      assertThat(FaultSchedule.parse(noisy)).as("seed %#x:%n%s", seed, noisy).isEqualTo(schedule);
    }
  }

  /** Lines may be written in any order; only the order of lines at the same time matters. */
  @Test
  void parse_ofShuffledTimeGroups_isTheSameSchedule() {
    for (int i = 0; i < SCHEDULES / 5; i++) {
      long seed = BASE_SEED + i;
      FaultSchedule schedule = new RandomSchedules(seed).schedule();
      String shuffled = shuffleTimeGroups(schedule.toText(), new Xoshiro256(seed));

      assertThat(FaultSchedule.parse(shuffled)).as("seed %#x:%n%s", seed, shuffled).isEqualTo(schedule);
    }
  }

  private static String addNoise(String text, Xoshiro256 random) {
    StringBuilder noisy = new StringBuilder();
    for (String line : text.split("\n")) {
      if (random.nextInt(4) == 0) {
        noisy.append(random.nextInt(2) == 0 ? "   \t" : "# a note: 1s crash server").append('\n');
      }
      if (line.startsWith("#")) {
        noisy.append(line).append('\n');
        continue;
      }
      String spaced = line.replace(" ", whitespace(random)).replace(",", whitespace(random) + "," + whitespace(random));
      noisy.append(whitespace(random)).append(spaced);
      if (random.nextInt(3) == 0) {
        noisy.append(whitespace(random)).append("#comment, with -> symbols | and 5ms");
      }
      noisy.append(random.nextInt(5) == 0 ? "\r\n" : "\n");
    }
    return noisy.toString();
  }

  private static String whitespace(Xoshiro256 random) {
    String[] choices = {" ", "  ", "\t", " \t "};
    return choices[random.nextInt(choices.length)];
  }

  private static String shuffleTimeGroups(String text, Xoshiro256 random) {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (!line.startsWith("#")) {
        groups.computeIfAbsent(line.substring(0, line.indexOf(' ')), time -> new ArrayList<>()).add(line);
      }
    }
    List<List<String>> order = new ArrayList<>(groups.values());
    for (int i = order.size() - 1; i > 0; i--) { // Fisher-Yates over whole groups
      int j = random.nextInt(i + 1);
      List<String> swap = order.get(i);
      order.set(i, order.get(j));
      order.set(j, swap);
    }
    StringBuilder shuffled = new StringBuilder();
    order.forEach(group -> group.forEach(line -> shuffled.append(line).append('\n')));
    return shuffled.toString();
  }
}
