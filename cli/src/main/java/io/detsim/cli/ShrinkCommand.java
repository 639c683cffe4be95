package io.detsim.cli;

import io.detsim.properties.core.PropertyRunner;
import io.detsim.properties.scenario.InputText;
import io.detsim.properties.scenario.RunSettings;
import io.detsim.properties.scenario.Scenario;
import io.detsim.properties.scenario.ScenarioCatalogue;
import io.detsim.properties.scenario.TextLines;
import io.detsim.replay.campaign.FailureShrinker;
import io.detsim.replay.campaign.ShrunkFailure;
import io.detsim.replay.campaign.TextShrinker;
import io.detsim.replay.file.FailureFile;
import io.detsim.replay.file.FailureFiles;
import io.detsim.replay.file.ReplayOutcome;
import io.detsim.replay.file.Replayer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code detsim shrink FILE}: shrinks a failure file further, starting from what the file says now.
 * An input edited by hand is what a person wants kept: it is shrunk as written, through the
 * scenario's text form ({@link TextShrinker}), never regenerated from the recorded choices (which
 * would bring a removed fault back). An unedited input, or a scenario without a text form, shrinks
 * its choices. A file that no longer fails is refused; the original is never overwritten.
 */
@Command(name = "shrink", mixinStandardHelpOptions = true, versionProvider = Detsim.Version.class,
    description = {"Shrinks a failure file further (with a new budget, after a code change, or after an edit) and"
        + " writes the result beside it as NAME.shrunk.detsim, or to OUT; FILE itself is never changed.",
        "It starts from the file as it is now: an edited [input]/[schedule] is shrunk as written (lines deleted,"
            + " schedule entries moved earlier), keeping the kind of violation the file fails with now; an"
            + " unedited one shrinks its choices.",
        "Exit 0 when a file was written, 2 when FILE cannot be read or no longer fails (replay says FIXED)."})
final class ShrinkCommand implements Callable<Integer> {
  static final String SUFFIX = ".shrunk" + FailureFiles.EXTENSION;

  @Spec
  private CommandSpec spec;

  private final ScenarioCatalogue catalogue;

  ShrinkCommand(ScenarioCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @Parameters(index = "0", paramLabel = "FILE", description = "A failure file (.detsim).")
  private Path file;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Where to write the shrunk file"
      + " (default: NAME.shrunk.detsim beside FILE).")
  private Path output;

  @Option(names = "--shrink-attempts", paramLabel = "N", description = "The shrinker's budget of runs (default "
      + FuzzCommand.DEFAULT_SHRINK_ATTEMPTS + ").")
  private int shrinkAttempts = FuzzCommand.DEFAULT_SHRINK_ATTEMPTS;

  @Option(names = "--max-simulated-time", paramLabel = "DURATION", converter = Converters.WallDuration.class,
      description = "The latest virtual time a fault may be scheduled at, and the most a run may take (default 1h).")
  private Long maxSimulatedNanos;

  @Override
  public Integer call() {
    if (shrinkAttempts < 0) {
      throw new UsageException("--shrink-attempts cannot be negative: " + shrinkAttempts);
    }
    long bound = maxSimulatedNanos != null ? maxSimulatedNanos : TextLines.DEFAULT_MAX_SIMULATED_NANOS;
    PrintWriter out = spec.commandLine().getOut();
    FailureFile recorded = ReplayCommand.readFailureFile(file, catalogue, bound);
    Scenario<?> scenario = Converters.scenario(catalogue, recorded.scenario());
    ReplayOutcome now = Replayer.replay(recorded, catalogue, null, bound);
    if (now.now().passed()) {
      throw new UsageException(file + ": no longer fails (replay says " + now.word() + "): nothing to shrink");
    }
    String kind = now.now().failure().get().kind();
    if (!kind.equals(recorded.violation().kind())) {
      out.println("note: the file now fails with " + kind + ", not the recorded " + recorded.violation().kind());
    }
    Path target = output != null ? output : besideOriginal(file);
    if (target.toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) {
      throw new UsageException("-o " + output + " is FILE itself; shrink never overwrites the original");
    }
    FailureFile shrunk;
    if (isEdited(scenario, recorded)) {
      RunSettings settings = RunSettings.plain().withPlantedBugs(recorded.plantedBugs()).withMaxSimulatedNanos(bound);
      TextShrinker.Shrunk result = TextShrinker.shrink(scenario, recorded.input().get(), settings, kind,
          shrinkAttempts);
      shrunk = FailureFile.of(recorded.scenario(), recorded.seed(), recorded.choices(), Optional.of(result.input()),
          recorded.plantedBugs(), result.failingRun(), recorded.originalSize(), recorded.shrunkSize());
      out.println(String.format(Locale.ROOT, "shrunk: %s, the input as edited, from %d to %d lines", kind,
          result.linesBefore(), result.linesAfter()));
    } else {
      ShrunkFailure result = FailureShrinker.shrink(scenario, recorded.plantedBugs(), recorded.seed(),
          recorded.choices(), kind, shrinkAttempts);
      shrunk = FuzzCommand.fileOf(result, recorded.originalSize());
      out.println(String.format(Locale.ROOT, "shrunk: %s from %d to %d choices (%d when first found)", kind,
          recorded.choices().size(), result.shrunkSize(), recorded.originalSize()));
    }
    FailureFiles.write(target, shrunk, scenario);
    out.println("wrote: " + target);
    out.println("replay: ./detsim replay " + target);
    return Detsim.EXIT_OK;
  }

  /** {@code NAME.detsim} becomes {@code NAME.shrunk.detsim}; a shrunk file shrinks to itself's name. */
  static Path besideOriginal(Path file) {
    String name = file.getFileName().toString();
    String stem = name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length())
        : name.endsWith(FailureFiles.EXTENSION) ? name.substring(0, name.length() - FailureFiles.EXTENSION.length())
        : name;
    Path target = file.resolveSibling(stem + SUFFIX);
    return target.equals(file) ? file.resolveSibling(stem + ".shrunk-again" + FailureFiles.EXTENSION) : target;
  }

  /** True when the written input is not what the recorded choices generate: a person edited it. */
  private static boolean isEdited(Scenario<?> scenario, FailureFile recorded) {
    return recorded.input().isPresent() && scenario.text().isPresent()
        && !formatted(scenario, recorded.input().get()).equals(regeneratedText(scenario, recorded));
  }

  private static <I> String regeneratedText(Scenario<I> scenario, FailureFile recorded) {
    try {
      return formatted(scenario, PropertyRunner.regenerate(scenario.inputs(), recorded.choices()));
    } catch (RuntimeException cannotRegenerate) { // the generator changed: the written input is all there is
      return "";
    }
  }

  @SuppressWarnings("unchecked") // the input was made or parsed by this scenario
  private static <I> String formatted(Scenario<I> scenario, Object input) {
    InputText<I> text = scenario.text().orElseThrow();
    return text.format((I) input);
  }
}
