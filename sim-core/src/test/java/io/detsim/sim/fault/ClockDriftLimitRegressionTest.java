package io.detsim.sim.fault;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detsim.sim.fault.Fault.ClockDrift;
import io.detsim.sim.port.NodeId;
import org.junit.jupiter.api.Test;

/**
 * {@code ClockDrift} checked its range with {@code Math.abs(partsPerMillion) > 1_000_000}. For
 * {@code Long.MIN_VALUE}, {@code Math.abs} overflows and returns {@code Long.MIN_VALUE} itself, which
 * is not above the limit, so a drift of about -9.2e18 ppm was accepted: a clock running backwards at
 * an absurd rate instead of a rejected fault. The check now compares against both bounds.
 */
class ClockDriftLimitRegressionTest {
  private static final NodeId SERVER = NodeId.of("server");

  @Test
  void clockDrift_rejectsLongMinValue() {
    assertThatThrownBy(() -> new ClockDrift(SERVER, Long.MIN_VALUE)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void clockDrift_rejectsJustBeyondEitherLimit() {
    assertThatThrownBy(() -> new ClockDrift(SERVER, -1_000_001)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ClockDrift(SERVER, 1_000_001)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parse_rejectsADriftOfLongMinValue() {
    assertThatThrownBy(() -> FaultSchedule.parse("1s clock-drift server -9223372036854775808ppm"))
        .isInstanceOf(ScheduleParseException.class)
        .hasMessage(
            "line 1, column 23: expected a drift from -1000000ppm to +1000000ppm, found '-9223372036854775808ppm'");
  }
}
