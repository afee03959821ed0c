package dev.ciku.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SymbolsTest {
  @Test
  void toSymbols_fullWidthDigits_becomeOneNumSymbol() {
    assertArrayEquals(new int[] {Symbols.NUM, '年'}, Symbols.toSymbols("１９９８年"));
    assertArrayEquals(new int[] {Symbols.NUM, '年'}, Symbols.toSymbols("2000年"));
    assertArrayEquals(new int[] {Symbols.NUM}, Symbols.toSymbols("3.5"));
  }

  @Test
  void toSymbols_lettersAndMixedRuns_becomeAlpha() {
    assertArrayEquals(new int[] {Symbols.ALPHA, '股'}, Symbols.toSymbols("B股"));
    assertArrayEquals(new int[] {Symbols.ALPHA}, Symbols.toSymbols("ＧＤＰ"));
    assertArrayEquals(new int[] {Symbols.ALPHA, '手', '机'}, Symbols.toSymbols("iPhone7手机"));
  }

  @Test
  void toSymbols_punctuation_returnsNull() {
    assertNull(Symbols.toSymbols("中，国"));
    assertNull(Symbols.toSymbols(""));
    assertNull(Symbols.toSymbols("——"));
  }

  @Test
  void canonical_numbersAndLetters_writtenZeroAndA() {
    assertEquals("0月0日", Symbols.canonical("12月31日"));
    assertEquals("A股", Symbols.canonical("Ａ股"));
    assertEquals("中国", Symbols.canonical("中国"));
    assertEquals("𠀀字", Symbols.canonical("𠀀字"));
    assertEquals(2, Symbols.length("𠀀字"));
  }

  @Test
  void toSymbols_invisibleCharacters_skippedAsInText() {
    org.junit.jupiter.api.Assertions.assertArrayEquals(Symbols.toSymbols("零宽"),
        Symbols.toSymbols("零\u200b宽"));
    org.junit.jupiter.api.Assertions.assertArrayEquals(Symbols.toSymbols("iPhone7"),
        Symbols.toSymbols("iPh\u200bone7"));
    org.junit.jupiter.api.Assertions.assertNull(Symbols.toSymbols("\u200b"));
  }
}
