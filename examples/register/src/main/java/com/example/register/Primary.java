package com.example.register;

import io.detsim.sim.port.Node;
import io.detsim.sim.port.NodeContext;
import io.detsim.sim.port.NodeId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The primary: acknowledges a write once the backup has it on disk, so that a write survives the
 * primary's loss. It keeps nothing durable itself (a restarted primary starts empty); clients
 * resend what was not acknowledged.
 *
 * <p>A run may plant {@link RegisterBug#ACK_BEFORE_REPLICATE} on purpose: the acknowledgement goes
 * out as the write arrives, before the backup has it, and a lost replication message then loses an
 * acknowledged write. The primary asks its context, as it would ask for a BUGGIFY point.
 *
 * <p>It announces {@value #REPLICATION_SENT} as a write leaves for the backup: the moment a crash
 * of either server catches the write half done, where a fuzzer aims its faults.
 */
public final class Primary implements Node {
  /** The transition point announced as a write is sent to the backup. */
  public static final String REPLICATION_SENT = "replication-sent";
  private final NodeContext context;
  private final NodeId backup;
  private final boolean ackBeforeReplicate;
  /** Writes waiting for the backup, by value: who to answer. */
  private final Map<Long, NodeId> waiting = new LinkedHashMap<>();

  public Primary(NodeContext context, NodeId backup) {
    this.context = context;
    this.backup = backup;
    this.ackBeforeReplicate = context.planted(RegisterBug.ACK_BEFORE_REPLICATE);
  }

  @Override
  public void onMessage(NodeId source, Object message) {
    if (message instanceof Messages.Write write) {
      if (ackBeforeReplicate) {
        context.send(source, new Messages.Written(write.value()));
      } else {
        waiting.put(write.value(), source);
      }
      context.send(backup, new Messages.Replicate(write.value()));
      context.point(REPLICATION_SENT);
    } else if (message instanceof Messages.Replicated replicated) {
      NodeId client = waiting.remove(replicated.value());
      if (client != null) {
        context.send(client, new Messages.Written(replicated.value()));
      }
    }
  }
}
