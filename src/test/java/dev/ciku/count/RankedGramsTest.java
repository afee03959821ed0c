package dev.ciku.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RankedGramsTest {
  private static List<String> drained(RankedGrams r) {
    List<String> out = new ArrayList<>();
    r.drain((hi, lo, c) -> out.add(hi + "/" + lo + "=" + c));
    return out;
  }

  @Test
  void join_partsOfAnySplit_rankAsOneSink() {
    Random rnd = new Random(42);
    long[][] grams = new long[5_000][];
    for (int i = 0; i < grams.length; i++) {
      // Few distinct counts, so that ties (broken by gram order) are common.
      grams[i] = new long[] {1 + i, rnd.nextInt(4), 1 + rnd.nextInt(20)};
    }
    for (int top : new int[] {0, 1, 50, 4_999}) {
      RankedGrams whole = new RankedGrams(top);
      for (long[] g : grams) {
        whole.accept(g[0], g[1], g[2]);
      }
      List<String> expected = drained(whole);
      for (int split : new int[] {0, 1, 2_500, 4_999}) {
        RankedGrams first = new RankedGrams(top);
        PartitionedSink part = first.part();
        for (int i = 0; i < grams.length; i++) {
          (i < split ? first : part).accept(grams[i][0], grams[i][1], grams[i][2]);
        }
        first.join(part);
        assertEquals(expected, drained(first), "top " + top + ", split " + split);
      }
    }
  }

  @Test
  void join_partOfOtherSize_isRejected() {
    RankedGrams r = new RankedGrams(5);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> r.join(new RankedGrams(6)));
    assertEquals("part keeps 6 grams, this keeps 5", e.getMessage());
  }
}
