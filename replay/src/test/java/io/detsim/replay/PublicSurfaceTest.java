package io.detsim.replay;

import io.detsim.sim.PublicSurface;
import org.junit.jupiter.api.Test;

/**
 * The public types of failure files and replay (replay), pinned: a type made public by accident fails here; one made public on
 * purpose joins public-surface.txt beside this test, in the same change.
 */
class PublicSurfaceTest {
  @Test
  void publicSurface_isThePinnedList() {
    PublicSurface.assertPinned("replay", "io.detsim.replay", PublicSurfaceTest.class, "public-surface.txt");
  }
}
