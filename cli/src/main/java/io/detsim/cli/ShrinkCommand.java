package io.detsim.cli;

import io.detsim.properties.scenario.ScenarioCatalogue;
import io.detsim.properties.scenario.Scenario;
import io.detsim.replay.campaign.FailureShrinker;
import io.detsim.replay.campaign.ShrunkFailure;
import io.detsim.replay.file.FailureFile;
import io.detsim.replay.file.FailureFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code detsim shrink FILE}: shrinks a failure file's choices further, with a bigger budget or after
 * a code change, and writes the result.
 */
@Command(name = "shrink", mixinStandardHelpOptions = true, versionProvider = Detsim.Version.class,
    description = {"Shrinks a failure file again from its choices (with a new budget, or after a code change) and"
        + " writes the result to OUT; without -o, FILE itself is overwritten.",
        "It keeps whatever kind of violation the choices fail with now, and says so when that kind changed.",
        "Exit 0 when a file was written, 1 when the choices no longer fail (nothing written), 2 on a bad file."})
final class ShrinkCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  private final ScenarioCatalogue catalogue;

  ShrinkCommand(ScenarioCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @Parameters(index = "0", paramLabel = "FILE", description = "A failure file (.detsim).")
  private Path file;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Where to write the shrunk file"
      + " (default: FILE itself, overwritten in place).")
  private Path output;

  @Option(names = "--shrink-attempts", paramLabel = "N", description = "The shrinker's budget of runs (default "
      + FuzzCommand.DEFAULT_SHRINK_ATTEMPTS + ").")
  private int shrinkAttempts = FuzzCommand.DEFAULT_SHRINK_ATTEMPTS;

  @Override
  public Integer call() {
    if (shrinkAttempts < 0) {
      throw new UsageException("--shrink-attempts cannot be negative: " + shrinkAttempts);
    }
    PrintWriter out = spec.commandLine().getOut();
    FailureFile recorded = ReplayCommand.readFailureFile(file, catalogue);
    Scenario<?> scenario = Converters.scenario(catalogue, recorded.scenario());
    ShrunkFailure shrunk;
    try {
      shrunk = FailureShrinker.shrink(scenario, recorded.plantedBugs(), recorded.seed(), recorded.choices(),
          /* kind= */ null, shrinkAttempts);
    } catch (IllegalStateException noLongerFails) {
      out.println("not shrunk: the file's choices no longer fail (" + noLongerFails.getMessage() + ")");
      return Detsim.EXIT_FAILED;
    }
    String kind = shrunk.failingRun().failure().get().kind();
    if (!kind.equals(recorded.violation().kind())) {
      out.println("note: the choices now fail with " + kind + ", not the recorded " + recorded.violation().kind());
    }
    Path target = output == null ? file : output;
    FailureFiles.write(target, FuzzCommand.fileOf(shrunk, recorded.originalSize()), scenario);
    out.println(String.format(Locale.ROOT, "shrunk: %s from %d to %d choices (%d when first found)", kind,
        recorded.choices().size(), shrunk.shrunkSize(), recorded.originalSize()));
    out.println("wrote: " + target);
    out.println("replay: ./detsim replay " + target);
    return Detsim.EXIT_OK;
  }
}
