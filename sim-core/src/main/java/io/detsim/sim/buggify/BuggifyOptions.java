package io.detsim.sim.buggify;

import io.detsim.sim.port.Ratio;

/**
 * Fault points in code (FoundationDB's BUGGIFY): per run, each site is enabled with
 * {@code enableRatio}; an enabled site fires with {@code fireRatio} each time it is asked.
 * {@link #none()} turns every site off. FoundationDB's defaults are 1/4 and 1/4: enough sites are on
 * in any run to matter, few enough that the run still makes progress.
 */
public record BuggifyOptions(boolean enabled, Ratio enableRatio, Ratio fireRatio) {
  public BuggifyOptions {
    java.util.Objects.requireNonNull(enableRatio, "enableRatio");
    java.util.Objects.requireNonNull(fireRatio, "fireRatio");
  }

  public static BuggifyOptions none() {
    return new BuggifyOptions(false, Ratio.NEVER, Ratio.NEVER);
  }

  /** FoundationDB's choice: a quarter of the sites, each firing a quarter of the time. */
  public static BuggifyOptions standard() {
    return new BuggifyOptions(true, Ratio.of(1, 4), Ratio.of(1, 4));
  }
}
