package io.detsim.sim;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.detsim.sim.badfixture.Offenders;
import org.junit.jupiter.api.Test;

/** The rules themselves must fail on code that breaks them: a rule that cannot fail guards nothing. */
class DeterminismRulesTest {
  private static final String PACKAGE = "io.detsim.sim.badfixture..";

  private static JavaClasses classes(Class<?>... types) {
    return new ClassFileImporter().importClasses(types);
  }

  @Test
  void systemNanoTime_isCaught() {
    assertThatThrownBy(() -> DeterminismRules.noNondeterministicCalls(PACKAGE)
        .check(classes(Offenders.ReadsTheWallClock.class)))
        .hasMessageContaining("System.nanoTime()");
  }

  @Test
  void threads_areCaught() {
    assertThatThrownBy(() -> DeterminismRules.noNondeterministicTypes(PACKAGE)
        .check(classes(Offenders.StartsAThread.class)))
        .hasMessageContaining("java.lang.Thread");
  }

  @Test
  void hashMaps_areCaught() {
    assertThatThrownBy(() -> DeterminismRules.noNondeterministicTypes(PACKAGE)
        .check(classes(Offenders.IteratesAHashMap.class)))
        .hasMessageContaining("java.util.HashMap");
  }

  @Test
  void setOf_isCaught() {
    assertThatThrownBy(() -> DeterminismRules.noNondeterministicCalls(PACKAGE)
        .check(classes(Offenders.UsesSetOf.class)))
        .hasMessageContaining("Set.of");
  }

  @Test
  void unseededRandomness_isCaught() {
    assertThatThrownBy(() -> DeterminismRules.noNondeterministicCalls(PACKAGE)
        .check(classes(Offenders.DrawsUnseededRandomness.class)))
        .hasMessageContaining("Math.random()");
    assertThatThrownBy(() -> DeterminismRules.noNondeterministicTypes(PACKAGE)
        .check(classes(Offenders.DrawsUnseededRandomness.class)))
        .hasMessageContaining("java.util.Random");
  }

  @Test
  void staticMutableState_isCaught() {
    assertThatThrownBy(() -> DeterminismRules.noStaticMutableState(PACKAGE)
        .check(classes(Offenders.KeepsStaticState.class)))
        .hasMessageContaining("counter is static and not final")
        .hasMessageContaining("SEEN is a static ArrayList");
  }
}
