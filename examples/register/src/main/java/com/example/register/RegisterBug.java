package com.example.register;

/**
 * The register's planted bugs: defects switched on in a simulated run, never in a real one, to show
 * that the property catches them. A node asks its context ({@code context.planted(bug)}); the
 * simulator answers from the run's planted set and the real runtime always answers no.
 */
public enum RegisterBug {
  /** The primary acknowledges a write as it arrives, before the backup has it. */
  ACK_BEFORE_REPLICATE
}
