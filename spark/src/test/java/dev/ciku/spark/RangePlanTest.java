package dev.ciku.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ciku.count.Grams;
import dev.ciku.corpus.UnitTable;
import org.junit.jupiter.api.Test;

class RangePlanTest {
  private static long gram(int firstUnit) {
    return Grams.hi(new int[] {firstUnit}, 0, 1);
  }

  @Test
  void ranges_followGramOrder_andBalanceTheWeights() {
    long[] w = new long[RangePlan.BUCKETS];
    w[RangePlan.bucket(0x4E00)] = 100;
    w[RangePlan.bucket(0x7684)] = 100;
    w[RangePlan.bucket(0x9000)] = 100;
    w[RangePlan.bucket(UnitTable.LATIN_BASE + 5)] = 100;
    RangePlan plan = RangePlan.balanced(w, 4);
    assertEquals(4, plan.ranges());
    assertEquals(0, plan.range(gram(0x4E00)));
    assertEquals(1, plan.range(gram(0x7684)));
    assertEquals(2, plan.range(gram(0x9000)));
    assertEquals(3, plan.range(gram(UnitTable.LATIN_BASE)));
    assertEquals(3, plan.range(gram(UnitTable.MAX_ID - 1)));
    int last = 0;
    for (int u = 1; u < UnitTable.MAX_ID; u += 997) {
      int r = plan.range(gram(u));
      assertTrue(r >= last && r < 4, "ranges must not decrease with the first unit");
      last = r;
    }
  }

  @Test
  void balanced_moreRangesThanWeightedBuckets_middleRangesEmptyAndOrdered() {
    long[] w = new long[RangePlan.BUCKETS];
    w[RangePlan.bucket(0x4E00)] = 1;
    RangePlan plan = RangePlan.balanced(w, 5);
    assertEquals(5, plan.ranges());
    // The one weighted bucket closes ranges 0 to 3 at once: 1 to 3 are empty, every unit up to
    // its bucket falls in range 0 and every later one in range 4.
    assertEquals(0, plan.range(gram(0x4E00)));
    assertEquals(4, plan.range(gram(UnitTable.MAX_ID - 1)));
    int last = 0;
    java.util.Set<Integer> used = new java.util.TreeSet<>();
    for (int u = 1; u < UnitTable.MAX_ID; u += 501) {
      int r = plan.range(gram(u));
      assertTrue(r >= last && r < 5);
      used.add(r);
      last = r;
    }
    assertEquals(java.util.Set.of(0, 4), used);
    RangePlan none = RangePlan.balanced(new long[RangePlan.BUCKETS], 3);
    assertEquals(3, none.ranges());
  }
}
