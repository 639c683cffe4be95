package io.detsim.replay.corpus;

import io.detsim.properties.scenario.ScenarioCatalogue;
import io.detsim.replay.file.FailureFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.Filter;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.ClasspathRootSelector;
import org.junit.platform.engine.discovery.PackageNameFilter;
import org.junit.platform.engine.discovery.PackageSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;

/**
 * Decides whether a discovery request asks for the corpus, and if so lists its failure files, sorted
 * by name, one test each.
 *
 * <p>The corpus is a folder, not classes, so it answers to the selectors that mean "this module's
 * tests": a classpath root (an IDE running a module, or any launcher asked for everything), a class
 * or package holding a {@link DetsimCorpus} class (how Maven Surefire asks: class by class), and its
 * own unique ids ({@code [engine:detsim-corpus]} or {@code .../[corpus:FOLDER]} for all,
 * {@code .../[file:NAME]} for one, how an IDE re-runs a test). However many selectors ask, the
 * corpus is listed once: the engine, one container for the folder, one test a file.
 */
final class CorpusDiscovery {
  /** The configuration parameter naming the corpus folder; relative paths start at the working directory. */
  static final String DIRECTORY_PARAMETER = "detsim.corpus.dir";
  /** Where a module keeps its corpus; the working directory is the module's under Surefire. */
  static final String DEFAULT_DIRECTORY = "src/test/resources/detsim-corpus";

  private CorpusDiscovery() {}

  static void discover(EngineDiscoveryRequest request, TestDescriptor engine) {
    // The scenarios the files name are the test class path's, found as every detsim tool finds them.
    ScenarioCatalogue catalogue = ScenarioCatalogue.load(Thread.currentThread().getContextClassLoader());
    Path directory = Path.of(request.getConfigurationParameters().get(DIRECTORY_PARAMETER).orElse(DEFAULT_DIRECTORY))
        .toAbsolutePath().normalize();
    Optional<Class<?>> corpusClass = selectedCorpusClass(request);
    boolean explicitly = corpusClass.isPresent();
    Set<String> onlyFiles = new TreeSet<>();
    for (UniqueIdSelector selector : request.getSelectorsByType(UniqueIdSelector.class)) {
      List<UniqueId.Segment> segments = selector.getUniqueId().getSegments();
      if (!selector.getUniqueId().hasPrefix(engine.getUniqueId())) {
        continue;
      }
      UniqueId.Segment last = segments.get(segments.size() - 1);
      if (last.getType().equals(CorpusFileDescriptor.SEGMENT)) {
        onlyFiles.add(last.getValue());
      } else {
        explicitly = true; // the engine, or its corpus container
      }
    }
    boolean all = explicitly || !request.getSelectorsByType(ClasspathRootSelector.class).isEmpty();
    if (!all && onlyFiles.isEmpty()) {
      return;
    }
    if (!Files.isDirectory(directory) && !explicitly && onlyFiles.isEmpty()) {
      return; // a module without a corpus, run as a whole
    }
    CorpusDescriptor container = new CorpusDescriptor(engine.getUniqueId(), directory, corpusClass);
    engine.addChild(container);
    if (!Files.isDirectory(directory)) {
      // Asked for by name, the corpus must exist: a mistyped folder must not pass as an empty corpus.
      container.addChild(CorpusFileDescriptor.missingFolder(container.getUniqueId(), directory));
      return;
    }
    Predicate<Path> wanted = all ? path -> true : path -> onlyFiles.contains(path.getFileName().toString());
    for (Path file : filesIn(directory)) {
      if (wanted.test(file)) {
        container.addChild(CorpusFileDescriptor.of(container.getUniqueId(), file, catalogue));
      }
    }
  }

  /** A {@link DetsimCorpus} class selected by class or by package, as Surefire and IDEs select. */
  private static Optional<Class<?>> selectedCorpusClass(EngineDiscoveryRequest request) {
    Predicate<String> classNames = Filter.composeFilters(request.getFiltersByType(ClassNameFilter.class)).toPredicate()
        .and(Filter.composeFilters(request.getFiltersByType(PackageNameFilter.class)).toPredicate());
    for (ClassSelector selector : request.getSelectorsByType(ClassSelector.class)) {
      if (classNames.test(selector.getClassName()) && isCorpusClass(selector)) {
        return Optional.of(selector.getJavaClass());
      }
    }
    for (PackageSelector selector : request.getSelectorsByType(PackageSelector.class)) {
      List<Class<?>> found = ReflectionSupport.findAllClassesInPackage(selector.getPackageName(),
          CorpusDiscovery::isCorpusClass, classNames);
      if (!found.isEmpty()) {
        return Optional.of(found.get(0));
      }
    }
    return Optional.empty();
  }

  private static boolean isCorpusClass(ClassSelector selector) {
    try {
      return isCorpusClass(selector.getJavaClass());
    } catch (RuntimeException notLoadable) { // Jupiter reports classes that do not load; not ours to fail
      return false;
    }
  }

  private static boolean isCorpusClass(Class<?> type) {
    return AnnotationSupport.isAnnotated(type, DetsimCorpus.class);
  }

  /** The failure files directly in {@code directory}, by name; none when it does not exist. */
  static List<Path> filesIn(Path directory) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(path -> path.getFileName().toString().endsWith(FailureFiles.EXTENSION))
          .filter(Files::isRegularFile).sorted().toList();
    } catch (IOException unreadable) {
      throw new UncheckedIOException(
          "cannot list the corpus " + directory + ": " + unreadable.getMessage(), unreadable);
    }
  }
}
