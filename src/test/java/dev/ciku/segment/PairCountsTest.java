package dev.ciku.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairCountsTest {
  private static final long LARGE = 256L << 20;

  @TempDir Path dir;

  /**
   * Random batches of pair keys (many repeats, halves above 2^31 too, some batches large enough
   * for the parallel sort) counted with the seed {@code seed}; the reference counts in a sorted
   * map.
   */
  private PairCounts addRandomBatches(int threads, long budget, long seed,
      TreeMap<Long, Integer> expected) {
    Random r = new Random(seed);
    PairCounts counts = new PairCounts(threads, budget, dir);
    for (int batch = 0; batch < 30; batch++) {
      int n = r.nextInt(3) == 0 ? 0 : r.nextInt(batch % 5 == 0 ? 20_000 : 2000);
      long[] keys = new long[n + 5];
      for (int i = 0; i < n; i++) {
        long hi = r.nextInt(4) == 0 ? Integer.MAX_VALUE - r.nextInt(3) : r.nextInt(40);
        long lo = r.nextInt(5) == 0 ? 0xFFFF_FFF0L + r.nextInt(16) : r.nextInt(300);
        keys[i] = hi << 32 | lo;
        expected.merge(keys[i], 1, Integer::sum);
      }
      counts.addOccurrences(keys, n);
    }
    return counts;
  }

  private static List<String> kept(PairCounts counts) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < counts.size(); i++) {
      out.add(Long.toHexString(counts.key(i)) + "=" + counts.count(i));
    }
    return out;
  }

  private static List<String> kept(TreeMap<Long, Integer> expected, long minCount) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<Long, Integer> e : expected.entrySet()) {
      if (e.getValue() >= minCount) {
        out.add(Long.toHexString(e.getKey()) + "=" + e.getValue());
      }
    }
    return out;
  }

  /** Batches against a sorted map of counts, on one thread and on two, within a large budget. */
  @Test
  void addOccurrences_randomBatches_countsEveryKeyInOrder() {
    for (int threads : new int[] {1, 2}) {
      TreeMap<Long, Integer> expected = new TreeMap<>();
      try (PairCounts counts = addRandomBatches(threads, LARGE, 11, expected)) {
        assertTrue(expected.size() > 1000, "keys: " + expected.size());
        assertEquals(expected.size(), counts.size());
        int i = 0;
        for (var e : expected.entrySet()) {
          assertEquals(e.getKey(), counts.key(i));
          assertEquals(e.getValue(), counts.count(i));
          i++;
        }
        counts.finish(1);
        assertEquals(0, counts.runs());
        assertEquals(kept(expected, 1), kept(counts));
      }
    }
  }

  /**
   * Budgets of a few KB spill the totals (and whole batches) as runs, merged in passes; what
   * finish keeps is the reference's keys seen at least the minimum count, in key order, the same
   * as without spilling; no run file is left.
   */
  @Test
  void finish_tinyBudgetSpills_keepsFrequentKeysAsReference() {
    for (long seed = 1; seed <= 4; seed++) {
      for (long budget : new long[] {1 << 10, 12 << 10, 64 << 10}) {
        TreeMap<Long, Integer> expected = new TreeMap<>();
        try (PairCounts counts = addRandomBatches((int) (seed % 2) + 1, budget, seed, expected)) {
          counts.finish(3);
          assertTrue(counts.runs() > 1, budget + ": runs " + counts.runs());
          assertEquals(kept(expected, 3), kept(counts), "seed " + seed + ", budget " + budget);
        }
        assertEquals(0, dir.toFile().list().length, "run files deleted");
      }
    }
  }

  @Test
  void close_beforeFinish_deletesRunFiles() {
    PairCounts counts = addRandomBatches(1, 1 << 10, 5, new TreeMap<>());
    assertTrue(counts.runs() > 0);
    assertTrue(dir.toFile().list().length > 0);
    counts.close();
    assertEquals(0, dir.toFile().list().length);
  }

  @Test
  void addOccurrences_negativeKey_rejected() {
    try (PairCounts counts = new PairCounts(1, LARGE, dir)) {
      assertThrows(IllegalArgumentException.class,
          () -> counts.addOccurrences(new long[] {5, -1}, 2));
    }
  }
}
