/** A Java client that streams observations to {@code detsim server} over its gRPC protocol. */
package example;
