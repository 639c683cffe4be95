package io.detsim.properties.junit;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;

/** A class that declares {@link SimProperty} methods: a container of their tests. */
final class PropertyClassDescriptor extends AbstractTestDescriptor {
  static final String SEGMENT = "class";

  private final Class<?> testClass;

  PropertyClassDescriptor(UniqueId parentId, Class<?> testClass) {
    super(parentId.append(SEGMENT, testClass.getName()), testClass.getSimpleName(), ClassSource.from(testClass));
    this.testClass = testClass;
  }

  Class<?> testClass() {
    return testClass;
  }

  /** The fully qualified name, as Jupiter reports classes: Surefire's XML reports group tests by it. */
  @Override
  public String getLegacyReportingName() {
    return testClass.getName();
  }

  @Override
  public Type getType() {
    return Type.CONTAINER;
  }
}
