package io.detsim.replay.corpus;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.DirectorySource;

/**
 * The corpus folder, as the container of its files' tests. Its source is the {@link DetsimCorpus}
 * class that asked for it, when one did: Maven Surefire counts and reports tests by the class of
 * their container, and would drop tests that have none; its name is then the class's, which is how
 * Surefire's XML reports name the tests' class. Otherwise it is the folder.
 */
final class CorpusDescriptor extends AbstractTestDescriptor {
  static final String SEGMENT = "corpus";

  CorpusDescriptor(UniqueId engine, Path directory, Optional<Class<?>> corpusClass) {
    super(engine.append(SEGMENT, directory.getFileName().toString()),
        corpusClass.map(Class::getName).orElse("detsim corpus " + directory), source(directory, corpusClass));
  }

  private static TestSource source(Path directory, Optional<Class<?>> corpusClass) {
    return corpusClass.<TestSource>map(ClassSource::from).orElseGet(() -> DirectorySource.from(directory.toFile()));
  }

  @Override
  public Type getType() {
    return Type.CONTAINER;
  }
}
