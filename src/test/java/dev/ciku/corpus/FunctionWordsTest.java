package dev.ciku.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FunctionWordsTest {
  private static int[] units(String s) {
    return s.codePoints().toArray();
  }

  @Test
  void bundled_dictStopwordList_holdsExactlyItsOneCharacterHanLines() throws IOException {
    long expected = Files.readAllLines(Path.of("dict/stopwords.txt"), StandardCharsets.UTF_8)
        .stream().map(String::strip)
        .filter(l -> l.codePointCount(0, l.length()) == 1 && UnitPolicy.isHan(l.codePointAt(0)))
        .distinct().count();
    FunctionWords f = FunctionWords.bundled();
    assertEquals(expected, f.size());
    for (String w : new String[] {"的", "了", "着", "是", "在", "这", "很", "他", "和", "被"}) {
      assertTrue(f.contains(w.codePointAt(0)), w);
    }
    for (String w : new String[] {"中", "国", "人", "说", "们", "a"}) {
      assertFalse(f.contains(w.codePointAt(0)), w);
    }
  }

  @Test
  void contains_traditionalFormOrLatinUnit() {
    FunctionWords f = FunctionWords.bundled();
    assertTrue(f.contains("這".codePointAt(0)), "這 is 这");
    assertTrue(f.contains("與".codePointAt(0)), "與 is 与");
    assertFalse(f.contains(UnitTable.LATIN_BASE), "a Latin unit id");
  }

  @Test
  void edge_functionWordAtOneEndBothOrNone_returnedOnlyAtExactlyOneEnd() {
    FunctionWords f = FunctionWords.of("的了这他以及但是");
    String[][] cases = {
        // word, the function word at exactly one end ("" if none)
        {"这一", "这"}, {"他说", "他"}, {"党的", "的"}, {"买了", "了"}, {"看这个", ""}, {"这个", "这"},
        {"以及", ""}, {"但是", ""}, {"这的", ""}, {"中国", ""}, {"这", ""},
        {"中华人民共和国", ""}, {"中国的", "的"}, {"這一", "這"},
    };
    for (String[] c : cases) {
      int[] u = units(c[0]);
      int edge = f.edge(u, u.length);
      assertEquals(c[1], edge < 0 ? "" : new String(Character.toChars(edge)), c[0]);
    }
    assertEquals(-1, f.edge(new int[0], 0));
    int[] padded = units("这一中国");
    assertEquals("这".codePointAt(0), f.edge(padded, 2), "only units[0..n) count");
    assertEquals(-1, f.edge(units("中国这"), 2));
  }
}
