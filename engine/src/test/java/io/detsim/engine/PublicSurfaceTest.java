package io.detsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.sim.PublicSurface;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The public types of the engine, pinned: a type made public by accident fails here; one made public on
 * purpose joins public-surface.txt beside this test, in the same change.
 */
class PublicSurfaceTest {
  @Test
  void publicSurface_isThePinnedList() {
    List<String> actual = PublicSurface.of("engine", "io.detsim.engine");
    assertThat(actual)
        .withFailMessage("%s%nthe actual list:%n%s", "public types of engine; if the change is intended, update public-surface.txt beside this test",
            String.join("\n", actual))
        .containsExactlyElementsOf(PublicSurface.pinned(PublicSurfaceTest.class));
  }
}
