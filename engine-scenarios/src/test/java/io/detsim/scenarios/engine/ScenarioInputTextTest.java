package io.detsim.scenarios.engine;

import io.detsim.properties.scenario.Swarm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detsim.properties.core.Property;
import io.detsim.properties.core.PropertyConfig;
import io.detsim.properties.core.PropertyRunner;
import io.detsim.properties.core.Verdict;
import io.detsim.scenarios.engine.EngineScenario;
import io.detsim.scenarios.engine.ScenarioInput;
import io.detsim.scenarios.engine.EngineScenarios;
import io.detsim.sim.fault.FaultKind;
import io.detsim.sim.fault.FaultSchedule;
import io.detsim.sim.port.Ratio;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A scenario input printed and parsed back is the same input, for every input the scenarios generate. */
class ScenarioInputTextTest {

  @Test
  void roundTrip_isExact_forGeneratedInputsOfEveryScenario() {
    int checked = 0;
    int withFaults = 0;
    for (EngineScenario scenario : EngineScenarios.all()) {
      for (ScenarioInput input : generated(scenario, 150)) {
        String text = ScenarioInputText.format(input);
        assertThat(ScenarioInputText.parse(text, "generated")).as("%s:%n%s", scenario.name(), text).isEqualTo(input);
        assertThat(ScenarioInputText.format(ScenarioInputText.parse(text, "generated"))).isEqualTo(text);
        checked++;
        withFaults += input.schedule().isEmpty() ? 0 : 1;
      }
    }
    // The generator must have given the test something to chew on: many inputs, a good share with faults
    // (707 of 1,500 when written; multi_client has no faults at all).
    assertThat(checked).isEqualTo(150 * EngineScenarios.all().size());
    assertThat(withFaults).isGreaterThan(checked / 3);
  }

  @Test
  void roundTrip_keepsRatiosExactlyAsWritten_unreducedAndZeroOverAnything() {
    ScenarioInput input = new ScenarioInput(-2L, new ScenarioInput.EngineShape(1, 400),
        new Swarm(EnumSet.allOf(FaultKind.class), Ratio.of(2, 4), Ratio.of(0, 5), Ratio.ALWAYS,
            Ratio.of(999_999_999_999L, 1_000_000_000_000L)),
        List.of(new ScenarioInput.ClientSpec("Client_A", "space.x", 1, 1, false, true),
            new ScenarioInput.ClientSpec("client-1", "space-1", 400, 4000, true, true)),
        FaultSchedule.empty());
    String text = ScenarioInputText.format(input);
    assertThat(text).contains("loss: 2/4\n").contains("duplicate: 0/5\n").contains("reorder: 1/1\n")
        .contains("torn writes: 999999999999/1000000000000\n").contains("engine: 1 worker, queue 400\n")
        .contains("simulation seed: 0xfffffffffffffffe\n")
        .contains("client Client_A: 1 observations into space.x at 1/s, recall probe\n");
    assertThat(ScenarioInputText.parse(text, "edge")).isEqualTo(input);
  }

  @Test
  void roundTrip_ofNoClientsAndNoFaultKinds() {
    ScenarioInput input = new ScenarioInput(0, new ScenarioInput.EngineShape(4, 0),
        new Swarm(EnumSet.noneOf(FaultKind.class), Ratio.NEVER, Ratio.NEVER, Ratio.NEVER, Ratio.NEVER),
        List.of(), FaultSchedule.empty());
    String text = ScenarioInputText.format(input);
    assertThat(text).contains("swarm: none\n").doesNotContain("client ");
    assertThat(ScenarioInputText.parse(text, "empty")).isEqualTo(input);
  }

  @Test
  void engineShape_roundTrips_andAnOldLineWithoutItKeepsDimension8AndTheDefaultCompaction() {
    ScenarioInput shaped = new ScenarioInput(7, new ScenarioInput.EngineShape(2, 0, 128, 25),
        new Swarm(EnumSet.noneOf(FaultKind.class), Ratio.NEVER, Ratio.NEVER, Ratio.NEVER, Ratio.NEVER),
        List.of(), FaultSchedule.empty());
    String text = ScenarioInputText.format(shaped);
    assertThat(text).contains("engine: 2 workers, queue default, dimension 128, compaction every 25 records\n");
    assertThat(ScenarioInputText.parse(text, "shaped")).isEqualTo(shaped);

    String old = text.replace(", dimension 128, compaction every 25 records", "");
    assertThat(ScenarioInputText.parse(old, "old").engine()).isEqualTo(new ScenarioInput.EngineShape(2, 0, 8, 0));
  }

  @Test
  void engineShape_outOfRange_isAnErrorNamingTheColumn() {
    ScenarioInput shaped = new ScenarioInput(7, new ScenarioInput.EngineShape(2, 0, 16, 0),
        new Swarm(EnumSet.noneOf(FaultKind.class), Ratio.NEVER, Ratio.NEVER, Ratio.NEVER, Ratio.NEVER),
        List.of(), FaultSchedule.empty());
    String text = ScenarioInputText.format(shaped);
    assertThatThrownBy(() -> ScenarioInputText.parse(text.replace("dimension 16", "dimension 5000"), "wide"))
        .hasMessageContaining("wide:3:45: expected a dimension from 1 to 4096, found 5000");
    assertThatThrownBy(() -> ScenarioInputText.parse(text.replace("dimension 16", "dimension 0"), "zero"))
        .hasMessageContaining("zero:3:45:");
  }

  /** {@code count} inputs the scenario draws from seeds 0, 1, ...: a property that keeps what it is given. */
  private static List<ScenarioInput> generated(EngineScenario scenario, int count) {
    List<ScenarioInput> inputs = new ArrayList<>();
    Property<ScenarioInput> collect = Property.of("collect " + scenario.name(), scenario.inputs(), input -> {
      inputs.add(input);
      return Verdict.pass();
    });
    new PropertyRunner(PropertyConfig.defaults().withTries(count)).run(collect);
    return inputs;
  }
}
