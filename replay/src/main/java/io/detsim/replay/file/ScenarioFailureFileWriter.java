package io.detsim.replay.file;

import io.detsim.properties.core.Property;
import io.detsim.properties.core.PropertyResult;
import io.detsim.properties.junit.FailureFileWriter;
import io.detsim.properties.scenario.RunResult;
import io.detsim.properties.scenario.Scenario;
import io.detsim.properties.scenario.ScenarioInput;
import io.detsim.properties.scenario.Scenarios;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Writes the failure file of a failed scenario property under {@code @SimProperty}, as the command
 * line's fuzz does ({@code <scenario>-<kind>-<seed>.detsim}), so a property failure in a test run
 * can be replayed, shrunk further and kept in the corpus like any other. Registered for the
 * detsim test engine through {@link java.util.ServiceLoader}.
 */
public final class ScenarioFailureFileWriter implements FailureFileWriter {

  @Override
  public Optional<Path> write(Property<?> property, PropertyResult.Failure<?> failure, Path directory) {
    if (property.origin().isEmpty() || !(property.origin().get() instanceof Scenario.Origin)
        || !(failure.value() instanceof ScenarioInput)) {
      return Optional.empty();
    }
    Scenario.Origin origin = (Scenario.Origin) property.origin().get();
    boolean catalogued = Scenarios.named(origin.scenario().name())
        .filter(named -> named.model().equals(origin.scenario().model())).isPresent();
    if (!catalogued) {
      return Optional.empty(); // a scenario made in a test, not in the catalogue: a file could not name it
    }
    ScenarioInput input = (ScenarioInput) failure.value();
    RunResult run = origin.scenario().run(input, origin.mutants()); // the shrunk input's own run, for its digest
    long seed = failure.seed().orElse(0L);
    Path file = FailureFiles.writeInto(directory, FailureFile.of(origin.scenario(), seed, failure.shrunk(), input,
        origin.mutants(), run, failure.originalSize(), failure.shrunkSize()));
    return Optional.of(file);
  }

  @Override
  public String replayCommand(Path file) {
    return "./detsim replay " + file;
  }
}
