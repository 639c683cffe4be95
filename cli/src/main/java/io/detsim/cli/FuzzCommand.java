package io.detsim.cli;

import java.util.Optional;
import io.detsim.properties.scenario.ScenarioCatalogue;
import io.detsim.properties.scenario.Scenario;
import io.detsim.replay.campaign.Campaign;
import io.detsim.replay.campaign.CampaignPlan;
import io.detsim.replay.campaign.Checkpoint;
import io.detsim.replay.campaign.Shard;
import io.detsim.replay.campaign.ShrunkFailure;
import io.detsim.replay.campaign.Tally;
import io.detsim.replay.campaign.WrittenFailure;
import io.detsim.replay.file.FailureFile;
import io.detsim.replay.file.FailureFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code detsim fuzz}: a campaign over many seeds of a scenario, in parallel, sharded, bounded by a
 * seed count or a wall-clock budget, resumable; failures shrunk and saved as failure files.
 */
@Command(name = "fuzz", mixinStandardHelpOptions = true, versionProvider = Detsim.Version.class,
    description = {"Runs a scenario over many seeds. Stops at the first failure (or with --keep-going runs every seed"
        + " and keeps the first failure of each kind); each failure kept is shrunk and saved in the corpus folder,"
        + " and a 'replay: ./detsim replay PATH' line says how to run it again.",
        "Ends with 'seeds: N failures: F simulated: Xs wall: Ys speedup: Zx'. Exit 0 when nothing failed, 1 when"
        + " something did, 2 on bad usage. The result does not depend on --jobs.",
        "The corpus folder also holds campaign.json (a checkpoint, every few seconds; --resume continues from it)"
        + " and summary.json (written at the end). A folder belongs to one campaign: a new campaign in a folder"
        + " that holds another's campaign.json is refused (continue it with --resume, or give a new --corpus).",
        "With --shard I/N, --seeds counts this shard's seeds: N shards of --seeds S run N*S seeds in all."})
final class FuzzCommand implements Callable<Integer> {
  /**
   * The default campaign's size, measured on the 2-core build machine with the default two jobs:
   * 200 swarm seeds took 43 s of wall time while the machine ran a load average of 11 (other builds),
   * and about 8 s on its own. 300 keeps the default run, JVM start included, near a minute even when
   * the machine is shared, and well within two minutes.
   */
  static final long DEFAULT_SEEDS = 300;
  static final int DEFAULT_SHRINK_ATTEMPTS = 400;
  static final Path DEFAULT_CORPUS = Path.of("target", "detsim-failures");
  /**
   * The most simulations at once. Each holds a whole simulated system in memory (tens of MB for
   * the engine), so more than this is a typo, not a machine: 10,000 threads took 10 s to start.
   */
  static final int MAX_JOBS = 1024;
  /** How long a SIGTERM waits for the final checkpoint: within Kubernetes' default 30 s grace period. */
  private static final long SIGNAL_GRACE_SECONDS = 20;

  @Spec
  private CommandSpec spec;

  private final ScenarioCatalogue catalogue;

  FuzzCommand(ScenarioCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", converter = Converters.ScenarioName.class,
      description = "The scenario; default swarm (detsim scenarios lists them).")
  private Scenario<?> scenario;

  @Option(names = "--seeds", paramLabel = "N", description = "Run N seeds (default " + DEFAULT_SEEDS
      + ", or no limit with --time); with --shard, N seeds of this shard. With --exhaustive: the most cases to"
      + " enumerate.")
  private Long seeds;

  @Option(names = "--time", paramLabel = "DURATION", converter = Converters.WallDuration.class,
      description = "Stop cleanly after this much wall time: 30s, 5m, 8h, 5h30m, 1h15m30s. Runs in flight are"
          + " stopped between events and run again by --resume; failures found are shrunk after it.")
  private Long timeNanos;

  @Option(names = "--start-seed", paramLabel = "HEX", converter = Converters.HexSeed.class,
      description = "The campaign's start seed (default 0); seed index i runs PropertyRunner.seedOfTry(start, i).")
  private Long startSeed;

  @Option(names = "--jobs", paramLabel = "J", description = "Simulations run at once, one per thread"
      + " (default: the available processors; at most " + MAX_JOBS + ").")
  private Integer jobs;

  @Option(names = "--shard", paramLabel = "I/N", converter = Converters.ShardText.class,
      description = "Run only seed indices I, I+N, I+2N, ...: N machines with shards 0/N .. N-1/N split a campaign.")
  private Shard shard;

  @Option(names = "--corpus", paramLabel = "DIR", description = "Where failure files, campaign.json and summary.json"
      + " go (default target/detsim-failures).")
  private Path corpus;

  @Option(names = "--mutant", paramLabel = "NAME",
      description = "Switch this planted bug on (repeatable; detsim mutants lists them).")
  private List<String> mutants;

  @Option(names = "--exhaustive", description = "Enumerate the scenario's inputs in order (simplest first) instead"
      + " of random seeds, up to --seeds cases, on one thread; prints the count of cases.")
  private boolean exhaustive;

  @Option(names = "--keep-going", description = "Do not stop at the first failure: run every seed, then shrink and"
      + " save the first failure of each kind of violation and count the rest.")
  private boolean keepGoing;

  @Option(names = "--resume", description = "Continue the campaign checkpointed in the corpus folder; when the"
      + " folder holds no checkpoint yet, start the campaign the other flags describe (so one command line serves a"
      + " nightly's first run and its restarts).")
  private boolean resume;

  @Option(names = "--shrink-attempts", paramLabel = "N", description = "The shrinker's budget of runs per failure"
      + " (default " + DEFAULT_SHRINK_ATTEMPTS + ").")
  private Integer shrinkAttempts;

  @Override
  public Integer call() throws IOException {
    checkValues();
    Path folder = corpus == null ? DEFAULT_CORPUS : corpus;
    CorpusFolder.prepare(folder);
    if (exhaustive) {
      return new ExhaustiveRun(spec.commandLine().getOut(), scenarioOrDefault(), mutantSet(), folder,
          seeds == null ? DEFAULT_SEEDS : seeds, shrinkAttempts()).call();
    }
    CampaignPlan plan;
    Tally tally;
    boolean resumed = resume && Files.exists(folder.resolve(Checkpoint.FILE));
    if (resumed) {
      Checkpoint checkpoint = readCheckpoint(folder);
      plan = resumedPlan(checkpoint, folder);
      tally = checkpoint.tally();
    } else {
      if (resume) {
        spec.commandLine().getOut().println("resume: no " + Checkpoint.FILE + " in " + folder
            + " yet: starting the campaign");
      } else {
        refuseAnotherCampaign(folder, corpus == null);
      }
      long limit = seeds != null ? seeds : timeNanos != null ? Long.MAX_VALUE : DEFAULT_SEEDS;
      plan = new CampaignPlan(scenarioOrDefault(), mutantSet(), startSeed == null ? 0 : startSeed,
          shard == null ? Shard.ALL : shard, limit, jobs(), keepGoing, shrinkAttempts(), folder);
      tally = Tally.empty();
    }
    return runCampaign(plan, tally, resumed);
  }

  private int runCampaign(CampaignPlan plan, Tally tally, boolean resumed) throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    out.println(String.format(Locale.ROOT, "fuzz: %s%s, start seed %s, shard %s, %s, %d jobs, corpus %s%s",
        plan.scenario().name(), mutantsText(plan.mutants()), Converters.hex(plan.startSeed()), plan.shard(),
        plan.seedLimit() == Long.MAX_VALUE ? "no seed limit" : plan.seedLimit() + " seeds", plan.jobs(),
        plan.corpus(), resumed ? ", resuming at seed " + tally.seeds() : ""));
    out.flush();
    ProgressLine progress = new ProgressLine(spec.commandLine().getErr(), ProgressLine.stderrIsTerminal(),
        tally.seeds(), tally.simulatedNanos());
    Campaign campaign = new Campaign(plan, tally, FuzzCommand::writeFailure, progress);
    OptionalLong deadline = timeNanos == null ? OptionalLong.empty() : OptionalLong.of(System.nanoTime() + timeNanos);
    Checkpoint last = runStoppableBySignal(campaign, deadline);
    progress.endLine();
    Tally done = last.tally();
    for (WrittenFailure written : done.written()) {
      out.println(String.format(Locale.ROOT, "failure: %s at seed %s, shrunk from %d to %d choices: %s",
          written.kind(), Converters.hex(written.seed()), written.originalSize(), written.shrunkSize(),
          written.file()));
      out.println("replay: ./detsim replay " + written.file());
    }
    if (done.failures() > done.written().size()) {
      List<String> counts = new ArrayList<>();
      done.failuresByKind().forEach((kind, count) -> counts.add(kind + "=" + count));
      out.println("failures by kind: " + String.join(", ", counts));
    }
    if (Campaign.STOPPED.equals(last.stoppedBy())) {
      out.println(String.format(Locale.ROOT, "stopped by a signal: %d seeds run, checkpoint saved;"
          + " --resume continues", done.seeds()));
    }
    if ("time".equals(last.stoppedBy())) {
      out.println(String.format(Locale.ROOT, "stopped at the deadline: %d seeds run, next seed index %d;"
          + " --resume continues", done.seeds(), plan.shard().seedIndex(done.nextOrdinal())));
    }
    if (!campaign.pointCoverage().reached().isEmpty() || !campaign.pointCoverage().blind().isEmpty()) {
      out.println(campaign.pointCoverage().report());
    }
    out.println(summaryLine(done.seeds(), done.failures(), done.simulatedNanos(), done.wallNanos()));
    return done.failures() == 0 ? Detsim.EXIT_OK : Detsim.EXIT_FAILED;
  }

  /**
   * Runs the campaign with a shutdown hook that stops it and waits for its checkpoint: a SIGTERM
   * (a pod evicted, a CI job cancelled) keeps the work done so far for {@code --resume}. The wait is
   * bounded, below Kubernetes' default 30 s grace period, so the hook never holds the JVM for long.
   */
  private static Checkpoint runStoppableBySignal(Campaign campaign, OptionalLong deadline) throws IOException {
    CountDownLatch saved = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      campaign.stop();
      try {
        saved.await(SIGNAL_GRACE_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }, "detsim-fuzz-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return campaign.run(deadline);
    } finally {
      saved.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException alreadyShuttingDown) {
        // the hook is running: it returns now that the checkpoint is saved
      }
    }
  }

  static String summaryLine(long seeds, long failures, long simulatedNanos, long wallNanos) {
    double wallSeconds = wallNanos / 1e9;
    return String.format(Locale.ROOT, "seeds: %d failures: %d simulated: %.1fs wall: %.1fs speedup: %.1fx", seeds,
        failures, simulatedNanos / 1e9, wallSeconds, wallNanos == 0 ? 0.0 : simulatedNanos / 1e9 / wallSeconds);
  }

  /** Saves a shrunk failure as {@code <scenario>-<kind>-<seed>.detsim} in the corpus folder. */
  static Path writeFailure(ShrunkFailure failure, Path folder) {
    return FailureFiles.writeInto(folder, fileOf(failure, failure.originalSize()), failure.scenario());
  }

  /** The failure file of a shrunk failure; the input is written when the scenario has a text form. */
  static FailureFile fileOf(ShrunkFailure failure, int originalSize) {
    Optional<Object> input = failure.scenario().text().isPresent() ? Optional.of(failure.input()) : Optional.empty();
    return FailureFile.of(failure.scenario().name(), failure.seed(), failure.choices(), input, failure.mutants(),
        failure.failingRun(), originalSize, failure.shrunkSize());
  }

  private void checkValues() {
    if (seeds != null && seeds < 1) {
      throw new UsageException("--seeds must be at least 1: " + seeds);
    }
    if (seeds != null && timeNanos != null && !resume) {
      throw new UsageException("give --seeds or --time, not both");
    }
    if (jobs != null && (jobs < 1 || jobs > MAX_JOBS)) {
      throw new UsageException("--jobs must be from 1 to " + MAX_JOBS + ": " + jobs);
    }
    if (shrinkAttempts != null && shrinkAttempts < 0) {
      throw new UsageException("--shrink-attempts cannot be negative: " + shrinkAttempts);
    }
    if (exhaustive && (resume || shard != null || timeNanos != null || keepGoing)) {
      throw new UsageException("--exhaustive enumerates one space in order: it takes no --resume, --shard, --time"
          + " or --keep-going");
    }
  }

  /**
   * A folder holds one campaign: a new one would overwrite the checkpoint and summary of the one
   * there. In the default folder, a campaign that ran to its end (its seeds, or its first failure)
   * is replaced, with a note, so that {@code ./detsim fuzz} can be run again; one that can still
   * be resumed (stopped by its deadline or a signal) is never replaced.
   */
  private void refuseAnotherCampaign(Path folder, boolean defaultFolder) {
    Path file = folder.resolve(Checkpoint.FILE);
    if (!Files.exists(file)) {
      return;
    }
    if (defaultFolder) {
      Checkpoint finished = readCheckpoint(folder);
      if ("seeds".equals(finished.stoppedBy()) || "failure".equals(finished.stoppedBy())) {
        spec.commandLine().getOut().println("note: a new campaign in " + folder + "; the last one ("
            + finished.scenario() + ", ended by " + finished.stoppedBy() + ") is replaced, its failure files stay");
        return;
      }
    }
    throw new UsageException(folder + " already holds a campaign (" + file + "): continue it with --resume,"
        + " or give a new --corpus folder");
  }

  private Checkpoint readCheckpoint(Path folder) {
    Path file = folder.resolve(Checkpoint.FILE);
    if (!Files.isRegularFile(file)) {
      throw new UsageException("cannot resume from " + file + ": not a regular file");
    }
    try {
      return Checkpoint.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | IllegalArgumentException unreadable) {
      throw new UsageException("cannot resume from " + file + ": " + unreadable.getMessage());
    }
  }

  /** The checkpoint's campaign; flags that would change which seeds it covers must agree with it. */
  private CampaignPlan resumedPlan(Checkpoint checkpoint, Path folder) {
    Scenario<?> saved = Converters.scenario(catalogue, checkpoint.scenario());
    Set<String> savedSet = Converters.plantedBugs(saved, checkpoint.mutants());
    disagree("scenario", scenario == null ? null : scenario.name(), saved.name());
    disagree("--start-seed", startSeed == null ? null : Converters.hex(startSeed),
        Converters.hex(checkpoint.startSeed()));
    disagree("--shard", shard == null ? null : shard.toString(), checkpoint.shard().toString());
    disagree("--mutant", mutants == null ? null : mutantsText(Converters.plantedBugs(saved, mutants)),
        mutantsText(savedSet));
    disagree("--keep-going", keepGoing ? "true" : null, Boolean.toString(checkpoint.keepGoing()));
    if (checkpoint.seedLimit() == Long.MAX_VALUE && seeds == null && timeNanos == null) {
      throw new UsageException("--resume: the campaign in " + folder + " has no seed limit (it ran with --time);"
          + " give --time or --seeds");
    }
    long limit = seeds != null ? seeds : timeNanos != null ? Long.MAX_VALUE : checkpoint.seedLimit();
    return new CampaignPlan(saved, savedSet, checkpoint.startSeed(), checkpoint.shard(), limit, jobs(),
        checkpoint.keepGoing(), shrinkAttempts(), folder);
  }

  private static void disagree(String flag, String given, String saved) {
    if (given != null && !given.equals(saved)) {
      throw new UsageException("--resume: " + flag + " " + given + " differs from the checkpoint's " + saved);
    }
  }

  private Scenario<?> scenarioOrDefault() {
    return scenario != null ? scenario : Converters.defaultScenario(catalogue);
  }

  private Set<String> mutantSet() {
    return Converters.plantedBugs(scenarioOrDefault(), mutants == null ? List.of() : mutants);
  }

  private int jobs() {
    return jobs != null ? jobs : Math.min(MAX_JOBS, Runtime.getRuntime().availableProcessors());
  }

  private int shrinkAttempts() {
    return shrinkAttempts != null ? shrinkAttempts : DEFAULT_SHRINK_ATTEMPTS;
  }

  static String mutantsText(Set<String> mutants) {
    if (mutants.isEmpty()) {
      return "";
    }
    return " with mutant " + String.join(", ", mutants);
  }
}
