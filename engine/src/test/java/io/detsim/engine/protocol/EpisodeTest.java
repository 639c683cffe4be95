package io.detsim.engine.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EpisodeTest {
  static final int DIMENSION = 4;

  static Episode episode(float confidence, float... embedding) {
    return new Episode("e-1", "alpha", 42, "saw a bird", embedding, confidence);
  }

  @Test
  void validate_acceptsWellFormedEpisode() {
    assertThat(episode(0.7f, 1, 0, 0, 0).validate(DIMENSION)).isEmpty();
    assertThat(episode(0f, 1, 2, 3, 4).validate(DIMENSION)).isEmpty();
    assertThat(episode(1f, 1, 2, 3, 4).validate(DIMENSION)).isEmpty();
  }

  @Test
  void validate_refusesConfidenceOutsideZeroToOne() {
    assertThat(episode(-0.01f, 1, 0, 0, 0).validate(DIMENSION)).isPresent();
    assertThat(episode(1.01f, 1, 0, 0, 0).validate(DIMENSION)).isPresent();
    assertThat(episode(Float.NaN, 1, 0, 0, 0).validate(DIMENSION)).isPresent();
  }

  @Test
  void validate_refusesWrongDimensionNonFiniteAndZeroEmbeddings() {
    assertThat(episode(0.5f, 1, 0, 0).validate(DIMENSION)).hasValueSatisfying(p -> assertThat(p).contains("dimension 3"));
    assertThat(episode(0.5f, 1, Float.NaN, 0, 0).validate(DIMENSION)).isPresent();
    assertThat(episode(0.5f, 1, Float.POSITIVE_INFINITY, 0, 0).validate(DIMENSION)).isPresent();
    assertThat(episode(0.5f, 0, 0, 0, 0).validate(DIMENSION)).hasValueSatisfying(p -> assertThat(p).contains("zero"));
  }

  @Test
  void validate_refusesBadSpaceAndId() {
    Episode badSpace = new Episode("e-1", "A!", 0, "", new float[] {1, 0, 0, 0}, 0.5f);
    Episode noId = new Episode("", "alpha", 0, "", new float[] {1, 0, 0, 0}, 0.5f);
    assertThat(badSpace.validate(DIMENSION)).isPresent();
    assertThat(noId.validate(DIMENSION)).isPresent();
  }

  @Test
  void embedding_isCopiedInAndOut() {
    float[] source = {1, 2, 3, 4};
    Episode episode = episode(0.5f, source);
    source[0] = 99;
    episode.embedding()[1] = 99;
    assertThat(episode.embedding()).containsExactly(1, 2, 3, 4);
    assertThat(episode.embeddingAt(3)).isEqualTo(4);
    assertThat(episode.dimension()).isEqualTo(4);
  }

  @Test
  void equalsAndHashCode_compareEmbeddingContent() {
    Episode one = episode(0.5f, 1, 2, 3, 4);
    Episode same = episode(0.5f, 1, 2, 3, 4);
    Episode other = episode(0.5f, 1, 2, 3, 5);
    assertThat(one).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(other);
    assertThat(one).isNotEqualTo(episode(0.6f, 1, 2, 3, 4));
  }

  @Test
  void toString_showsSizesNotIdentity() {
    String text = episode(0.5f, 1, 2, 3, 4).toString();
    assertThat(text).contains("dimension=4").contains("10 chars").doesNotContain("[F@");
  }
}
