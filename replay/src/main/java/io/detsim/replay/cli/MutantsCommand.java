package io.detsim.replay.cli;

import io.detsim.engine.server.EngineMutant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code detsim mutants}: the bugs that can be switched into the engine, to show that fuzzing catches them. */
@Command(name = "mutants", mixinStandardHelpOptions = true, versionProvider = Detsim.Version.class,
    description = "Lists the engine mutants (planted bugs for --mutant): one line each, the name then what goes wrong.")
final class MutantsCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() {
    int width = 0;
    for (EngineMutant mutant : EngineMutant.values()) {
      width = Math.max(width, mutant.cliName().length());
    }
    for (EngineMutant mutant : EngineMutant.values()) {
      spec.commandLine().getOut().println(String.format(Locale.ROOT, "%-" + width + "s  %s", mutant.cliName(),
          mutant.description()));
    }
    return Detsim.EXIT_OK;
  }
}
