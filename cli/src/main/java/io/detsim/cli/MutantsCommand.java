package io.detsim.cli;

import io.detsim.properties.scenario.ScenarioCatalogue;
import io.detsim.properties.scenario.PlantedBug;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.Locale;
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
    Set<PlantedBug> bugs = new LinkedHashSet<>();
    catalogue.all().forEach(scenario -> bugs.addAll(scenario.plantedBugs()));
    int width = bugs.stream().mapToInt(bug -> bug.name().length()).max().orElse(0);
    for (PlantedBug bug : bugs) {
      spec.commandLine().getOut().println(String.format(Locale.ROOT, "%-" + width + "s  %s", bug.name(),
          bug.description()));
    }
    return Detsim.EXIT_OK;
  }
}
