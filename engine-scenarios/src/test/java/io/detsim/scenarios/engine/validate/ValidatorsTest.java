package io.detsim.scenarios.engine.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.engine.index.HnswIndex;
import io.detsim.engine.index.HnswParams;
import io.detsim.engine.planted.EngineMutant;
import io.detsim.sim.random.Xoshiro256;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ValidatorsTest {

  @Test
  void sequence_gapIsRecordedAndAdvances_duplicateIsRecordedAndDoesNot() {
    SequenceValidator sequence = new SequenceValidator("session s-1");
    assertThat(sequence.observe(5, 0)).isEmpty(); // the first value is accepted as given
    assertThat(sequence.observe(6, 0)).isEmpty();
    assertThat(sequence.observe(9, 0)).hasValueSatisfying(v -> assertThat(v.message()).contains("gap: expected 7, got 9"));
    assertThat(sequence.observe(10, 0)).as("the gap advanced last to 9").isEmpty();
    assertThat(sequence.observe(10, 0)).hasValueSatisfying(v -> assertThat(v.kind()).isEqualTo(Violation.Kind.SEQUENCE_VIOLATION));
    assertThat(sequence.observe(11, 0)).as("the duplicate did not advance").isEmpty();
    assertThat(sequence.gapCount()).isEqualTo(1);
    assertThat(sequence.duplicateCount()).isEqualTo(1);
    assertThat(sequence.gaps()).singleElement().satisfies(gap -> assertThat(gap).containsExactly(6, 9));
    sequence.reset();
    assertThat(sequence.gapCount()).isZero();
  }

  @Test
  void eventualConsistency_listsEveryMissingId_andOverdueOnesAfterTheBound() {
    EventualConsistencyValidator validator = new EventualConsistencyValidator(100);
    validator.recordAck("a", 1, 0);
    validator.recordAck("b", 2, 50);
    validator.recordAck("a", 1, 70); // repeated ACCEPTED keeps the first time
    assertThat(validator.trackedCount()).isEqualTo(2);
    assertThat(validator.validateAllPresent(Set.of("a", "b"), 200)).isEmpty();
    assertThat(validator.validateAllPresent(Set.of("a"), 200)).hasValueSatisfying(v -> {
      assertThat(v.kind()).isEqualTo(Violation.Kind.DATA_LOSS);
      assertThat(v.evidence()).containsExactly("b");
    });
    assertThat(validator.overdue(Set.of("a"), 0, 140)).as("b is missing for 90 < 100").isEmpty();
    assertThat(validator.overdue(Set.of("a"), 0, 151)).hasValueSatisfying(v -> assertThat(v.evidence()).containsExactly("b"));
    assertThat(validator.overdue(Set.of("a"), 100, 151)).as("healthy only since 100").isEmpty();
  }

  @Test
  void chaosTestStats_matchTheOriginalExample() {
    ChaosTestStats stats = new ChaosTestStats();
    stats.sent(1000);
    stats.acked(950);
    stats.rejected(50);
    stats.recalled(950);
    assertThat(stats.dataLoss()).isZero();
    assertThat(stats.successRate()).isEqualTo(0.95);
    assertThat(stats.rejectionRate()).isEqualTo(0.05);
    assertThat(new ChaosTestStats().successRate()).isZero();
    assertThat(stats.report()).contains("data loss 0", "success rate 0.9500", "rejection rate 0.0500");
  }

  @Test
  void graphIntegrity_staticChecks_findMissingReverseEdges_andBrokenHierarchies() {
    Map<Long, long[]> graph = new LinkedHashMap<>();
    graph.put(1L, new long[] {2});
    graph.put(2L, new long[] {1});
    assertThat(GraphIntegrityValidator.validateBidirectional(graph)).isEmpty();
    graph.put(3L, new long[] {1});
    assertThat(GraphIntegrityValidator.validateBidirectional(graph)).hasValue("reverse edge missing: 1 -> 3");
    graph.put(4L, new long[] {9});
    graph.remove(3L);
    assertThat(GraphIntegrityValidator.validateBidirectional(graph)).hasValue("target node not found: 4 -> 9");
    assertThat(GraphIntegrityValidator.validateLayerHierarchy(List.of(new TreeSet<>(List.of(1L, 2L)), new TreeSet<>(List.of(2L)))))
        .isEmpty();
    assertThat(GraphIntegrityValidator.validateLayerHierarchy(List.of(new TreeSet<>(List.of(1L)), new TreeSet<>(List.of(2L)))))
        .hasValue("node 2 is in layer 1 but not in layer 0");
  }

  @Test
  void graphIntegrity_onARealIndex_isCleanForTheEngine_andCatchesTheDegreeMutant() {
    assertThat(GraphIntegrityValidator.check("space-a", build(EnumSet.noneOf(EngineMutant.class)), 0)).isEmpty();
    assertThat(GraphIntegrityValidator.check("space-a", build(EnumSet.of(EngineMutant.REVERSE_DEGREE_UNBOUNDED)), 0))
        .hasValueSatisfying(v -> assertThat(v.kind()).isEqualTo(Violation.Kind.GRAPH_INTEGRITY));
  }

  private static HnswIndex build(EnumSet<EngineMutant> mutants) {
    Xoshiro256 random = new Xoshiro256(3);
    HnswIndex index = new HnswIndex(HnswParams.defaults(8), new Xoshiro256(4), mutants);
    for (long id = 1; id <= 400; id++) {
      float[] vector = new float[8];
      for (int i = 0; i < 8; i++) {
        vector[i] = (float) random.nextGaussian();
      }
      index.insert(id, vector, id);
    }
    return index;
  }
}
