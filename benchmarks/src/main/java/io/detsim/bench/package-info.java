/**
 * JMH micro-benchmarks of the kernel and the engine's hot parts (queue, log, HNSW), and the heap
 * footprint of the indexes. Run by hand: {@code java -jar benchmarks/target/benchmarks.jar}.
 */
package io.detsim.bench;
