package io.detsim.properties.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.detsim.sim.DeterminismRules;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The property core keeps the determinism rules (a shrink must give the same result on every
 * machine), needs nothing of sim-core but its ports and random streams, and keeps a small public
 * surface.
 */
class CoreArchitectureTest {
  private static final String CORE = "io.detsim.properties.core..";
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
      .importPackages("io.detsim.properties.core");

  @Test
  void core_makesNoNondeterministicCalls() {
    DeterminismRules.noNondeterministicCalls(CORE).check(CLASSES);
  }

  @Test
  void core_usesNoNondeterministicTypes() {
    DeterminismRules.noNondeterministicTypes(CORE).check(CLASSES);
  }

  @Test
  void core_hasNoStaticMutableState() {
    DeterminismRules.noStaticMutableState(CORE).check(CLASSES);
  }

  @Test
  void core_usesOnlySimCoresPortsAndRandomStreams() {
    noClasses().that().resideInAPackage(CORE)
        .should().dependOnClassesThat(DescribedPredicate.describe("detsim classes outside sim.port and sim.random",
            (JavaClass javaClass) -> javaClass.getPackageName().startsWith("io.detsim")
                && !javaClass.getPackageName().startsWith("io.detsim.properties.core")
                && !javaClass.getPackageName().equals("io.detsim.sim.port")
                && !javaClass.getPackageName().equals("io.detsim.sim.random")))
        .because("the core is a library: the JUnit engine, scenarios and replay build on it, not the reverse")
        .check(CLASSES);
  }

  @Test
  void core_publicSurface_isWhatUsersAndTheReplayModuleNeed() {
    List<String> publicTopLevel = CLASSES.stream()
        .filter(javaClass -> javaClass.getModifiers().contains(JavaModifier.PUBLIC))
        .filter(javaClass -> javaClass.getEnclosingClass().isEmpty())
        .map(JavaClass::getSimpleName)
        .sorted()
        .collect(Collectors.toList());

    assertThat(publicTopLevel).containsExactly(
        "ChoiceSequence", "ChoiceSource", "Coverage", "Exhaustive", "Gen", "GenerationException", "Outcome",
        "Property", "PropertyConfig", "PropertyResult", "PropertyRunner", "Shrinker", "Verdict");
  }
}
