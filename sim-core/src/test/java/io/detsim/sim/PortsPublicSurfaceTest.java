package io.detsim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The public types of the ports, pinned here (the ports module cannot use the kernel's test jar):
 * what every system under test compiles against, so every addition is a decision.
 */
class PortsPublicSurfaceTest {
  @Test
  void portsPublicSurface_isThePinnedList() {
    List<String> actual = PublicSurface.of("ports", "io.detsim.sim");
    assertThat(actual)
        .withFailMessage("%s%nthe actual list:%n%s", "public types of ports; if the change is intended, update ports-public-surface.txt",
            String.join("\n", actual))
        .containsExactlyElementsOf(PublicSurface.pinned(PortsPublicSurfaceTest.class, "ports-public-surface.txt"));
  }
}
