package io.detsim.replay.file;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A failure file records the real version, from class folders as from a jar. */
class DetsimVersionTest {
  @Test
  void current_isTheBuildsVersion_notAPlaceholder() {
    assertThat(DetsimVersion.current()).matches("[0-9]+\\.[0-9]+\\.[0-9]+(-SNAPSHOT)?");
  }
}
