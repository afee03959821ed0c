package dev.ciku.corpus;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs a task for each of a number of chunks on up to {@code threads} threads, each chunk on
 * one thread. A caller gets the same result whatever the thread count when its chunking does not
 * depend on it and it combines the chunks' results in chunk order, or when it combines them
 * exactly in any order (integer sums: re-estimation and vocabulary learning make one chunk a
 * thread). Used by
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

  /**
   * The result of {@code task}, run on another thread, once it is done: its failure is thrown as
   * it was (an {@link java.io.IOException}, a runtime exception, an error; any other wrapped in
   * an {@code IOException}); an interrupt while waiting is an
   * {@link java.io.InterruptedIOException}, the thread's interrupt flag set again.
   */
  public static <T> T await(java.util.concurrent.Future<T> task) throws java.io.IOException {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while waiting for a task");
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof java.io.IOException io) {
        throw io;
      }
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof Error er) {
        throw er;
      }
      throw new java.io.IOException(c);
    }
  }
}
