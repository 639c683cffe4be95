package io.detsim.bench;

/**
 * The arguments of a tool that grows one index and measures part of the growth: the vector
 * dimension, how many nodes to insert, and how many of them make up one measured part (the last
 * window, or the inserts between two checks). Each may be left out, from the last, for its default.
 */
record GrowthArgs(int dimension, int count, int part) {
  GrowthArgs {
    if (part < 1 || part > count) {
      throw new IllegalArgumentException("need 1 <= part <= count: part=" + part + ", count=" + count);
    }
  }

  static GrowthArgs parse(String[] args, int dimension, int count, int part) {
    return new GrowthArgs(intArg(args, 0, dimension), intArg(args, 1, count), intArg(args, 2, part));
  }

  private static int intArg(String[] args, int position, int fallback) {
    return args.length > position ? Integer.parseInt(args[position]) : fallback;
  }
}
