package io.detsim.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** Runs the command line in-process with captured streams: every CLI test's one entry point. */
final class Cli {
  private Cli() {}

  /** What one invocation printed and returned. */
  record Result(int exit, String out, String err) {
    List<String> outLines() {
      return out.lines().toList();
    }

    List<String> errLines() {
      return err.lines().toList();
    }

    /** The first stdout line that starts with {@code prefix}. */
    String line(String prefix) {
      return outLines().stream().filter(line -> line.startsWith(prefix)).findFirst()
          .orElseThrow(() -> new AssertionError("no line starting '" + prefix + "' in:\n" + out + "\nstderr:\n" + err));
    }
  }

  static Result detsim(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Detsim.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(exit, out.toString(), err.toString());
  }
}
