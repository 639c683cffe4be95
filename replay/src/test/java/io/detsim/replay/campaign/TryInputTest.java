package io.detsim.replay.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.engine.planted.EngineMutant;
import io.detsim.properties.core.PropertyConfig;
import io.detsim.properties.core.PropertyResult;
import io.detsim.properties.core.PropertyRunner;
import io.detsim.scenarios.engine.EngineScenario;
import io.detsim.scenarios.engine.ScenarioInput;
import io.detsim.scenarios.engine.EngineScenarios;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** A try regenerated from its seed is the try the property runner ran: same seed, same choices, same input. */
class TryInputTest {
  @Test
  void tryFromASeed_isTheTryThePropertyRunnerRanWithThatSeed() {
    EngineScenario swarm = EngineScenarios.named("swarm").orElseThrow();
    EnumSet<EngineMutant> mutants = EnumSet.of(EngineMutant.STEAL_SINGLE_ITEMS);
    PropertyConfig config = PropertyConfig.defaults().withTries(10).withStartSeed(0x78).withMaxShrinkAttempts(0);
    PropertyResult.Failure<ScenarioInput> failure = new PropertyRunner(config).run(swarm.property(mutants))
        .failure().orElseThrow();

    TryInput regenerated = TryInput.generate(swarm, failure.seed().getAsLong());

    assertThat(failure.tryIndex()).isEqualTo(3); // the campaign tests rely on this: indices 0..2 pass
    assertThat(regenerated.seed()).isEqualTo(PropertyRunner.seedOfTry(0x78, 3));
    assertThat(regenerated.choices()).isEqualTo(failure.original());
    assertThat(regenerated.input().toString()).isEqualTo(failure.valueText());
  }
}
