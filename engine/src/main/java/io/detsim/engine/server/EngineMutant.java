package io.detsim.engine.server;

/**
 * Realistic bugs that can be switched into the engine for one run, so the framework can show it
 * catches them (mutation testing of the test suite). Each is free when unused: a flag checked at
 * the one place the bug lives. Never enabled in production: {@code EmbeddedConfig}, the real runtime's
 * only way in, refuses options that carry one ({@link EngineOptions#plantedBugs}).
 */
public enum EngineMutant {
  ACK_BEFORE_SYNC("ACCEPTED is sent when the observation is admitted, before its log record is synced"),
  SESSION_STATE_NOT_RECOVERED("after a crash, sessions come back but their last sequence numbers are forgotten"),
  STEAL_SINGLE_ITEMS("an idle worker steals single items of a busy space instead of the whole space"),
  REVERSE_DEGREE_UNBOUNDED("HNSW adds reverse edges without pruning, so degree bounds break on the far end"),
  GENERATION_FILTER_IGNORED("snapshot recall ignores its generation and returns newer observations"),
  DUPLICATES_AS_GAPS("a retransmitted (duplicate) observation is refused as a sequence gap"),
  TORN_TAIL_NOT_CUT("recovery keeps a torn log tail, so records appended after it are lost on the next recovery"),
  FULL_LANE_DROPS_SILENTLY("a full queue lane drops the observation but reports it admitted"),
  ACK_BEFORE_APPLY("a worker acknowledges its batch one step before applying it; a death in between loses it"),
  // Transition-window bugs: harmless unless a crash lands inside one short engine transition.
  COMPACTION_DELETES_EARLY("compaction deletes the old log segments as it starts, before its snapshot is synced and"
      + " installed; a crash in between loses them"),
  SNAPSHOT_INSTALLED_BEFORE_SYNC("compaction renames its snapshot into place before the snapshot's sync completes;"
      + " a crash before the sync leaves a torn snapshot"),
  GROUP_COMMIT_COVERS_LATE_APPENDS("a group-commit round declares durable the records appended while it synced;"
      + " a crash before the next round loses acknowledged ones"),
  RECOVERY_ROLLS_FORWARD("recovery finishes an interrupted compaction with its unsynced snapshot instead of"
      + " discarding it, deleting the segments it would replace");

  private final String description;

  EngineMutant(String description) {
    this.description = description;
  }

  /** One line saying what goes wrong. */
  public String description() {
    return description;
  }

  /** The mutant's name as users type it: lower case with dashes ({@code ack-before-sync}). */
  public String cliName() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
