package com.example.register;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.detsim.properties.core.PropertyConfig;
import io.detsim.properties.core.PropertyResult;
import io.detsim.properties.core.PropertyRunner;
import io.detsim.properties.scenario.RunSettings;
import io.detsim.properties.scenario.ScenarioProperty;
import io.detsim.sim.fault.Fault;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The property has teeth: with the acknowledge-before-replicate bug planted, it fails, and the
 * failure shrinks to one fault (the one that separates the primary from the backup) and one write.
 */
class PlantedBugTest {
  @Test
  void ackBeforeReplicate_isCaught_andShrinksToOneFault() {
    PropertyResult<RegisterInput> result = new PropertyRunner(PropertyConfig.defaults().withTries(200))
        .run(ScenarioProperty.of(new RegisterScenario(),
            RunSettings.plain().withPlantedBugs(Set.of(RegisterScenario.ACK_BEFORE_REPLICATE))));
    PropertyResult.Failure<RegisterInput> failure = result.failure().orElseThrow();
    assertEquals("LOST_WRITE", failure.kind(), failure.message());
    RegisterInput shrunk = failure.value();
    assertEquals(1, shrunk.writes(), shrunk::toString);
    long faults = shrunk.schedule().entries().stream()
        .filter(entry -> !(entry.fault() instanceof Fault.Heal) && !(entry.fault() instanceof Fault.Restart)).count();
    assertEquals(1, faults, shrunk::toString);
  }
}
