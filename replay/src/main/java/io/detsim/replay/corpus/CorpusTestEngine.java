package io.detsim.replay.corpus;

import io.detsim.properties.junit.DetsimTestEngine;
import io.detsim.replay.file.FailureFile;
import io.detsim.replay.file.ReplayOutcome;
import io.detsim.replay.file.Replayer;
import io.detsim.sim.fault.Durations;
import java.util.Optional;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;

/**
 * The regression corpus as tests (engine id {@code detsim-corpus}): every failure file in the corpus
 * folder is replayed against the real engine and must pass, so that every bug the fuzzer ever found
 * stays fixed. The engine mutants a file recorded are not switched in: the file keeps the input that
 * once exposed a bug, and the engine as it is must survive it.
 *
 * <p>The folder is {@code src/test/resources/detsim-corpus} under the working directory (the module's,
 * under Surefire), or the configuration parameter {@code detsim.corpus.dir}. When the corpus runs is
 * {@link CorpusDiscovery}'s business. A failing test reports the new violation and the command that
 * replays the file; a file that does not read fails with its one-line error.
 *
 * <p>A file of a nightly scenario (minutes a run, such as {@code sustained_10min}) replays only when
 * the configuration parameter {@value DetsimTestEngine#MODE_PARAMETER} (the property engine's: one
 * switch for both) is {@code nightly}, as nightly properties do; otherwise it is reported skipped, with that reason, so that it is seen and not forgotten, while
 * every {@code mvn verify} stays minutes long.
 */
public final class CorpusTestEngine implements TestEngine {
  /** The engine's id, as in {@code EngineTestKit.engine("detsim-corpus")} and {@code [engine:detsim-corpus]}. */
  public static final String ID = "detsim-corpus";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Optional<String> getGroupId() {
    return Optional.of("io.detsim");
  }

  @Override
  public Optional<String> getArtifactId() {
    return Optional.of("detsim-replay");
  }

  @Override
  public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
    EngineDescriptor engine = new EngineDescriptor(uniqueId, "detsim regression corpus");
    CorpusDiscovery.discover(request, engine);
    return engine;
  }

  @Override
  public void execute(ExecutionRequest request) {
    TestDescriptor engine = request.getRootTestDescriptor();
    EngineExecutionListener listener = request.getEngineExecutionListener();
    boolean nightlyMode = request.getConfigurationParameters().get(DetsimTestEngine.MODE_PARAMETER)
        .map("nightly"::equals).orElse(false);
    listener.executionStarted(engine);
    for (TestDescriptor container : engine.getChildren()) {
      listener.executionStarted(container);
      for (TestDescriptor child : container.getChildren()) {
        CorpusFileDescriptor test = (CorpusFileDescriptor) child;
        if (test.nightly() && !nightlyMode) {
          listener.executionSkipped(test, "nightly only: " + test.file().scenario() + " runs for minutes; replay it with -D"
              + DetsimTestEngine.MODE_PARAMETER + "=nightly or ./detsim replay " + test.path());
          continue;
        }
        listener.executionStarted(test);
        listener.executionFinished(test, run(test, listener));
      }
      listener.executionFinished(container, TestExecutionResult.successful());
    }
    listener.executionFinished(engine, TestExecutionResult.successful());
  }

  private static TestExecutionResult run(CorpusFileDescriptor test, EngineExecutionListener listener) {
    if (test.file() == null) {
      return TestExecutionResult.failed(new AssertionError(test.problem(), null));
    }
    ReplayOutcome outcome;
    try {
      outcome = Replayer.replayWithoutMutants(test.file(), test.catalogue(), null);
    } catch (RuntimeException broken) { // a scenario this build no longer has, a run past its time bound
      return TestExecutionResult.failed(new AssertionError(test.path() + ": " + broken.getMessage(), broken));
    }
    listener.reportingEntryPublished(test, ReportEntry.from("detsim.replay", outcome.summary()));
    if (outcome.now().passed()) {
      return TestExecutionResult.successful();
    }
    return TestExecutionResult.failed(new AssertionError(failureMessage(test, outcome), null));
  }

  /** What failed now, what was recorded, and the command that replays it. */
  static String failureMessage(CorpusFileDescriptor test, ReplayOutcome outcome) {
    FailureFile file = test.file();
    var violation = outcome.now().failure().orElseThrow();
    return String.format(java.util.Locale.ROOT,
        "%s: %s fails again: %s at %s: %s%n  recorded: %s at %s (mutants: %s)%n  digest now %s%n"
            + "  replay: ./detsim replay %s",
        test.path().getFileName(), file.scenario(), violation.kind(), Durations.format(violation.atNanos()),
        violation.message().strip().replace("\n", " | "), file.violation().kind(),
        Durations.format(file.violation().atNanos()), file.plantedBugs().isEmpty() ? "none"
            : String.join(", ", file.plantedBugs()),
        String.format(java.util.Locale.ROOT, "0x%016x", outcome.now().digest()), test.path());
  }
}
