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

  /** The grams of {@code index} with their counts, in its table order. */
  private static java.util.List<String> order(GramIndex index) {
    java.util.List<String> out = new java.util.ArrayList<>();
    index.forEach((hi, lo, c) -> out.add(hi + "/" + lo + "/" + c));
    return out;
  }

  @Test
  void fill_seededRandomGrams_sameContentsAsAcceptAndSameLayoutAtAnyThreadCount() {
    for (int seed = 0; seed < 5; seed++) {
      Random r = new Random(seed);
      GramIndex accepted = new GramIndex(16);
      Map<String, Long> expected = new HashMap<>();
      fill(accepted, expected, r, r.nextInt(100_000));
      GramBlocks blocks = new GramBlocks();
      accepted.forEach(blocks::add);
      java.util.List<String> layout = null;
      for (int threads : new int[] {1, 2, 3, 7, 40}) {
        GramIndex filled = new GramIndex(16);
        filled.fill(blocks, threads);
        assertLookUps(expected, filled, "seed " + seed + ", " + threads + " threads");
        assertEquals(expected.size(), filled.size());
        assertEquals(expected, contents(filled));
        if (layout == null) {
          layout = order(filled);
        } else {
          assertEquals(layout, order(filled), "seed " + seed + ", " + threads + " threads");
        }
        // Slices in order visit what forEach visits, whatever the slice count.
        for (int parts : new int[] {1, 3, 16, 50}) {
          java.util.List<String> sliced = new java.util.ArrayList<>();
          for (int p = 0; p < parts; p++) {
            filled.forEach(p, parts, (hi, lo, c) -> sliced.add(hi + "/" + lo + "/" + c));
          }
          assertEquals(layout, sliced, parts + " parts");
        }
      }
    }
  }

  @Test
  void fill_thenAccept_growsTheShardsAndKeepsEveryCount() {
    Random r = new Random(5);
    GramIndex a = new GramIndex(16);
    Map<String, Long> expected = new HashMap<>();
    fill(a, expected, r, 2_000);
    GramBlocks blocks = new GramBlocks();
    a.forEach(blocks::add);
    GramIndex filled = new GramIndex(16);
    filled.fill(blocks, 2);
    fill(filled, expected, r, 60_000);
    assertLookUps(expected, filled, "after fill and accept");
    assertEquals(expected, contents(filled));
  }

  @Test
  void fill_nonEmptyIndex_isRejected() {
    GramIndex a = new GramIndex(16);
    a.accept(Grams.hi(new int[] {0x4E00}, 0, 1), 0, 1);
    IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalStateException.class, () -> a.fill(new GramBlocks(), 1));
    assertEquals("fill needs an empty index, this one holds 1", e.getMessage());
  }

  @Test
  void fill_emptyBlocks_leavesAnEmptyIndex() {
    GramIndex a = new GramIndex(16);
    a.fill(new GramBlocks(), 3);
    assertEquals(0, a.size());
    assertEquals(0, a.get(new int[] {0x4E00, 0x4E01}, 0, 2));
    assertEquals(java.util.List.of(), order(a));
  }

  @Test
  void shape_anyGramCount_16To32TablesOfOnePowerOfTwoAboutHalfFull() {
    Random r = new Random(5);
    for (int i = 0; i < 2_000; i++) {
      long grams = i < 40 ? i * 997L : (long) Math.exp(r.nextDouble() * Math.log(4e8));
      int[] shape = GramIndex.shape(grams);
      int tables = shape[0];
      int size = shape[1];
      String what = grams + " grams: " + tables + " tables of " + size;
      org.junit.jupiter.api.Assertions.assertTrue(tables >= 16 && tables <= 32, what);
      assertEquals(Integer.bitCount(size), 1, what);
      org.junit.jupiter.api.Assertions.assertTrue(size >= 16, what);
      double load = grams / ((double) tables * size);
      // At most the aimed-at 0.55, and above 0.27 once the tables are not at their smallest.
      org.junit.jupiter.api.Assertions.assertTrue(load <= 0.55 + 1e-9, what + ", load " + load);
      if (grams > 16 * 16 * 0.55) {
        org.junit.jupiter.api.Assertions.assertTrue(load > 0.27, what + ", load " + load);
      }
    }
  }
}
