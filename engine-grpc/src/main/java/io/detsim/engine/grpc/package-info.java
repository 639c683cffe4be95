/**
 * The engine over the network: a gRPC service (src/main/proto/detsim_engine.proto) in front of the
 * {@link io.detsim.engine.real.EmbeddedEngine}, and the {@code detsim server} command.
 *
 * <p>Entry points: {@link io.detsim.engine.grpc.GrpcServer} (serve an engine with
 * {@link io.detsim.engine.grpc.GrpcSettings}) and {@link io.detsim.engine.grpc.ServerCommand}. The
 * service only translates: wire frames become the embedded engine's offers and recalls, and its
 * answers become wire frames, so sessions, admission, capacity and retry-after are the same engine
 * code a Java program embeds. It runs on the real runtime only; no simulated package sees gRPC or
 * Netty (ArchitectureTest). The generated wire types are in {@code io.detsim.engine.grpc.wire}.
 */
package io.detsim.engine.grpc;
