package io.detsim.replay.campaign;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Saves a shrunk failure in the corpus folder and says where. The campaign decides what to save and
 * when; the file format is the failure-file package's.
 */
@FunctionalInterface
public interface FailureWriter {
  Path write(ShrunkFailure failure, Path corpus) throws IOException;
}
