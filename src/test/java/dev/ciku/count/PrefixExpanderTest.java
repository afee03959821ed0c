package dev.ciku.count;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ciku.corpus.UnitTable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrefixExpanderTest {
  private static long[] gram(String s) {
    int[] u = s.codePoints().toArray();
    return new long[] {Grams.hi(u, 0, u.length), Grams.lo(u, 0, u.length)};
  }

  private static List<String> expand(long minCount, Object... gramsAndCounts) {
    List<String> out = new ArrayList<>();
    UnitTable units = new UnitTable(true);
    PrefixExpander e = new PrefixExpander(
        (hi, lo, c) -> out.add(Grams.text(hi, lo, units) + "=" + c), minCount);
    for (int i = 0; i < gramsAndCounts.length; i += 2) {
      long[] g = gram((String) gramsAndCounts[i]);
      e.accept(g[0], g[1], (Integer) gramsAndCounts[i + 1]);
    }
    e.finish();
    return out;
  }

  @Test
  void accept_goldenTable_prefixesAfterTheirExtensionsWithSummedCounts() {
    assertEquals(List.of("的人民=3", "的人=5", "的大=1", "的=6", "人民日报=2", "人民日=2", "人民=2",
            "人=2"),
        expand(1, "的人", 2, "的人民", 3, "的大", 1, "人民日报", 2));
  }

  @Test
  void accept_sixUnitGrams_closeEveryLevel() {
    assertEquals(List.of("中华人民共和=1", "中华人民共=1", "中华人民=1", "中华人=1", "中华=1",
            "中=1"),
        expand(1, "中华人民共和", 1));
  }

  @Test
  void accept_minCount_dropsOnlyLowSums() {
    assertEquals(List.of("的人=5", "的=6"), expand(4, "的人", 2, "的人民", 3, "的大", 1));
  }

  @Test
  void finish_emptyStream_passesNothing() {
    assertEquals(List.of(), expand(1));
  }
}
