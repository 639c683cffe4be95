package io.detsim.cli;

import io.detsim.properties.scenario.ScenarioCatalogue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code detsim mutants}: the bugs each scenario can plant in its system, to show that fuzzing
 * catches them; scenarios sharing one list (the engine's) print it once.
 */
@Command(name = "mutants", mixinStandardHelpOptions = true, versionProvider = Detsim.Version.class,
    description = "Lists the planted bugs (for --mutant): one line each, the name then what goes wrong.")
final class MutantsCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  private final ScenarioCatalogue catalogue;

  MutantsCommand(ScenarioCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @Override
  public Integer call() {
    Map<String, String> described = new LinkedHashMap<>(); // scenarios sharing a list print it once
    catalogue.all().forEach(scenario -> scenario.plantedBugs().forEach(bug -> described.putIfAbsent(bug.name(),
        bug.description())));
    Detsim.printNamed(spec.commandLine().getOut(), described);
    return Detsim.EXIT_OK;
  }
}
