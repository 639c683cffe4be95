package io.detsim.cli;

import static io.detsim.cli.Cli.detsim;
import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.replay.campaign.Checkpoint;
import io.detsim.replay.campaign.Tally;
import io.detsim.replay.file.FailureFile;
import io.detsim.replay.file.FailureFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code detsim fuzz} end to end, in-process: a planted bug is found, shrunk, saved and replayed;
 * the result does not depend on --jobs; shards split seeds; --time and --resume work.
 *
 * <p>With the steal-single-items mutant and start seed 0x78, the swarm scenario's seed indices 0 to 2
 * pass and index 3 fails. Measured, and moved by every change to what the generator draws or to how
 * a start seed makes its tries (on 2026-12-06 the start seed is mixed before the index is added, and
 * no start from 0x10 to 0x78 fails first at index 4 any more; 0x78 fails first at index 3), so a
 * parallel run races past the failure and must still report index 3.
 */
class FuzzCommandTest {
  /**
   * The campaign machinery's tests (summary, checkpoint, resume, shards, deadline) need a scenario
   * that passes and whose seeds differ, not a heavy one: network_delays runs a seed in about 0.15 s
   * where multi_client (3 x 5,000 observations) took 5 to 13 s, and the engine's own test classes
   * check what multi_client checks.
   */
  private static final String PASSING = "network_delays";
  private static final Pattern SUMMARY = Pattern.compile(
      "seeds: (\\d+) failures: (\\d+) simulated: (\\d+\\.\\d)s wall: (\\d+\\.\\d)s speedup: (\\d+\\.\\d)x");

  @TempDir
  static Path folder;

  private static Cli.Result oneJob;
  private static Path failureFile;

  @BeforeAll
  static void fuzzWithAPlantedBug() {
    oneJob = detsim("fuzz", "--mutant", "steal-single-items", "--start-seed", "78", "--seeds", "10", "--jobs", "1",
        "--shrink-attempts", "30", "--corpus", folder.resolve("one-job").toString());
    String replay = oneJob.line("replay: ./detsim replay ");
    failureFile = Path.of(replay.substring("replay: ./detsim replay ".length()));
  }

  @Test
  void mutant_isFoundShrunkAndSavedWithAReplayLine() {
    assertThat(oneJob.exit()).isEqualTo(1);
    assertThat(failureFile).exists().hasFileName(failureFile.getFileName().toString())
        .startsWith(folder.resolve("one-job"));
    assertThat(failureFile.toString()).endsWith(FailureFiles.EXTENSION);
    FailureFile saved = FailureFiles.read(failureFile);
    assertThat(saved.violation().kind()).isEqualTo("SEQUENCE_VIOLATION");
    assertThat(saved.shrunkSize()).isLessThanOrEqualTo(saved.originalSize());
    Matcher summary = summary(oneJob);
    assertThat(summary.group(1)).isEqualTo("4"); // indices 0..3: the first failure is index 3
    assertThat(summary.group(2)).isEqualTo("1");
  }

  @Test
  void savedFailure_replaysAsReproducedWithTheRecordedDigest() {
    Cli.Result replay = detsim("replay", failureFile.toString());
    assertThat(replay.exit()).isEqualTo(1);
    String recorded = replay.line("recorded: digest: ");
    String now = replay.line("now:      digest: ");
    assertThat(digestOf(now)).isEqualTo(digestOf(recorded))
        .isEqualTo(String.format("0x%016x", FailureFiles.read(failureFile).digest()));
    assertThat(replay.outLines()).last().isEqualTo("REPRODUCED");
  }

  @Test
  void failingSeed_printedByFuzz_failsTheSameWayUnderRun() {
    String seed = oneJob.line("failure: ").replaceAll(".* at seed (0x[0-9a-f]{16}),.*", "$1");
    Cli.Result run = detsim("run", "swarm", "--seed", seed, "--mutant", "steal-single-items");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.line("verdict: ")).startsWith("verdict: FAIL SEQUENCE_VIOLATION at ");
  }

  @Test
  void twoJobs_reportTheSameFirstFailureAsOne() throws IOException {
    Cli.Result twoJobs = detsim("fuzz", "--mutant", "steal-single-items", "--start-seed", "78", "--seeds", "10",
        "--jobs", "2", "--shrink-attempts", "30", "--corpus", folder.resolve("two-jobs").toString());
    assertThat(twoJobs.exit()).isEqualTo(1);
    assertThat(withoutFolder(twoJobs.line("failure: "), "two-jobs"))
        .isEqualTo(withoutFolder(oneJob.line("failure: "), "one-job"));
    assertThat(summary(twoJobs).group(1)).isEqualTo(summary(oneJob).group(1));
    assertThat(summary(twoJobs).group(3)).isEqualTo(summary(oneJob).group(3));
    Path other = Path.of(twoJobs.line("replay: ").substring("replay: ./detsim replay ".length()));
    assertThat(Files.readString(other)).isEqualTo(Files.readString(failureFile));
  }

  @Test
  void passingCampaign_exitsZeroWithTheSummaryLineAndFiles() {
    Path corpus = folder.resolve("passing");
    Cli.Result result = detsim("fuzz", PASSING, "--seeds", "3", "--corpus", corpus.toString());
    assertThat(result.exit()).isZero();
    assertThat(result.outLines()).last().asString().matches(SUMMARY.pattern());
    assertThat(summary(result).group(1)).isEqualTo("3");
    assertThat(summary(result).group(2)).isEqualTo("0");
    assertThat(corpus.resolve(Checkpoint.SUMMARY_FILE)).exists();
    assertThat(corpus.resolve(Checkpoint.FILE)).exists();
  }

  @Test
  void shards_splitTheSeedsWithoutOverlap() throws IOException {
    Tally whole = campaign(folder.resolve("whole"), "--seeds", "6");
    Tally first = campaign(folder.resolve("shard-0"), "--seeds", "3", "--shard", "0/2");
    Tally second = campaign(folder.resolve("shard-1"), "--seeds", "3", "--shard", "1/2");
    // Each seed's digest differs; sums that add up mean the two shards ran exactly the whole's seeds.
    assertThat(first.digestSum() + second.digestSum()).isEqualTo(whole.digestSum());
    assertThat(first.digestSum()).isNotEqualTo(second.digestSum());
    assertThat(first.seeds() + second.seeds()).isEqualTo(whole.seeds());
  }

  @Test
  void time_stopsTheCampaignAtItsDeadline() throws IOException {
    // Behaviour, not a wall-clock bound (a loaded machine breaks those): the deadline, not the seed
    // count, ended the campaign (runs in flight are cancelled, so on a slow machine none may have
    // finished), its checkpoint says so, and --resume completes it to the same campaign as one run
    // straight through: no cancelled run was counted, and none was skipped.
    Path corpus = folder.resolve("timed");
    Cli.Result result = detsim("fuzz", PASSING, "--time", "1s", "--corpus", corpus.toString());
    assertThat(result.exit()).isZero();
    assertThat(result.line("stopped at the deadline")).contains("--resume continues");
    long seeds = Long.parseLong(summary(result).group(1));
    assertThat(Checkpoint.parse(Files.readString(corpus.resolve(Checkpoint.FILE), StandardCharsets.UTF_8)).stoppedBy())
        .isEqualTo("time");
    Cli.Result resumed = detsim("fuzz", "--resume", "--seeds", Long.toString(seeds + 2), "--corpus",
        corpus.toString());
    assertThat(resumed.exit()).isZero();
    assertThat(resumed.outLines().get(0)).contains("resuming at seed " + seeds);
    Tally straight = campaign(folder.resolve("timed-straight"), "--seeds", Long.toString(seeds + 2));
    assertThat(readCheckpoint(corpus).tally().digestSum()).isEqualTo(straight.digestSum());
  }

  @Test
  void resume_afterADeadline_needsANewBudgetAndThenContinues() {
    Path corpus = folder.resolve("timed-then-resumed");
    Cli.Result timed = detsim("fuzz", PASSING, "--time", "1s", "--corpus", corpus.toString());
    long firstSeeds = Long.parseLong(summary(timed).group(1));
    Cli.Result unbounded = detsim("fuzz", "--resume", "--corpus", corpus.toString());
    assertThat(unbounded.exit()).isEqualTo(2);
    assertThat(unbounded.errLines()).singleElement().asString().contains("give --time or --seeds");
    Cli.Result resumed = detsim("fuzz", "--resume", "--seeds", Long.toString(firstSeeds + 2), "--corpus",
        corpus.toString());
    assertThat(resumed.exit()).isZero();
    assertThat(resumed.outLines().get(0)).contains("resuming at seed " + firstSeeds);
    assertThat(summary(resumed).group(1)).isEqualTo(Long.toString(firstSeeds + 2));
  }

  @Test
  void resume_continuesFromTheCheckpoint() throws IOException {
    Path corpus = folder.resolve("resumed");
    assertThat(detsim("fuzz", PASSING, "--seeds", "2", "--corpus", corpus.toString()).exit()).isZero();
    Cli.Result resumed = detsim("fuzz", "--resume", "--seeds", "4", "--corpus", corpus.toString());
    assertThat(resumed.exit()).isZero();
    assertThat(resumed.outLines().get(0)).contains(PASSING).contains("resuming at seed 2");
    assertThat(summary(resumed).group(1)).isEqualTo("4");
    Tally straight = campaign(folder.resolve("straight"), "--seeds", "4");
    assertThat(readCheckpoint(corpus).tally().digestSum()).isEqualTo(straight.digestSum());
  }

  @Test
  void resume_refusesAFlagThatDisagreesWithTheCheckpoint() {
    Path corpus = folder.resolve("disagree");
    assertThat(detsim("fuzz", PASSING, "--seeds", "1", "--corpus", corpus.toString()).exit()).isZero();
    Cli.Result result = detsim("fuzz", "swarm", "--resume", "--corpus", corpus.toString());
    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.errLines()).singleElement().asString().contains("differs from the checkpoint");
  }

  @Test
  void resume_withoutACheckpoint_startsTheCampaign() throws IOException {
    Path corpus = folder.resolve("empty");
    Cli.Result result = detsim("fuzz", PASSING, "--seeds", "2", "--resume", "--corpus", corpus.toString());
    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.outLines().get(0)).startsWith("resume: no campaign.json in " + corpus);
    assertThat(readCheckpoint(corpus).tally().seeds()).isEqualTo(2);
  }

  @Test
  void newCampaign_inAFolderHoldingAnother_isRefusedNamingResume() throws IOException {
    Path corpus = folder.resolve("taken");
    assertThat(detsim("fuzz", PASSING, "--seeds", "1", "--corpus", corpus.toString()).exit()).isZero();
    String before = Files.readString(corpus.resolve(Checkpoint.FILE));
    Cli.Result second = detsim("fuzz", "swarm", "--seeds", "1", "--corpus", corpus.toString());
    assertThat(second.exit()).isEqualTo(2);
    assertThat(second.errLines()).singleElement().asString().contains(corpus.toString()).contains("--resume");
    assertThat(Files.readString(corpus.resolve(Checkpoint.FILE))).isEqualTo(before);
  }

  @Test
  void defaultFolder_aFinishedCampaignIsReplaced_soFuzzCanRunAgain() throws IOException {
    Path defaultFolder = Path.of("target", "detsim-failures");
    Files.deleteIfExists(defaultFolder.resolve(Checkpoint.FILE));
    assertThat(detsim("fuzz", PASSING, "--seeds", "1").exit()).isZero();
    Cli.Result again = detsim("fuzz", PASSING, "--seeds", "1");
    assertThat(again.exit()).isZero();
    assertThat(again.line("note: a new campaign in")).contains("ended by seeds").contains("failure files stay");
  }

  @Test
  void seeds_countPerShard() throws IOException {
    assertThat(campaign(folder.resolve("per-shard"), "--seeds", "2", "--shard", "1/3").seeds()).isEqualTo(2);
    assertThat(detsim("fuzz", "--help").out()).contains("with --shard, N seeds of this shard");
  }

  @Test
  void keepGoing_runsEverySeedAndSavesOneFailurePerKind() throws IOException {
    Path corpus = folder.resolve("keep-going");
    Cli.Result result = detsim("fuzz", "--mutant", "steal-single-items", "--start-seed", "78", "--seeds", "8",
        "--keep-going", "--shrink-attempts", "10", "--corpus", corpus.toString());
    assertThat(result.exit()).isEqualTo(1);
    assertThat(summary(result).group(1)).isEqualTo("8");
    long failures = Long.parseLong(summary(result).group(2));
    assertThat(failures).isGreaterThan(1);
    assertThat(result.line("failures by kind: ")).contains("SEQUENCE_VIOLATION=");
    List<String> replays = result.outLines().stream().filter(line -> line.startsWith("replay: ")).toList();
    assertThat(replays).hasSize(readCheckpoint(corpus).tally().failuresByKind().size()).hasSizeLessThan((int) failures);
  }

  @Test
  void exhaustive_printsTheCountOfCases() {
    Cli.Result result = detsim("fuzz", PASSING, "--exhaustive", "--seeds", "2", "--corpus",
        folder.resolve("exhaustive").toString());
    assertThat(result.exit()).isZero();
    assertThat(result.line("cases: ")).isEqualTo("cases: 2 (space not exhausted)");
    assertThat(summary(result).group(1)).isEqualTo("2");
  }

  private static Tally campaign(Path corpus, String... limits) throws IOException {
    String[] args = new String[4 + limits.length];
    args[0] = "fuzz";
    args[1] = PASSING;
    args[2] = "--corpus";
    args[3] = corpus.toString();
    System.arraycopy(limits, 0, args, 4, limits.length);
    assertThat(detsim(args).exit()).isZero();
    return readCheckpoint(corpus).tally();
  }

  private static Checkpoint readCheckpoint(Path corpus) throws IOException {
    return Checkpoint.parse(Files.readString(corpus.resolve(Checkpoint.SUMMARY_FILE), StandardCharsets.UTF_8));
  }

  private static Matcher summary(Cli.Result result) {
    Matcher matcher = SUMMARY.matcher(result.line("seeds: "));
    assertThat(matcher.matches()).as(result.line("seeds: ")).isTrue();
    return matcher;
  }

  private static String digestOf(String line) {
    return line.replaceAll(".*digest: (0x[0-9a-f]{16}).*", "$1");
  }

  private static String withoutFolder(String line, String name) {
    return line.replace(folder.resolve(name).toString(), "CORPUS");
  }
}
