package dev.ciku.count;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ciku.corpus.UnitTable;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GramsTest {
  @Test
  void tail_seededRandom_isTheGramWithoutItsFirstUnit() {
    Random r = new Random(20261126);
    int[] u = new int[6];
    for (int t = 0; t < 100_000; t++) {
      int n = 1 + r.nextInt(6);
      for (int i = 0; i < n; i++) {
        // Ids near 2^21 set the top bit of a unit, which must not leak into the tail.
        u[i] = r.nextBoolean() ? UnitTable.MAX_ID - 1 - r.nextInt(8) : 1 + r.nextInt(0x9FFF);
      }
      long hi = Grams.hi(u, 0, n);
      long lo = Grams.lo(u, 0, n);
      assertEquals(Grams.hi(u, 1, n - 1), Grams.tailHi(hi, lo), "n " + n);
      assertEquals(Grams.lo(u, 1, n - 1), Grams.tailLo(lo), "n " + n);
    }
  }

  @Test
  void tail_sixUnitAndOneUnitGrams_dropsTheFirstUnit() {
    int[] u = {'社', '会', '主', '义', '国', '家'};
    long hi = Grams.hi(u, 0, 6);
    long lo = Grams.lo(u, 0, 6);
    int[] out = new int[6];
    assertEquals(5, Grams.units(Grams.tailHi(hi, lo), Grams.tailLo(lo), out));
    assertArrayEquals(new int[] {'会', '主', '义', '国', '家'}, Arrays.copyOf(out, 5));
    long one = Grams.hi(u, 0, 1);
    assertEquals(0, Grams.tailHi(one, 0));
    assertEquals(0, Grams.tailLo(0));
  }

  @Test
  void pack_roundTrip_seededRandom() {
    Random r = new Random(20261125);
    int[] u = new int[6];
    int[] back = new int[6];
    for (int t = 0; t < 100_000; t++) {
      int n = 1 + r.nextInt(6);
      for (int i = 0; i < n; i++) {
        u[i] = 1 + r.nextInt(UnitTable.MAX_ID - 1);
      }
      long hi = Grams.hi(u, 0, n);
      long lo = Grams.lo(u, 0, n);
      assertEquals(n, Grams.length(hi, lo));
      assertEquals(n, Grams.units(hi, lo, back));
      assertArrayEquals(Arrays.copyOf(u, n), Arrays.copyOf(back, n));
      for (int k = 1; k <= n; k++) {
        assertEquals(Grams.hi(u, 0, k), Grams.prefixHi(hi, k));
        assertEquals(Grams.lo(u, 0, k), Grams.prefixLo(lo, k));
      }
    }
  }

  @Test
  void compare_gramsOfTwoToSixUnits_prefixSortsBeforeItsExtensions() {
    int[] a = {'中', '国', '人'};
    long h2 = Grams.hi(a, 0, 2);
    long h3 = Grams.hi(a, 0, 3);
    assertTrue(Grams.compare(h2, 0, h3, 0) < 0);
    int[] b = {'中', '国', '人', '民', '共', '和'};
    assertTrue(Grams.compare(Grams.hi(b, 0, 3), Grams.lo(b, 0, 3), Grams.hi(b, 0, 6),
        Grams.lo(b, 0, 6)) < 0);
    int[] c = {'中', '央'};
    assertTrue(Grams.compare(Grams.hi(b, 0, 6), Grams.lo(b, 0, 6), Grams.hi(c, 0, 2), 0) < 0,
        "中国人民共和 < 中央 as 国 < 央");
  }

  @Test
  void drainSorted_seededRandomTable_isSortedAndComplete() throws java.io.IOException {
    Random r = new Random(7);
    GramTable t = new GramTable(1 << 12, 0.7);
    java.util.Map<Long, Long> expected = new java.util.HashMap<>();
    int[] u = new int[2];
    for (int i = 0; i < 2_000; i++) {
      u[0] = 0x4E00 + r.nextInt(40);
      u[1] = 0x4E00 + r.nextInt(40);
      long hi = Grams.hi(u, 0, 2);
      t.add(hi, 0, 1);
      expected.merge(hi, 1L, Long::sum);
    }
    SortedRun run = t.drainSorted();
    assertEquals(expected.size(), run.size());
    assertEquals(0, t.size());
    java.util.Map<Long, Long> got = new java.util.HashMap<>();
    try (SortedRun.Cursor c = run.cursor()) {
      long prevHi = 0;
      long prevLo = 0;
      while (c.next()) {
        assertEquals(0, c.lo());
        if (!got.isEmpty()) {
          assertTrue(Grams.compare(prevHi, prevLo, c.hi(), c.lo()) < 0, "in gram order");
        }
        assertEquals(null, got.put(c.hi(), c.count()), "each gram once");
        prevHi = c.hi();
        prevLo = c.lo();
      }
    }
    assertEquals(expected, got);
  }
}
