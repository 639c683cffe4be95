package io.detsim.replay.campaign;

/**
 * A live view of a running campaign, for a progress line: seeds finished so far (this session and
 * before a resume), failures among them, virtual time they covered.
 */
public record Progress(long seeds, long failures, long simulatedNanos) {}
