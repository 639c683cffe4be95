package io.detsim.sim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.List;
import java.util.Set;

/**
 * The determinism rules of ARCHITECTURE.md as ArchUnit rules, shared by every module whose code
 * runs inside a simulation (sim-core's and the engine's tests apply them to their main classes).
 *
 * <p>Each rule names a way a run stops replaying: the wall clock, threads, unseeded or thread-local
 * randomness, collections whose iteration order is not specified ({@code HashMap}, {@code HashSet},
 * and {@code Set.of}/{@code Map.of}, whose order changes with a per-JVM random salt), identity hash
 * codes, and static mutable state (two simulations share a JVM).
 */
public final class DeterminismRules {
  private DeterminismRules() {}

  private static final List<String[]> BANNED_CALLS = List.of(
      new String[] {"java.lang.System", "currentTimeMillis", "the wall clock"},
      new String[] {"java.lang.System", "nanoTime", "the wall clock"},
      new String[] {"java.lang.System", "identityHashCode", "identity hash codes differ per run"},
      new String[] {"java.time.Instant", "now", "the wall clock"},
      new String[] {"java.time.LocalDateTime", "now", "the wall clock"},
      new String[] {"java.time.LocalDate", "now", "the wall clock"},
      new String[] {"java.time.ZonedDateTime", "now", "the wall clock"},
      new String[] {"java.time.OffsetDateTime", "now", "the wall clock"},
      new String[] {"java.time.Clock", "systemUTC", "the wall clock"},
      new String[] {"java.time.Clock", "systemDefaultZone", "the wall clock"},
      new String[] {"java.lang.Math", "random", "unseeded randomness"},
      new String[] {"java.lang.StrictMath", "random", "unseeded randomness"},
      new String[] {"java.util.UUID", "randomUUID", "unseeded randomness"},
      new String[] {"java.lang.Thread", "sleep", "real waiting"},
      new String[] {"java.lang.Thread", "onSpinWait", "real waiting"},
      new String[] {"java.util.concurrent.CompletableFuture", "supplyAsync", "threads"},
      new String[] {"java.util.concurrent.CompletableFuture", "runAsync", "threads"},
      new String[] {"java.util.Set", "of", "Set.of iterates in a per-JVM random order"},
      new String[] {"java.util.Set", "copyOf", "Set.copyOf iterates in a per-JVM random order"},
      new String[] {"java.util.Map", "of", "Map.of iterates in a per-JVM random order"},
      new String[] {"java.util.Map", "ofEntries", "Map.ofEntries iterates in a per-JVM random order"},
      new String[] {"java.util.Map", "copyOf", "Map.copyOf iterates in a per-JVM random order"},
      new String[] {"java.util.stream.Collectors", "toSet", "a HashSet's order is unspecified"},
      new String[] {"java.util.stream.Collectors", "toUnmodifiableSet", "its order is unspecified"},
      new String[] {"java.util.stream.Collectors", "toMap", "a HashMap's order is unspecified"},
      new String[] {"java.util.stream.Collectors", "toUnmodifiableMap", "its order is unspecified"},
      new String[] {"java.util.stream.Collectors", "groupingBy", "a HashMap's order is unspecified"});

  private static final Set<String> BANNED_TYPES = Set.of(
      "java.lang.Thread",
      "java.lang.ThreadGroup",
      "java.util.Timer",
      "java.util.concurrent.ThreadLocalRandom",
      "java.util.concurrent.Executors",
      "java.util.concurrent.ExecutorService",
      "java.util.concurrent.ScheduledExecutorService",
      "java.util.concurrent.ForkJoinPool",
      "java.util.HashMap",
      "java.util.HashSet",
      "java.util.Hashtable",
      "java.util.WeakHashMap",
      "java.util.IdentityHashMap",
      "java.util.concurrent.ConcurrentHashMap");

  /** No class in {@code packages} reaches the wall clock, threads, unseeded randomness or unordered collections. */
  public static ArchRule noNondeterministicCalls(String... packages) {
    return noClasses().that().resideInAnyPackage(packages)
        .should(callAnyBannedMethod())
        .because("a simulated run must replay exactly: use the NodeContext's clock, timers and random streams");
  }

  public static ArchRule noNondeterministicTypes(String... packages) {
    return noClasses().that().resideInAnyPackage(packages)
        .should().dependOnClassesThat(nameIn(BANNED_TYPES))
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
        .because("threads, thread-local or unseeded randomness, and hash-ordered collections make runs diverge;"
            + " use LinkedHashMap/TreeMap, and io.detsim.sim.port.RandomSource");
  }

  /** Static fields are constants: final, and not of a mutable collection or array type. */
  public static ArchRule noStaticMutableState(String... packages) {
    return ArchRuleDefinition.fields().that().areDeclaredInClassesThat().resideInAnyPackage(packages)
        .and().areStatic()
        .should(beImmutableConstants())
        .because("two simulations must run side by side in one JVM");
  }

  private static DescribedPredicate<JavaClass> nameIn(Set<String> names) {
    return DescribedPredicate.describe("any of " + names, javaClass -> names.contains(javaClass.getName()));
  }

  private static ArchCondition<JavaClass> callAnyBannedMethod() {
    return new ArchCondition<>("call a banned method") {
      @Override
      public void check(JavaClass javaClass, ConditionEvents events) {
        for (JavaAccess<?> access : javaClass.getAccessesFromSelf()) {
          String owner = access.getTargetOwner().getName();
          String name = access.getName();
          for (String[] banned : BANNED_CALLS) {
            if (banned[0].equals(owner) && banned[1].equals(name)) {
              events.add(SimpleConditionEvent.satisfied(access,
                  access.getDescription() + " (" + banned[2] + ")"));
            }
          }
        }
      }
    };
  }

  private static ArchCondition<JavaField> beImmutableConstants() {
    return new ArchCondition<>("be final constants of immutable types") {
      @Override
      public void check(JavaField field, ConditionEvents events) {
        if (field.getName().startsWith("$") || field.getOwner().isEnum()) {
          return; // compiler-made fields ($VALUES, switch maps)
        }
        String problem = staticStateProblem(field);
        if (problem != null) {
          events.add(SimpleConditionEvent.violated(field, field.getFullName() + " " + problem));
        }
      }
    };
  }

  /**
   * Why a static field is shared mutable state, or null. A private final array is allowed as a
   * constant table (nothing outside the class can write it); interface-typed collection constants
   * are expected to hold {@code List.of} and the like.
   */
  private static String staticStateProblem(JavaField field) {
    if (!field.getModifiers().contains(JavaModifier.FINAL)) {
      return "is static and not final";
    }
    JavaClass type = field.getRawType();
    if (type.isArray() && !field.getModifiers().contains(JavaModifier.PRIVATE)) {
      return "is a static array that other classes can write";
    }
    String name = type.getName();
    if (name.startsWith("java.util.concurrent.atomic.")) {
      return "is a static atomic: shared mutable state";
    }
    if (name.startsWith("java.util.") && !type.isInterface() && MUTABLE_COLLECTIONS.contains(type.getSimpleName())) {
      return "is a static " + type.getSimpleName() + ": shared mutable state";
    }
    return null;
  }

  private static final Set<String> MUTABLE_COLLECTIONS = Set.of(
      "ArrayList", "LinkedList", "ArrayDeque", "HashMap", "LinkedHashMap", "TreeMap", "HashSet",
      "LinkedHashSet", "TreeSet", "EnumMap", "BitSet", "PriorityQueue", "Vector", "Stack");
}
