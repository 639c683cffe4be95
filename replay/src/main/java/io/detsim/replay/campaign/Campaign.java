package io.detsim.replay.campaign;

import io.detsim.properties.core.GenerationException;
import io.detsim.properties.scenario.RunSettings;
import io.detsim.properties.scenario.RunStoppedException;
import io.detsim.properties.scenario.ScenarioRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A fuzzing campaign: runs a scenario over a shard's seeds on {@code jobs} threads, one whole
 * single-threaded simulation per thread at a time, then shrinks and saves what failed.
 *
 * <p><b>Same result for any number of jobs.</b> Threads take ordinals in increasing order from one
 * counter. When a run fails and the campaign stops at its first failure, no thread takes an
 * ordinal past that one, but every earlier ordinal has been taken and runs to its end; so the
 * failure reported is the one with the lowest ordinal of the whole shard, whatever the timing. Counts
 * cover only the contiguous prefix of finished ordinals ({@link Tally}), so they too do not depend
 * on which thread was faster.
 *
 * <p><b>Checkpoints.</b> Every few seconds the tally is written atomically to {@code campaign.json}
 * in the corpus folder (write a temporary file, then rename it over the old one), so a killed
 * campaign resumes from its last checkpoint having lost at most a few seconds of work. A summary is
 * written to {@code summary.json} at the end.
 *
 * <p><b>Stopping.</b> A deadline or {@link #stop()} (a SIGTERM) cancels the runs in flight between
 * their events ({@link RunSettings#checkContinue}); a cancelled run is not counted, so the checkpoint
 * ends before the first cancelled ordinal and {@code --resume} runs it again. Threads are started
 * lazily: never more than the seeds left to run.
 *
 * <p>Wall-clock time is read here, and only here, for the deadline, the progress line and the
 * speedup figure; no simulation ever sees it.
 */
public final class Campaign {
  private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;
  private static final long CHECKPOINT_EVERY_NANOS = 5_000_000_000L;

  private final CampaignPlan plan;
  private final FailureWriter writer;
  private final CampaignListener listener;

  // The tally, changed only by the thread that called run().
  private long nextOrdinal;
  private long discarded;
  private long failures;
  private long simulatedNanos;
  private long digestSum;
  private final long priorWallNanos;
  private final TreeMap<String, Long> failuresByKind = new TreeMap<>();
  private final TreeMap<String, FoundFailure> firstFailures = new TreeMap<>();
  private final List<WrittenFailure> written = new ArrayList<>();
  private final PointCoverage points;
  /** Set by a deadline or {@link #stop()}: runs in flight stop at their next step. */
  private final AtomicBoolean cancel = new AtomicBoolean();
  private volatile boolean stopRequested;
  private boolean stoppedAtFailure;
  private long startedNanoTime;

  // Live figures for the progress line, changed by the worker threads.
  private final AtomicLong liveSeeds = new AtomicLong();
  private final AtomicLong liveFailures = new AtomicLong();
  private final AtomicLong liveSimulatedNanos = new AtomicLong();

  /** A campaign continuing from {@code resumed}; {@link Tally#empty()} for a new one. */
  public Campaign(CampaignPlan plan, Tally resumed, FailureWriter writer, CampaignListener listener) {
    this.plan = plan;
    this.writer = writer;
    this.listener = listener;
    points = new PointCoverage(plan.scenario().pointNotes());
    nextOrdinal = resumed.nextOrdinal();
    discarded = resumed.discarded();
    failures = resumed.failures();
    simulatedNanos = resumed.simulatedNanos();
    digestSum = resumed.digestSum();
    priorWallNanos = resumed.wallNanos();
    failuresByKind.putAll(resumed.failuresByKind());
    resumed.firstFailures().forEach(found -> firstFailures.put(found.kind(), found));
    written.addAll(resumed.written());
    stoppedAtFailure = !plan.keepGoing() && !firstFailures.isEmpty();
    liveSeeds.set(nextOrdinal);
    liveFailures.set(failures);
    liveSimulatedNanos.set(simulatedNanos);
  }

  /**
   * Runs the campaign to its seed limit, its first failure (unless it keeps going) or
   * {@code deadlineNanoTime} (a {@link System#nanoTime} value), whichever comes first; then shrinks
   * and saves the first failure of each kind not saved yet.
   *
   * @return the final checkpoint, also written as {@code summary.json}
   */
  public Checkpoint run(OptionalLong deadlineNanoTime) throws IOException {
    startedNanoTime = System.nanoTime();
    Files.createDirectories(plan.corpus());
    boolean timeUp = search(deadlineNanoTime);
    if (stopRequested) {
      return save(STOPPED); // no shrinking: --resume shrinks what was found
    }
    String stoppedBy = stoppedAtFailure ? "failure" : timeUp ? "time" : "seeds";
    save(Checkpoint.RUNNING);
    List<FoundFailure> toShrink = new ArrayList<>(firstFailures.values());
    toShrink.sort((a, b) -> Long.compare(a.ordinal(), b.ordinal()));
    for (FoundFailure found : toShrink) {
      if (written.stream().noneMatch(saved -> saved.kind().equals(found.kind()))) {
        listener.shrinking(found);
        TryInput input = TryInput.generate(plan.scenario(), found.seed());
        ShrunkFailure shrunk = FailureShrinker.shrink(plan.scenario(), plan.mutants(), found.seed(), input.choices(),
            found.kind(), plan.shrinkAttempts());
        Path file = writer.write(shrunk, plan.corpus());
        WrittenFailure saved = new WrittenFailure(found.kind(), found.seed(), file, shrunk.originalSize(),
            shrunk.shrunkSize());
        written.add(saved);
        listener.written(saved);
        save(Checkpoint.RUNNING);
      }
    }
    Checkpoint last = save(stoppedBy);
    writeAtomically(plan.corpus().resolve(Checkpoint.SUMMARY_FILE), last.toJson(/* forPeople= */ true));
    return last;
  }

  /**
   * Stops the campaign from another thread (a shutdown hook on SIGTERM): runs in flight are
   * cancelled, {@link #run} writes the checkpoint as {@value #STOPPED} and returns it, shrinking nothing.
   */
  public void stop() {
    stopRequested = true;
    cancel.set(true);
  }

  /**
   * The transition points this session's counted runs reached, and under which faults: read after
   * {@link #run} returns.
   */
  public PointCoverage pointCoverage() {
    return points;
  }

  /** Why a campaign ended when {@link #stop()} ended it. */
  public static final String STOPPED = "stopped";

  /** Runs seeds until the limit, a failure, or the deadline; true when the deadline stopped it. */
  private boolean search(OptionalLong deadlineNanoTime) throws IOException {
    long limit = stoppedAtFailure ? nextOrdinal : plan.seedLimit();
    AtomicLong next = new AtomicLong(nextOrdinal);
    AtomicLong stopBefore = new AtomicLong(limit);
    AtomicBoolean halt = new AtomicBoolean();
    AtomicReference<Throwable> broken = new AtomicReference<>();
    LinkedBlockingQueue<SeedOutcome> finished = new LinkedBlockingQueue<>();
    List<Thread> workers = new ArrayList<>();
    long threads = Math.min(plan.jobs(), Math.max(0, limit - nextOrdinal));
    for (int job = 0; job < threads; job++) {
      Thread worker = new Thread(() -> work(next, stopBefore, halt, broken, finished), "detsim-fuzz-" + job);
      worker.setDaemon(true); // a ^C must not wait for a simulation to finish
      worker.start();
      workers.add(worker);
    }
    TreeMap<Long, SeedOutcome> ahead = new TreeMap<>();
    long nextProgress = startedNanoTime + PROGRESS_EVERY_NANOS;
    long nextCheckpoint = startedNanoTime + CHECKPOINT_EVERY_NANOS;
    boolean timeUp = false;
    try {
      while (workers.stream().anyMatch(Thread::isAlive)) {
        SeedOutcome outcome = finished.poll(100, TimeUnit.MILLISECONDS);
        if (outcome != null) {
          ahead.put(outcome.ordinal(), outcome);
        }
        absorb(ahead, finished);
        long now = System.nanoTime();
        if (deadlineNanoTime.isPresent() && now - deadlineNanoTime.getAsLong() >= 0 && !timeUp) {
          halt.set(true);
          cancel.set(true);
          timeUp = true;
        }
        if (stopRequested) {
          halt.set(true);
        }
        if (now - nextProgress >= 0) {
          listener.progress(progress());
          nextProgress = now + PROGRESS_EVERY_NANOS;
        }
        if (now - nextCheckpoint >= 0) {
          save(Checkpoint.RUNNING);
          nextCheckpoint = now + CHECKPOINT_EVERY_NANOS;
        }
      }
      for (Thread worker : workers) {
        worker.join();
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while fuzzing", interrupted);
    } finally {
      halt.set(true); // on any way out, no worker starts another seed
    }
    absorb(ahead, finished);
    if (broken.get() != null) {
      throw new IllegalStateException("a fuzzing thread failed: " + broken.get(), broken.get());
    }
    return (timeUp || stopRequested) && !stoppedAtFailure && nextOrdinal < plan.seedLimit();
  }

  private void work(AtomicLong next, AtomicLong stopBefore, AtomicBoolean halt, AtomicReference<Throwable> broken,
      LinkedBlockingQueue<SeedOutcome> finished) {
    while (!halt.get()) {
      long ordinal = next.getAndIncrement();
      if (ordinal >= stopBefore.get()) {
        return;
      }
      SeedOutcome outcome;
      try {
        outcome = runSeed(ordinal);
      } catch (RunStoppedException cancelled) { // not counted: the checkpoint ends before it
        return;
      } catch (Throwable unexpected) { // an Error: stop everything and report it
        broken.compareAndSet(null, unexpected);
        halt.set(true);
        return;
      }
      liveSeeds.incrementAndGet();
      liveSimulatedNanos.addAndGet(outcome.simulatedNanos());
      if (outcome.failed()) {
        liveFailures.incrementAndGet();
        if (!plan.keepGoing()) {
          stopBefore.accumulateAndGet(ordinal + 1, Math::min);
        }
      }
      finished.add(outcome);
    }
  }

  /** One seed, judged as the scenario's property judges it: an exception is a failure named by its class. */
  private SeedOutcome runSeed(long ordinal) {
    long seed = plan.seedOf(ordinal);
    TryInput input;
    try {
      input = TryInput.generate(plan.scenario(), seed);
    } catch (GenerationException cannotGenerate) {
      return new SeedOutcome(ordinal, seed, Optional.empty(), true, 0, 0, List.of());
    }
    try {
      ScenarioRun result = input.run(RunSettings.plain().withPlantedBugs(plan.mutants()).withCancellation(cancel::get));
      return new SeedOutcome(ordinal, seed, result.failure().map(ScenarioRun.Failure::kind), false,
          result.simulatedNanos(), result.digest(), result.labels());
    } catch (RunStoppedException stopped) {
      if (stopped.reason() == RunStoppedException.Reason.CANCELLED) {
        throw stopped;
      }
      return new SeedOutcome(ordinal, seed, Optional.of(stopped.getClass().getName()), false, 0, 0, List.of());
    } catch (RuntimeException | AssertionError thrown) {
      return new SeedOutcome(ordinal, seed, Optional.of(thrown.getClass().getName()), false, 0, 0, List.of());
    }
  }

  /** Counts the finished ordinals that continue the prefix; the rest wait in {@code ahead}. */
  private void absorb(TreeMap<Long, SeedOutcome> ahead, LinkedBlockingQueue<SeedOutcome> finished) {
    List<SeedOutcome> more = new ArrayList<>();
    finished.drainTo(more);
    more.forEach(outcome -> ahead.put(outcome.ordinal(), outcome));
    while (!stoppedAtFailure && !ahead.isEmpty() && ahead.firstKey() == nextOrdinal) {
      SeedOutcome outcome = ahead.pollFirstEntry().getValue();
      nextOrdinal++;
      simulatedNanos += outcome.simulatedNanos();
      digestSum += outcome.digest();
      if (!outcome.discarded()) {
        points.add(outcome.labels());
      }
      if (outcome.discarded()) {
        discarded++;
      }
      if (outcome.failed()) {
        String kind = outcome.failureKind().get();
        failures++;
        failuresByKind.merge(kind, 1L, Long::sum);
        firstFailures.putIfAbsent(kind, new FoundFailure(kind, outcome.ordinal(), outcome.seed()));
        stoppedAtFailure = !plan.keepGoing();
      }
    }
  }

  private Progress progress() {
    return new Progress(liveSeeds.get(), liveFailures.get(), liveSimulatedNanos.get());
  }

  private Tally tally() {
    List<FoundFailure> first = new ArrayList<>(firstFailures.values());
    first.sort((a, b) -> Long.compare(a.ordinal(), b.ordinal()));
    return new Tally(nextOrdinal, discarded, failures, simulatedNanos, digestSum,
        priorWallNanos + (System.nanoTime() - startedNanoTime), failuresByKind, first, written);
  }

  private Checkpoint save(String stoppedBy) throws IOException {
    List<String> mutants = new ArrayList<>(plan.mutants());
    Checkpoint checkpoint = new Checkpoint(plan.scenario().name(), mutants, plan.startSeed(), plan.shard(),
        plan.seedLimit(), plan.keepGoing(), tally(), stoppedBy);
    writeAtomically(plan.corpus().resolve(Checkpoint.FILE), checkpoint.toJson(/* forPeople= */ false));
    return checkpoint;
  }

  /** Writes beside the target, then renames over it: a reader sees the old file or the new one, never half of one. */
  static void writeAtomically(Path target, String text) throws IOException {
    Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
    Files.writeString(temporary, text, StandardCharsets.UTF_8);
    try {
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (java.nio.file.AtomicMoveNotSupportedException notOnThisFileSystem) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
