/**
 * The {@code detsim} command line ({@link io.detsim.cli.Detsim}), run by {@code ./detsim} at
 * the repository root:
 *
 * <pre>
 * ./detsim scenarios                                  the scenarios, one a line
 * ./detsim mutants                                    planted engine bugs for --mutant
 * ./detsim run SCENARIO --seed HEX [--trace FILE]     one try: digest and verdict
 * ./detsim fuzz [SCENARIO] [--seeds N | --time 5m] [--jobs J] [--shard I/N] [--keep-going] [--resume]
 * ./detsim replay FILE [--trace F] [--html F] [--around N]   REPRODUCED, FIXED or CHANGED
 * ./detsim shrink FILE [-o OUT]                       shrink a failure file again
 * ./detsim diff TRACE_A TRACE_B                       the first event where two runs part
 * ./detsim check-determinism [SCENARIO] [--seeds N]   twice here, once in a fresh JVM
 * ./detsim bench [--quick]                            kernel and scenario throughput
 * </pre>
 *
 * <p>A seed means the same run everywhere: {@code fuzz} tries seed index {@code i} as
 * {@code PropertyRunner.seedOfTry(startSeed, i)}, and {@code run --seed} regenerates that try's
 * input exactly as the property runner does. Exit codes: 0 passed, 1 something failed, 2 bad usage
 * (always one line on stderr), 3 an internal error. The campaign engine behind {@code fuzz} is
 * {@link io.detsim.replay.campaign}.
 */
package io.detsim.cli;
