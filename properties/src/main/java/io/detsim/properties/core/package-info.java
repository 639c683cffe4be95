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
