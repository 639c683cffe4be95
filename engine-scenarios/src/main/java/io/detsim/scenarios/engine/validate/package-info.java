/**
 * The engine's validators, named as in the original design ({@code SequenceValidator},
 * {@code EventualConsistencyValidator}, {@code GraphIntegrityValidator}, {@code ChaosTestStats}), and
 * the {@code Violation} a broken guarantee of docs/engine.md becomes.
 */
package io.detsim.scenarios.engine.validate;
