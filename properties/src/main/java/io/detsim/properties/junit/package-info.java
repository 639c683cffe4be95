/**
 * detsim's JUnit Platform test engine: {@link io.detsim.properties.junit.SimProperty} methods run
 * as tests in Maven Surefire and in IDEs, beside Jupiter's tests.
 *
 * <pre>{@code
 * class StoreProperties {                        // Surefire runs classes named *Properties
 *   @SimProperty
 *   Property<List<Op>> storeKeepsSyncedWrites() {
 *     return Property.of("store keeps synced writes", Gen.listOf(OPS, 0, 30), Store::check);
 *   }
 * }
 * }</pre>
 *
 * <p><b>Configuration parameters</b>, from {@code junit-platform.properties}, Surefire's
 * {@code configurationParameters}, or {@code -D} on the command line; a value set on the
 * annotation overrides them for its property:
 * <ul>
 *   <li>{@code detsim.tries}: random inputs a property checks, default 100. 0 runs no random tries
 *       but still replays the failure database.
 *   <li>{@code detsim.seed}: the start seed, in hex. The default is a fixed 0, so that a build
 *       checks the same inputs on every machine and CI is deterministic. For other inputs set it,
 *       or use nightly mode.
 *   <li>{@code detsim.mode}: {@code random} (the default), {@code exhaustive} (every input of a
 *       small generator, up to {@code detsim.exhaustive.max}), or {@code nightly}: random with 100
 *       times the tries, from a fresh start seed (printed) unless {@code detsim.seed} is set.
 *   <li>{@code detsim.shrink.attempts}: the shrinker's budget of candidate runs, default 5000.
 *   <li>{@code detsim.exhaustive.max}: the most cases exhaustive mode checks, default 100,000.
 *   <li>{@code detsim.replay}: a choice sequence ({@code v1 ...}) to check instead of the
 *       property's tries: exactly one input, not shrunk, of the one property selected. A failure's
 *       report prints the command line that does this.
 *   <li>{@code detsim.database}: the directory of the failure database, where each property's
 *       shrunk failures are stored and from which they are replayed before its random tries.
 *       Default {@code target/detsim-db}; off when the environment variable {@code CI} is
 *       {@code true}, unless this parameter is set; {@code none} turns it off.
 * </ul>
 *
 * <p>The engine's public surface is the annotation and {@link
 * io.detsim.properties.junit.DetsimTestEngine}, which the platform finds through
 * {@code META-INF/services}; everything else is package-private.
 */
package io.detsim.properties.junit;
