package io.detsim.properties.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.detsim.sim.DeterminismRules;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The engine shows users three types (the annotation, the engine, and the service interface through
 * which the replay module writes failure files) and keeps no state between runs in static fields.
 */
class EngineArchitectureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
      .importPackages("io.detsim.properties.junit");

  @Test
  void engine_publicSurface_isTheAnnotationTheEngineAndTheFailureFileService() {
    assertThat(CLASSES.stream()
        .filter(javaClass -> javaClass.getModifiers().contains(JavaModifier.PUBLIC))
        .filter(javaClass -> javaClass.getEnclosingClass().isEmpty())
        .map(JavaClass::getSimpleName)
        .sorted()
        .collect(Collectors.toList()))
        .containsExactly("DetsimTestEngine", "FailureFileWriter", "SimProperty");
  }

  @Test
  void engine_hasNoStaticMutableState() {
    DeterminismRules.noStaticMutableState("io.detsim.properties.junit..").check(CLASSES);
  }
}
