package io.detsim.sim.disk;

/**
 * What a simulated disk has done so far, for tests and run summaries.
 *
 * @param bytesWritten bytes passed to write and append, synced or not
 * @param syncs syncs that completed (their callback ran or was due)
 * @param crashes crashes of the node that owns the disk
 * @param tornWrites crashes that left a torn prefix of a write behind, counted per file
 * @param corruptions bit flips injected by {@link SimDisk#corrupt}
 */
public record DiskStats(long bytesWritten, long syncs, long crashes, long tornWrites, long corruptions) {}
