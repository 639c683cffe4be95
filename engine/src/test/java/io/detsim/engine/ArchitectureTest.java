package io.detsim.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.detsim.sim.DeterminismRules;
import org.junit.jupiter.api.Test;

/**
 * The engine sees only sim-core's ports, never the simulator, and keeps the determinism rules in
 * all of its code that runs in simulation. The real runtime, {@code io.detsim.engine.real}, is the
 * one exception, and nothing else in the engine may depend on it.
 *
 * <p>Each test asserts through {@code ArchRule.check}, which throws an {@code AssertionError}
 * listing every violation; {@code DeterminismRulesTest} shows the rules do fail on offending code.
 */
class ArchitectureTest {
  private static final String SIMULATED = "io.detsim.engine..";
  private static final JavaClasses ENGINE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
      .importPackages("io.detsim.engine");

  @Test
  void engine_usesOnlySimCoresPorts() {
    noClasses().that().resideInAPackage("io.detsim.engine..")
        .and().resideOutsideOfPackage("io.detsim.engine.real..")
        .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
            "sim-core classes outside io.detsim.sim.port",
            javaClass -> javaClass.getPackageName().startsWith("io.detsim.sim")
                && !javaClass.getPackageName().startsWith("io.detsim.sim.port")))
        .because("the engine must run unchanged on the simulator and on a real runtime")
        .check(ENGINE);
  }

  @Test
  void engine_importsNothingOfTheModulesAboveIt() {
    noClasses().that().resideInAPackage("io.detsim.engine..")
        .should().dependOnClassesThat().resideInAnyPackage("io.detsim.properties..", "io.detsim.replay..")
        .check(ENGINE);
  }

  @Test
  void engine_staysRuntimeAgnostic_nothingOutsideTheRealRuntimeDependsOnIt() {
    noClasses().that().resideInAPackage("io.detsim.engine..")
        .and().resideOutsideOfPackage("io.detsim.engine.real..")
        .should().dependOnClassesThat().resideInAPackage("io.detsim.engine.real..")
        .because("the engine runs unchanged on the simulator: only the real runtime knows threads and files")
        .check(ENGINE);
  }

  @Test
  void engine_makesNoNondeterministicCalls() {
    DeterminismRules.noNondeterministicCalls(SIMULATED).check(ENGINE.that(notRealRuntime()));
  }

  @Test
  void engine_usesNoNondeterministicTypes() {
    DeterminismRules.noNondeterministicTypes(SIMULATED).check(ENGINE.that(notRealRuntime()));
  }

  @Test
  void engine_hasNoStaticMutableState() {
    DeterminismRules.noStaticMutableState(SIMULATED).check(ENGINE);
  }

  private static com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass> notRealRuntime() {
    return com.tngtech.archunit.base.DescribedPredicate.describe("outside the real runtime",
        javaClass -> !javaClass.getPackageName().startsWith("io.detsim.engine.real"));
  }
}
