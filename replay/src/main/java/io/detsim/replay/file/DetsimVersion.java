package io.detsim.replay.file;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of detsim that is running, written into every failure file so that a file that no
 * longer replays can be traced to the code that wrote it.
 *
 * <p>Read from the jar manifest's {@code Implementation-Version}, else from the {@code pom.properties}
 * that Maven packs into every jar (the shaded {@code detsim.jar} keeps it); running from a build's
 * class folders (tests, an IDE) has neither, and says {@code dev}.
 */
public final class DetsimVersion {
  private static final String POM_PROPERTIES = "/META-INF/maven/io.detsim/replay/pom.properties";

  private DetsimVersion() {}

  /** The running version, such as {@code 0.1.0-SNAPSHOT}, or {@code dev}. */
  public static String current() {
    String manifest = DetsimVersion.class.getPackage().getImplementationVersion();
    if (manifest != null && !manifest.isBlank()) {
      return manifest.trim();
    }
    try (InputStream in = DetsimVersion.class.getResourceAsStream(POM_PROPERTIES)) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        String version = properties.getProperty("version");
        if (version != null && !version.isBlank()) {
          return version.trim();
        }
      }
    } catch (IOException unreadable) {
      // A damaged jar entry is no reason to refuse to write a failure file: fall through to "dev".
    }
    return "dev";
  }
}
