package io.detsim.cli;

import io.detsim.properties.scenario.ScenarioCatalogue;
import java.util.List;
import java.util.Optional;

/**
 * What every command runs against: the scenarios on the class path, and the extra class path they
 * came from ({@code --class-path}), which a command that starts another JVM passes on.
 */
record CommandContext(ScenarioCatalogue catalogue, Optional<String> extraClassPath) {

  /** The arguments that give a child {@code detsim} the same scenarios. */
  List<String> classPathArguments() {
    return extraClassPath.map(path -> List.of("--class-path", path)).orElse(List.of());
  }
}
