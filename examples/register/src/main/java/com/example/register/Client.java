package com.example.register;

import io.detsim.sim.port.Node;
import io.detsim.sim.port.NodeContext;
import io.detsim.sim.port.NodeId;
import java.util.ArrayList;
import java.util.List;

/**
 * A client that writes the values 1 to {@code writes}, one at a time, resending every 50 ms until
 * the primary acknowledges each: it records what was acknowledged, which the register must never
 * lose.
 */
public final class Client implements Node {
  private static final long RESEND_NANOS = 50_000_000L;

  private final NodeContext context;
  private final NodeId primary;
  private final int writes;
  private final List<Long> acknowledged = new ArrayList<>();
  private long next = 1;
  private long resendTimer = -1;

  public Client(NodeContext context, NodeId primary, int writes) {
    this.context = context;
    this.primary = primary;
    this.writes = writes;
  }

  @Override
  public void onStart() {
    send();
  }

  @Override
  public void onMessage(NodeId source, Object message) {
    if (message instanceof Messages.Written written && written.value() == next) {
      acknowledged.add(next);
      context.cancelTimer(resendTimer);
      next++;
      send();
    }
  }

  private void send() {
    if (next > writes) {
      return;
    }
    context.send(primary, new Messages.Write(next));
    resendTimer = context.setTimer(RESEND_NANOS, this::send);
  }

  public List<Long> acknowledged() {
    return List.copyOf(acknowledged);
  }

  public boolean isDone() {
    return next > writes;
  }
}
