package dev.ciku.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ciku.corpus.HanCharacters;
import org.junit.jupiter.api.Test;

class SuffixGlueTest {
  private static final HanCharacters SUFFIXES = HanCharacters.of("上下里内外前后中时称说");

  private static int[] units(String s) {
    return s.codePoints().toArray();
  }

  @Test
  void isGlue_suffixedWordsByTheirRestsCount_glueWhenBelowTheShareOfIt() {
    SuffixGlue g = SuffixGlue.of(0.5, SUFFIXES);
    Object[][] cases = {
        // word, its count, its rest's count with the suffix or without, glue?
        {"会谈后", 40L, 940L, true},    // 会谈 mostly alone
        {"车间里", 12L, 25L, true},     // 12 < 0.5 · 25
        {"过程中", 300L, 400L, false},  // 过程 seldom alone
        {"马德里", 50L, 52L, false},
        {"期满后", 10L, 20L, false},    // exactly half: not fewer
        {"会谈后", 40L, 0L, false},     // the rest is no word
        {"会谈者", 1L, 900L, false},    // 者 is no phrase suffix
        {"谈后", 1L, 900L, false},      // two units
        {"警方稱", 5L, 900L, true},     // traditional 稱 as 称
    };
    for (Object[] c : cases) {
      assertEquals(c[3], g.isGlue(units((String) c[0]), (long) c[1], (long) c[2]),
          java.util.Arrays.toString(c));
    }
  }

  @Test
  void of_zeroShare_switchesTheTestOff() {
    SuffixGlue off = SuffixGlue.of(0, SUFFIXES);
    assertFalse(off.enabled());
    assertFalse(off.endsInSuffix(units("会谈后")));
    assertFalse(off.isGlue(units("会谈后"), 1, 1_000));
    assertTrue(SuffixGlue.of(1, SUFFIXES).isGlue(units("过程中"), 300, 301));
  }

  @Test
  void of_shareOutsideZeroToOne_isRejected() {
    for (double bad : new double[] {-0.1, 1.5, Double.NaN}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> SuffixGlue.of(bad, SUFFIXES));
      assertTrue(e.getMessage().contains("--suffix-glue"), e.getMessage());
    }
  }

  @Test
  void suffixes_shareSetOrZero_theLocalisersAndReportingVerbsOrNone() {
    HanCharacters s = SuffixGlue.suffixes(0.5);
    assertEquals(11, s.size());
    for (String c : new String[] {"上", "下", "里", "内", "外", "前", "后", "中", "时", "称", "说"}) {
      assertTrue(s.contains(c.codePointAt(0)), c);
    }
    assertFalse(s.contains("间".codePointAt(0)), "间 also makes nouns (直播间)");
    assertEquals(0, SuffixGlue.suffixes(0).size());
  }

  @Test
  void phrases_finalList_restCountsByUseOrByNgram() {
    SuffixGlue g = SuffixGlue.of(0.5, SUFFIXES);
    int[][] words = {units("会谈"), units("会谈后"), units("过程"), units("过程中"), units("车间"),
        units("车间里")};
    long[] counts = {900, 40, 100, 300, 30, 12};
    boolean[] alive = {true, true, true, true, false, true};
    LivingWords living = LivingWords.of(words, alive);
    long[] rests = new long[words.length];
    assertEquals("[false, true, false, false, false, false]",
        java.util.Arrays.toString(g.phrases(words, counts, living, true, rests)));
    // By use the rest's occurrences are its uses and the word's; 车间 is dead: no rest.
    assertEquals("[0, 940, 0, 400, 0, 0]", java.util.Arrays.toString(rests));
    // N-gram counts: 会谈's 900 hold 会谈后's 40 already.
    g.phrases(words, counts, living, false, rests);
    assertEquals("[0, 900, 0, 100, 0, 0]", java.util.Arrays.toString(rests));
  }
}
