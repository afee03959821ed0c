package dev.ciku.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SortedRunTest {
  /** A run of every prefix of seeded random grams, counts up to 2^40: what a drain produces. */
  private static SortedRun run(long seed, int grams) {
    Random r = new Random(seed);
    CountingTable t = new CountingTable(4 * grams, 0.7);
    int[] u = new int[6];
    long[] positions = new long[7];
    for (int i = 0; i < grams; i++) {
      int len = 1 + r.nextInt(6);
      for (int j = 0; j < len; j++) {
        u[j] = j == 2 && r.nextInt(10) == 0 ? 0x40000 + r.nextInt(5000) : 0x4E00 + r.nextInt(300);
      }
      try {
        t.addClause(u, 0, len, 1, 6, positions, x -> {
          throw new IllegalStateException("full");
        });
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return t.drainWithPrefixes();
  }

  private static long[] entries(SortedRun run, int from, int to) throws IOException {
    long[] out = new long[3 * (to - from)];
    int k = 0;
    try (SortedRun.Cursor c = run.cursor(from, to)) {
      while (c.next()) {
        out[k++] = c.hi();
        out[k++] = c.lo();
        out[k++] = c.count();
      }
    }
    assertEquals(out.length, k);
    return out;
  }

  @Test
  void spill_seededRuns_readBackEqualWholeAndInRanges(@TempDir Path dir) throws IOException {
    SortedRun mem = run(3, 30_000);
    SortedRun disk = run(3, 30_000);
    assertTrue(mem.size() > 3 * SortedRun.BLOCK, "several blocks");
    long[] all = entries(mem, 0, mem.size());
    long[] released = disk.spill(dir);
    assertTrue(released != null && disk.spilled() && disk.heapBytes() == 0);
    long bytes;
    try (var files = Files.list(dir)) {
      bytes = files.mapToLong(f -> f.toFile().length()).sum();
    }
    assertTrue(bytes < 10L * disk.size(), "front coding: " + bytes + " bytes for " + disk.size());
    assertEquals(java.util.Arrays.toString(all), java.util.Arrays.toString(
        entries(disk, 0, disk.size())));
    Random r = new Random(5);
    for (int t = 0; t < 200; t++) {
      int a = r.nextInt(mem.size() + 1);
      int b = a + r.nextInt(mem.size() + 1 - a);
      assertEquals(java.util.Arrays.toString(entries(mem, a, b)),
          java.util.Arrays.toString(entries(disk, a, b)), a + ".." + b);
      int e = r.nextInt(mem.size());
      long hi = all[3 * e];
      long lo = all[3 * e + 1] + (r.nextBoolean() ? 1 : 0);
      assertEquals(mem.lowerBound(hi, lo), disk.lowerBound(hi, lo));
    }
    assertEquals(0, disk.lowerBound(0, 0));
    assertEquals(disk.size(), disk.lowerBound(Long.MAX_VALUE, 0));
    disk.delete();
    try (var files = Files.list(dir)) {
      assertFalse(files.findAny().isPresent());
    }
  }
}
