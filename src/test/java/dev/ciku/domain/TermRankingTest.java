package dev.ciku.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ciku.corpus.LatinCase;
import dev.ciku.discover.DiscoveredWord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TermRankingTest {
  /**
   * Occurrences of {@code words} and their characters in {@code lines} lines per word, each line
   * saying the word {@code perLine} times (so equal counts give equal burstiness).
   */
  private static TermOccurrences occurrences(List<DiscoveredWord> words, int lines, int perLine) {
    List<String> text = new java.util.ArrayList<>();
    java.util.Set<String> strings = new java.util.LinkedHashSet<>();
    for (DiscoveredWord w : words) {
      strings.add(w.word());
      w.word().codePoints().forEach(c -> strings.add(new String(Character.toChars(c))));
      for (int i = 0; i < lines; i++) {
        text.add((w.word() + "，").repeat(perLine));
      }
    }
    return TermOccurrences.countLines(strings.toArray(new String[0]), text.iterator(), LatinCase.FOLD, false);
  }

  private static DiscoveredWord word(String w, long count) {
    return new DiscoveredWord(w, w.length(), count, 3, 2, 2, 1);
  }

  @Test
  void rank_absentFromReference_ranksAbovePresentWithEqualDomainStats() {
    List<DiscoveredWord> words = List.of(word("乙乙", 50), word("甲甲", 50), word("丙丙", 50),
        word("丁丁", 5));
    ReferenceCounts ref = ReferenceTable.of(Map.of("乙乙", 7L, "丙丙", 1L), 1_000_000);
    for (DomainTermMiner.Rank rank : new DomainTermMiner.Rank[] {DomainTermMiner.Rank.COMBINED,
        DomainTermMiner.Rank.GATED_G2, DomainTermMiner.Rank.SHARE, DomainTermMiner.Rank.G2,
        DomainTermMiner.Rank.WEIRDNESS}) {
      List<DomainTerm> out =
          TermRanking.rank(words, ref, occurrences(words, 10, 5), 1_000_000, rank);
      List<DomainTerm> equal = out.stream().filter(t -> t.domainCount() == 50).toList();
      assertEquals(List.of("甲甲", "丙丙", "乙乙"),
          equal.stream().map(DomainTerm::term).toList(), rank.toString());
      DomainTerm absent = equal.get(0);
      assertEquals(0, absent.referenceCount());
      for (DomainTerm t : equal.subList(1, 3)) {
        assertTrue(absent.share() > t.share());
        assertTrue(absent.g2() > t.g2());
        assertTrue(absent.weirdness() > t.weirdness());
        assertFalse(Double.isNaN(t.share()));
      }
    }
  }

  @Test
  void specificGate_strongestTermsMedianWeirdnessAboveOrBelowHalf_specificOrTheirLowerQuartile() {
    double[] strongWeird = new double[20];
    double[] strongG2 = new double[20];
    for (int i = 0; i < 20; i++) {
      strongG2[i] = 1000 - i;
      strongWeird[i] = 700 + i;
    }
    assertEquals(TermRanking.SPECIFIC, TermRanking.specificGate(strongG2, strongWeird));
    // The 20 strongest at weirdness 4, 5, ..., 23: median (13 + 14) / 2, at least half the gate.
    double[] w = new double[22];
    double[] g = new double[22];
    for (int i = 0; i < 20; i++) {
      g[i] = 1000 - i;
      w[i] = 4 + i;
    }
    g[20] = 12; // rare strings the reference lacks: weird, but weak
    w[20] = 80;
    g[21] = -50;
    w[21] = 0.1;
    assertEquals(TermRanking.SPECIFIC, TermRanking.specificGate(g, w));
    for (int i = 0; i < 20; i++) {
      w[i] = 3 + 0.5 * i; // 3, 3.5, ..., 12.5: median (7.5 + 8) / 2, lower quartile the 5th, 5
    }
    assertEquals(5, TermRanking.specificGate(g, w), 1e-12);
    // Fewer than 20 terms with G2 > 0: the lower quartile of those (their median is 6.5).
    assertEquals(5, TermRanking.specificGate(new double[] {9, 8, 7, 6, 5, 4, -1},
        new double[] {4, 5, 6, 7, 8, 9, 90}), 1e-12);
    assertEquals(4, TermRanking.specificGate(new double[] {9, 8, 7, -1},
        new double[] {4, 5, 6, 90}), 1e-12);
    assertEquals(TermRanking.SPECIFIC,
        TermRanking.specificGate(new double[] {-3, 0}, new double[] {0.2, 1}));
    assertEquals(TermRanking.SPECIFIC,
        TermRanking.specificGate(new double[0], new double[0]));
  }

  @Test
  void specificGate_shuffledTerms_sameGate() {
    java.util.Random random = new java.util.Random(7);
    int n = 200;
    double[] g = new double[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      g[i] = random.nextInt(30); // many ties in G2 at the top
      w[i] = 1 + random.nextInt(15);
    }
    double expected = TermRanking.specificGate(g, w);
    assertTrue(expected < TermRanking.SPECIFIC / 2, "the case tests a lowered gate");
    for (int round = 0; round < 20; round++) {
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        double t = g[i];
        g[i] = g[j];
        g[j] = t;
        t = w[i];
        w[i] = w[j];
        w[j] = t;
      }
      assertEquals(expected, TermRanking.specificGate(g, w), "round " + round);
    }
  }

  @Test
  void rank_referenceSharesTheStrongestWords_theyRankAboveRareStrings() {
    // 20 domain words, each 500 times in the domain and 100 times in a reference of the same
    // size (weirdness 5), and a string seen 30 times that the reference lacks (weirdness 60).
    String chars = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥";
    List<DiscoveredWord> words = new java.util.ArrayList<>();
    Map<String, Long> refCounts = new java.util.HashMap<>();
    for (int i = 0; i < 20; i++) {
      String w = chars.substring(i, i + 1) + chars.substring(i + 1, i + 2);
      words.add(word(w, 500));
      refCounts.put(w, 100L);
    }
    words.add(word("亥甲", 30));
    ReferenceCounts ref = ReferenceTable.of(refCounts, 1_000_000);
    List<DomainTerm> out = TermRanking.rank(words, ref, occurrences(words, 10, 5),
        1_000_000, DomainTermMiner.Rank.COMBINED);
    assertEquals(60, out.get(out.size() - 1).weirdness(), 1e-9);
    assertEquals("亥甲", out.get(out.size() - 1).term());
    assertTrue(out.get(0).weirdness() < 5, "a strong word: " + out.get(0));
    assertTrue(out.stream().allMatch(t -> t.score() > 0), "all in the first tier");
  }

  @Test
  void rank_cValue_discountsNestedTerms() {
    // 人民 occurs 100 times, 90 of them inside 人民法院 (seen 90 times).
    List<DiscoveredWord> words = List.of(word("人民", 100), word("人民法院", 90));
    List<DomainTerm> out = TermRanking.rank(words, ReferenceTable.of(Map.of(), 1000),
        occurrences(words, 2, 3), 1000, DomainTermMiner.Rank.CVALUE);
    assertEquals("人民法院", out.get(0).term());
    assertEquals(2 * 90, out.get(0).cValue(), 1e-9);
    assertEquals(1 * (100 - 90), out.get(1).cValue(), 1e-9);
  }
}
