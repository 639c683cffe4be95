package io.detsim.replay.campaign;

/** What a campaign reports while it runs. Called from the thread that called {@link Campaign#run}. */
public interface CampaignListener {
  /** About once a second while seeds run. */
  default void progress(Progress progress) {}

  /** A failure was found and is being shrunk: shrinking can take a while. */
  default void shrinking(FoundFailure failure) {}

  /** A shrunk failure was saved. */
  default void written(WrittenFailure failure) {}
}
