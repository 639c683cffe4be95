package io.detsim.engine.protocol;

/** An observation's queue lane, served strictly in this order (LOW is promoted after a bounded wait). */
public enum Priority {
  HIGH,
  NORMAL,
  LOW
}
