package io.detsim.properties.junit;

import io.detsim.properties.core.Property;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.Filter;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.ClasspathRootSelector;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.PackageNameFilter;
import org.junit.platform.engine.discovery.PackageSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;

/**
 * Finds the {@link SimProperty} methods a discovery request selects and builds the tree of tests:
 * engine, then one container a class, then one test a method.
 *
 * <p>Selectors: classes (how Surefire asks), methods, packages and classpath roots (how IDEs ask),
 * and unique ids (how IDEs re-run one test). Class name and package name filters apply to every
 * class but one named by a method or unique id selector, as in Jupiter. Abstract classes are
 * skipped: their properties run in their concrete subclasses. Methods are listed by name, so a
 * class's tests always run in the same order.
 *
 * <p>A selected method whose signature is wrong is kept, with its problem, and fails when run:
 * a typo in a property's declaration must not make the property silently disappear.
 */
final class PropertyDiscovery {
  private static final Comparator<Method> BY_NAME =
      Comparator.comparing(Method::getName).thenComparing(PropertyMethodDescriptor::segmentOf);

  private final TestDescriptor engine;
  private final Predicate<String> classNames;
  private final Map<Class<?>, PropertyClassDescriptor> classes = new LinkedHashMap<>();

  private PropertyDiscovery(TestDescriptor engine, Predicate<String> classNames) {
    this.engine = engine;
    this.classNames = classNames;
  }

  /** Adds to {@code engine} the tests that {@code request} selects. */
  static void discover(EngineDiscoveryRequest request, TestDescriptor engine) {
    Predicate<String> classNames = Filter.composeFilters(request.getFiltersByType(ClassNameFilter.class)).toPredicate()
        .and(Filter.composeFilters(request.getFiltersByType(PackageNameFilter.class)).toPredicate());
    PropertyDiscovery discovery = new PropertyDiscovery(engine, classNames);
    for (ClassSelector selector : request.getSelectorsByType(ClassSelector.class)) {
      loaded(selector::getJavaClass).filter(type -> classNames.test(type.getName())).ifPresent(discovery::addClass);
    }
    for (PackageSelector selector : request.getSelectorsByType(PackageSelector.class)) {
      ReflectionSupport.findAllClassesInPackage(selector.getPackageName(), PropertyDiscovery::hasProperties, classNames)
          .forEach(discovery::addClass);
    }
    for (ClasspathRootSelector selector : request.getSelectorsByType(ClasspathRootSelector.class)) {
      ReflectionSupport.findAllClassesInClasspathRoot(selector.getClasspathRoot(), PropertyDiscovery::hasProperties,
          classNames).forEach(discovery::addClass);
    }
    for (MethodSelector selector : request.getSelectorsByType(MethodSelector.class)) {
      loaded(selector::getJavaMethod).filter(PropertyDiscovery::isProperty)
          .ifPresent(method -> discovery.addMethod(selector.getJavaClass(), method));
    }
    for (UniqueIdSelector selector : request.getSelectorsByType(UniqueIdSelector.class)) {
      discovery.addUniqueId(selector.getUniqueId());
    }
  }

  private void addClass(Class<?> type) {
    if (hasProperties(type)) {
      propertiesOf(type).forEach(method -> addMethod(type, method));
    }
  }

  private void addMethod(Class<?> type, Method method) {
    if (Modifier.isAbstract(type.getModifiers())) {
      return;
    }
    PropertyClassDescriptor container = classes.computeIfAbsent(type, newType -> {
      PropertyClassDescriptor descriptor = new PropertyClassDescriptor(engine.getUniqueId(), newType);
      engine.addChild(descriptor);
      return descriptor;
    });
    PropertyMethodDescriptor test = new PropertyMethodDescriptor(container.getUniqueId(), type, method,
        problemOf(type, method));
    if (container.findByUniqueId(test.getUniqueId()).isEmpty()) {
      container.addChild(test);
    }
  }

  /** {@code [engine:detsim]/[class:name]} selects the class, {@code .../[property:name()]} one of its methods. */
  private void addUniqueId(UniqueId id) {
    List<UniqueId.Segment> segments = id.getSegments();
    if (!id.hasPrefix(engine.getUniqueId()) || segments.size() < 2
        || !segments.get(1).getType().equals(PropertyClassDescriptor.SEGMENT)) {
      return;
    }
    Optional<Class<?>> type = ReflectionSupport.tryToLoadClass(segments.get(1).getValue()).toOptional();
    if (type.isEmpty() || segments.size() == 2) {
      type.ifPresent(this::addClass);
      return;
    }
    for (Method method : propertiesOf(type.get())) {
      if (PropertyMethodDescriptor.segmentOf(method).equals(segments.get(2).getValue())) {
        addMethod(type.get(), method);
      }
    }
  }

  private static List<Method> propertiesOf(Class<?> type) {
    List<Method> methods = new ArrayList<>(
        ReflectionSupport.findMethods(type, PropertyDiscovery::isProperty, HierarchyTraversalMode.TOP_DOWN));
    methods.sort(BY_NAME);
    return methods;
  }

  private static boolean hasProperties(Class<?> type) {
    return !Modifier.isAbstract(type.getModifiers()) && !type.isAnonymousClass() && !type.isLocalClass()
        && !ReflectionSupport.findMethods(type, PropertyDiscovery::isProperty, HierarchyTraversalMode.TOP_DOWN).isEmpty();
  }

  private static boolean isProperty(Method method) {
    return AnnotationSupport.isAnnotated(method, SimProperty.class);
  }

  /** What keeps {@code method} of {@code type} from running as a property; empty when nothing. */
  static Optional<String> problemOf(Class<?> type, Method method) {
    List<String> problems = new ArrayList<>();
    if (method.getParameterCount() > 0) {
      problems.add("it takes " + method.getParameterCount()
          + (method.getParameterCount() == 1 ? " parameter" : " parameters")
          + " but must take none: the Property it returns generates the inputs");
    }
    if (method.getReturnType() != Property.class) {
      problems.add("it returns " + method.getGenericReturnType().getTypeName() + " but must return "
          + Property.class.getName() + "<?>");
    }
    if (!Modifier.isStatic(method.getModifiers())) {
      if (type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
        problems.add("it is an instance method of an inner class, which detsim cannot create: make the class static");
      } else if (!hasNoArgumentConstructor(type)) {
        problems.add("it is an instance method, but " + type.getName()
            + " has no constructor without parameters: add one, or make the method static");
      }
    }
    Settings.problemOf(method.getAnnotation(SimProperty.class)).ifPresent(problems::add);
    return problems.isEmpty() ? Optional.empty() : Optional.of("@SimProperty method " + type.getName() + "#"
        + PropertyMethodDescriptor.segmentOf(method) + " cannot run: " + String.join("; ", problems));
  }

  private static boolean hasNoArgumentConstructor(Class<?> type) {
    try {
      type.getDeclaredConstructor();
      return true;
    } catch (NoSuchMethodException missing) {
      return false;
    }
  }

  /** The class or method a selector names, or empty when it cannot be loaded (Jupiter reports that). */
  private static <T> Optional<T> loaded(Supplier<T> selected) {
    try {
      return Optional.of(selected.get());
    } catch (RuntimeException notLoadable) {
      return Optional.empty();
    }
  }
}
