package dev.ciku.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WordSetTest {
  @Test
  void add_goldenTable() {
    WordSet s = new WordSet();
    assertTrue(s.add("中国"));
    assertFalse(s.add("中国"));
    assertTrue(s.add("中"));
    assertTrue(s.add("中国人"));
    assertTrue(s.add(""));
    assertTrue(s.add("😀"));
    assertTrue(s.contains(new StringBuilder("中国")));
    assertTrue(s.contains(""));
    assertFalse(s.contains("国"));
    assertFalse(s.contains("中国人民"));
    assertEquals(5, s.size());
  }

  @Test
  void contains_seededRandomWords_sameAsHashSet() {
    Random r = new Random(20261127);
    WordSet s = new WordSet();
    Set<String> expected = new HashSet<>();
    char[] alphabet = "中国人民大学aB1的了".toCharArray();
    for (int i = 0; i < 50_000; i++) {
      String w = word(r, alphabet);
      assertEquals(expected.add(w), s.add(w), w);
    }
    assertEquals(expected.size(), s.size());
    for (int i = 0; i < 50_000; i++) {
      String w = word(r, alphabet);
      assertEquals(expected.contains(w), s.contains(w), w);
    }
  }

  private static String word(Random r, char[] alphabet) {
    StringBuilder sb = new StringBuilder();
    for (int n = r.nextInt(8); n > 0; n--) {
      sb.append(alphabet[r.nextInt(alphabet.length)]);
    }
    return sb.toString();
  }
}
