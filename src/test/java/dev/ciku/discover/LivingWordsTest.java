package dev.ciku.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LivingWordsTest {
  private static int[] units(String s) {
    return s.codePoints().toArray();
  }

  @Test
  void find_goldenTable_livingWordsOfUpToSixUnits() {
    int[][] words = {units("中国"), units("人民"), units("中国人民银行"), units("银行"),
        units("中华人民共和国"), units("不在表中")};
    boolean[] alive = {true, true, true, false, true, true};
    // Entries past alive.length are not part of the list.
    LivingWords living = LivingWords.of(words, java.util.Arrays.copyOf(alive, 5));
    int[] text = units("中国人民银行");
    assertEquals(5, living.size());
    assertEquals(0, living.find(text, 0, 2));
    assertEquals(1, living.find(text, 2, 4));
    assertEquals(2, living.find(text, 0, 6));
    assertEquals(-1, living.find(text, 4, 6), "银行 is not alive");
    assertEquals(-1, living.find(units("中华人民共和国"), 0, 7), "longer than 6 units");
    assertEquals(-1, living.find(units("不在表中"), 0, 4), "past the list's size");
    assertEquals(-1, living.find(text, 1, 3), "国人 is no word");
  }

  @Test
  void find_wordTakenOutAfterwards_notFound() {
    int[][] words = {units("中国"), units("人民")};
    boolean[] alive = {true, true};
    LivingWords living = LivingWords.of(words, alive);
    alive[0] = false;
    assertEquals(-1, living.find(units("中国"), 0, 2));
    assertEquals(1, living.find(units("人民"), 0, 2));
  }
}
