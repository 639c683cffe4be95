package io.detsim.properties.junit;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.platform.engine.CancellationToken;
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
 * detsim's JUnit Platform engine (id {@code detsim}): runs {@link SimProperty} methods, one test
 * each, beside Jupiter's tests in Maven Surefire and in IDEs. Discovery, configuration, the run of
 * a property and its report live in their own classes; this one walks the tree and tells the
 * listener.
 *
 * <p>A failed property finishes with an {@link AssertionError} whose message is its report, and
 * whose stack trace is the property method, so an IDE links the failure to its declaration.
 * Results, coverage and warnings are published as report entries; a passing property's summary
 * (with its warnings and coverage) is printed too, since not every runner shows report entries, and
 * a failing property's report is its failure message.
 */
public final class DetsimTestEngine implements TestEngine {
  /** The engine's id, as in {@code EngineTestKit.engine("detsim")} and unique ids {@code [engine:detsim]}. */
  public static final String ID = "detsim";
  /**
   * The configuration parameter that chooses how properties run: {@code random} (the default),
   * {@code nightly} or {@code exhaustive}. The corpus engine reads it too: a failure file of a
   * nightly scenario replays only in nightly mode.
   */
  public static final String MODE_PARAMETER = "detsim.mode";

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
    return Optional.of("detsim-properties");
  }

  @Override
  public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
    EngineDescriptor engine = new EngineDescriptor(uniqueId, "detsim @SimProperty");
    PropertyDiscovery.discover(request, engine);
    return engine;
  }

  @Override
  public void execute(ExecutionRequest request) {
    TestDescriptor engine = request.getRootTestDescriptor();
    EngineExecutionListener listener = request.getEngineExecutionListener();
    BooleanSupplier cancelled = Cancellation.of(request);
    listener.executionStarted(engine);
    Function<PropertyMethodDescriptor, TestExecutionResult> runner = runnerFor(request);
    for (TestDescriptor container : engine.getChildren()) {
      listener.executionStarted(container);
      for (TestDescriptor test : container.getChildren()) {
        if (cancelled.getAsBoolean()) {
          listener.executionSkipped(test, "the run was cancelled");
        } else if (nightlyOnly(test) && !nightly(request)) {
          listener.executionSkipped(test, "nightly only: run it with -Ddetsim.mode=nightly");
        } else {
          listener.executionStarted(test);
          listener.executionFinished(test, runner.apply((PropertyMethodDescriptor) test));
        }
      }
      listener.executionFinished(container, TestExecutionResult.successful());
    }
    listener.executionFinished(engine, TestExecutionResult.successful());
  }

  /**
   * Whether the launcher asked to cancel the run. Cancellation came with JUnit Platform 6.0; on
   * 1.10 to 1.14 (JUnit 5.10 to 5.14, as Spring Boot 3 projects import them) a run is never
   * cancelled. The 6.0 types are touched only inside {@link Platform6}, so that this class loads
   * on the older platforms.
   */
  private static final class Cancellation {
    private Cancellation() {}

    static BooleanSupplier of(ExecutionRequest request) {
      try {
        return Platform6.cancellation(request);
      } catch (NoSuchMethodError | NoClassDefFoundError olderPlatform) {
        return () -> false;
      }
    }
  }

  private static final class Platform6 {
    private Platform6() {}

    static BooleanSupplier cancellation(ExecutionRequest request) {
      CancellationToken token = request.getCancellationToken();
      return token::isCancellationRequested;
    }
  }

  private static boolean nightlyOnly(TestDescriptor test) {
    SimProperty annotation = ((PropertyMethodDescriptor) test).annotation();
    return annotation != null && annotation.nightlyOnly();
  }

  /** Malformed settings are not nightly here; running the test then reports them. */
  private static boolean nightly(ExecutionRequest request) {
    try {
      return Settings.from(request.getConfigurationParameters()).isNightly();
    } catch (IllegalArgumentException invalid) {
      return false;
    }
  }

  /** Runs one test; with malformed configuration parameters, fails each with the problem. */
  private static Function<PropertyMethodDescriptor, TestExecutionResult> runnerFor(ExecutionRequest request) {
    PropertyExecution execution;
    try {
      execution = new PropertyExecution(Settings.from(request.getConfigurationParameters()),
          (int) request.getRootTestDescriptor().getDescendants().stream().filter(TestDescriptor::isTest).count());
    } catch (IllegalArgumentException invalid) {
      return test -> TestExecutionResult.failed(invalid);
    }
    return test -> run(execution, test, request.getEngineExecutionListener());
  }

  private static TestExecutionResult run(
      PropertyExecution execution, PropertyMethodDescriptor test, EngineExecutionListener listener) {
    PropertyExecution.Outcome outcome;
    try {
      outcome = execution.execute(test);
    } catch (OutOfMemoryError fatal) {
      throw fatal;
    } catch (Throwable thrown) { // the property method may throw anything, checked exceptions too
      if (test.problem().isPresent()) {
        thrown.setStackTrace(locationOf(test));
      }
      return TestExecutionResult.failed(thrown);
    }
    for (String warning : outcome.warnings()) {
      listener.reportingEntryPublished(test, ReportEntry.from("detsim.warning", warning));
    }
    listener.reportingEntryPublished(test, ReportEntry.from(outcome.entries()));
    if (outcome.passed()) {
      System.out.println(outcome.report());
      return TestExecutionResult.successful();
    }
    AssertionError failure = new AssertionError(outcome.report());
    failure.setStackTrace(locationOf(test));
    return TestExecutionResult.failed(failure);
  }

  /** A stack trace of one frame, the property method: where a person goes to fix it. */
  private static StackTraceElement[] locationOf(PropertyMethodDescriptor test) {
    Class<?> declaring = test.method().getDeclaringClass();
    Class<?> outermost = declaring;
    while (outermost.getEnclosingClass() != null) {
      outermost = outermost.getEnclosingClass();
    }
    return new StackTraceElement[] {new StackTraceElement(
        declaring.getName(), test.method().getName(), outermost.getSimpleName() + ".java", -1)};
  }
}
