package io.detsim.engine.real;

/**
 * The embedded engine's own state, readable in any state, even when its server is gone (unlike
 * {@link EmbeddedEngine#metrics()}, which the server answers). Counts are since the engine started.
 *
 * @param state running, failed or stopped
 * @param failure what failed and why, when FAILED (the crashed node and its error); null otherwise
 * @param pendingOffers offers taken in and not yet answered: at most the config's
 *     {@link EmbeddedConfig#pendingOffersMax()}
 * @param offersRefusedAtEdge offers refused at once with OVER_CAPACITY because that many were pending;
 *     they never reached the server, so its {@code engram_streaming_observations_rejected_total} does not
 *     count them
 * @param offersFailed offers whose future completed exceptionally (engine failed or stopped first)
 * @param storeFull true once the server refused an offer as STORE_FULL: the engine holds its budget of
 *     observations ({@code EngineOptions.heldObservationsMax}) and refuses every later offer; for good
 * @param offersRefusedStoreFull offers refused STORE_FULL at the edge, after the server said the store is
 *     full; the server never saw them (its {@code engram_streaming_observations_rejected_total} counts
 *     only those it refused itself)
 */
public record EngineHealth(EngineState state, String failure, long pendingOffers, long offersRefusedAtEdge,
    long offersFailed, boolean storeFull, long offersRefusedStoreFull) {}
