package io.detsim.runtime;

/**
 * What a real disk did, for tests and reports.
 *
 * @param syncRequests calls of {@code DiskFile.sync}
 * @param forceRounds rounds of the sync thread; each forces every file that had a sync request
 * @param forces file forces (fdatasync calls): at most one per file per round
 * @param bytesWritten bytes handed to the OS by writes and appends
 */
public record RealDiskStats(long syncRequests, long forceRounds, long forces, long bytesWritten) {}
