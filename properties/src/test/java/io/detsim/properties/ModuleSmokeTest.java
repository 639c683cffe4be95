package io.detsim.properties;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The module builds against the engine and the JUnit Platform engine API. */
class ModuleSmokeTest {
  @Test
  void platformEngineApi_isOnTheClasspath() throws Exception {
    assertThat(Class.forName("org.junit.platform.engine.TestEngine")).isInterface();
    assertThat(Class.forName("io.detsim.engine.server.EngineServer")).isNotNull();
  }
}
