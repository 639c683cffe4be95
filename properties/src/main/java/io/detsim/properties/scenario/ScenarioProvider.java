package io.detsim.properties.scenario;

import java.util.List;

/**
 * Registers scenarios with detsim's tools, through {@link java.util.ServiceLoader}: name the
 * implementing class in {@code META-INF/services/io.detsim.properties.scenario.ScenarioProvider}.
 * Its class needs a public constructor without arguments.
 */
public interface ScenarioProvider {

  /** This provider's scenarios, the default one of a campaign first. */
  List<Scenario<?>> scenarios();
}
