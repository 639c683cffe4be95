package io.detsim.properties.scenario;

import java.util.Objects;

/**
 * A bug planted on purpose in the system under test, to measure that the scenario's checks catch
 * it: switched on by name for one run ({@code --mutant NAME}), never in production.
 *
 * @param name the name on the command line and in failure files: lower case with dashes
 * @param description what the bug does, in one line
 */
public record PlantedBug(String name, String description) {
  public PlantedBug {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    if (!name.matches("[a-z0-9][a-z0-9-]*")) {
      throw new IllegalArgumentException("a planted bug's name is lower case with dashes: '" + name + "'");
    }
  }
}
