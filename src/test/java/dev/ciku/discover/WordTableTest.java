package dev.ciku.discover;

import static dev.ciku.count.HanGrams.put;
import static dev.ciku.count.HanGrams.units;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ciku.corpus.UnitTable;
import dev.ciku.count.GramIndex;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordTableTest {
  /** 甲乙 5 of 甲 10 and 乙 20, 丙丁 and 丁丙 4 of 丙 8 and 丁 8, 戊己 9 of 戊 9 and 己 9; N = 100. */
  private static GramIndex index() {
    GramIndex index = new GramIndex(16);
    put(index, "甲", 10);
    put(index, "乙", 20);
    put(index, "丙", 8);
    put(index, "丁", 8);
    put(index, "戊", 9);
    put(index, "己", 9);
    put(index, "甲乙", 5);
    put(index, "丙丁", 4);
    put(index, "丁丙", 4);
    put(index, "戊己", 9);
    return index;
  }

  private static WordTable table() {
    int[][] words = {units("甲乙"), units("丁丙"), units("丙丁"), units("戊己")};
    long[] counts = {5, 4, 4, 9};
    double[] hl = {2.0, 1.0, 1.0, 0.5};
    double[] hr = {1.0, 3.0, 1.0, 4.0};
    boolean[] alive = {true, true, true, true};
    return new WordTable(words, counts, hl, hr, alive, new double[4]);
  }

  @Test
  void remove_droppedWords_countsOnlyLivingOnes() {
    WordTable t = table();
    t.alive[1] = false;
    assertEquals(1, t.remove(new boolean[] {false, true, true, false}));
    assertArrayEquals(new boolean[] {true, false, false, true}, t.alive);
  }

  @Test
  void ranked_ties_scoreThenCountThenWord() {
    WordTable t = table();
    double lnN = Math.log(100);
    for (int threads : new int[] {1, 3}) {
      List<DiscoveredWord> out = t.ranked(new UnitTable(true), index(), 4, lnN, threads);
      // ln 5 · 1 = 1.609 (甲乙), ln 4 · 1 = 1.386 twice (丁丙, 丙丁: same count, by the word),
      // ln 9 · 0.5 = 1.099 (戊己).
      assertEquals(List.of("甲乙", "丁丙", "丙丁", "戊己"),
          out.stream().map(DiscoveredWord::word).toList());
      assertEquals(Math.log(5), out.get(0).score(), 1e-12);
      assertEquals(Math.log(500.0 / 200), out.get(0).cohesion(), 1e-12);
      assertEquals(Math.log(900.0 / 81), out.get(3).cohesion(), 1e-12);
    }
    t.alive[0] = false;
    assertEquals(List.of("丁丙", "丙丁", "戊己"),
        t.ranked(new UnitTable(true), index(), 4, lnN, 2).stream().map(DiscoveredWord::word)
            .toList());
  }
}
