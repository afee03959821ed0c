package dev.ciku.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UnitPolicyTest {
  @Test
  void normalize_fullWidthAndIdeographicSpace() {
    assertEquals('A', UnitPolicy.normalize('Ａ'));
    assertEquals('1', UnitPolicy.normalize('１'));
    assertEquals('~', UnitPolicy.normalize(0xFF5E));
    assertEquals(0xFF5F, UnitPolicy.normalize(0xFF5F));
    assertEquals(' ', UnitPolicy.normalize(0x3000));
    assertEquals('中', UnitPolicy.normalize('中'));
  }

  @Test
  void isInvisible_listedCodePointsAndTheirNeighbours() {
    int[] invisible = {0xAD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFE00, 0xFE0F, 0xFEFF, 0xE0100,
        0xE01EF};
    int[] visible = {0xAC, 0xAE, 0x200A, 0x200E, 0x205F, 0x2061, 0xFDFF, 0xFE10, 0xFEFE, 0xFF00,
        0xE00FF, 0xE01F0, 0x4E00, 'a', ' ', 0x301};
    for (int cp : invisible) {
      assertTrue(UnitPolicy.isInvisible(cp), Integer.toHexString(cp));
    }
    for (int cp : visible) {
      assertFalse(UnitPolicy.isInvisible(cp), Integer.toHexString(cp));
    }
  }

  @Test
  void isCombiningMark_marksAndLookalikes_bmpMarksOnlyNotSelectorsOrTheKeycap() {
    for (int cp : new int[] {0x300, 0x301, 0x36F, 0x20DD, 0x1DC0, 0xFE20}) {
      assertTrue(UnitPolicy.isCombiningMark(cp), Integer.toHexString(cp));
    }
    // Variation selectors are Mn but invisible; U+1D165 is a supplementary mark; 0x2FF is a
    // modifier letter.
    // U+20E3 (Me) is the keycap of emoji such as 1️⃣: a symbol.
    for (int cp : new int[] {0xFE00, 0xFE0F, 0x1D165, 0x2FF, 'a', 0x4E00, 0x3002, 0x20E3}) {
      assertFalse(UnitPolicy.isCombiningMark(cp), Integer.toHexString(cp));
    }
  }

  @Test
  void isHan_blocksAndBoundaries() {
    int[] han = {0x4E00, 0x9FFF, 0x3400, 0x4DBF, 0xF900, 0xFAFF, 0x3007, 0x20000, 0x2A6DF, 0x2FA1F,
        0x30000, 0x323AF};
    int[] notHan = {0x3006, 0x3005, 0x4DC0, 0x2E80, 0x3041, 0x30A2, 0xAC00, 0x1F600, 0x2FA20,
        0x323B0, 'A', '1', 0xFF0C};
    for (int cp : han) {
      assertTrue(UnitPolicy.isHan(cp), Integer.toHexString(cp));
    }
    for (int cp : notHan) {
      assertFalse(UnitPolicy.isHan(cp), Integer.toHexString(cp));
    }
  }

  @Test
  void isLatin_asciiAlnumAndLatinLetters() {
    for (int cp : new int[] {'a', 'z', 'A', 'Z', '0', '9', 0xC0, 0xE9, 0xDF, 0x24F}) {
      assertTrue(UnitPolicy.isLatin(cp), Integer.toHexString(cp));
    }
    for (int cp : new int[] {'-', '.', '_', ' ', 0xBF, 0xD7, 0xF7, 0x250, 0x3B1, 0x430}) {
      assertFalse(UnitPolicy.isLatin(cp), Integer.toHexString(cp));
    }
  }

  @Test
  void isUrlScheme_httpHttpsFtpInAnyCase_only() {
    for (String yes : new String[] {"http", "HTTP", "Https", "ftp", "FTP", "ＨＴＴＰ", "ｈｔｔｐｓ"}) {
      assertTrue(UnitPolicy.isUrlScheme(yes), yes);
    }
    for (String no : new String[] {"", "ftps", "htt", "httpss", "xhttp", "h\u0074tp\u00E9", "mailto",
        "ＨＴＴＰ１", "hTtP1"}) {
      assertFalse(UnitPolicy.isUrlScheme(no), no);
    }
  }

  @Test
  void isUrlChar_printableAsciiButSpace() {
    assertTrue(UnitPolicy.isUrlChar('!'));
    assertTrue(UnitPolicy.isUrlChar('~'));
    assertTrue(UnitPolicy.isUrlChar('%'));
    assertFalse(UnitPolicy.isUrlChar(' '));
    assertFalse(UnitPolicy.isUrlChar(0x7F));
    assertFalse(UnitPolicy.isUrlChar('，'));
    assertFalse(UnitPolicy.isUrlChar('／'));
    assertFalse(UnitPolicy.isUrlChar('中'));
  }

  @Test
  void toLowerLatin_lettersAndADigit_lowersOnlyCapitals() {
    assertEquals('a', UnitPolicy.toLowerLatin('A'));
    assertEquals('7', UnitPolicy.toLowerLatin('7'));
    assertEquals(0xE4, UnitPolicy.toLowerLatin(0xC4));
    assertEquals('z', UnitPolicy.toLowerLatin('z'));
  }

  @Test
  void toLowerLatin_capitalWhoseLowerCaseIsNoLatinLetter_unchanged() {
    // Ə (Azerbaijani), Ɛ, Ⱥ: their lower cases (ə U+0259, ɛ U+025B, ⱥ U+2C65) are no Latin
    // letters of a unit, so lower-cased they would end the run that holds them.
    for (int cp = 0; cp < 0x300; cp++) {
      if (UnitPolicy.isLatin(cp)) {
        assertTrue(UnitPolicy.isLatin(UnitPolicy.toLowerLatin(cp)), Integer.toHexString(cp));
      }
    }
    assertEquals(0x18F, UnitPolicy.toLowerLatin(0x18F));
    assertEquals(0x23A, UnitPolicy.toLowerLatin(0x23A));
    assertEquals('i', UnitPolicy.toLowerLatin(0x130), "İ is i, as Character.toLowerCase has it");
    assertEquals("Əliyev", UnitPolicy.normalizeText("ƏLIYEV", true));
  }

  @Test
  void normalizeText_fullWidthAndCase_asTheReaderWritesThem() {
    assertEquals("COVID-19疫情", UnitPolicy.normalizeText("ＣＯＶＩＤ－１９疫情", false));
    assertEquals("covid-19疫情", UnitPolicy.normalizeText("ＣＯＶＩＤ－１９疫情", true));
    assertEquals("iphone 𠀀é", UnitPolicy.normalizeText("iPhone\u3000𠀀É", true));
    String same = "中文abc";
    assertSame(same, UnitPolicy.normalizeText(same, true), "no copy when nothing changes");
    assertEquals("ABC", UnitPolicy.normalizeText("ABC", false));
  }
}
