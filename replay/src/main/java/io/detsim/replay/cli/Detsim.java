package io.detsim.replay.cli;

/** The {@code detsim} command line. Commands are added in their own files. */
public final class Detsim {
  private Detsim() {}

  public static void main(String[] args) {
    System.out.println("detsim: command line under construction");
  }
}
