package io.detsim.properties.junit.scanned;

/** A class without properties: scanning must skip it without a container. */
public class NoPropertiesHere {
  int value() {
    return 1;
  }
}
