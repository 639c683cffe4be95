package io.detsim.replay.corpus;

import io.detsim.properties.scenario.BadTextException;
import io.detsim.properties.scenario.Scenario;
import io.detsim.properties.scenario.ScenarioCatalogue;
import io.detsim.replay.file.FailureFile;
import io.detsim.replay.file.FailureFiles;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;

/**
 * One failure file of the corpus, as one test. The file is read at discovery, so that the test's
 * name can say what it guards against; a file that does not read is kept, with its error, and fails
 * when run: a damaged regression test must not silently disappear.
 */
final class CorpusFileDescriptor extends AbstractTestDescriptor {
  static final String SEGMENT = "file";

  private final Path path;
  private final FailureFile file;
  private final ScenarioCatalogue catalogue;
  private final String problem;

  private CorpusFileDescriptor(UniqueId parent, Path path, String displayName, FailureFile file,
      ScenarioCatalogue catalogue, String problem, int problemLine) {
    super(parent.append(SEGMENT, path.getFileName().toString()), displayName,
        problemLine > 0 ? FileSource.from(path.toFile(), FilePosition.from(problemLine))
            : FileSource.from(path.toFile()));
    this.path = path;
    this.file = file;
    this.catalogue = catalogue;
    this.problem = problem;
  }

  /** Reads {@code path}; a file that does not read becomes a test that fails with the reason. */
  static CorpusFileDescriptor of(UniqueId parent, Path path, ScenarioCatalogue catalogue) {
    String name = path.getFileName().toString();
    try {
      FailureFile file = FailureFiles.read(path, catalogue);
      // swarm: once SEQUENCE_VIOLATION (steal-single-items.detsim)
      String displayName = file.scenario() + ": once " + file.violation().kind() + " (" + name + ")";
      return new CorpusFileDescriptor(parent, path, displayName, file, catalogue, null, 0);
    } catch (BadTextException bad) {
      return new CorpusFileDescriptor(parent, path, "unreadable failure file (" + name + ")", null, null, bad.getMessage(),
          bad.line());
    } catch (UncheckedIOException unreadable) {
      return new CorpusFileDescriptor(parent, path, "unreadable failure file (" + name + ")", null, null,
          unreadable.getMessage(), 0);
    }
  }

  /** A test standing for a corpus folder that is not there: it fails, naming the folder. */
  static CorpusFileDescriptor missingFolder(UniqueId parent, Path directory) {
    return new CorpusFileDescriptor(parent, directory, "missing corpus folder (" + directory.getFileName() + ")", null, null,
        "no corpus folder at " + directory + " (set the configuration parameter "
            + CorpusDiscovery.DIRECTORY_PARAMETER + ")", 0);
  }

  Path path() {
    return path;
  }

  /** The scenarios the file was read against, to replay it with. */
  ScenarioCatalogue catalogue() {
    return catalogue;
  }

  /** The file as read; null when it did not read ({@link #problem} says why). */
  FailureFile file() {
    return file;
  }

  /** True when the file's scenario is a nightly one (minutes a run): it replays only in nightly mode. */
  boolean nightly() {
    return file != null && catalogue.named(file.scenario()).map(Scenario::nightly).orElse(false);
  }

  /** Why the file did not read, one line ({@code <file>:<line>[:<column>]: <problem>}); null when it did. */
  String problem() {
    return problem;
  }

  @Override
  public Type getType() {
    return Type.TEST;
  }
}
