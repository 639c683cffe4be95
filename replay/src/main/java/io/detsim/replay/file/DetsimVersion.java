package io.detsim.replay.file;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of detsim that is running, written into every failure file so that a file that no
 * longer replays can be traced to the code that wrote it.
 *
 * <p>Read from {@code version.properties} beside this class, which the build fills in from the
 * project's version, so a jar, a shaded jar and a build's class folders all say the same; a class
 * path without it (copied classes, say) says {@code dev}.
 */
public final class DetsimVersion {
  private static final String VERSION_PROPERTIES = "version.properties";

  private DetsimVersion() {}

  /** The running version, such as {@code 0.1.0-SNAPSHOT}, or {@code dev}. */
  public static String current() {
    try (InputStream in = DetsimVersion.class.getResourceAsStream(VERSION_PROPERTIES)) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        String version = properties.getProperty("version");
        if (version != null && !version.isBlank() && !version.startsWith("${")) {
          return version.trim();
        }
      }
    } catch (IOException unreadable) {
      // A damaged jar entry is no reason to refuse to write a failure file: fall through to "dev".
    }
    return "dev";
  }
}
