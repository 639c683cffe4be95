package io.detsim.bench.real;

import io.detsim.engine.real.OfferResult;
import java.util.concurrent.CompletableFuture;

/**
 * Where the load generator sends observations: the embedded engine, or a fake in tests. A call must
 * return at once (the answer comes through the future); a call that blocks is exactly what an
 * open-loop generator is built to expose, not to hide.
 */
@FunctionalInterface
interface OfferSink {
  CompletableFuture<OfferResult> offer(String space, float[] embedding);
}
