package dev.ciku.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ciku.corpus.ClauseScanner;
import dev.ciku.corpus.ReaderOptions;
import dev.ciku.corpus.UnitTable;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CharTallyTest {
  private static long tally(String text, int... cuts) {
    CharTally t = new CharTally();
    char[] c = text.toCharArray();
    int from = 0;
    for (int cut : cuts) {
      t.add(c, from, cut);
      from = cut;
    }
    t.add(c, from, c.length);
    return t.count();
  }

  @Test
  void add_lineEndsCarriageReturnsAndSurrogates_countsCharactersNotLineEnds() {
    String[][] table = {
      {"", "0"},
      {"中国", "2"},
      {"中国\n人民\n", "4"},
      {"中国\r\n人民\r\n", "4"},
      {"a\rb", "3"}, // a lone CR is a character
      {"a\r", "1"}, // but not one that ends the text
      {"\r\r\n", "1"},
      {"😀中", "2"},
      {"\uDE00\uD83D", "2"}, // halves in the wrong order: two characters
      {"\uD83D\uD83D\uDE00", "2"},
      {"\uD83D\uDE00\uDE00", "2"},
      {"\n\n\n", "0"},
    };
    for (String[] row : table) {
      assertEquals(Long.parseLong(row[1]), tally(row[0]), row[0]);
    }
  }

  @Test
  void endInput_crAtAnInputEnd_notACharacter() {
    CharTally t = new CharTally();
    char[] a = "中文\r".toCharArray();
    char[] b = "\uFEFF测试\n\uFEFF".toCharArray();
    t.add(a, 0, a.length);
    t.endInput();
    t.add(b, 0, b.length);
    t.endInput();
    // 中文, then U+FEFF 测试 U+FEFF: the CR that ends the first input is no character; a U+FEFF
    // the reader passes on is text (stats counts it, as an invisible character: the reader
    // drops a byte-order mark before it gets here).
    assertEquals(6, t.count());
  }

  @Test
  void add_pieceBoundaryInsidePairs_sameCount() {
    String text = "😀\r\n中😀\n";
    long whole = tally(text);
    assertEquals(3, whole);
    for (int cut = 0; cut <= text.length(); cut++) {
      assertEquals(whole, tally(text, cut), "cut at " + cut);
    }
  }

  @Test
  void add_randomText_countsAsStatsDoes() {
    Random r = new Random(20261127);
    char[] alphabet = {'中', '国', 'a', '1', '\n', '\r', '，', '\uD83D', '\uDE00', ' '};
    for (int round = 0; round < 200; round++) {
      StringBuilder sb = new StringBuilder();
      int n = r.nextInt(40);
      for (int i = 0; i < n; i++) {
        sb.append(alphabet[r.nextInt(alphabet.length)]);
      }
      String text = sb.toString();
      ClauseScanner stats = new ClauseScanner(new UnitTable(true), ReaderOptions.DEFAULT,
          (u, length, owned, start, end) -> { });
      stats.chars(text.toCharArray(), 0, text.length());
      stats.finish();
      int cut = text.isEmpty() ? 0 : r.nextInt(text.length() + 1);
      assertEquals(stats.chars(), tally(text, cut),
          "cut at " + cut + " of " + text.chars().mapToObj(Integer::toHexString).toList());
    }
  }
}
