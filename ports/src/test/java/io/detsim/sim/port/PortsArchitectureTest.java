package io.detsim.sim.port;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The ports are what the system under test compiles against, in production as in simulation: they
 * see nothing of detsim but themselves, and nothing outside the JDK. The assertion is
 * {@code ArchRule.check}, which throws an {@code AssertionError} listing every offending dependency.
 */
class PortsArchitectureTest {
  private static final JavaClasses PORTS = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
      .importPackages("io.detsim.sim.port", "io.detsim.sim.random");

  @Test
  void ports_dependOnNothingButThemselvesAndTheJdk() {
    noClasses().that().resideInAnyPackage("io.detsim.sim.port..", "io.detsim.sim.random..")
        .should().dependOnClassesThat()
        .resideOutsideOfPackages("io.detsim.sim.port..", "io.detsim.sim.random..", "java..")
        .because("the ports are what the system under test sees; the simulator is behind them")
        .check(PORTS);
  }
}
