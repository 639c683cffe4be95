package io.detsim.replay.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.properties.core.Gen;
import io.detsim.properties.scenario.InputText;
import io.detsim.properties.scenario.RunSettings;
import io.detsim.properties.scenario.Scenario;
import io.detsim.properties.scenario.ScenarioRun;
import io.detsim.properties.scenario.TextLines;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link TextShrinker}: lines deleted, list items dropped, plain numbers made smaller, times moved earlier; names left alone. */
class TextShrinkerTest {

  /** A scenario whose input is its lines, written and read as they are; no generator of its own. */
  private abstract static class LinesScenario implements Scenario<List<String>> {
    private final String name;
    private final String description;

    LinesScenario(String name, String description) {
      this.name = name;
      this.description = description;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String description() {
      return description;
    }

    @Override
    public Gen<List<String>> inputs() {
      return source -> List.of();
    }

    @Override
    public Optional<InputText<List<String>>> text() {
      return Optional.of(new InputText<>() {
        @Override
        public String format(List<String> input) {
          return String.join("\n", input) + "\n";
        }

        @Override
        public List<String> parse(TextLines lines, int from) {
          List<String> parsed = new ArrayList<>();
          for (int i = from; i < lines.size(); i++) {
            parsed.add(lines.line(i));
          }
          return parsed;
        }
      });
    }
  }

  /** An input is its lines; it fails (OVERLOAD) when a server crashes and its observation counts add up to 300. */
  private static final class Counting extends LinesScenario {
    int runs;

    Counting() {
      super("counting", "fails when a server crashes and the observations add up to 300");
    }

    @Override
    public ScenarioRun run(List<String> input, RunSettings settings) {
      runs++;
      long total = 0;
      boolean crash = false;
      for (String line : input) {
        crash |= line.contains(" crash ");
        String[] words = line.split(" ");
        if (words.length == 4 && words[2].equals("observations")) {
          total += Long.parseLong(words[1]);
        }
      }
      Optional<ScenarioRun.Failure> failure = crash && total >= 300
          ? Optional.of(ScenarioRun.Failure.of("OVERLOAD", 0, total + " observations")) : Optional.empty();
      return new ScenarioRun(failure, total, 0, List.of(), List.of(), List.of());
    }
  }

  @Test
  void aWorkloadShrinksToTheFewestObservationsThatStillFail_andNamesKeepTheirDigits() {
    Counting scenario = new Counting();
    List<String> input = List.of("client-7: 5000 observations space-2", "client-8: 4000 observations space-3",
        "seed: 0x46de2", "2.5s crash server-1");

    TextShrinker.Shrunk shrunk = TextShrinker.shrink(scenario, input, RunSettings.plain(), "OVERLOAD", 200);

    // One client is enough once its 4000 is halved to 500 (250 no longer fails); the crash moves to 0s.
    assertThat(shrunk.input()).isEqualTo(List.of("client-8: 500 observations space-3", "0s crash server-1"));
    assertThat(shrunk.failingRun().failure()).hasValueSatisfying(failure ->
        assertThat(failure.message()).isEqualTo("500 observations"));
    assertThat(shrunk.linesBefore()).isEqualTo(4);
    assertThat(shrunk.linesAfter()).isEqualTo(2);
  }

  /** Fails when its swarm line enables BURST: the other kinds on that line are not needed. */
  private static final class NeedsBurst extends LinesScenario {
    NeedsBurst() {
      super("needs_burst", "fails when BURST is enabled");
    }

    @Override
    public ScenarioRun run(List<String> input, RunSettings settings) {
      boolean burst = input.stream().anyMatch(line -> line.startsWith("swarm: ") && List.of(line.substring(7)
          .split(", ")).contains("BURST"));
      return new ScenarioRun(burst ? Optional.of(ScenarioRun.Failure.of("BURSTY", 0, "burst")) : Optional.empty(),
          input.hashCode(), 0, List.of(), List.of(), List.of());
    }
  }

  @Test
  void kindsTheFailureDoesNotNeed_areDroppedFromTheirList() {
    List<String> input = List.of("swarm: DUPLICATE, DISK, BURST, CLOG", "client-0: 50 observations space-0");
    TextShrinker.Shrunk shrunk = TextShrinker.shrink(new NeedsBurst(), input, RunSettings.plain(), "BURSTY", 100);
    assertThat(shrunk.input()).isEqualTo(List.of("swarm: BURST"));
  }

  @Test
  void theBudgetBoundsTheRuns() {
    Counting scenario = new Counting();
    TextShrinker.shrink(scenario, List.of("c: 5000 observations s", "d: 5000 observations t", "1s crash n"), RunSettings.plain(),
        "OVERLOAD", 5);
    assertThat(scenario.runs).as("the input as given, then five candidates").isEqualTo(6);
  }
}
