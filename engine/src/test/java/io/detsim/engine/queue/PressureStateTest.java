package io.detsim.engine.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detsim.engine.protocol.SessionStatus;
import org.junit.jupiter.api.Test;

class PressureStateTest {

  @Test
  void of_switchesExactlyAtHalfEightyAndNinetyFivePercent() {
    assertThat(PressureState.of(0, 100)).isEqualTo(PressureState.NORMAL);
    assertThat(PressureState.of(49, 100)).isEqualTo(PressureState.NORMAL);
    assertThat(PressureState.of(50, 100)).isEqualTo(PressureState.WARNING);
    assertThat(PressureState.of(79, 100)).isEqualTo(PressureState.WARNING);
    assertThat(PressureState.of(80, 100)).isEqualTo(PressureState.CRITICAL);
    assertThat(PressureState.of(94, 100)).isEqualTo(PressureState.CRITICAL);
    assertThat(PressureState.of(95, 100)).isEqualTo(PressureState.OVERLOADED);
    assertThat(PressureState.of(100, 100)).isEqualTo(PressureState.OVERLOADED);
  }

  @Test
  void of_comparesExactlyWhereDoublesWouldRound() {
    assertThat(PressureState.of(499_999, 1_000_000)).isEqualTo(PressureState.NORMAL);
    assertThat(PressureState.of(500_000, 1_000_000)).isEqualTo(PressureState.WARNING);
    assertThat(PressureState.of(18, 20)).isEqualTo(PressureState.CRITICAL);
    assertThat(PressureState.of(19, 20)).isEqualTo(PressureState.OVERLOADED); // exactly 0.95
    assertThat(PressureState.of(3, 7)).isEqualTo(PressureState.NORMAL);
    assertThat(PressureState.of(4, 7)).isEqualTo(PressureState.WARNING);
    assertThat(PressureState.of(6, 7)).isEqualTo(PressureState.CRITICAL);
    assertThat(PressureState.of(0, 1)).isEqualTo(PressureState.NORMAL);
    assertThat(PressureState.of(1, 1)).isEqualTo(PressureState.OVERLOADED);
    assertThatThrownBy(() -> PressureState.of(1, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toStatus_tellsClientsActiveBackpressureOrOverloaded() {
    assertThat(PressureState.NORMAL.toStatus()).isEqualTo(SessionStatus.ACTIVE);
    assertThat(PressureState.WARNING.toStatus()).isEqualTo(SessionStatus.ACTIVE);
    assertThat(PressureState.CRITICAL.toStatus()).isEqualTo(SessionStatus.BACKPRESSURE);
    assertThat(PressureState.OVERLOADED.toStatus()).isEqualTo(SessionStatus.OVERLOADED);
    assertThat(PressureState.OVERLOADED.level()).isEqualTo(3);
  }
}
