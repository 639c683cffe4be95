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
 * dependencies; this rule also names the offending class.
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
