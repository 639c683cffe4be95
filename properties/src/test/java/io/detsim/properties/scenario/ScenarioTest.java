package io.detsim.properties.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.engine.server.EngineMutant;
import io.detsim.properties.core.PropertyConfig;
import io.detsim.properties.core.PropertyResult;
import io.detsim.properties.core.PropertyRunner;
import java.util.EnumSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The real engine passes every scenario, over the same seeds on every run. */
class ScenarioTest {
  static Iterable<String> scenarios() {
    return Scenarios.all().stream().map(Scenario::name).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void realEngine_passesEveryRun(String name) {
    Scenario scenario = Scenarios.named(name).orElseThrow();
    long started = System.nanoTime();
    PropertyResult<ScenarioInput> result = new PropertyRunner(PropertyConfig.defaults().withTries(40))
        .run(scenario.property(EnumSet.noneOf(EngineMutant.class)));
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("scenario %-26s %d tries in %.1f s: %.1f tries/s%n", name, result.triesRun(), seconds,
        result.triesRun() / seconds);
    assertThat(result.passed()).as(result.report()).isTrue();
  }
}
