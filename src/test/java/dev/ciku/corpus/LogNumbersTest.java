package dev.ciku.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LogNumbersTest {
  @Test
  void count_pluralUnlessOne_groupedDigits() {
    assertEquals("1 word", LogNumbers.count(1, "word"));
    assertEquals("0 words", LogNumbers.count(0, "word"));
    assertEquals("1,234,567 terms", LogNumbers.count(1234567, "term"));
    assertEquals("-1 grams", LogNumbers.count(-1, "gram"));
  }
}
