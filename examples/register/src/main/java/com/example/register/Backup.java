package com.example.register;

import io.detsim.sim.port.DiskFile;
import io.detsim.sim.port.Node;
import io.detsim.sim.port.NodeContext;
import io.detsim.sim.port.NodeId;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.TreeSet;

/**
 * The backup: appends each value to its log, syncs, and only then confirms it to the primary. On
 * restart it reads the log back, so what it confirmed survives its own crashes. Records are eight
 * bytes; a torn last record (a crash during a write) is ignored, since it was never confirmed.
 * It announces {@value #VALUE_SYNCED} once a value is on disk, before it confirms it.
 */
public final class Backup implements Node {
  static final String LOG = "values.log";
  /** The transition point announced when a value is durable and not yet confirmed. */
  public static final String VALUE_SYNCED = "value-synced";

  private final NodeContext context;
  private final Set<Long> values = new TreeSet<>();
  private DiskFile log;

  public Backup(NodeContext context) {
    this.context = context;
  }

  @Override
  public void onStart() {
    log = context.disk().open(LOG);
    long whole = log.size() / Long.BYTES * Long.BYTES;
    ByteBuffer bytes = ByteBuffer.wrap(log.read(0, (int) whole));
    while (bytes.remaining() >= Long.BYTES) {
      values.add(bytes.getLong());
    }
    log.truncate(whole);
  }

  @Override
  public void onMessage(NodeId source, Object message) {
    if (message instanceof Messages.Replicate replicate) {
      long value = replicate.value();
      if (values.contains(value)) {
        context.send(source, new Messages.Replicated(value)); // a resend: answer again
        return;
      }
      log.append(ByteBuffer.allocate(Long.BYTES).putLong(value).array());
      log.sync(() -> {
        values.add(value);
        context.point(VALUE_SYNCED);
        context.send(source, new Messages.Replicated(value));
      });
    }
  }

  /** What the backup holds: every value it confirmed, and any it synced but had not confirmed yet. */
  public Set<Long> values() {
    return Set.copyOf(values);
  }
}
