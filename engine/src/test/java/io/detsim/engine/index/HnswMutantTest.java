package io.detsim.engine.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detsim.engine.index.IntegrityViolation.Invariant;
import io.detsim.engine.planted.EngineMutant;
import io.detsim.sim.random.Xoshiro256;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each mutant is caught by the check meant for it, and the same run without it is clean. */
class HnswMutantTest {
  private static final int DIMENSION = 16;

  private static HnswIndex build(Set<EngineMutant> planted, int count) {
    HnswIndex index = new HnswIndex(HnswParams.defaults(DIMENSION), new Xoshiro256(31), planted);
    float[][] vectors = TestVectors.randomVectors(32, count, DIMENSION);
    for (int i = 0; i < count; i++) {
      index.insert(i, vectors[i], i < count / 2 ? 1 : 2);
    }
    return index;
  }

  @Test
  void reverseDegreeUnbounded_isReportedAsADegreeViolation() {
    HnswIndex mutant = build(EnumSet.of(EngineMutant.REVERSE_DEGREE_UNBOUNDED), 1000);
    HnswIndex sound = build(EnumSet.noneOf(EngineMutant.class), 1000);

    List<IntegrityViolation> violations = mutant.checkIntegrity();

    assertThat(violations).isNotEmpty();
    assertThat(violations).extracting(IntegrityViolation::invariant).containsOnly(Invariant.DEGREE_BOUNDED);
    assertThat(sound.checkIntegrity()).isEmpty();
  }

  @Test
  void generationFilterIgnored_failsAtTheSearchThatKeptANewerNode() {
    HnswIndex mutant = build(EnumSet.of(EngineMutant.GENERATION_FILTER_IGNORED), 400);
    HnswIndex sound = build(EnumSet.noneOf(EngineMutant.class), 400);
    float[] query = TestVectors.randomVector(new Xoshiro256(33), DIMENSION);

    // Even a search for the single nearest, which may well be old, keeps newer nodes in its beam.
    assertThatThrownBy(() -> mutant.search(query, 1, 1)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("a search at snapshot generation 1 kept").hasMessageContaining("of generation 2");
    assertThat(sound.search(query, 50, 1)).extracting(Neighbour::generation).containsOnly(1L);
    assertThat(mutant.search(query, 50, Long.MAX_VALUE)).extracting(Neighbour::generation).contains(2L);
    assertThat(mutant.checkIntegrity()).isEmpty(); // structure is not what this mutant breaks
  }
}
