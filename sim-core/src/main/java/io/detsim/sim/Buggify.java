package io.detsim.sim;

import io.detsim.sim.buggify.BuggifyOptions;
import io.detsim.sim.port.RandomSource;
import io.detsim.sim.random.RandomStreams;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides BUGGIFY sites for one run.
 *
 * <p>Whether a site is enabled is drawn from a stream named after the site alone
 * ({@code buggify/enable/<Enum class>.<constant>}), and its firing from another such stream, so a
 * site's fate does not depend on which other sites were asked first or how often: adding a site to
 * the code changes no other site's behaviour. Sites are looked up by identity but listed by name.
 *
 * <p>{@link #switchOff()} ends BUGGIFY for the rest of the run, as FoundationDB does when its quiet
 * phase starts: a fault point is a fault like any other, and the liveness phase asks the system to
 * settle once every fault has healed. A site that still fired then (a worker killed every few
 * heartbeats) would keep the system from settling and make a false alarm of a bounded check.
 */
final class Buggify {
  private final BuggifyOptions options;
  private final RandomStreams streams;
  private final Map<Enum<?>, Site> sites = new LinkedHashMap<>();
  private boolean switchedOff;

  public Buggify(BuggifyOptions options, RandomStreams streams) {
    this.options = options;
    this.streams = streams;
  }

  /** True when {@code site} is enabled for this run and fires this time. */
  public boolean shouldFire(Enum<?> site) {
    if (!options.enabled() || switchedOff) {
      return false;
    }
    Site state = sites.computeIfAbsent(site, this::decide);
    if (!state.enabled) {
      return false;
    }
    boolean fires = state.firing.chance(options.fireRatio());
    if (fires) {
      state.fired++;
    }
    return fires;
  }

  /**
   * No site fires from now on. Returns true the first time, when BUGGIFY was on for this run, so the
   * caller traces the instant once; false when it was already off (or never on).
   */
  public boolean switchOff() {
    boolean wasOn = options.enabled() && !switchedOff;
    switchedOff = true;
    return wasOn;
  }

  /** Every site asked so far, by name: whether enabled, and how often it fired. */
  public Map<String, String> report() {
    Map<String, String> report = new TreeMap<>();
    for (Map.Entry<Enum<?>, Site> entry : sites.entrySet()) {
      Site site = entry.getValue();
      report.put(qualifiedName(entry.getKey()), site.enabled ? "enabled, fired " + site.fired : "disabled");
    }
    return report;
  }

  private Site decide(Enum<?> site) {
    String name = qualifiedName(site);
    boolean enabled = streams.stream("buggify/enable/" + name).chance(options.enableRatio());
    return new Site(enabled, streams.stream("buggify/fire/" + name));
  }

  private static String qualifiedName(Enum<?> site) {
    return site.getDeclaringClass().getSimpleName() + "." + site.name();
  }

  private static final class Site {
    final boolean enabled;
    final RandomSource firing;
    long fired;

    Site(boolean enabled, RandomSource firing) {
      this.enabled = enabled;
      this.firing = firing;
    }
  }
}
