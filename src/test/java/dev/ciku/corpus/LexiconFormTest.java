package dev.ciku.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LexiconFormTest {
  @ParameterizedTest
  @CsvSource({
      "這個, false, 这个",
      "隨著, false, 随着", // the particle: traditional text writes it 著
      "原著, false, 原着",
      "著, false, 著", // alone, 著 is itself
      "ＣＯＶＩＤ－１９, false, COVID-19",
      "ＣＯＶＩＤ－１９, true, covid-19",
      "iPhone7, false, iPhone7",
      "iPhone7, true, iphone7",
      "中华人民共和国, true, 中华人民共和国"})
  void of_goldenTable(String word, boolean lowercase, String expected) {
    assertEquals(expected, LexiconForm.of(word, lowercase));
  }
}
