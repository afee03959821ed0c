package dev.ciku.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ChunksTest {
  @Test
  void run_anyThreadCount_runsEveryChunkOnce() {
    for (int threads = 1; threads <= 5; threads++) {
      AtomicIntegerArray seen = new AtomicIntegerArray(37);
      Chunks.run(37, threads, seen::incrementAndGet);
      for (int c = 0; c < 37; c++) {
        assertEquals(1, seen.get(c), "chunk " + c + ", threads " + threads);
      }
    }
  }

  @Test
  void run_failingChunk_rethrowsItsException() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Chunks.run(10, 3, c -> {
          if (c == 4) {
            throw new IllegalStateException("chunk 4 failed");
          }
        }));
    assertEquals("chunk 4 failed", e.getMessage());
  }

  @Test
  void await_failedTasks_throwTheirFailureAsItWas() throws Exception {
    java.util.concurrent.FutureTask<String> ok = new java.util.concurrent.FutureTask<>(() -> "x");
    ok.run();
    assertEquals("x", Chunks.await(ok));
    java.io.IOException io = new java.io.IOException("disk");
    IllegalStateException runtime = new IllegalStateException("bug");
    Exception checked = new Exception("other");
    for (Exception cause : new Exception[] {io, runtime, checked}) {
      java.util.concurrent.FutureTask<String> failed = new java.util.concurrent.FutureTask<>(
          () -> {
            throw cause;
          });
      failed.run();
      Exception e = assertThrows(Exception.class, () -> Chunks.await(failed));
      if (cause == checked) {
        assertEquals(java.io.IOException.class, e.getClass());
        org.junit.jupiter.api.Assertions.assertSame(checked, e.getCause());
      } else {
        org.junit.jupiter.api.Assertions.assertSame(cause, e);
      }
    }
  }

  @Test
  void await_interrupted_interruptedIoExceptionAndFlagSet() {
    java.util.concurrent.FutureTask<String> never = new java.util.concurrent.FutureTask<>(
        () -> "never run");
    Thread.currentThread().interrupt();
    assertThrows(java.io.InterruptedIOException.class, () -> Chunks.await(never));
    org.junit.jupiter.api.Assertions.assertTrue(Thread.interrupted(), "flag set again");
  }
}
