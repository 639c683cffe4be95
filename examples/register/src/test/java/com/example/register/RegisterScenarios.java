package com.example.register;

import io.detsim.properties.scenario.Scenario;
import io.detsim.properties.scenario.ScenarioProvider;
import java.util.List;

/** Registers the register's scenario with detsim's tools (META-INF/services). */
public final class RegisterScenarios implements ScenarioProvider {
  @Override
  public List<Scenario<?>> scenarios() {
    return List.of(new RegisterScenario());
  }
}
