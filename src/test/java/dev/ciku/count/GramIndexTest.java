package dev.ciku.count;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GramIndexTest {
  /** Fills {@code index} and {@code expected} with the same random grams of 1..6 units. */
  private static void fill(GramIndex index, Map<String, Long> expected, Random r, int n) {
    int[] u = new int[6];
    for (int i = 0; i < n; i++) {
      int len = 1 + r.nextInt(6);
      for (int j = 0; j < len; j++) {
        u[j] = 0x4E00 + r.nextInt(40);
      }
      long c = 1 + r.nextInt(9);
      index.accept(Grams.hi(u, 0, len), Grams.lo(u, 0, len), c);
      expected.merge(Grams.hi(u, 0, len) + "/" + Grams.lo(u, 0, len), c, Long::sum);
    }
  }

  private static Map<String, Long> contents(GramIndex index) {
    Map<String, Long> m = new HashMap<>();
    index.forEach((hi, lo, c) -> m.put(hi + "/" + lo, c));
    return m;
  }

  @Test
  void addAll_seededRandomIndexes_sumsTheCountsOfSharedGrams() {
    for (int seed = 0; seed < 20; seed++) {
      Random r = new Random(seed);
      Map<String, Long> expected = new HashMap<>();
      GramIndex merged = new GramIndex(1 + r.nextInt(100));
      fill(merged, expected, r, r.nextInt(3_000));
      for (int k = 0; k < 3; k++) {
        GramIndex part = new GramIndex(1 + r.nextInt(5_000));
        fill(part, expected, r, r.nextInt(20_000));
        merged.addAll(part);
      }
      assertEquals(expected.size(), merged.size(), "seed " + seed);
      assertEquals(expected, contents(merged), "seed " + seed);
    }
  }

  @Test
  void addAll_emptyAndSelfSized_leaveTheOtherIndexUnchanged() {
    GramIndex a = new GramIndex(16);
    a.accept(Grams.hi(new int[] {0x4E00, 0x4E01}, 0, 2), Grams.lo(new int[] {0x4E00, 0x4E01}, 0, 2),
        5);
    GramIndex empty = new GramIndex(1 << 20);
    a.addAll(empty);
    assertEquals(1, a.size());
    empty.addAll(a);
    assertEquals(contents(a), contents(empty));
    assertEquals(5, empty.get(new int[] {0x4E00, 0x4E01}, 0, 2));
  }
}
