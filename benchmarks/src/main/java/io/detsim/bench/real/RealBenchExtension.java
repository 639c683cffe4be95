package io.detsim.bench.real;

import io.detsim.cli.CommandExtension;

/** Puts {@code real} under {@code detsim bench} when this module is on the command line's class path. */
public final class RealBenchExtension implements CommandExtension {

  @Override
  public String parent() {
    return "bench";
  }

  @Override
  public Object command() {
    return new RealBenchCommand();
  }
}
