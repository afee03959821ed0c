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
        // Some ids near 2^21, whose top bit must not be taken for a second unit.
        u[j] = r.nextInt(8) == 0 ? (1 << 21) - 1 - r.nextInt(4) : 0x4E00 + r.nextInt(40);
      }
      long c = 1 + r.nextInt(9);
      index.accept(Grams.hi(u, 0, len), Grams.lo(u, 0, len), c);
      expected.merge(Grams.hi(u, 0, len) + "/" + Grams.lo(u, 0, len), c, Long::sum);
    }
  }

  /** Every gram of {@code expected} is found by {@link GramIndex#get(long, long)}, units too. */
  private static void assertLookUps(Map<String, Long> expected, GramIndex index, String what) {
    for (Map.Entry<String, Long> e : expected.entrySet()) {
      String[] key = e.getKey().split("/");
      assertEquals(e.getValue(), index.get(Long.parseLong(key[0]), Long.parseLong(key[1])),
          what + ": " + e.getKey());
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
        assertLookUps(expected, merged, "seed " + seed + ", part " + k);
      }
      assertEquals(expected.size(), merged.size(), "seed " + seed);
      assertEquals(expected, contents(merged), "seed " + seed);
    }
  }

  @Test
  void get_singleUnitsAndLongerGrams_countsAsAccepted() {
    GramIndex index = new GramIndex(16);
    Map<String, Long> expected = new HashMap<>();
    fill(index, expected, new Random(11), 50_000);
    assertLookUps(expected, index, "after accept");
    int[] absent = {0x9FA5};
    assertEquals(0, index.get(absent, 0, 1));
    assertEquals(0, index.get(new int[] {0x9FA5, 0x4E00}, 0, 2));
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
