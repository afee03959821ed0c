package dev.ciku.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ciku.corpus.UnitTable;
import dev.ciku.count.GramIndex;
import dev.ciku.count.Grams;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CohesiveScanTest {
  private static final double LN_N = Math.log(1000);

  private final UnitTable units = new UnitTable(true);

  private int[] gram(String... parts) {
    int[] u = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      u[i] = parts[i].codePointAt(0) < 0x80 ? units.latinId(parts[i]) : parts[i].codePointAt(0);
    }
    return u;
  }

  private void put(GramIndex index, long count, String... parts) {
    int[] u = gram(parts);
    index.accept(Grams.hi(u, 0, u.length), Grams.lo(u, 0, u.length), count);
  }

  /**
   * N = 1000 positions. 甲乙: PMI ln 3 (admissible by --pair-pmi 1, below the pair threshold 2);
   * 甲丙: ln 2 (neither); 戊己, 己庚: ln 500; 戊己庚: ln 500 at both splits (above 4); 丙戊: ln 12.5
   * but seen once; 戊己庚戊: longer than G's grams.
   */
  private GramIndex index() {
    GramIndex index = new GramIndex(16);
    put(index, 100, "甲");
    put(index, 200, "乙");
    put(index, 40, "丙");
    put(index, 2, "戊");
    put(index, 2, "己");
    put(index, 2, "庚");
    put(index, 60, "甲", "乙");
    put(index, 8, "甲", "丙");
    put(index, 2, "戊", "己");
    put(index, 2, "己", "庚");
    put(index, 2, "戊", "己", "庚");
    put(index, 1, "丙", "戊");
    put(index, 2, "戊", "己", "庚", "戊");
    put(index, 5, "iPhone");
    put(index, 3, "5G");
    put(index, 4, "x");
    put(index, 6, "12");
    put(index, 1, "ab");
    return index;
  }

  private Set<String> texts(GramIndex g) {
    Set<String> out = new TreeSet<>();
    int[] u = new int[Grams.MAX_ORDER];
    g.forEach((hi, lo, c) -> {
      int n = Grams.units(hi, lo, u);
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < n; i++) {
        units.append(sb, u[i]);
      }
      out.add(sb.toString());
    });
    return out;
  }

  @Test
  void of_goldenIndex_cohesiveGramsPairsAndLatinUnits() {
    CohesiveScan scan = CohesiveScan.of(index(), units, 3, 2, LN_N, DiscoverOptions.DEFAULT, 2);
    assertEquals(new TreeSet<>(List.of("戊己", "己庚", "戊己庚")), texts(scan.cohesive()));
    List<String> latin = new ArrayList<>();
    for (int i = 0; i < scan.wordLikeLatin().size(); i += 2) {
      StringBuilder sb = new StringBuilder();
      units.append(sb, (int) scan.wordLikeLatin().getLong(i));
      latin.add(sb + " " + scan.wordLikeLatin().getLong(i + 1));
    }
    assertEquals(new TreeSet<>(List.of("iPhone 5", "5G 3")), new TreeSet<>(latin));

    GramIndex shortFragments = new GramIndex(16);
    GramIndex added = scan.admitPairs(shortFragments);
    // Every pair whose PMI reaches --pair-pmi: the cohesive ones too (the cut isolated none here).
    assertEquals(new TreeSet<>(List.of("甲乙", "戊己", "己庚")), texts(added));
    int[] pair = gram("甲", "乙");
    assertEquals(60, shortFragments.get(Grams.hi(pair, 0, 2), Grams.lo(pair, 0, 2)));
  }

  @Test
  void admitPairs_pairAlreadyAFragment_notAdded() {
    CohesiveScan scan = CohesiveScan.of(index(), units, 3, 2, LN_N, DiscoverOptions.DEFAULT, 1);
    GramIndex shortFragments = new GramIndex(16);
    put(shortFragments, 7, "甲", "乙");
    assertEquals(new TreeSet<>(List.of("戊己", "己庚")), texts(scan.admitPairs(shortFragments)));
    int[] pair = gram("甲", "乙");
    assertEquals(7, shortFragments.get(Grams.hi(pair, 0, 2), Grams.lo(pair, 0, 2)));
  }

  @Test
  void of_oneOrThreeThreads_sameListsInSameOrder() {
    GramIndex index = index();
    CohesiveScan one = CohesiveScan.of(index, units, 3, 2, LN_N, DiscoverOptions.DEFAULT, 1);
    CohesiveScan three = CohesiveScan.of(index, units, 3, 2, LN_N, DiscoverOptions.DEFAULT, 3);
    assertEquals(one.wordLikeLatin(), three.wordLikeLatin());
    assertEquals(texts(one.cohesive()), texts(three.cohesive()));
  }

  @Test
  void isWordLikeLatin_runsBareNumbersAndSingleLetters_trueOnlyForRunsOfTwoOrMoreWithALetter() {
    for (String yes : List.of("iPhone", "5G", "é1", "COVID-19")) {
      assertTrue(CohesiveScan.isWordLikeLatin(yes), yes);
    }
    for (String no : List.of("x", "12", "3.5", "", "G")) {
      assertFalse(CohesiveScan.isWordLikeLatin(no), no);
    }
  }
}
