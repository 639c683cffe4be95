package com.example.register;

import io.detsim.properties.core.Property;
import io.detsim.properties.junit.SimProperty;
import io.detsim.properties.scenario.RunSettings;
import io.detsim.properties.scenario.ScenarioProperty;

/** The register's guarantee as a property: run by detsim's test engine under Surefire. */
public class RegisterProperties {
  @SimProperty(tries = 200)
  public Property<RegisterInput> acknowledgedWrites_surviveCrashesPausesAndPartitions() {
    return ScenarioProperty.of(new RegisterScenario(), RunSettings.plain());
  }
}
