package io.detsim.sim;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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
   * {@code module} (its {@code target/classes}): other modules' classes on the class path are not
   * this module's surface.
   */
  public static List<String> of(String module, String rootPackage) {
    String marker = "/" + module + "/target/"; // its classes folder, or its jar in a reactor build
    List<String> names = new ArrayList<>();
    for (JavaClass type : new ClassFileImporter()
        .withImportOption(location -> location.contains(marker))
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(rootPackage)) {
      if (isPublic(type) && !type.getSimpleName().equals("package-info") && !type.isAnonymousClass()) {
        names.add(type.getName().replace('$', '.'));
      }
    }
    names.sort(null);
    return names;
  }

  /** Public, and every enclosing type public too: what a user can name. */
  private static boolean isPublic(JavaClass type) {
    for (JavaClass at = type; at != null; at = at.getEnclosingClass().orElse(null)) {
      if (!at.getModifiers().contains(JavaModifier.PUBLIC)) {
        return false;
      }
    }
    return true;
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
