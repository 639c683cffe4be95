/**
 * The extension point through which any system reaches detsim's tools. Implement
 * {@link io.detsim.properties.scenario.Scenario} (a name, a generator of inputs from choices, a run
 * that ends in a verdict, optionally an {@link io.detsim.properties.scenario.InputText} for editable
 * failure files and {@link io.detsim.properties.scenario.PlantedBug}s), list it in a
 * {@link io.detsim.properties.scenario.ScenarioProvider} registered with {@link java.util.ServiceLoader},
 * and {@code @SimProperty} ({@link io.detsim.properties.scenario.ScenarioProperty}), the command line,
 * failure files, replay, shrinking and the corpus engine all work on it. The streaming engine's own
 * scenarios come in this way.
 */
package io.detsim.properties.scenario;
