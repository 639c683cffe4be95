/**
 * The engine's scenarios, as a user of detsim's extension point: {@code EngineScenarios} is their
 * {@link io.detsim.properties.scenario.ScenarioProvider}, each {@code EngineScenario} a named space of
 * inputs ({@code ScenarioInput}: engine shape, swarm of fault kinds, clients, schedule) run by
 * {@code ScenarioRunner} in a safety phase and a liveness phase, and judged by {@code EndChecks}.
 * {@code ScenarioInputText} is the input's editable text in failure files.
 */
package io.detsim.scenarios.engine;
