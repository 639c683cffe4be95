package io.detsim.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks reach the engine over gRPC through engine-grpc's own API (GrpcServer,
 * GrpcOfferClient): gRPC, Netty and protobuf stay in that module, as its ArchitectureTest asks of
 * every other detsim class, which it cannot see from here.
 */
class TransportArchitectureTest {
  private static final JavaClasses BENCH = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.detsim.bench");

  @Test
  void noBenchmarkClass_seesGrpcNettyOrProtobuf() {
    assertThat(BENCH.containPackage("io.detsim.bench.real")).isTrue(); // the rule sees what it guards
    noClasses().that().resideInAPackage("io.detsim.bench..")
        .should().dependOnClassesThat().resideInAnyPackage("io.grpc..", "io.netty..", "com.google.protobuf..")
        .because("gRPC stays in engine-grpc; the harness uses its API")
        .check(BENCH);
  }
}
