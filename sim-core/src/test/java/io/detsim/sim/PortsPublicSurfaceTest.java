package io.detsim.sim;

import org.junit.jupiter.api.Test;

/**
 * The public types of the ports, pinned here (the ports module cannot use the kernel's test jar):
 * what every system under test compiles against, so every addition is a decision.
 */
class PortsPublicSurfaceTest {
  @Test
  void portsPublicSurface_isThePinnedList() {
    PublicSurface.assertPinned("ports", "io.detsim.sim", PortsPublicSurfaceTest.class, "ports-public-surface.txt");
  }
}
