package io.detsim.engine.grpc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * gRPC, Netty and protobuf stay in this module: no other detsim class on its class path (the engine,
 * its real runtime, the kernel, the ports, the command line) may depend on them. The simulated
 * packages keep running without a network stack, and their digests cannot depend on one.
 */
class ArchitectureTest {
  private static final JavaClasses DETSIM = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.detsim");

  @Test
  void onlyThisModule_seesGrpcNettyOrProtobuf() {
    noClasses().that().resideInAPackage("io.detsim..")
        .and().resideOutsideOfPackage("io.detsim.engine.grpc..")
        .should().dependOnClassesThat().resideInAnyPackage("io.grpc..", "io.netty..", "com.google.protobuf..")
        .because("simulated code must not see a network stack: the engine is the same on both runtimes")
        .check(DETSIM);
  }

  @Test
  void theRuleSeesTheClassesItGuards() {
    // An import that found nothing would pass the rule above whatever the code did.
    org.assertj.core.api.Assertions.assertThat(DETSIM.containPackage("io.detsim.engine.server")).isTrue();
    org.assertj.core.api.Assertions.assertThat(DETSIM.containPackage("io.detsim.sim.port")).isTrue();
    org.assertj.core.api.Assertions.assertThat(DETSIM.containPackage("io.detsim.engine.grpc")).isTrue();
  }
}
