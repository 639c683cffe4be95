package io.detsim.replay.corpus;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class that stands for a module's regression corpus. Maven Surefire asks JUnit for
 * test classes by name, never for a folder of files, so the corpus engine needs a class to answer
 * to: when a class with this annotation is selected (Surefire runs every class its includes match;
 * {@code -Dtest=RegressionCorpusTest} runs just this one), the corpus runs. Running a whole classpath
 * root (an IDE's "all tests") runs it too, without the class. The class needs no body.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DetsimCorpus {}
