package io.detsim.runtime;

import java.io.IOException;
import java.nio.channels.FileChannel;

/** How a file's writes are forced to the device; a seam for tests that must hold a force open. */
@FunctionalInterface
interface Forcer {
  Forcer FDATASYNC = channel -> channel.force(/* metaData= */ false);

  void force(FileChannel channel) throws IOException;
}
