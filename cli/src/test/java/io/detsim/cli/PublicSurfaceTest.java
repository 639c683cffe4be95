package io.detsim.cli;

import io.detsim.sim.PublicSurface;
import org.junit.jupiter.api.Test;

/**
 * The public types of the command line (cli), pinned: a type made public by accident fails here; one made public on
 * purpose joins public-surface.txt beside this test, in the same change.
 */
class PublicSurfaceTest {
  @Test
  void publicSurface_isThePinnedList() {
    PublicSurface.assertPinned("cli", "io.detsim.cli", PublicSurfaceTest.class, "public-surface.txt");
  }
}
