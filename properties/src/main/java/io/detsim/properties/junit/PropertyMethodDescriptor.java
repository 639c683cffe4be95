package io.detsim.properties.junit;

import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;

/**
 * One {@link SimProperty} method: one test. A method whose signature or annotation is wrong is
 * still a test, carrying the problem found at discovery, so that it fails with that message rather
 * than vanishing from the run.
 */
final class PropertyMethodDescriptor extends AbstractTestDescriptor {
  static final String SEGMENT = "property";

  private final Class<?> testClass;
  private final Method method;
  private final Optional<String> problem;

  PropertyMethodDescriptor(UniqueId classId, Class<?> testClass, Method method, Optional<String> problem) {
    super(classId.append(SEGMENT, segmentOf(method)), method.getName(), MethodSource.from(testClass, method));
    this.testClass = testClass;
    this.method = method;
    this.problem = problem;
  }

  /** The unique id segment of {@code method}: its name and parameter types, {@code name()} when valid. */
  static String segmentOf(Method method) {
    StringBuilder segment = new StringBuilder(method.getName()).append('(');
    Class<?>[] parameters = method.getParameterTypes();
    for (int i = 0; i < parameters.length; i++) {
      segment.append(i == 0 ? "" : ", ").append(parameters[i].getTypeName());
    }
    return segment.append(')').toString();
  }

  Class<?> testClass() {
    return testClass;
  }

  Method method() {
    return method;
  }

  SimProperty annotation() {
    return method.getAnnotation(SimProperty.class);
  }

  /** What is wrong with the method's declaration; empty when it can run. */
  Optional<String> problem() {
    return problem;
  }

  /** {@code Class#method}, the way Surefire's {@code -Dtest} and the failure database name it. */
  String testName() {
    return testClass.getSimpleName() + "#" + method.getName();
  }

  /** {@code fully.qualified.Class#method}: the key of the property's failure database file. */
  String databaseKey() {
    return testClass.getName() + "#" + method.getName();
  }

  @Override
  public Type getType() {
    return Type.TEST;
  }
}
