package dev.ciku.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PairCountsTest {
  /**
   * Batches of random keys (many repeats, some negative; some batches large enough for the
   * parallel sort) against a sorted map of counts, on one thread and on two.
   */
  @Test
  void addOccurrences_randomBatches_countsEveryKeyInOrder() {
    for (int threads : new int[] {1, 2}) {
      addRandomBatches(threads);
    }
  }

  private static void addRandomBatches(int threads) {
    Random r = new Random(11);
    PairCounts counts = new PairCounts(threads);
    TreeMap<Long, Integer> expected = new TreeMap<>();
    for (int batch = 0; batch < 30; batch++) {
      int n = r.nextInt(3) == 0 ? 0 : r.nextInt(batch % 5 == 0 ? 20_000 : 2000);
      long[] keys = new long[n + 5];
      for (int i = 0; i < n; i++) {
        keys[i] = r.nextInt(500) - 100 + ((long) r.nextInt(3) << 40);
        expected.merge(keys[i], 1, Integer::sum);
      }
      counts.addOccurrences(keys, n);
    }
    assertTrue(expected.size() > 1000, "keys: " + expected.size());
    assertEquals(expected.size(), counts.size());
    int i = 0;
    for (var e : expected.entrySet()) {
      assertEquals(e.getKey(), counts.key(i));
      assertEquals(e.getValue(), counts.count(i));
      i++;
    }
  }
}
