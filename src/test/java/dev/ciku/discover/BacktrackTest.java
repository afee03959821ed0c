package dev.ciku.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ciku.corpus.UnitTable;
import dev.ciku.count.GramIndex;
import dev.ciku.count.Grams;
import org.junit.jupiter.api.Test;

class BacktrackTest {
  private static final double LN_N = Math.log(1000);

  private static int[] units(String s) {
    return s.codePoints().toArray();
  }

  private static GramIndex of(Object... textAndCount) {
    GramIndex index = new GramIndex(16);
    for (int i = 0; i < textAndCount.length; i += 2) {
      int[] u = units((String) textAndCount[i]);
      index.accept(Grams.hi(u, 0, u.length), Grams.lo(u, 0, u.length),
          ((Number) textAndCount[i + 1]).longValue());
    }
    return index;
  }

  /** G: 人民银 and 民银行 (of a G of grams up to 3 units), 共和 and 和国 (pairs). */
  private static final GramIndex G = of("人民银", 1, "民银行", 1, "共和", 1, "和国", 1);
  /** Counts of 1000 positions: 中 50, 国 40, 中国 30 (PMI ln(1000·30/2000) = 2.71). */
  private static final GramIndex COUNTS = of("中", 50, "国", 40, "中国", 30, "人", 60, "民", 45,
      "人民", 40, "中国人", 3);

  @Test
  void failingWindow_windowsInOrOutOfGStrictOrRelaxed_firstFailingWindowOrMinusOne() {
    Object[][] cases = {
        // fragment, relaxed bar, first failing window
        {"人民银行", Double.NaN, -1},   // both windows of 3 in G
        {"人民银行长", Double.NaN, 2},  // 银行长 is not
        {"共和国", Double.NaN, 0},      // a window of 3 units, and G has none
        {"中国人", Double.NaN, 0},
        {"中国人", 2.0, 0},             // relaxed, but its part 国人 was never counted
    };
    for (Object[] c : cases) {
      int[] u = units((String) c[0]);
      assertEquals(c[2], Backtrack.failingWindow(u, u.length, G, 3, (double) c[1], COUNTS, LN_N),
          c[0] + " " + c[1]);
    }
    // Pairs only (gMax 2): every window of 2 units of 共和国 is in G.
    assertEquals(-1, Backtrack.failingWindow(units("共和国"), 3, G, 2, Double.NaN, COUNTS, LN_N));
    // Relaxed: 中国 is not in G, but its cohesion of 2.71 nats reaches 2.
    assertEquals(-1, Backtrack.failingWindow(units("中国"), 2, G, 2, 2.0, COUNTS, LN_N));
    assertEquals(0, Backtrack.failingWindow(units("中国"), 2, G, 2, 3.0, COUNTS, LN_N));
  }

  @Test
  void passes_latinUnits_atMostOne() {
    UnitTable table = new UnitTable(true);
    int y2018 = table.latinId("2018");
    int m5 = table.latinId("5");
    int[] date = {y2018, '年', m5, '月'};
    assertFalse(Backtrack.passes(date, 4, G, 3, Double.NaN, COUNTS, LN_N), "an expression");
    int[] year = {y2018, '年'};
    assertTrue(Backtrack.passes(year, 2, G, 3, Double.NaN, COUNTS, LN_N), "two units pass");
    assertTrue(Backtrack.passes(units("人民银行"), 4, G, 3, Double.NaN, COUNTS, LN_N));
    assertFalse(Backtrack.passes(units("人民银行长"), 5, G, 3, Double.NaN, COUNTS, LN_N));
  }

  @Test
  void relaxedBar_isolatedOftenEnough_minPmi() {
    DiscoverOptions d = DiscoverOptions.DEFAULT;
    assertEquals(d.pmiBase(), Backtrack.relaxedBar(d, 25 * 4, 4), 0.0);
    assertTrue(Double.isNaN(Backtrack.relaxedBar(d, 25 * 4 - 1, 4)));
    DiscoverOptions off = Settings.defaults().isolated(0).build();
    assertTrue(Double.isNaN(Backtrack.relaxedBar(off, 1_000_000, 4)), "--isolated 0");
  }
}
