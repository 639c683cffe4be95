package io.detsim.cli;

import io.detsim.properties.scenario.ScenarioCatalogue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code detsim scenarios}: one line per scenario, its name then what it does. */
@Command(name = "scenarios", mixinStandardHelpOptions = true, versionProvider = Detsim.Version.class,
    description = "Lists the scenarios: one line each, the name then a short description. The first is fuzz's default.")
final class ScenariosCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  private final ScenarioCatalogue catalogue;

  ScenariosCommand(ScenarioCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @Override
  public Integer call() {
    Map<String, String> described = new LinkedHashMap<>();
    catalogue.all().forEach(scenario -> described.put(scenario.name(), scenario.description()));
    Detsim.printNamed(spec.commandLine().getOut(), described);
    return Detsim.EXIT_OK;
  }
}
