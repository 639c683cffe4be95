package io.detsim.properties.junit;

import io.detsim.properties.core.Property;
import io.detsim.properties.core.PropertyResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Writes the failure file of a failed property, found with {@link java.util.ServiceLoader}: the
 * format lives in the replay module, which depends on this one, so this engine only asks whoever
 * is on the class path. A writer that does not know the property (its {@link Property#origin()})
 * returns empty, and the next one is asked.
 */
public interface FailureFileWriter {

  /**
   * What a writer left for one failure: the failure file, what it wrote beside it (a trace, a
   * timeline), and the command that replays the file, as the report shows them.
   *
   * @param alongside each file written beside the failure file, with a word for the report
   *     ({@code trace}, {@code timeline})
   */
  record Written(Path file, java.util.Map<String, Path> alongside, String replayCommand) {
    public Written {
      alongside = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(alongside));
    }
  }

  /**
   * Writes {@code failure} of {@code property} into {@code directory}.
   *
   * @return what was written, or empty when this writer does not know this kind of property
   * @throws IOException when the file cannot be written
   */
  Optional<Written> write(Property<?> property, PropertyResult.Failure<?> failure, Path directory) throws IOException;
}
