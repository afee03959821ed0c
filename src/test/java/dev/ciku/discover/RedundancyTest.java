package dev.ciku.discover;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RedundancyTest {
  private static int[] u(String s) {
    return s.codePoints().toArray();
  }

  @Test
  void prune_compoundNoBetterThanItsParts_isRemovedAndItsCountMoves() {
    // 改革开放 (40) against 改革 (1000) and 开放 (1000) in a vocabulary of total 1e4 + 40:
    // gain = ln(40/T) - ln(1000/T) - ln(1000/T) = ln(40·T/1e6) ≈ -0.9 nats < 1 · 3: removed.
    int[][] words = {u("改革"), u("开放"), u("改革开放"), u("其他词")};
    long[] counts = {1000, 1000, 40, 8000};
    boolean[] alive = {true, true, true, true};
    assertEquals(1, Redundancy.prune(words, counts, alive, 1.0, true));
    assertArrayEquals(new boolean[] {true, true, false, true}, alive);
    assertArrayEquals(new long[] {1040, 1040, 40, 8000}, counts);
  }

  @Test
  void prune_ngramCounts_removedWordHandsNothingOn() {
    // N-gram counts: the 40 occurrences of 改革开放 are already among those of 改革 and 开放.
    int[][] words = {u("改革"), u("开放"), u("改革开放"), u("其他词")};
    long[] counts = {1000, 1000, 40, 8000};
    boolean[] alive = {true, true, true, true};
    assertEquals(1, Redundancy.prune(words, counts, alive, 1.0, false));
    assertArrayEquals(new boolean[] {true, true, false, true}, alive);
    assertArrayEquals(new long[] {1000, 1000, 40, 8000}, counts);
  }

  @Test
  void prune_wordWhosePartsAreNotWords_stays() {
    // 葡萄酒 splits only into single units, each costing a count of one: a large saving.
    int[][] words = {u("葡萄酒"), u("其他")};
    long[] counts = {50, 5000};
    boolean[] alive = {true, true};
    assertEquals(0, Redundancy.prune(words, counts, alive, 6.0, true));
    assertArrayEquals(new boolean[] {true, true}, alive);
  }

  @Test
  void prune_fourUnitCompound_thresholdIsPerUnitTimesUnitsBeyondTheFirst() {
    // 人民政府 (c=900) over 人民 (2000) + 政府 (1000), T = 4400:
    // gain = ln(900·4400/(2000·1000)) = ln 1.98 = 0.683 nats; the bar for 4 units is 3·perUnit,
    // 0.6 at 0.2 (kept) and 0.9 at 0.3 (removed).
    int[][] words = {u("中华"), u("人民"), u("政府"), u("人民政府")};
    long[] counts = {500, 2000, 1000, 900};
    boolean[] alive = {true, true, true, true};
    assertEquals(0, Redundancy.prune(words, counts.clone(), alive.clone(), 0.2, true));
    assertEquals(1, Redundancy.prune(words, counts.clone(), alive, 0.3, true));
    assertEquals(false, alive[3]);
  }

  @Test
  void prune_wordsLongerThanAGram_areLookedUpAsParts() {
    // 中华人民共和国 (7 units, too long to pack) is a part of the 11-unit 中华人民共和国宪法修正案:
    // gain = ln(30·T/(3000·200·...)) with T = 3000 + 200 + 30 + 8000 = 11230: the long word
    // splits into 中华人民共和国 + 宪法修正案, ln(30·11230/(3000·200)) = -0.58 nats < 10 · 0.1:
    // removed, its 30 occurrences handed to both parts.
    int[][] words = {u("中华人民共和国"), u("宪法修正案"), u("中华人民共和国宪法修正案"), u("其他词")};
    long[] counts = {3000, 200, 30, 8000};
    boolean[] alive = {true, true, true, true};
    assertEquals(1, Redundancy.prune(words, counts, alive, 0.1, true));
    assertArrayEquals(new boolean[] {true, true, false, true}, alive);
    assertArrayEquals(new long[] {3030, 230, 30, 8000}, counts);
  }

  @Test
  void prune_twoUnitWordsUnderAHugeThreshold_neverRemoved() {
    int[][] words = {u("的一"), u("其他")};
    long[] counts = {1, 1_000_000};
    boolean[] alive = {true, true};
    assertEquals(0, Redundancy.prune(words, counts, alive, 100.0, true));
  }
}
