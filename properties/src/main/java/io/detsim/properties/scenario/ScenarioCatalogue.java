package io.detsim.properties.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The scenarios on a class path, found through {@link ScenarioProvider}s, in the order the
 * providers list them. Two scenarios with one name are refused: a failure file names its scenario,
 * and the name must mean one thing.
 */
public final class ScenarioCatalogue {
  private final Map<String, Scenario<?>> byName;

  private ScenarioCatalogue(Map<String, Scenario<?>> byName) {
    this.byName = byName;
  }

  /** The scenarios the providers on {@code loader}'s class path register. */
  public static ScenarioCatalogue load(ClassLoader loader) {
    List<Scenario<?>> all = new ArrayList<>();
    for (ScenarioProvider provider : ServiceLoader.load(ScenarioProvider.class, loader)) {
      all.addAll(provider.scenarios());
    }
    return of(all);
  }

  /** A catalogue of exactly these scenarios. */
  public static ScenarioCatalogue of(List<? extends Scenario<?>> scenarios) {
    Map<String, Scenario<?>> byName = new LinkedHashMap<>();
    for (Scenario<?> scenario : scenarios) {
      if (!scenario.name().matches("[a-z0-9][a-z0-9_-]*")) {
        throw new IllegalArgumentException("a scenario's name is lower case, digits, _ and -: '" + scenario.name() + "'");
      }
      Scenario<?> earlier = byName.putIfAbsent(scenario.name(), scenario);
      if (earlier != null) {
        throw new IllegalArgumentException("two scenarios are named '" + scenario.name() + "': "
            + earlier.getClass().getName() + " and " + scenario.getClass().getName());
      }
    }
    return new ScenarioCatalogue(byName);
  }

  public List<Scenario<?>> all() {
    return List.copyOf(byName.values());
  }

  public Optional<Scenario<?>> named(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The first scenario: what {@code fuzz} runs when none is named. */
  public Optional<Scenario<?>> first() {
    return byName.values().stream().findFirst();
  }

  public List<String> names() {
    return List.copyOf(byName.keySet());
  }

  public boolean isEmpty() {
    return byName.isEmpty();
  }
}
