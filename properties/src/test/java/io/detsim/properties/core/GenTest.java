package io.detsim.properties.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detsim.sim.port.Ratio;
import io.detsim.sim.random.Xoshiro256;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class GenTest {

  /** {@code count} values of {@code gen}, from seeds 0, 1, 2, ... */
  static <T> List<T> sample(Gen<T> gen, int count) {
    List<T> values = new ArrayList<>();
    for (long seed = 0; seed < count; seed++) {
      values.add(gen.generate(new RandomChoiceSource(new Xoshiro256(seed))));
    }
    return values;
  }

  static <T> T replay(Gen<T> gen, long... values) {
    return gen.generate(new ReplayChoiceSource(ChoiceSequence.of(values)));
  }

  static <T> TreeMap<T, Integer> histogram(List<T> values) {
    TreeMap<T, Integer> counts = new TreeMap<>();
    for (T value : values) {
      counts.merge(value, 1, Integer::sum);
    }
    return counts;
  }

  @Test
  void longs_stayInRange_andReachBothEnds() {
    List<Long> values = sample(Gen.longs(-3, 1_000_000), 2_000);
    assertThat(values).allSatisfy(value -> assertThat(value).isBetween(-3L, 1_000_000L));
    assertThat(values).contains(-3L, 1_000_000L, 0L);
  }

  @Test
  void longs_shrinkTowardTheValueClosestToZero() {
    assertThat(replay(Gen.longs(-3, 1_000))).isZero();
    assertThat(replay(Gen.longs(5, 1_000))).isEqualTo(5);
    assertThat(replay(Gen.longs(-1_000, -5))).isEqualTo(-5);
    assertThat(replay(Gen.longs(-1_000, 1_000), 7)).isEqualTo(7);
    assertThat(replay(Gen.longs(-1_000, 1_000), -7)).isEqualTo(-7);
  }

  @Test
  void longs_drawTheOffsetFromTheTarget() {
    Gen<Long> gen = Gen.longs(0, 1_000, 500);
    assertThat(replay(gen)).isEqualTo(500);
    assertThat(replay(gen, 1)).isEqualTo(501);
    assertThat(replay(gen, -1)).isEqualTo(499);
    assertThat(replay(gen, 9_999)).isEqualTo(1_000);
    assertThat(replay(gen, -9_999)).isEqualTo(0);
  }

  @Test
  void longs_overTheWholeRange() {
    List<Long> values = sample(Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE), 500);
    assertThat(values).contains(Long.MIN_VALUE, Long.MAX_VALUE);
    assertThat(values).anySatisfy(value -> assertThat(value).isNegative());
    assertThat(values).anySatisfy(value -> assertThat(value).isGreaterThan(1L << 40));
  }

  @Test
  void longs_rejectBadRanges() {
    assertThatThrownBy(() -> Gen.longs(5, 4)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Gen.longs(0, 10, 11)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("min <= target <= max");
    assertThatThrownBy(() -> Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE, 5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not fit a long");
  }

  @Test
  void ints_areUniformOnASmallRange() {
    TreeMap<Integer, Integer> counts = histogram(sample(Gen.ints(0, 9), 10_000));
    assertThat(counts.keySet()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(counts.values()).allSatisfy(count -> assertThat(count).isBetween(850, 1_150));
  }

  @Test
  void ints_coverNegativeRanges_andShrinkTowardTheirTarget() {
    assertThat(histogram(sample(Gen.ints(-5, 5), 2_000)).keySet())
        .containsExactly(-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5);
    assertThat(replay(Gen.ints(-100, 100, -40))).isEqualTo(-40);
    assertThat(replay(Gen.ints(Integer.MIN_VALUE, Integer.MAX_VALUE), 1L << 40)).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void booleans_fairByDefault_andBiasedByRatio() {
    assertThat(sample(Gen.booleans(), 10_000).stream().filter(b -> b).count()).isBetween(4_800L, 5_200L);
    assertThat(sample(Gen.booleans(Ratio.of(1, 4)), 10_000).stream().filter(b -> b).count())
        .isBetween(2_300L, 2_700L);
    assertThat(sample(Gen.booleans(Ratio.NEVER), 100)).containsOnly(false);
    assertThat(sample(Gen.booleans(Ratio.ALWAYS), 100)).containsOnly(true);
    assertThat(replay(Gen.booleans(Ratio.of(99, 100)))).isFalse();
  }

  @Test
  void constant_drawsNothing() {
    RecordingChoiceSource source = new RandomChoiceSource(new Xoshiro256(1));
    assertThat(Gen.constant("x").generate(source)).isEqualTo("x");
    assertThat(source.choicesDrawn()).isZero();
  }

  @Test
  void oneOfValues_isUniform_andShrinksToTheFirst() {
    TreeMap<String, Integer> counts = histogram(sample(Gen.oneOf("a", "b", "c"), 6_000));
    assertThat(counts.keySet()).containsExactly("a", "b", "c");
    assertThat(counts.values()).allSatisfy(count -> assertThat(count).isBetween(1_800, 2_200));
    assertThat(replay(Gen.oneOf("a", "b", "c"))).isEqualTo("a");
    assertThatThrownBy(() -> Gen.oneOf()).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void oneOfGenerators_drawsFromEach_andShrinksToTheFirst() {
    Gen<Integer> gen = Gen.oneOf(List.of(Gen.ints(0, 9), Gen.ints(100, 109)));
    List<Integer> values = sample(gen, 1_000);
    assertThat(values).allSatisfy(value -> assertThat(value < 10 || (value >= 100 && value < 110)).isTrue());
    assertThat(values.stream().filter(value -> value >= 100).count()).isBetween(400L, 600L);
    assertThat(replay(gen)).isZero();
    assertThat(replay(gen, 1)).isEqualTo(100);
  }

  @Test
  void frequency_followsTheWeights_andShrinksToTheFirst() {
    Gen<String> gen = Gen.frequency(1, Gen.constant("rare")).or(3, Gen.constant("common")).or(0, Gen.constant("never"));
    TreeMap<String, Integer> counts = histogram(sample(gen, 8_000));
    assertThat(counts.keySet()).containsExactly("common", "rare");
    assertThat(counts.get("rare")).isBetween(1_800, 2_200);
    assertThat(replay(gen)).isEqualTo("rare");
    assertThat(gen.description()).isEqualTo("frequency(1: constant(rare), 3: constant(common), 0: constant(never))");
  }

  @Test
  void frequency_visitsEachOptionOnceWhenEnumerated() {
    Gen<String> gen = Gen.frequency(5, Gen.constant("a")).or(0, Gen.constant("b")).or(2, Gen.constant("c"))
        .or(1, Gen.constant("d"));
    assertThat(Exhaustive.values(gen, 100)).containsExactly("a", "c", "d");
  }

  @Test
  void frequency_rejectsBadWeights() {
    assertThatThrownBy(() -> Gen.frequency(-1, Gen.constant(1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> replay(Gen.frequency(0, Gen.constant(1)).or(0, Gen.constant(2))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive total weight");
  }

  @Test
  void listOf_sizesStayInBounds_andReachBoth() {
    TreeMap<Integer, Integer> sizes = histogram(sample(Gen.listOf(Gen.ints(0, 9), 2, 6), 2_000)
        .stream().map(List::size).collect(java.util.stream.Collectors.toList()));
    assertThat(sizes.firstKey()).isEqualTo(2);
    assertThat(sizes.lastKey()).isEqualTo(6);
    assertThat(sample(Gen.listOf(Gen.ints(0, 9), 3, 3), 100)).allSatisfy(list -> assertThat(list).hasSize(3));
    assertThat(sample(Gen.listOf(Gen.ints(0, 9), 0, 10), 100)).anySatisfy(list -> assertThat(list).isEmpty());
  }

  @Test
  void listOf_recordsAContinueChoiceBeforeEachOptionalElement() {
    assertThat(replay(Gen.listOf(Gen.ints(0, 99), 1, 5), 7, 1, 8, 1, 9, 0)).containsExactly(7, 8, 9);
    assertThat(replay(Gen.listOf(Gen.ints(0, 99), 0, 2), 1, 5, 1, 6, 1, 7)).containsExactly(5, 6);
  }

  @Test
  void listOf_deletingAnElementSpan_removesThatElement() {
    Gen<List<Integer>> gen = Gen.listOf(Gen.ints(0, 99), 0, 10);
    ReplayChoiceSource source = new ReplayChoiceSource(ChoiceSequence.of(1, 7, 1, 8, 1, 9));
    assertThat(gen.generate(source)).containsExactly(7, 8, 9);
    ChoiceSequence recorded = source.toSequence();
    List<ChoiceSequence.Span> elements = recorded.spans().stream()
        .filter(span -> span.label().equals("optional element")).collect(java.util.stream.Collectors.toList());
    assertThat(elements).extracting(ChoiceSequence.Span::start).containsExactly(0, 2, 4);

    long[] values = recorded.values();
    long[] withoutMiddle = new long[values.length - elements.get(1).size()];
    System.arraycopy(values, 0, withoutMiddle, 0, elements.get(1).start());
    System.arraycopy(values, elements.get(1).end(), withoutMiddle, elements.get(1).start(),
        values.length - elements.get(1).end());

    assertThat(replay(gen, withoutMiddle)).containsExactly(7, 9);
  }

  @Test
  void listOf_rejectsBadSizes() {
    assertThatThrownBy(() -> Gen.listOf(Gen.ints(0, 1), 3, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Gen.listOf(Gen.ints(0, 1), -1, 2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void map_and_flatMap() {
    assertThat(sample(Gen.ints(0, 9).map(i -> i * 2), 200)).allSatisfy(i -> assertThat(i % 2).isZero());
    Gen<List<Integer>> sized = Gen.ints(1, 4).flatMap(n -> Gen.listOf(Gen.constant(n), n, n));
    assertThat(sample(sized, 200)).allSatisfy(list -> assertThat(list).hasSize(list.get(0)).containsOnly(list.get(0)));
  }

  @Test
  void filter_keepsOnlyValuesThatPass() {
    assertThat(sample(Gen.ints(0, 100).filter(i -> i % 3 == 0), 500)).allSatisfy(i -> assertThat(i % 3).isZero());
  }

  @Test
  void filter_thatRejectsEverything_namesItsGenerator() {
    Gen<Integer> impossible = Gen.ints(0, 9).describe("digits").filter(i -> i > 100);
    assertThatThrownBy(() -> sample(impossible, 1))
        .isInstanceOf(GenerationException.class)
        .hasMessage("filter rejected 100 of 100 candidates for digits");
  }

  record Point(int x, int y) {}

  record Box(int x, int y, boolean open) {}

  record Event(String kind, int node, long atNanos, boolean retried) {}

  @Test
  void zip_combinesTwoThreeAndFour() {
    Gen<Point> points = Gen.zip(Gen.ints(0, 9), Gen.ints(10, 19), Point::new);
    assertThat(sample(points, 100)).allSatisfy(p -> assertThat(p.x() < 10 && p.y() >= 10).isTrue());
    Gen<Box> boxes = Gen.zip(Gen.ints(0, 9), Gen.ints(10, 19), Gen.booleans(), Box::new);
    assertThat(sample(boxes, 200)).extracting(Box::open).contains(true, false);
    Gen<Event> events = Gen.zip(Gen.oneOf("crash", "pause"), Gen.ints(0, 2), Gen.longs(0, 1_000), Gen.booleans(),
        Event::new);
    assertThat(replay(events, 1, 2, 300, 1)).isEqualTo(new Event("pause", 2, 300, true));
    assertThat(events.description()).isEqualTo("zip(oneOf[crash, pause], ints(0, 2), longs(0, 1000), booleans(1/2))");
  }

  /** A binary tree: a leaf, or a node with two subtrees. */
  sealed interface Tree permits Leaf, Node {}

  record Leaf(int value) implements Tree {}

  record Node(Tree left, Tree right) implements Tree {}

  private Gen<Tree> trees() {
    return Gen.frequency(2, Gen.ints(0, 9).<Tree>map(Leaf::new))
        .or(1, Gen.zip(Gen.lazy(this::trees), Gen.lazy(this::trees), Node::new));
  }

  private static int size(Tree tree) {
    return tree instanceof Node ? size(((Node) tree).left()) + size(((Node) tree).right()) : 1;
  }

  @Test
  void lazy_makesRecursionTerminate() {
    List<Tree> trees = sample(trees(), 1_000);
    assertThat(trees).anySatisfy(tree -> assertThat(tree).isInstanceOf(Node.class));
    assertThat(trees).anySatisfy(tree -> assertThat(size(tree)).isGreaterThan(3));
    assertThat(replay(trees())).isEqualTo(new Leaf(0));
  }

  @Test
  void describe_namesAGenerator() {
    assertThat(Gen.ints(0, 9).describe("digits").description()).isEqualTo("digits");
    assertThat(Gen.ints(0, 9).describe("digits").describe("numbers").toString()).isEqualTo("numbers");
    assertThat(Gen.listOf(Gen.longs(1, 5), 0, 3).description()).isEqualTo("listOf(longs(1, 5), 0, 3)");
    Gen<Integer> custom = source -> (int) source.choose(0, 3);
    assertThat(custom.description()).isEqualTo("custom generator");
    assertThat(Gen.ints(0, 9, 4).description()).isEqualTo("ints(0, 9, 4)");
  }

  @Test
  void generation_isDeterministicPerSeed() {
    Gen<List<Event>> gen = Gen.listOf(Gen.zip(Gen.oneOf("crash", "pause"), Gen.ints(0, 4),
        Gen.longs(0, 1_000_000_000L), Gen.booleans(Ratio.of(1, 10)), Event::new), 0, 20);
    assertThat(sample(gen, 50)).isEqualTo(sample(gen, 50));
  }
}
