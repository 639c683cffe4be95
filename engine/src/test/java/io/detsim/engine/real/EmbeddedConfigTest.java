package io.detsim.engine.real;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detsim.engine.protocol.Priority;
import io.detsim.engine.queue.QueueOptions;
import io.detsim.engine.server.EngineOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The default queue follows the heap: under overload a full queue must leave room for what the
 * engine already holds. The design's 160,000 at dimension 128 filled a 256 MB heap to 234 MB after
 * GC (docs/benchmarks.md); these pin the arithmetic, not a measurement.
 */
class EmbeddedConfigTest {
  private static final long MB = 1L << 20;
  private static final QueueOptions DESIGN = QueueOptions.defaults();

  private static long fullQueueBytes(QueueOptions queue, int dimension) {
    return (long) queue.totalCapacity() * (4L * dimension + EmbeddedConfig.QUEUED_OBSERVATION_OVERHEAD_BYTES);
  }

  @Test
  void queueForHeap_keepsTheDesignsLanes_whenTheHeapIsLarge() {
    assertThat(EmbeddedConfig.queueForHeap(DESIGN, 4_096 * MB, 128)).isEqualTo(DESIGN);
  }

  @Test
  void queueForHeap_scalesEveryLaneDown_toAnEighthOfA256MbHeap() {
    QueueOptions queue = EmbeddedConfig.queueForHeap(DESIGN, 256 * MB, 128);

    assertThat(queue.totalCapacity()).isEqualTo(32_768);
    assertThat(queue.capacity(Priority.HIGH)).isEqualTo(2_048);
    assertThat(queue.capacity(Priority.NORMAL)).isEqualTo(20_480);
    assertThat(queue.capacity(Priority.LOW)).isEqualTo(10_240);
    assertThat(fullQueueBytes(queue, 128)).isLessThanOrEqualTo(256 * MB / 8);
    assertThat(queue.lowPromotionNanos()).isEqualTo(DESIGN.lowPromotionNanos());
  }

  @Test
  void queueForHeap_fitsItsShare_atEveryDimension_andKeepsAPlaceInEachLane() {
    for (int dimension : new int[] {1, 128, 768, 4_096}) {
      for (long heap : new long[] {1 * MB, 64 * MB, 256 * MB, 1_024 * MB}) {
        QueueOptions queue = EmbeddedConfig.queueForHeap(DESIGN, heap, dimension);
        assertThat(queue.totalCapacity()).isLessThanOrEqualTo(DESIGN.totalCapacity());
        for (Priority lane : Priority.values()) {
          assertThat(queue.capacity(lane)).as("%s at %d MB, dim %d", lane, heap / MB, dimension).isPositive();
        }
        if (queue.totalCapacity() > 1) {
          assertThat(fullQueueBytes(queue, dimension)).as("%d MB, dim %d", heap / MB, dimension)
              .isLessThanOrEqualTo(heap / 8);
        }
      }
    }
  }

  @Test
  void realTimeOptions_sizeTheQueueByThisJvmsHeap() {
    QueueOptions expected = EmbeddedConfig.queueForHeap(DESIGN, Runtime.getRuntime().maxMemory(), 768);

    assertThat(EmbeddedConfig.realTimeOptions(768).queue()).isEqualTo(expected);
  }

  @Test
  void heldObservationsForHeap_takesHalfA256MbHeap_atTheMeasuredBytesAnObservation() {
    long budget = EmbeddedConfig.heldObservationsForHeap(256 * MB, 128);

    assertThat(budget).isEqualTo(102_300);
    assertThat(budget * (4L * 128 + EmbeddedConfig.HELD_OBSERVATION_OVERHEAD_BYTES)).isLessThanOrEqualTo(128 * MB);
    assertThat(EmbeddedConfig.heldObservationsForHeap(256 * MB, 768)).isEqualTo(34_663);
    assertThat(EmbeddedConfig.heldObservationsForHeap(1, 128)).isEqualTo(1);
    assertThat(EmbeddedConfig.heldObservationsForHeap(Long.MAX_VALUE, 128)).isEqualTo(EngineOptions.UNLIMITED);
  }

  @Test
  void realTimeOptions_setTheHeldDataBudgetFromThisJvmsHeap_whereTheSimulationHasNone() {
    long expected = EmbeddedConfig.heldObservationsForHeap(Runtime.getRuntime().maxMemory(), 768);

    assertThat(EmbeddedConfig.realTimeOptions(768).heldObservationsMax()).isEqualTo(expected)
        .isLessThan(EngineOptions.UNLIMITED);
    assertThat(EmbeddedConfig.of(Path.of("data"), 768).engine().heldObservationsMax()).isEqualTo(expected);
    assertThat(EngineOptions.defaults(768).heldObservationsMax()).isEqualTo(EngineOptions.UNLIMITED);
  }
}
