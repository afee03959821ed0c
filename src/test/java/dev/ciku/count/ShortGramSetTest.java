package dev.ciku.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShortGramSetTest {
  private static long hi(int... units) {
    return Grams.hi(units, 0, units.length);
  }

  @Test
  void contains_seededRandomGrams_answersAsAHashSet() {
    for (int seed = 0; seed < 10; seed++) {
      Random r = new Random(seed);
      GramIndex index = new GramIndex(16);
      Set<Long> expected = new HashSet<>();
      int n = r.nextInt(50_000);
      int[] u = new int[3];
      for (int i = 0; i < n; i++) {
        int len = 1 + r.nextInt(3);
        for (int j = 0; j < len; j++) {
          u[j] = 0x4E00 + r.nextInt(200);
        }
        index.accept(Grams.hi(u, 0, len), 0, 1);
        expected.add(Grams.hi(u, 0, len));
      }
      ShortGramSet set = ShortGramSet.of(index);
      assertEquals(expected.size(), set.size(), "seed " + seed);
      for (int i = 0; i < 100_000; i++) {
        int len = 1 + r.nextInt(3);
        for (int j = 0; j < len; j++) {
          u[j] = 0x4E00 + r.nextInt(200);
        }
        long h = Grams.hi(u, 0, len);
        assertEquals(expected.contains(h), set.contains(h), "seed " + seed);
      }
    }
  }

  @Test
  void contains_indexedReversedAndPrefixGrams_trueOnlyForIndexedOnes() {
    GramIndex index = new GramIndex(16);
    index.accept(hi('中', '国'), 0, 5);
    index.accept(hi('人', '民', '网'), 0, 2);
    ShortGramSet set = ShortGramSet.of(index);
    assertEquals(true, set.contains(hi('中', '国')));
    assertEquals(true, set.contains(hi('人', '民', '网')));
    assertEquals(false, set.contains(hi('国', '中')));
    assertEquals(false, set.contains(hi('人', '民')));
    assertEquals(false, ShortGramSet.of(new GramIndex(16)).contains(hi('中', '国')));
  }

  @Test
  void of_gramOfFourUnits_isRejected() {
    GramIndex index = new GramIndex(16);
    int[] u = {'社', '会', '主', '义'};
    index.accept(Grams.hi(u, 0, 4), Grams.lo(u, 0, 4), 1);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ShortGramSet.of(index));
    assertEquals("a gram of 4 units in a set of grams of at most 3 units", e.getMessage());
  }
}
