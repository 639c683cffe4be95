package io.detsim.scenarios.engine;

import io.detsim.sim.PublicSurface;
import org.junit.jupiter.api.Test;

/**
 * The public types of the engine's scenarios, pinned: a type made public by accident fails here; one made public on
 * purpose joins public-surface.txt beside this test, in the same change.
 */
class PublicSurfaceTest {
  @Test
  void publicSurface_isThePinnedList() {
    PublicSurface.assertPinned("engine-scenarios", "io.detsim.scenarios", PublicSurfaceTest.class, "public-surface.txt");
  }
}
