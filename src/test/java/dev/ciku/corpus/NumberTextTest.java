package dev.ciku.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NumberTextTest {
  @Test
  void parseSize_suffixes_bytes() {
    assertEquals(512L << 20, NumberText.parseSize("512m"));
    assertEquals(2L << 30, NumberText.parseSize("2G"));
    assertThrows(IllegalArgumentException.class, () -> NumberText.parseSize("lots"));
  }

  @Test
  void parseSize_decimalFormsOnly_javaFormsAndOverflowRefusedWithTheReason() {
    assertEquals(3L << 29, NumberText.parseSize("1.5g"));
    assertEquals(2_000_000_000L, NumberText.parseSize("2e9"));
    assertEquals(1L << 20, NumberText.parseSize(" 1MB "));
    for (String java : new String[] {"0x1p25", "20000000f", "33554432d", "-5m", "+5m", "NaN",
        "Infinity", "1,000", ""}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> NumberText.parseSize(java), java);
      assertTrue(e.getMessage().startsWith("not a size: '"), java + ": " + e.getMessage());
    }
    assertTrue(assertThrows(IllegalArgumentException.class, () -> NumberText.parseSize("1e400"))
        .getMessage().startsWith("size too large"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> NumberText.parseSize("0m"))
        .getMessage().startsWith("size must be positive"));
  }

  @Test
  void isUnsignedDecimal_decimalAndJavaOnlyForms_trueOnlyForUnsignedDecimals() {
    for (String yes : new String[] {"3", "2.5", ".5", "1e6", "7.", "1E-3"}) {
      assertTrue(NumberText.isUnsignedDecimal(yes), yes);
    }
    for (String no : new String[] {"", "-1", "+1", "0x1p3", "2f", "2d", "NaN", "Infinity",
        "1,000", "."}) {
      assertFalse(NumberText.isUnsignedDecimal(no), no);
    }
  }
}
