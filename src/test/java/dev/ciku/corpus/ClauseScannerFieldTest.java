package dev.ciku.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ClauseScanner#field}: a range of an array read as {@link ClauseScanner#text} reads. */
class ClauseScannerFieldTest {
  private static final String[] PIECES = {"中", "文", "字", "\n", "\r", "\r\n", " ", "，", "iPhone",
      "7", "-", "5G", "😀", "𠀀", "\ud840", "\udc00", "http://x.cn/a", "&amp;", "&#183;", "\u3000",
      "ＡＢＣ", "e\u0301", "\u200b", "a.b", "\t"};

  /** Chunks and counters of a scanner fed {@code feed}, one call per field, a line after each. */
  private static String scan(List<String> fields, boolean asArray) {
    UnitTable table = new UnitTable(true);
    StringBuilder out = new StringBuilder();
    ClauseScanner s = new ClauseScanner(table, LatinCase.LOWER, false, (u, length, owned, start, end) -> {
      out.append(start).append(end).append(owned).append(':');
      for (int i = 0; i < length; i++) {
        out.append(' ').append(table.text(u[i]));
      }
      out.append('\n');
    });
    for (String f : fields) {
      if (asArray) {
        // Han characters around the range: read by mistake they would add units.
        char[] a = ("中国" + f + "人民").toCharArray();
        s.field(a, 2, 2 + f.length());
      } else {
        s.text(f);
      }
      s.endLine();
    }
    s.finish();
    return out + "lines " + s.lines() + ", chars " + s.chars() + ", han " + s.hanChars()
        + ", clauses " + s.clauses() + ", units " + s.units() + ", latin " + s.latinUnits()
        + ", urls " + s.urls();
  }

  @Test
  void field_randomFields_sameAsText() {
    Random r = new Random(515);
    for (int round = 0; round < 300; round++) {
      List<String> fields = new ArrayList<>();
      for (int n = r.nextInt(20); n > 0; n--) {
        StringBuilder b = new StringBuilder();
        for (int k = r.nextInt(30); k > 0; k--) {
          b.append(PIECES[r.nextInt(PIECES.length)]);
        }
        fields.add(b.toString());
      }
      assertEquals(scan(fields, false), scan(fields, true), fields.toString());
    }
  }

  @Test
  void field_goldenLine_boundariesNotLineEnds() {
    String scanned = scan(List.of("中文\n字\r词😀𠀀"), true);
    assertEquals("truetrue2: 中 文\ntruetrue1: 字\ntruetrue1: 词\ntruetrue1: 𠀀\n"
        + "lines 1, chars 7, han 5, clauses 4, units 5, latin 0, urls 0", scanned);
  }

  @Test
  void field_rangeOutsideArray_throwsNamingIt() {
    ClauseScanner s = new ClauseScanner(new UnitTable(true), LatinCase.FOLD, false, (u, l, o, a, b) -> { });
    char[] a = new char[4];
    IndexOutOfBoundsException e =
        assertThrows(IndexOutOfBoundsException.class, () -> s.field(a, 2, 5));
    assertEquals("field [2, 5) of an array of 4", e.getMessage());
    assertThrows(IndexOutOfBoundsException.class, () -> s.field(a, 3, 2));
    assertThrows(IndexOutOfBoundsException.class, () -> s.field(a, -1, 2));
  }
}
