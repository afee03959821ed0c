package dev.ciku.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FieldsTest {
  @Test
  void isBlank_asciiControlsAndUnicodeSpaces_trueForThemOnly() {
    for (char c : new char[] {' ', '\t', '\r', '\n', '\u000B', '\u0000', '\u3000', '\u00A0',
        '\u2002', '\u2009', '\u202F', '\u2028'}) {
      assertTrue(Fields.isBlank(c), Integer.toHexString(c));
    }
    for (char c : new char[] {'a', '中', '，', '\u200B', '\uFEFF', '_', '0', '\uFF10'}) {
      assertFalse(Fields.isBlank(c), Integer.toHexString(c));
    }
  }

  @Test
  void fields_wordAndCountBetweenMixedBlanks_found() {
    String line = " \u3000词语\u3000\t 42 \u00A0";
    int end = Fields.trimmedEnd(line);
    int from = Fields.skipBlanks(line, 0, end);
    int wordEnd = Fields.fieldEnd(line, from, end);
    assertEquals("词语", line.substring(from, wordEnd));
    int countFrom = Fields.skipBlanks(line, wordEnd, end);
    assertEquals("42", line.substring(countFrom, Fields.fieldEnd(line, countFrom, end)));
    assertEquals(end, Fields.fieldEnd(line, countFrom, end));
  }

  @Test
  void strip_onlyBlanks_isEmpty() {
    assertEquals("", Fields.strip("\u3000 \t\u00A0"));
    assertEquals("a b", Fields.strip("\u3000a b\u3000"));
    assertEquals("", Fields.strip(""));
  }

  @Test
  void word_linesWithBlanksCountsAndComments_firstFieldOrNull() {
    String[][] cases = {
        {"词语", "词语"}, {" \u3000词语\u3000\t 42 \u00A0", "词语"}, {"的\t9", "的"},
        {"", null}, {" \t\u3000", null}, {"# 注释", null}, {"\u3000#的", null}, {"a#b c", "a#b"},
    };
    for (String[] c : cases) {
      assertEquals(c[1], Fields.word(c[0]), "[" + c[0] + "]");
    }
  }
}
