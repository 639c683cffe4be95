package io.detsim.engine.real;

import java.util.List;

/** The runtime's threads that are still alive (they are all named {@code detsim-...}). */
final class RealThreads {
  private RealThreads() {}

  static List<String> alive() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
        .filter(name -> name.startsWith("detsim-")).sorted().toList();
  }
}
