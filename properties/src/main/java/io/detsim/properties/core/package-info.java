/**
 * detsim's property core: generation from a recorded choice sequence, shrinking of that sequence,
 * exhaustive enumeration, coverage labels and the runner.
 *
 * <p>A user learns three types: {@link io.detsim.properties.core.Gen} (how inputs are made),
 * {@link io.detsim.properties.core.Property} (an input, a check and optional labels) and
 * {@link io.detsim.properties.core.PropertyRunner}. The rest of the public surface is values the
 * runner returns and the two tools the replay module drives directly ({@code Shrinker},
 * {@code Exhaustive}).
 *
 * <pre>{@code
 * Gen<List<Fault>> schedules = Gen.listOf(
 *     Gen.zip(Gen.oneOf(FaultKind.values()), Gen.ints(0, 4), Gen.longs(0, 10_000_000_000L), Fault::new), 0, 20);
 * Property<List<Fault>> noLostWrites = Property.of("no lost writes", schedules, RunCluster::check)
 *     .withLabels(faults -> faults.stream().map(f -> "fault:" + f.kind()).collect(Collectors.toList()));
 * PropertyResult<List<Fault>> result =
 *     new PropertyRunner(PropertyConfig.defaults().withTries(500).withStartSeed(seed)).run(noLostWrites);
 * if (!result.passed()) {
 *   throw new AssertionError(result.report()); // seed, violation, shrunk input and its choices
 * }
 * }</pre>
 *
 * <p>The design follows Hypothesis [1]: every generator draws bounded integers from a
 * {@link io.detsim.properties.core.ChoiceSource}; while fuzzing the source is a seeded PRNG that
 * records each choice, on replay it is the recorded sequence. A failure is shrunk by editing the
 * sequence (deleting spans, lowering values, sorting) and regenerating, so every shrunk input is
 * one the generators could have made: filters, dependent generation and invariants of the input
 * hold without any per-type shrinking code.
 *
 * <p>[1] D. R. MacIver, A. F. Donaldson, "Test-Case Reduction via Test-Case Generation: Insights
 * from the Hypothesis Reducer", ECOOP 2020.
 */
package io.detsim.properties.core;
