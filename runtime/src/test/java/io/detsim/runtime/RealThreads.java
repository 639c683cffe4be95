package io.detsim.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The runtime's threads that are still alive (they are all named {@code detsim-...}); as an
 * extension, {@code @ExtendWith(RealThreads.class)}, a check after each test that none outlives it.
 * Public, in the test-jar, for every module that runs nodes on the real runtime.
 */
public final class RealThreads implements AfterEachCallback {
  @Override
  public void afterEach(ExtensionContext context) {
    assertThat(alive()).as("no detsim thread outlives its runtime or engine").isEmpty();
  }

  public static List<String> alive() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
        .filter(name -> name.startsWith("detsim-")).sorted().toList();
  }
}
