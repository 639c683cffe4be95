package io.detsim.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The runtime sees detsim only through the ports, so it runs any project's nodes and never drags
 * the kernel or the engine into production. Maven enforces the same through the runtime's
 * dependencies; this rule also names the offending class. {@code ArchRule.check} throws an
 * {@code AssertionError} listing every violation (seen to fail on a class naming the kernel's
 * {@code Simulation}, with sim-core added to this module's dependencies).
 */
class ArchitectureTest {
  private static final JavaClasses RUNTIME = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
      .importPackages("io.detsim.runtime");

  @Test
  void runtime_usesOnlyThePorts() {
    noClasses().that().resideInAPackage("io.detsim.runtime..")
        .should().dependOnClassesThat(DescribedPredicate.describe("are detsim classes outside the ports",
            type -> type.getPackageName().startsWith("io.detsim.")
                && !type.getPackageName().startsWith("io.detsim.runtime")
                && !type.getPackageName().startsWith("io.detsim.sim.port")
                && !type.getPackageName().startsWith("io.detsim.sim.random")))
        .because("the runtime serves any nodes written against the ports, not the engine's alone")
        .check(RUNTIME);
  }
}
