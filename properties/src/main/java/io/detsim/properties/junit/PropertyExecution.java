package io.detsim.properties.junit;

import io.detsim.properties.core.ChoiceSequence;
import io.detsim.properties.core.GenerationException;
import io.detsim.properties.core.Property;
import io.detsim.properties.core.PropertyResult;
import io.detsim.properties.core.PropertyRunner;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Runs one {@link SimProperty} method: gets its property, then either replays the one input of
 * {@code detsim.replay}, or replays the property's stored failures and, if they all pass, runs its
 * random tries (or exhaustive enumeration); a new failure is stored for the next run.
 *
 * <p>Stored failures go first because a bug found once should be the first thing checked after a
 * fix, and cheaply: one input each, no waiting for the random tries to find it again. A stored
 * failure that fails again is shrunk again (the code may have changed) and reported in place of
 * the random run.
 */
final class PropertyExecution {
  private final Settings settings;
  private final FailureDatabase database;
  private final int selectedProperties;

  /**
   * What a property's run came to.
   *
   * @param report the text for a person: the failure's message, or the passing run's summary
   * @param entries key-value pairs for the listener's report entries
   */
  record Outcome(boolean passed, String report, Map<String, String> entries, List<String> warnings) {}

  PropertyExecution(Settings settings, int selectedProperties) {
    this.settings = settings;
    this.database = new FailureDatabase(settings.database());
    this.selectedProperties = selectedProperties;
  }

  /**
   * Runs the property of {@code test}.
   *
   * @throws IllegalStateException if the method cannot run, with the problem found at discovery
   * @throws RuntimeException or an error that the method itself threw while making its property
   */
  Outcome execute(PropertyMethodDescriptor test) {
    if (test.problem().isPresent()) {
      throw new IllegalStateException(test.problem().get());
    }
    if (settings.replay().isPresent() && selectedProperties != 1) {
      throw new IllegalStateException(Settings.REPLAY + " replays one input of one property, but " + selectedProperties
          + " properties are selected: select one, as in -Dtest=" + test.testName());
    }
    Settings.Plan plan = settings.plan(test.annotation());
    return run(test, plan, propertyOf(test));
  }

  private <T> Outcome run(PropertyMethodDescriptor test, Settings.Plan plan, Property<T> property) {
    PropertyRunner runner = new PropertyRunner(plan.config());
    PropertyReport report = new PropertyReport(test.testName(), plan);
    if (settings.replay().isPresent()) {
      PropertyResult<T> result = runner.replay(property, settings.replay().get());
      return outcome(report, property, result, PropertyReport.Origin.REPLAY, "");
    }
    String key = test.databaseKey();
    String file = database.fileOf(key).map(Path::toString).orElse("");
    FailureDatabase.Stored stored = database.load(key);
    stored.warnings().forEach(report::warn);
    int passing = 0;
    for (ChoiceSequence sequence : stored.sequences()) {
      PropertyResult<T> result;
      try {
        result = runner.shrink(property, sequence);
      } catch (GenerationException cannotGenerate) {
        report.warn("detsim: stored failure '" + sequence.toText() + "' of " + file
            + " no longer generates an input, skipped: " + cannotGenerate.getMessage());
        continue;
      }
      if (!result.passed()) {
        store(report, key, result);
        return outcome(report, property, result, PropertyReport.Origin.STORED, file);
      }
      passing++;
    }
    if (passing > 0) {
      report.databaseNote(String.format("%d stored %s replayed from %s: %s now (kept)", passing,
          passing == 1 ? "failure" : "failures", file, passing == 1 ? "it passes" : "they pass"));
    }
    if (plan.tries() == 0 && plan.mode() != Settings.Mode.EXHAUSTIVE) {
      return new Outcome(true, report.passed(property.name(), null, PropertyReport.Origin.STORED),
          report.entries(property.name(), null),
          report.warnings());
    }
    PropertyResult<T> result = runner.run(property);
    if (!result.passed()) {
      store(report, key, result);
    }
    return outcome(report, property, result, PropertyReport.Origin.RUN, file);
  }

  private <T> Outcome outcome(PropertyReport report, Property<T> property, PropertyResult<T> result,
      PropertyReport.Origin origin, String file) {
    if (!result.passed()) {
      writeFailureFile(report, property, result.failure().orElseThrow());
    }
    String text = result.passed() ? report.passed(property.name(), result, origin)
        : report.failed(result, origin, file);
    return new Outcome(result.passed(), text, report.entries(property.name(), result), report.warnings());
  }

  /** Asks each {@link FailureFileWriter} on the class path, in order, until one writes the file. */
  private void writeFailureFile(PropertyReport report, Property<?> property, PropertyResult.Failure<?> failure) {
    for (FailureFileWriter writer : ServiceLoader.load(FailureFileWriter.class, getClass().getClassLoader())) {
      try {
        Optional<FailureFileWriter.Written> written = writer.write(property, failure, settings.failuresDirectory());
        if (written.isPresent()) {
          report.failureFile(written.get());
          return;
        }
      } catch (IOException | RuntimeException cannotWrite) {
        report.warn("detsim: cannot write the failure file into " + settings.failuresDirectory() + ": " + cannotWrite);
        return;
      }
    }
  }

  private void store(PropertyReport report, String key, PropertyResult<?> result) {
    ChoiceSequence shrunk = result.failure().orElseThrow().shrunk();
    if (!database.isEnabled()) {
      report.databaseNote("off (" + Settings.DATABASE + "=" + Settings.DATABASE_OFF + ", or CI=true): not stored");
      return;
    }
    String file = database.fileOf(key).map(Path::toString).orElse("");
    try {
      report.databaseNote((database.store(key, shrunk) ? "stored in " : "already in ") + file
          + ", replayed first on the next run");
    } catch (IOException | RuntimeException cannotWrite) {
      report.warn("detsim: cannot store the failure in " + file + ": " + cannotWrite);
    }
  }

  /** Creates the class (for an instance method) and calls the method. */
  private static Property<?> propertyOf(PropertyMethodDescriptor test) {
    Method method = test.method();
    Object instance = Modifier.isStatic(method.getModifiers()) ? null : ReflectionSupport.newInstance(test.testClass());
    Object property = ReflectionSupport.invokeMethod(method, instance);
    if (property == null) {
      throw new IllegalStateException("@SimProperty method " + test.databaseKey() + " returned null instead of a Property");
    }
    return (Property<?>) property;
  }
}
