/**
 * The engine's server node: sessions, admission into the priority-laned queue with backpressure,
 * durable acknowledgement through the log, worker actors under a supervisor, per-space ownership
 * and work stealing, recall, and recovery after a crash. {@code EngineServer} is the node;
 * {@code EngineOptions} its shape.
 */
package io.detsim.engine.server;
