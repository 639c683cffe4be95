package io.detsim.engine.protocol;

import java.util.Objects;
import java.util.Optional;

/**
 * One observation in a session. Sequence numbers start at 1 and count accepted observations: one
 * refused for any reason (invalid input included) leaves its number free, to be sent again.
 *
 * @param priority the queue lane it asks for
 * @param answeredThrough every number of the session up to this one is ACCEPTED as far as the client
 *     knows (0: none, or a client that does not say). A server that expects a number at or below it
 *     has lost what it acknowledged (a recovery that cut its log at a corrupted record): it resumes
 *     after it rather than ask for numbers the client will never send again (docs/engine.md)
 */
public record Observation(SessionId session, long seq, Priority priority, Episode episode, long answeredThrough)
    implements ClientMessage {

  public Observation {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(episode, "episode");
  }

  /** An observation from a client that does not say what it holds as answered. */
  public Observation(SessionId session, long seq, Priority priority, Episode episode) {
    this(session, seq, priority, episode, 0);
  }

  @Override
  public Optional<String> validate(int dimension) {
    if (seq < 1) {
      return Optional.of("sequence numbers start at 1, got " + seq);
    }
    if (answeredThrough < 0 || answeredThrough >= seq) {
      return Optional.of("answered-through " + answeredThrough + " must be from 0 to below the sequence number " + seq);
    }
    return episode.validate(dimension);
  }

  @Override
  public String traceDetail() {
    return "obs " + session.value() + "#" + seq + " " + priority.name() + " ep=" + episode.id() + " space="
        + episode.space() + " dim=" + episode.dimension();
  }
}
