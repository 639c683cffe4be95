package io.detsim.cli;

import static io.detsim.cli.Cli.detsim;
import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.engine.planted.EngineMutant;
import io.detsim.scenarios.engine.EngineScenario;
import io.detsim.scenarios.engine.EngineScenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The listing commands, --help and --version, and the one-line, exit-2 contract for every usage error. */
class CommandLineUsageTest {

  @Test
  void scenarios_listsEveryScenarioWithItsDescription() {
    Cli.Result result = detsim("scenarios");
    assertThat(result.exit()).isZero();
    assertThat(result.outLines()).hasSize(EngineScenarios.all().size());
    for (EngineScenario scenario : EngineScenarios.all()) {
      assertThat(result.outLines()).anySatisfy(line -> assertThat(line).startsWith(scenario.name() + " ")
          .endsWith(scenario.description()));
    }
    assertThat(result.outLines().get(0)).startsWith("swarm ");
  }

  @Test
  void mutants_listsEveryMutantByItsCliNameWithADescription() {
    Cli.Result result = detsim("mutants");
    assertThat(result.exit()).isZero();
    assertThat(result.outLines()).hasSize(EngineMutant.values().length);
    for (EngineMutant mutant : EngineMutant.values()) {
      assertThat(result.outLines()).anySatisfy(line -> assertThat(line).startsWith(mutant.cliName() + " ")
          .endsWith(mutant.description()));
    }
  }

  @Test
  void version_printsDetsimAndAVersion() {
    Cli.Result result = detsim("--version");
    assertThat(result.exit()).isZero();
    assertThat(result.out()).matches("detsim \\S+\\R");
  }

  @ParameterizedTest
  @ValueSource(strings = {"scenarios", "mutants", "run", "fuzz", "replay", "shrink", "diff", "check-determinism",
      "bench"})
  void help_isPrintedForEveryCommand(String command) {
    Cli.Result result = detsim(command, "--help");
    assertThat(result.exit()).isZero();
    assertThat(result.out()).startsWith("Usage: detsim " + command);
    assertThat(result.err()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "fuzz --bogus",
      "run swarm --seed 1 --nope",
      "replay",
      "run swarm",
      "run swarm --seed zz",
      "run swarm --seed 0x12345678901234567",
      "fuzz --seeds many",
      "fuzz --seeds 0",
      "fuzz --time 5 ",
      "fuzz --time 10y",
      "fuzz --shard 2/2",
      "fuzz --shard x",
      "fuzz --jobs 0",
      "fuzz --seeds 5 --time 1s",
      "fuzz --exhaustive --keep-going",
      "bench --seeds 0",
      "diff onlyone",
      "nothing-such"})
  void usageErrors_areOneLineAndExitTwo(String arguments) {
    Cli.Result result = detsim(arguments.trim().split(" "));
    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.errLines()).hasSize(1);
    assertThat(result.err()).startsWith("detsim: ");
  }

  @Test
  void unknownScenario_listsTheValidNames() {
    Cli.Result result = detsim("run", "swarmy", "--seed", "1");
    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.errLines()).singleElement().asString()
        .contains("unknown scenario 'swarmy'").contains("swarm, network_delays").contains("queue_overflow");
  }

  @Test
  void unknownMutant_listsTheValidNames() {
    Cli.Result result = detsim("fuzz", "--mutant", "steal-everything");
    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.errLines()).singleElement().asString()
        .contains("unknown mutant 'steal-everything'").contains("steal-single-items").contains("ack-before-sync");
  }

  @Test
  void unknownCommand_listsTheCommands() {
    Cli.Result result = detsim("fuzzz");
    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.errLines()).singleElement().asString().contains("unknown command 'fuzzz'").contains("replay");
  }

  @Test
  void mutantNames_acceptEnumSpellingsToo() {
    EngineScenario swarm = EngineScenarios.named("swarm").orElseThrow();
    assertThat(Converters.plantedBugs(swarm, java.util.List.of("STEAL_SINGLE_ITEMS", "steal_single_items",
        "steal-single-items"))).containsExactly(EngineMutant.STEAL_SINGLE_ITEMS.cliName());
  }

  @Test
  void wallDurations_readMillisecondsSecondsMinutesAndHours() {
    Converters.WallDuration duration = new Converters.WallDuration();
    assertThat(duration.convert("250ms")).isEqualTo(250_000_000L);
    assertThat(duration.convert("30s")).isEqualTo(30_000_000_000L);
    assertThat(duration.convert("5m")).isEqualTo(300_000_000_000L);
    assertThat(duration.convert("8h")).isEqualTo(28_800_000_000_000L);
  }

  @Test
  void wallDurations_readCompoundFormsLargestUnitFirst() {
    Converters.WallDuration duration = new Converters.WallDuration();
    assertThat(duration.convert("5h30m")).isEqualTo(19_800_000_000_000L);
    assertThat(duration.convert("1h15m30s")).isEqualTo(4_530_000_000_000L);
    assertThat(duration.convert("2s500ms")).isEqualTo(2_500_000_000L);
    for (String bad : java.util.List.of("30m5h", "5h5h", "0s", "", "5x", "1h 30m", "999999999h")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> duration.convert(bad)).as(bad)
          .hasMessageContaining("is not a duration");
    }
  }

  @Test
  void seeds_readHexWithOrWithoutPrefixUpToSixtyFourBits() {
    Converters.HexSeed seed = new Converters.HexSeed();
    assertThat(seed.convert("0x1f")).isEqualTo(31L);
    assertThat(seed.convert("1F")).isEqualTo(31L);
    assertThat(seed.convert("0xffffffffffffffff")).isEqualTo(-1L);
  }
}
