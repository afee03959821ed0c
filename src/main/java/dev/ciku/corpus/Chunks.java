package dev.ciku.corpus;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs a task for each of a fixed number of chunks on up to {@code threads} threads. The
 * chunking, not the thread count, decides what each task computes, so a caller that combines
 * the chunks' results in chunk order gets the same result whatever the thread count. Used by
 * every stage that splits work over threads after the corpus is read (the gram index, cohesion,
 * boundary entropy, re-estimation, vocabulary learning). Stateless; thread-safe.
 */
public final class Chunks {
  private Chunks() {}

  /**
   * Calls {@code task} once for each chunk {@code 0..chunks-1}, on the calling thread and up to
   * {@code threads - 1} others; returns when all are done and rethrows the first failure.
   */
  public static void run(int chunks, int threads, IntConsumer task) {
    AtomicInteger next = new AtomicInteger();
    Throwable[] failure = {null};
    Runnable worker = () -> {
      int c;
      while ((c = next.getAndIncrement()) < chunks) {
        try {
          task.accept(c);
        } catch (RuntimeException | Error e) {
          synchronized (failure) {
            if (failure[0] == null) {
              failure[0] = e;
            }
          }
          next.set(chunks);
        }
      }
    };
    int n = Math.max(1, Math.min(threads, chunks)) - 1;
    Thread[] ts = new Thread[n];
    for (int i = 0; i < n; i++) {
      ts[i] = new Thread(worker, "ciku-chunk-" + i);
      ts[i].setDaemon(true);
      ts[i].start();
    }
    worker.run();
    try {
      for (Thread t : ts) {
        t.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    if (failure[0] instanceof RuntimeException r) {
      throw r;
    }
    if (failure[0] instanceof Error err) {
      throw err;
    }
  }
}
