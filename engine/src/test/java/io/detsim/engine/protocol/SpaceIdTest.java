package io.detsim.engine.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SpaceIdTest {

  @Test
  void problemWith_acceptsThreeToSixtyFourAllowedCharacters() {
    assertThat(SpaceId.problemWith("abc")).isEmpty();
    assertThat(SpaceId.problemWith("a".repeat(64))).isEmpty();
    assertThat(SpaceId.problemWith("space_0-9")).isEmpty();
  }

  @Test
  void problemWith_refusesWrongLengthsAndCharacters() {
    assertThat(SpaceId.problemWith("ab")).hasValueSatisfying(p -> assertThat(p).contains("3 to 64"));
    assertThat(SpaceId.problemWith("a".repeat(65))).isPresent();
    assertThat(SpaceId.problemWith("Abc")).hasValueSatisfying(p -> assertThat(p).contains("'A'"));
    assertThat(SpaceId.problemWith("ab c")).isPresent();
    assertThat(SpaceId.problemWith("abc.")).isPresent();
    assertThat(SpaceId.problemWith(null)).isPresent();
  }

  @Test
  void constructor_throwsOnInvalidId() {
    assertThatThrownBy(() -> SpaceId.of("x")).isInstanceOf(IllegalArgumentException.class);
    assertThat(SpaceId.of("alpha").value()).isEqualTo("alpha");
  }
}
