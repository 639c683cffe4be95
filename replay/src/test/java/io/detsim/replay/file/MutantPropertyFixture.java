package io.detsim.replay.file;

import io.detsim.engine.planted.EngineMutant;
import io.detsim.properties.core.Property;
import io.detsim.properties.junit.SimProperty;
import io.detsim.scenarios.engine.ScenarioInput;
import io.detsim.scenarios.engine.EngineScenarios;
import java.util.EnumSet;

/** A scenario property with a mutant switched in, which fails on its first try; run only by its test. */
public class MutantPropertyFixture {
  @SimProperty(tries = 3, shrinkAttempts = 60)
  public Property<ScenarioInput> stealingSingleItems_breaksOrder() {
    return EngineScenarios.named("swarm").orElseThrow().property(EnumSet.of(EngineMutant.STEAL_SINGLE_ITEMS));
  }
}
