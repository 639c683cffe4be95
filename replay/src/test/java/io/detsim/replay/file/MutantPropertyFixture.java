package io.detsim.replay.file;

import io.detsim.engine.planted.EngineMutant;
import io.detsim.properties.core.Property;
import io.detsim.properties.junit.SimProperty;
import io.detsim.scenarios.engine.ScenarioInput;
import io.detsim.scenarios.engine.EngineScenarios;
import java.util.EnumSet;

/** A scenario property with a mutant switched in, which fails within its first tries (the fourth); run only by its test. */
public class MutantPropertyFixture {
  @SimProperty(tries = 10, shrinkAttempts = 60)
  public Property<ScenarioInput> stealingSingleItems_breaksOrder() {
    return EngineScenarios.named("swarm").orElseThrow().property(EnumSet.of(EngineMutant.STEAL_SINGLE_ITEMS));
  }
}
