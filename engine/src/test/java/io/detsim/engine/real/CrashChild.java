package io.detsim.engine.real;

import io.detsim.engine.protocol.Priority;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;

/**
 * The child process of {@link ProcessCrashTest}: starts an engine on a folder, streams observations
 * {@code <first>..} into one space, and prints {@code ACK <number>} for each one ACCEPTED, as soon as
 * it is. The parent kills this process with SIGKILL mid-stream. Arguments: folder, first number, count.
 */
public final class CrashChild {
  private CrashChild() {}

  public static void main(String[] args) throws Exception {
    Path folder = Path.of(args[0]);
    long first = Long.parseLong(args[1]);
    int count = Integer.parseInt(args[2]);
    PrintStream out = System.out;
    EmbeddedEngine engine = EmbeddedEngine.start(EmbeddedConfig.of(folder, TestEmbeddings.DIMENSION).withWorkers(2));
    out.println("READY");
    out.flush();
    Semaphore window = new Semaphore(64); // a bounded pipeline, so that kills land between acks
    for (long number = first; number < first + count; number++) {
      window.acquire();
      long id = number;
      engine.offer(ProcessCrashTest.SPACE, "obs-" + id, TestEmbeddings.of(id), "crash test " + id, Priority.NORMAL)
          .whenComplete((result, error) -> {
            if (error == null && result.accepted()) {
              synchronized (out) {
                out.println("ACK " + id);
                out.flush();
              }
            }
            window.release();
          });
    }
    engine.shutdown(true);
    out.println("DONE");
    out.flush();
  }
}
