package dev.ciku.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ciku.corpus.UnitTable;
import dev.ciku.count.GramIndex;
import dev.ciku.count.Grams;
import dev.ciku.count.SequenceTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CutterTest {
  private static int[] units(String s) {
    return s.codePoints().toArray();
  }

  private static GramIndex g(String... grams) {
    GramIndex g = new GramIndex(16);
    for (String s : grams) {
      int[] u = units(s);
      g.accept(Grams.hi(u, 0, u.length), Grams.lo(u, 0, u.length), 1);
    }
    return g;
  }

  /** Counts by gram index take (from, units); by sequence table (from, to). */
  private static CutFragments cut(GramIndex g, int gMax, int maxLength, int[]... clauses) {
    Cutter c = new Cutter(g, gMax, maxLength);
    for (int[] u : clauses) {
      c.clause(u, 0, u.length, u.length, true);
    }
    return c.fragments();
  }

  @Test
  void clause_goldenTable_gapsKeptWhereAGramOfGCoversBoth() {
    int[] text = units("中华人民共和国成立了");
    // Pairs: every gap of 中华人民共和国 covered; 国|成, 成|立, 立|了 cut.
    CutFragments f = cut(g("中华", "华人", "人民", "民共", "共和", "和国"), 3, 12, text);
    assertEquals(4, f.count());
    assertEquals(1, f.longFragments().get(text, 0, 7), "7 units: a long fragment");
    assertEquals(1, f.singleRuns().get(text, 7, 3), "成, 立, 了 alone: one run");
    assertEquals(0, f.shortFragments().size());
    // A triple covers both of its gaps; 民|共 is covered by nothing.
    f = cut(g("中华人", "共和国"), 3, 12, text);
    assertEquals(6, f.count(), "中华人 民 共和国 成 立 了");
    assertEquals(1, f.shortFragments().get(text, 0, 3));
    assertEquals(1, f.shortFragments().get(text, 4, 3));
    assertEquals(1, f.singleRuns().get(text, 7, 3));
    assertEquals(0, f.singleRuns().get(text, 3, 1), "民 alone, a run of one: not kept");
    // Longer than --max-length: segmented, never a candidate.
    f = cut(g("中华", "华人", "人民", "民共", "共和", "和国"), 3, 6, text);
    assertEquals(1, f.segmentOnly().get(text, 0, 7));
    assertEquals(0, f.longFragments().size());
  }

  @Test
  void clause_twoLatinUnits_anExpressionCutBeforeEachButTheFirst() {
    UnitTable table = new UnitTable(true);
    int[] date = {table.latinId("12"), '月', table.latinId("31"), '日'};
    int[] one = {table.latinId("iPhone7"), '手', '机'};
    GramIndex g = new GramIndex(16);
    for (int[] u : new int[][] {date, one}) {
      for (int i = 0; i + 2 <= u.length; i++) {
        g.accept(Grams.hi(u, i, 2), 0, 1);
      }
    }
    CutFragments f = cut(g, 3, 12, date, one);
    assertEquals(1, f.shortFragments().get(date, 0, 2), "12月");
    assertEquals(1, f.shortFragments().get(date, 2, 2), "31日");
    assertEquals(1, f.shortFragments().get(one, 0, 3), "one Latin unit: iPhone7手机 whole");
    assertEquals(3, f.count());
  }

  @Test
  void clause_seededRandomClauses_fragmentsOfTheNaiveCut() {
    Random r = new Random(3);
    int[] alphabet = units("的一是不了人我在有他这中大来上国个到说们");
    for (int round = 0; round < 20; round++) {
      int gMax = 2 + r.nextInt(2);
      int maxLength = 7 + r.nextInt(6);
      GramIndex g = new GramIndex(16);
      for (int k = 0; k < 60; k++) {
        int n = 2 + r.nextInt(gMax - 1);
        int[] gram = new int[n];
        for (int i = 0; i < n; i++) {
          gram[i] = alphabet[r.nextInt(8)];
        }
        g.accept(Grams.hi(gram, 0, n), Grams.lo(gram, 0, n), 1);
      }
      List<int[]> clauses = new ArrayList<>();
      for (int k = 0; k < 200; k++) {
        int[] c = new int[1 + r.nextInt(40)];
        for (int i = 0; i < c.length; i++) {
          c[i] = alphabet[r.nextInt(r.nextBoolean() ? 8 : alphabet.length)];
        }
        clauses.add(c);
      }
      CutFragments f = cut(g, gMax, maxLength, clauses.toArray(new int[0][]));
      Naive expected = new Naive(g, gMax, maxLength, clauses);
      String what = "round " + round;
      assertEquals(expected.count, f.count(), what);
      assertEquals(expected.shortFragments.size(), f.shortFragments().size(), what);
      expected.shortFragments.forEach((k, c) -> {
        int[] u = CutFragments.units(k);
        assertEquals(c, f.shortFragments().get(Grams.hi(u, 0, u.length),
            Grams.lo(u, 0, u.length)), what + " " + Arrays.toString(u));
      });
      assertSame(expected.singleRuns, f.singleRuns(), what);
      assertSame(expected.longFragments, f.longFragments(), what);
      assertSame(expected.segmentOnly, f.segmentOnly(), what);
      assertTrue(f.count() > f.shortFragments().size(), what);
    }
  }

  private static void assertSame(Map<String, Long> expected, GramIndex actual, String what) {
    assertEquals(expected.size(), actual.size(), what);
    expected.forEach((k, c) -> {
      int[] u = CutFragments.units(k);
      assertEquals(c, actual.get(Grams.hi(u, 0, u.length), Grams.lo(u, 0, u.length)), what);
    });
  }

  private static void assertSame(Map<String, Long> expected, SequenceTable actual,
      String what) {
    assertEquals(expected.size(), actual.size(), what);
    expected.forEach((k, c) -> {
      int[] u = CutFragments.units(k);
      assertEquals(c, actual.get(u, 0, u.length), what);
    });
  }

  /**
   * The cut written out plainly: a gap is kept when a gram of G of 2..gMax units spans it; the
   * fragments between cut gaps are counted by kind, and each run of single-unit fragments as
   * one string (of 2..6 units: a run; more: segmented only).
   */
  private static final class Naive {
    final Map<String, Long> shortFragments = new HashMap<>();
    final Map<String, Long> singleRuns = new HashMap<>();
    final Map<String, Long> longFragments = new HashMap<>();
    final Map<String, Long> segmentOnly = new HashMap<>();
    long count;

    Naive(GramIndex g, int gMax, int maxLength, List<int[]> clauses) {
      for (int[] c : clauses) {
        boolean[] kept = new boolean[c.length];
        for (int s = 0; s < c.length; s++) {
          for (int n = 2; n <= gMax && s + n <= c.length; n++) {
            if (g.get(Grams.hi(c, s, n), Grams.lo(c, s, n)) != 0) {
              for (int j = s; j < s + n - 1; j++) {
                kept[j] = true;
              }
            }
          }
        }
        int start = 0;
        int runStart = -1;
        for (int j = 0; j < c.length; j++) {
          if (j < c.length - 1 && kept[j]) {
            continue;
          }
          int n = j + 1 - start;
          count++;
          if (n == 1) {
            runStart = runStart < 0 ? start : runStart;
          } else {
            endRun(c, runStart, start);
            runStart = -1;
            Map<String, Long> kind = n > maxLength ? segmentOnly : n <= Grams.MAX_ORDER
                ? shortFragments : longFragments;
            kind.merge(CutFragments.key(c, start, j + 1), 1L, Long::sum);
          }
          start = j + 1;
        }
        endRun(c, runStart, c.length);
      }
    }

    private void endRun(int[] c, int from, int to) {
      if (from >= 0 && to - from >= 2) {
        (to - from > Grams.MAX_ORDER ? segmentOnly : singleRuns)
            .merge(CutFragments.key(c, from, to), 1L, Long::sum);
      }
    }
  }
}
