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
   * Writes {@code failure} of {@code property} into {@code directory}.
   *
   * @return the file written, or empty when this writer does not know this kind of property
   * @throws IOException when the file cannot be written
   */
  Optional<Path> write(Property<?> property, PropertyResult.Failure<?> failure, Path directory) throws IOException;

  /** The command that replays a file this writer wrote, shown in the report. */
  String replayCommand(Path file);
}
