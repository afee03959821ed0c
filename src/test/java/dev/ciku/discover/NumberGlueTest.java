package dev.ciku.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ciku.corpus.HanCharacters;
import dev.ciku.corpus.Quantities;
import dev.ciku.corpus.UnitTable;
import org.junit.jupiter.api.Test;

class NumberGlueTest {
  private static final HanCharacters MEASURE = HanCharacters.of("人枚级个");

  private static int[] units(String s) {
    return s.codePoints().toArray();
  }

  @Test
  void isGlue_candidatesByShareAfterNumbersAndRest_measureWordBeforeAWordAboveTheShare() {
    NumberGlue g = NumberGlue.of(0.5, MEASURE, new UnitTable(true));
    // word, share after numbers, rest is a word, glue?
    Object[][] cases = {
        {"人死亡", 0.84, true, true},
        {"枚金牌", 0.9, true, true},
        {"人死亡", 0.5, true, false}, // not more than the share
        {"人死亡", 0.84, false, false}, // 死亡 not a word of the list
        {"人民", 0.9, true, false}, // two units
        {"万亿元", 0.97, true, false}, // a numeral first: a number expression
        {"平方米", 0.95, true, false}, // 平 is no measure word
        {"個小時", 0.9, true, true}, // traditional 個 is 个
    };
    for (Object[] c : cases) {
      assertEquals(c[3], g.isGlue(units((String) c[0]), (double) c[1], (boolean) c[2]),
          c[0] + " " + c[1] + " " + c[2]);
    }
  }

  @Test
  void endsNumber_digitsAndHanNumerals() {
    UnitTable table = new UnitTable(true);
    int three = table.latinId("3");
    int decimal = table.latinId("6.3");
    int fiveG = table.latinId("5G");
    int word = table.latinId("iPhone");
    NumberGlue g = NumberGlue.of(0.5, MEASURE, table);
    assertTrue(g.endsNumber(three));
    assertTrue(g.endsNumber(decimal));
    assertFalse(g.endsNumber(fiveG));
    assertFalse(g.endsNumber(word));
    for (int cp : units("一两十百千万亿几多余半数〇兩萬億幾")) {
      assertTrue(g.endsNumber(cp), Character.toString(cp));
    }
    for (int cp : units("的人国第")) {
      assertFalse(g.endsNumber(cp), Character.toString(cp));
    }
    // 致 3 人 死 亡: the number at 1 has the glue 人死亡 after it; 3 人 死: too little after it.
    assertEquals(1, g.numberBeforeGlue(new int[] {'致', three, '人', '死', '亡'}));
    assertEquals(0, g.numberBeforeGlue(new int[] {decimal, '级', '地', '震'}));
    assertEquals(-1, g.numberBeforeGlue(new int[] {three, '人', '死'}));
    assertEquals(-1, g.numberBeforeGlue(new int[] {fiveG, '人', '死', '亡'}));
    assertTrue(g.isNumberUnit(three));
    assertFalse(g.isNumberUnit(fiveG));
    assertFalse(g.isNumberUnit('三'));
  }

  @Test
  void of_shareOne_switchesTheTestOff() {
    NumberGlue off = NumberGlue.of(1, MEASURE, new UnitTable(true));
    assertFalse(off.enabled());
    assertFalse(off.isGlue(units("人死亡"), 1.0, true));
    assertTrue(NumberGlue.of(0.5, MEASURE, new UnitTable(true)).enabled());
  }

  @Test
  void of_shareOutsideZeroToOne_throws() {
    for (double bad : new double[] {-0.1, 1.5, Double.NaN}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> NumberGlue.of(bad, MEASURE, new UnitTable(true)));
      assertTrue(e.getMessage().contains("--number-glue"), e.getMessage());
    }
  }

  @Test
  void measureWords_onOrOff_bundledListOrNone() {
    assertSame(Quantities.measureWords(), NumberGlue.measureWords(0.5));
    assertEquals(0, NumberGlue.measureWords(1).size());
  }

  @Test
  void glued_finalList_glueThenWordsEndingInNumberAndGlue() {
    UnitTable table = new UnitTable(true);
    int three = table.latinId("3");
    NumberGlue g = NumberGlue.of(0.5, MEASURE, table);
    int[][] words = {
        units("死亡"), units("人死亡"), {three, '人', '死', '亡'}, {'致', three, '人', '死', '亡'},
        units("枚金牌"), units("人民币"), units("级地震"), {three, '级', '地', '震'}, null};
    // 金牌 and 地震 are not words of the list: 枚金牌 stays, and 级地震 is dead already.
    boolean[] alive = {true, true, true, true, true, true, false, true};
    double[] afterNumber = {0, 0.84, 0, 0, 0.9, 0.9, 0.95, 0};
    boolean[] glued = g.glued(words, afterNumber, LivingWords.of(words, alive));
    assertEquals("[false, true, true, true, false, false, false, false]",
        java.util.Arrays.toString(glued));
  }
}
