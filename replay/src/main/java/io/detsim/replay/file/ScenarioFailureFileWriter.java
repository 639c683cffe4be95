package io.detsim.replay.file;

import io.detsim.properties.core.Property;
import io.detsim.properties.core.PropertyResult;
import io.detsim.properties.junit.FailureFileWriter;
import io.detsim.properties.scenario.Scenario;
import io.detsim.properties.scenario.ScenarioProperty;
import io.detsim.properties.scenario.ScenarioRun;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Writes the failure file of a failed scenario property under {@code @SimProperty}, as the command
 * line's fuzz does ({@code <scenario>-<kind>-<seed>.detsim}), so a property failure in a test run
 * can be replayed, shrunk further and kept in the corpus like any other. Registered for the
 * detsim test engine through {@link java.util.ServiceLoader}. Any scenario's property qualifies,
 * the user's as well as the engine's: it is the property's {@link ScenarioProperty.Origin} that
 * says what to write.
 */
public final class ScenarioFailureFileWriter implements FailureFileWriter {

  @Override
  public Optional<Path> write(Property<?> property, PropertyResult.Failure<?> failure, Path directory) {
    if (property.origin().isEmpty() || !(property.origin().get() instanceof ScenarioProperty.Origin)) {
      return Optional.empty();
    }
    ScenarioProperty.Origin origin = (ScenarioProperty.Origin) property.origin().get();
    ScenarioRun run = rerun(origin.scenario(), failure.value(), origin); // the shrunk input's own run, for its digest
    if (run.passed()) {
      return Optional.empty(); // not deterministic: nothing a file could replay
    }
    Optional<Object> input = origin.scenario().text().isPresent() ? Optional.of(failure.value()) : Optional.empty();
    FailureFile file = FailureFile.of(origin.scenario().name(), failure.seed().orElse(0L), failure.shrunk(), input,
        origin.settings().plantedBugs(), run, failure.originalSize(), failure.shrunkSize());
    return Optional.of(FailureFiles.writeInto(directory, file, origin.scenario()));
  }

  @SuppressWarnings("unchecked") // the property's inputs are the scenario's own
  private static <I> ScenarioRun rerun(Scenario<I> scenario, Object input, ScenarioProperty.Origin origin) {
    return scenario.run((I) input, origin.settings());
  }

  @Override
  public String replayCommand(Path file) {
    return "./detsim replay " + file;
  }
}
