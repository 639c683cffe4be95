package io.detsim.engine.log;

/**
 * What a log has done since it was recovered.
 *
 * @param records records appended
 * @param syncs group-commit rounds: each made every record appended before it durable
 * @param fileSyncs syncs issued to the disk by those rounds (one per file with new bytes)
 * @param compactions snapshots installed
 */
public record WalStats(long records, long syncs, long fileSyncs, long compactions) {}
