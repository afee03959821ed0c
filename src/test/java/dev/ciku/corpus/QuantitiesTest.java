package dev.ciku.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuantitiesTest {
  @Test
  void isNumberText_numbersAndDigitLetterMixes_trueOnlyForNumbers() {
    Object[][] cases = {
        {"3", true}, {"2025", true}, {"6.3", true}, {"1,000", true}, {"１９９６", true},
        {"5G", false}, {"iPhone7", false}, {"COVID-19", false}, {".5", false}, {"", false},
        {"G20", false},
    };
    for (Object[] c : cases) {
      assertEquals(c[1], Quantities.isNumberText((String) c[0]), (String) c[0]);
    }
  }

  @Test
  void endsNumber_numeralsApproximationsAndOtherUnits_trueOnlyForNumeralsInEitherScript() {
    for (int cp : "零〇一二三四五六七八九十百千万亿两几数多余半兩萬億".codePoints().toArray()) {
      assertTrue(Quantities.endsNumber(cp), Character.toString(cp));
    }
    for (int cp : "个这第年车的".codePoints().toArray()) {
      assertFalse(Quantities.endsNumber(cp), Character.toString(cp));
    }
    assertFalse(Quantities.endsNumber(UnitTable.LATIN_BASE), "a Latin unit is never a numeral");
  }

  @Test
  void isDeterminer_demonstrativesDistributivesAndOtherHan_trueOnlyForDeterminersInEitherScript() {
    for (int cp : "这那哪每某各该此這該".codePoints().toArray()) {
      assertTrue(Quantities.isDeterminer(cp), Character.toString(cp));
    }
    for (int cp : "一个的他其本".codePoints().toArray()) {
      assertFalse(Quantities.isDeterminer(cp), Character.toString(cp));
    }
  }

  @Test
  void measureWords_classifiersNumeralsAndOtherHan_holdsTheClassifiersOnly() {
    HanCharacters m = Quantities.measureWords();
    for (int cp : "个人名枚颗辆艘级号次元米年款個輛".codePoints().toArray()) {
      assertTrue(m.contains(cp), Character.toString(cp));
    }
    for (int cp : "一两十万亿平迪的这".codePoints().toArray()) {
      assertFalse(m.contains(cp), Character.toString(cp));
    }
  }
}
