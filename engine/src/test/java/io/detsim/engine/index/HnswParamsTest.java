package io.detsim.engine.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HnswParamsTest {

  @Test
  void defaults_areTheEngineDecision() {
    HnswParams params = HnswParams.defaults(768);

    assertThat(params.m()).isEqualTo(16);
    assertThat(params.m0()).isEqualTo(32);
    assertThat(params.efConstruction()).isEqualTo(200);
    assertThat(params.efSearch()).isEqualTo(64);
    assertThat(params.maxLayers()).isEqualTo(16);
    assertThat(params.dimension()).isEqualTo(768);
  }

  @Test
  void maxDegree_isM0OnLayerZeroAndMAbove() {
    HnswParams params = HnswParams.defaults(16);

    assertThat(params.maxDegree(0)).isEqualTo(32);
    assertThat(params.maxDegree(1)).isEqualTo(16);
    assertThat(params.maxDegree(15)).isEqualTo(16);
  }

  @Test
  void levelMultiplier_isOneOverLnM() {
    assertThat(HnswParams.defaults(16).levelMultiplier()).isEqualTo(1.0 / StrictMath.log(16));
  }

  @Test
  void constructor_rejectsMBelowTwo() {
    assertThatThrownBy(() -> new HnswParams(1, 32, 200, 64, 16, 16))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("m must be at least 2");
  }

  @Test
  void constructor_rejectsM0BelowM() {
    assertThatThrownBy(() -> new HnswParams(16, 8, 200, 64, 16, 16))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("m0 must be at least m");
  }

  @Test
  void constructor_rejectsNonPositiveBeams() {
    assertThatThrownBy(() -> new HnswParams(16, 32, 0, 64, 16, 16))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("efConstruction");
    assertThatThrownBy(() -> new HnswParams(16, 32, 200, 0, 16, 16))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("efSearch");
  }

  @Test
  void constructor_rejectsLayerCountOutOfRange() {
    assertThatThrownBy(() -> new HnswParams(16, 32, 200, 64, 0, 16))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxLayers");
    assertThatThrownBy(() -> new HnswParams(16, 32, 200, 64, 65, 16))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxLayers");
  }

  @Test
  void defaults_rejectNonPositiveDimension() {
    assertThatThrownBy(() -> HnswParams.defaults(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dimension must be positive: 0");
  }
}
