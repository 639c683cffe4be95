package io.detsim.sim;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A module's public surface: the public types, top-level and nested, of its own main classes, by
 * name and sorted. Each module pins its surface in a {@code PublicSurfaceTest} against a list kept
 * beside the test ({@code public-surface.txt}), so that a type made public by accident fails the
 * build; a type made public on purpose is added to the list in the same change, where a reviewer
 * sees it.
 */
public final class PublicSurface {
  private PublicSurface() {}

  /**
   * The public types under {@code rootPackage} whose class files are in the module folder
   * {@code module} (its {@code target/classes}, found from the test's working folder, its own
   * module's): other modules' classes on the class path are not this module's surface.
   */
  public static List<String> of(String module, String rootPackage) {
    // The tests run in their module's folder; the module's classes are in its target/classes.
    Path classes = Path.of("..", module, "target", "classes").toAbsolutePath().normalize();
    if (!Files.isDirectory(classes)) {
      throw new IllegalStateException("no compiled classes of module " + module + " at " + classes);
    }
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
        String binaryName = classes.relativize(file).toString().replace(File.separatorChar, '.')
            .replaceAll("\\.class$", "");
        Class<?> type = load(binaryName);
        if (type.getPackageName().startsWith(rootPackage) && isPublic(type) && !type.isAnonymousClass()
            && !binaryName.endsWith("package-info")) {
          names.add(type.getName().replace('$', '.'));
        }
      }
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
    names.sort(null);
    return names;
  }

  private static Class<?> load(String binaryName) {
    try {
      return Class.forName(binaryName, /* initialize= */ false, PublicSurface.class.getClassLoader());
    } catch (ClassNotFoundException notOnTheClassPath) {
      throw new IllegalStateException("compiled but not on the test class path: " + binaryName, notOnTheClassPath);
    }
  }

  /** Public, and every enclosing type public too: what a user can name. */
  private static boolean isPublic(Class<?> type) {
    for (Class<?> at = type; at != null; at = at.getEnclosingClass()) {
      if (!Modifier.isPublic(at.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Asserts that the public types of {@code module} under {@code rootPackage} are exactly those
   * listed in {@code listName} beside {@code test}; on a difference, prints the actual list.
   */
  public static void assertPinned(String module, String rootPackage, Class<?> test, String listName) {
    List<String> actual = of(module, rootPackage);
    List<String> pinned = pinned(test, listName);
    if (!actual.equals(pinned)) {
      List<String> added = new ArrayList<>(actual);
      added.removeAll(pinned);
      List<String> removed = new ArrayList<>(pinned);
      removed.removeAll(actual);
      throw new AssertionError(String.format("public types of %s differ from %s beside %s: made public %s, no"
          + " longer public %s; if that is intended, the list is:%n%s", module, listName, test.getSimpleName(), added,
          removed, String.join("\n", actual)));
    }
  }

  /** The pinned list: one type a line, {@code #} comments and blank lines ignored. */
  public static List<String> pinned(Class<?> test) {
    return pinned(test, "public-surface.txt");
  }

  /** The pinned list in the resource {@code name} beside {@code test}. */
  public static List<String> pinned(Class<?> test, String name) {
    try (InputStream in = test.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no " + name + " beside " + test.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }
}
