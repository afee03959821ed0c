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
}
