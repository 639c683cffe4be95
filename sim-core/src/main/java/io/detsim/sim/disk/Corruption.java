package io.detsim.sim.disk;

import io.detsim.sim.port.Traced;

/**
 * One injected disk fault: the bits of {@code mask} were flipped in the byte at {@code offset} of the
 * durable content of {@code file}.
 */
public record Corruption(String file, long offset, int mask) implements Traced {

  @Override
  public String traceDetail() {
    return "file=" + file + " offset=" + offset + " mask=0x" + Integer.toHexString(mask);
  }
}
