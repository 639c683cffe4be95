package io.detsim.sim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * sim-core stands alone, and every class in it keeps the determinism rules.
 *
 * <p>Each test asserts through {@code ArchRule.check}, which throws an {@code AssertionError}
 * listing every violation; {@code DeterminismRulesTest} shows the rules do fail on offending code.
 */
class ArchitectureTest {
  private static final JavaClasses SIM_CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
      .importPackages("io.detsim.sim");
  /** The ports live in their own module (a jar on this class path), and keep the same rules. */
  private static final JavaClasses PORTS = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.detsim.sim.port", "io.detsim.sim.random");

  @Test
  void simCore_importsNothingOfTheModulesAboveIt() {
    noClasses().that().resideInAPackage("io.detsim.sim..")
        .should().dependOnClassesThat().resideInAnyPackage("io.detsim.engine..", "io.detsim.properties..", "io.detsim.replay..", "io.detsim.cli..",
            "io.detsim.runtime..", "io.detsim.scenarios..", "io.detsim.bench..")
        .because("arrows point one way: the kernel knows only the ports")
        .check(SIM_CORE);
  }

  @Test
  void simCore_makesNoNondeterministicCalls() {
    DeterminismRules.noNondeterministicCalls("io.detsim.sim..").check(SIM_CORE);
  }

  @Test
  void simCore_usesNoNondeterministicTypes() {
    DeterminismRules.noNondeterministicTypes("io.detsim.sim..").check(SIM_CORE);
  }

  @Test
  void simCore_hasNoStaticMutableState() {
    DeterminismRules.noStaticMutableState("io.detsim.sim..").check(SIM_CORE);
  }

  @Test
  void ports_keepTheDeterminismRules() {
    DeterminismRules.noNondeterministicCalls("io.detsim.sim.port..", "io.detsim.sim.random..").check(PORTS);
    DeterminismRules.noNondeterministicTypes("io.detsim.sim.port..", "io.detsim.sim.random..").check(PORTS);
    DeterminismRules.noStaticMutableState("io.detsim.sim.port..", "io.detsim.sim.random..").check(PORTS);
  }
}
