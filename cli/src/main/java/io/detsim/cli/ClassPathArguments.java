package io.detsim.cli;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The leading {@code --class-path PATH} of a command line, split from the command that follows:
 * the project whose scenarios detsim runs, its classes and dependencies, as {@code java -cp} takes
 * them. It comes first because the scenarios it brings decide what the command's arguments mean.
 */
record ClassPathArguments(Optional<String> classPath, String[] rest) {

  static ClassPathArguments split(String[] args) {
    if (args.length == 0 || !(args[0].equals("--class-path") || args[0].startsWith("--class-path="))) {
      return new ClassPathArguments(Optional.empty(), args);
    }
    if (args[0].startsWith("--class-path=")) {
      return new ClassPathArguments(Optional.of(args[0].substring("--class-path=".length())),
          Arrays.copyOfRange(args, 1, args.length));
    }
    if (args.length < 2) {
      throw new IllegalArgumentException("--class-path needs a value: the project's classes and jars, separated by '"
          + File.pathSeparator + "'");
    }
    return new ClassPathArguments(Optional.of(args[1]), Arrays.copyOfRange(args, 2, args.length));
  }

  /**
   * A loader over the extra class path, with {@code parent} first; {@code parent} itself when there
   * is none. {@code @FILE} reads the class path from a file, as a failed {@code @SimProperty} writes
   * it beside its failure file.
   */
  ClassLoader loader(ClassLoader parent) {
    if (classPath.isEmpty()) {
      return parent;
    }
    List<URL> urls = new ArrayList<>();
    for (String entry : entries(classPath.get())) {
      if (entry.isBlank()) {
        continue;
      }
      Path path = Path.of(entry);
      if (!Files.exists(path)) {
        throw new UsageException("--class-path: no such file or folder: " + entry);
      }
      try {
        urls.add(path.toUri().toURL());
      } catch (MalformedURLException bad) {
        throw new UsageException("--class-path: not a path: " + entry);
      }
    }
    return new URLClassLoader(urls.toArray(URL[]::new), parent);
  }

  private static String[] entries(String classPath) {
    if (!classPath.startsWith("@")) {
      return classPath.split(File.pathSeparator, -1);
    }
    Path file = Path.of(classPath.substring(1));
    try {
      return Files.readString(file, java.nio.charset.StandardCharsets.UTF_8).strip().split(File.pathSeparator, -1);
    } catch (java.io.IOException unreadable) {
      throw new UsageException("--class-path: cannot read " + file + ": " + unreadable.getMessage());
    }
  }
}
