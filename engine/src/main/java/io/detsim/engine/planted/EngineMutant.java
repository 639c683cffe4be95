package io.detsim.engine.planted;

import io.detsim.sim.port.NodeContext;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The engine's planted bugs, its one catalogue: realistic defects that a run can switch in, so the
 * framework can show it catches them (mutation testing of the test suite). A run plants them in
 * its simulation; each engine node asks its context once, when it is built
 * ({@link #plantedIn(NodeContext)}), and hands the answer to the code where each bug lives, which
 * reads it into a final flag: free when unused. The real runtime's context answers no to every
 * one, so no configuration can switch a bug into a production engine.
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
      + " discarding it, deleting the segments it would replace"),
  HELD_COUNT_LEAKS("a finished batch's observations stay counted as in flight, so backpressure acts on more than the"
      + " engine holds"),
  RECALL_PAGE_DROPS_LAST("a recall answer's full pages each end one result early, so k results come back as k - 1"),
  RECALL_SKIPS_NEAREST("a recall drops its nearest result, as code that skips the query's own vector does, and"
      + " returns the next k: k results, best first, but not the nearest"),
  PRESSURE_DROP_UNANNOUNCED("draining the queue back to normal pressure is never announced, so BACKPRESSURE is"
      + " renewed over an empty queue and clients stay throttled"),
  RECALL_IDS_SHIFTED("a recall result names the memory indexed just before the one found (an off-by-one from"
      + " generation to slot): results held, in their space and snapshot, but not the nearest"),
  DUPLICATE_ACKED_IN_FLIGHT("a retransmission of an observation admitted but not yet synced is answered ACCEPTED"
      + " (the session's admitted number taken for its durable one): a crash before the sync loses it"),
  LEASE_NEVER_ARMED("a client's backpressure episode never arms its lapse, so one lost ACTIVE, or one crash of a"
      + " CRITICAL server, throttles it for good"),
  HIGH_AFTER_NORMAL("the queue serves HIGH items only once the NORMAL lane is empty, so a NORMAL backlog delays"
      + " every HIGH one behind it"),
  VISIBLE_GENERATION_NOT_RESTORED("a restarted server leaves its spaces' visible generations at 0 until their next"
      + " batch, so snapshot recalls miss what it had acknowledged INDEXED"),
  DRAIN_CLOSES_EARLY("a draining session is reported CLOSED at its first durable observation, while later ones it"
      + " admitted are still in flight");

  private final String description;

  EngineMutant(String description) {
    this.description = description;
  }

  /** One line saying what goes wrong. */
  public String description() {
    return description;
  }

  /** The bugs {@code context}'s run planted: what a node asks once, when it is built. */
  public static Set<EngineMutant> plantedIn(NodeContext context) {
    EnumSet<EngineMutant> planted = EnumSet.noneOf(EngineMutant.class);
    for (EngineMutant bug : values()) {
      if (context.planted(bug)) {
        planted.add(bug);
      }
    }
    return Collections.unmodifiableSet(planted);
  }

  /** The mutant's name as users type it: lower case with dashes ({@code ack-before-sync}). */
  public String cliName() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
