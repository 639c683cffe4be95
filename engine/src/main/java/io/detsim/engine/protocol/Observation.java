package io.detsim.engine.protocol;

import java.util.Objects;
import java.util.Optional;

/**
 * One observation in a session. Sequence numbers start at 1 and count accepted observations: one
 * refused for any reason (invalid input included) leaves its number free, to be sent again.
 *
 * @param priority the queue lane it asks for
 */
public record Observation(SessionId session, long seq, Priority priority, Episode episode) implements ClientMessage {

  public Observation {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(episode, "episode");
  }

  @Override
  public Optional<String> validate(int dimension) {
    if (seq < 1) {
      return Optional.of("sequence numbers start at 1, got " + seq);
    }
    return episode.validate(dimension);
  }

  @Override
  public String traceDetail() {
    return "obs " + session.value() + "#" + seq + " " + priority.name() + " ep=" + episode.id() + " space="
        + episode.space() + " dim=" + episode.dimension();
  }
}
