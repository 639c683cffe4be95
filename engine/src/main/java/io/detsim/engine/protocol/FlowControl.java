package io.detsim.engine.protocol;

import java.util.Objects;
import java.util.Optional;

/** A client's flow-control request for its session. */
public record FlowControl(SessionId session, FlowAction action) implements ClientMessage {

  public FlowControl {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(action, "action");
  }

  @Override
  public Optional<String> validate(int dimension) {
    return Optional.empty();
  }

  @Override
  public String traceDetail() {
    return "flow " + session.value() + " " + action.name();
  }
}
