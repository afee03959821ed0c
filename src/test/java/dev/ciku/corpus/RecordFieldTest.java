package dev.ciku.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonField}, {@link TsvColumn} and {@link CsvColumn} through the reader's entry point:
 * golden tables of records placed inside a larger array, what each finder returns, the text it
 * finds and whether that text is read in place or decoded.
 */
class RecordFieldTest {
  /** Junk around each record: a finder that reads outside its range sees it. */
  private static final String PAD_BEFORE = "\"}{,\t\\";
  private static final String PAD_AFTER = "\"}x,\t\\u";

  /** What {@code f} makes of {@code record}: the text, "LACKING" or "NOT_OBJECT". */
  private static String find(RecordField f, String record) {
    char[] a = (PAD_BEFORE + record + PAD_AFTER).toCharArray();
    int from = PAD_BEFORE.length();
    int r = f.find(a, from, from + record.length());
    return switch (r) {
      case RecordField.TEXT -> FoundText.of(f);
      case RecordField.LACKING -> "LACKING";
      case RecordField.NOT_OBJECT -> "NOT_OBJECT";
      default -> throw new AssertionError("result " + r);
    };
  }

  private static void check(RecordField f, String[][] table) {
    for (String[] row : table) {
      assertEquals(row[1], find(f, row[0]), () -> "record: " + row[0]);
    }
  }

  @Test
  void jsonFind_validMalformedAndFieldlessLines_textLackingOrNotObject() {
    check(new JsonField("text"), new String[][] {
        {"{\"text\":\"中文\"}", "中文"},
        {" \t{ \"text\" :\r\n\"z\" }\t ", "z"},
        {"{\"text\":\"\"}", ""},
        {"{\"a\":\"}\",\"text\":\"x\"}", "x"},
        {"{\"a\":[1,\"]\",{\"b\":\"{\\\"\"}],\"text\":\"y\"}", "y"},
        {"{\"a\":{\"text\":\"inner\"},\"text\":\"outer\"}", "outer"},
        {"{\"a\":-1.5e3,\"b\":true ,\"c\":null,\"text\":\"w\"}", "w"},
        {"{\"text\":\"\\n\\t\\r\\b\\f\\/\\\\\\\"\"}", "\n\t\r\b\f/\\\""},
        {"{\"text\":\"\\u4e2D\\uD840\\udc00😀\"}", "中𠀀😀"},
        {"{\"text\":\"\\ud800孤\"}", "\ud800孤"},
        {"{\"text\":\"\\u４e2d\"}", "中"}, // Character.digit reads full-width digits too
        {"{\"te\\u0078t\":\"escaped key\"}", "escaped key"},
        {"{\"tex\":\"a\",\"textx\":\"b\",\"Text\":\"c\",\"\":\"d\"}", "LACKING"},
        {"{\"text\":\"first\",\"text\":\"last\"}", "last"},
        {"{\"text\":\"\\u0066irst\",\"text\":\"last\"}", "last"},
        {"{\"text\":\"first\",\"text\":\"\\u006cast\"}", "last"},
        {"{\"text\":\"x\",\"text\":1}", "LACKING"},
        {"{\"text\":1,\"text\":\"again\"}", "again"},
        {"{\"text\":{\"text\":\"x\"}}", "LACKING"},
        {"{\"text\":null}", "LACKING"},
        {"{\"a\":,\"text\":\"empty scalar\"}", "empty scalar"},
        {"{}", "LACKING"},
        {" { } ", "LACKING"},
        {"{\"a\":1}", "LACKING"},
        {"", "NOT_OBJECT"},
        {"[]", "NOT_OBJECT"},
        {"not json", "NOT_OBJECT"},
        {"\u3000{\"text\":\"x\"}", "NOT_OBJECT"},
        {"{\"text\":\"abc", "NOT_OBJECT"},
        {"{\"text\":\"\\u12\"}", "NOT_OBJECT"},
        {"{\"text\":\"a\\xb\"}", "NOT_OBJECT"},
        {"{\"a\":\"\\x\",\"text\":\"b\"}", "NOT_OBJECT"},
        {"{\"a\":[\"\\x\"],\"text\":\"b\"}", "NOT_OBJECT"},
        {"{\"\\x\":1,\"text\":\"b\"}", "NOT_OBJECT"},
        {"{\"a\" 1, \"text\":\"x\"}", "NOT_OBJECT"},
        {"{\"text\":\"x\" \"b\":1}", "NOT_OBJECT"},
        {"{\"text\":\"x\",}", "NOT_OBJECT"},
        {"{\"text\":\"x\"", "NOT_OBJECT"},
        {"{\"a\":[1,2}", "NOT_OBJECT"},
        {"{\"text\":\"重复\"}{\"text\":\"两个对象\"}", "NOT_OBJECT"},
        {"{\"text\":\"x\"} y", "NOT_OBJECT"},
        {"{\"text\":\"x\"}}", "NOT_OBJECT"},
        {"{} x", "NOT_OBJECT"},
    });
  }

  @Test
  void jsonFind_otherFieldNames_matchedWholeAfterDecoding() {
    check(new JsonField("正文"), new String[][] {
        {"{\"text\":\"x\",\"正文\":\"中\"}", "中"},
        {"{\"\\u6b63\\u6587\":\"转义\"}", "转义"},
        {"{\"正\":\"x\",\"正文本\":\"y\"}", "LACKING"},
    });
    check(new JsonField(""), new String[][] {
        {"{\"\":\"empty name\"}", "empty name"},
        {"{\"a\":\"x\"}", "LACKING"},
    });
  }

  @Test
  void jsonFind_plainValue_readInPlace_escapedValue_decoded() {
    JsonField f = new JsonField("text");
    char[] plain = "{\"text\":\"中文\"}".toCharArray();
    assertEquals(RecordField.TEXT, f.find(plain, 0, plain.length));
    assertSame(plain, f.chars());
    assertEquals(9, f.start());
    assertEquals(11, f.end());
    char[] escaped = "{\"text\":\"中\\n文\"}".toCharArray();
    assertEquals(RecordField.TEXT, f.find(escaped, 0, escaped.length));
    assertNotSame(escaped, f.chars());
    assertEquals("中\n文", FoundText.of(f));
  }

  @Test
  void jsonFind_reused_longThenShortEscapedValues_eachWhole() {
    JsonField f = new JsonField("text");
    String longText = "长\\\"".repeat(5000);
    assertEquals("长\"".repeat(5000), find(f, "{\"text\":\"" + longText + "\"}"));
    assertEquals("短\n", find(f, "{\"text\":\"短\\n\"}"));
    assertEquals("plain", find(f, "{\"text\":\"plain\"}"));
    assertEquals("LACKING", find(f, "{\"text\":1}"));
    assertEquals("again\t", find(f, "{\"text\":\"again\\t\"}"));
  }

  @Test
  void tsvFind_emptyShortAndQuotedColumns_valueOrLacking() {
    String[][] second = {
        {"a\tb\tc", "b"}, {"a\t\tc", ""}, {"a\t", ""}, {"a\tb", "b"}, {"a", "LACKING"},
        {"", "LACKING"}, {"\t中文\t", "中文"}, {"a\t\"b,c\"\td", "\"b,c\""},
    };
    check(new TsvColumn(2), second);
    check(new TsvColumn(1), new String[][] {{"a b\tc", "a b"}, {"", ""}, {"\tx", ""}});
    check(new TsvColumn(3), new String[][] {{"a\tb\tc", "c"}, {"a\tb", "LACKING"}});
  }

  @Test
  void tsvFind_secondOfThreeColumns_readInPlace() {
    TsvColumn f = new TsvColumn(2);
    char[] a = "1\t文本\t2".toCharArray();
    assertEquals(RecordField.TEXT, f.find(a, 0, a.length));
    assertSame(a, f.chars());
    assertEquals(2, f.start());
    assertEquals(4, f.end());
  }

  @Test
  void csvFind_quotedMultilineAndMalformedFields_valueOrLacking() {
    String line = "a,\"b,c\",\"x\"\"y\",,\"\"";
    String[] expected = {"a", "b,c", "x\"y", "", "", "LACKING"};
    for (int column = 1; column <= expected.length; column++) {
      assertEquals(expected[column - 1], find(new CsvColumn(column), line), "column " + column);
    }
    check(new CsvColumn(2), new String[][] {
        {"1,\"跨\n行\r\n字段\",y", "跨\n行\r\n字段"},
        {"1,\"引\"之后,y", "引之后"},
        {"1,\"引\"\"号\"尾\"巴,y", "引\"号尾\"巴"},
        {"1,无\"引号,y", "无\"引号"},
        {"1,\"\"\"\",y", "\""},
        {"1,\"未闭合,y", "未闭合,y"},
        {"1,\"未闭合\"\"", "未闭合\""},
        {"1,\"\"", ""},
        {"1,", ""},
        {"1", "LACKING"},
        {"", "LACKING"},
        {"1,😀𠀀", "😀𠀀"},
        {"\"a\"x\"b,c\",d", "c\""},
    });
    check(new CsvColumn(3), new String[][] {
        {"\"a,b\",\"c\"\"d\",e", "e"}, {"\"a,b\",\"c\"\"d\"", "LACKING"},
        // The quote after x is text after the closing one; the one after c is ordinary text.
        {"\"a\"x\"b,c\",d", "d"},
    });
  }

  @Test
  void csvFind_plainOrQuotedField_readInPlace_doubledQuote_decoded() {
    CsvColumn f = new CsvColumn(2);
    char[] quoted = "1,\"b,c\",d".toCharArray();
    assertEquals(RecordField.TEXT, f.find(quoted, 0, quoted.length));
    assertSame(quoted, f.chars());
    assertEquals("b,c", FoundText.of(f));
    char[] doubled = "1,\"b\"\"c\",d".toCharArray();
    assertEquals(RecordField.TEXT, f.find(doubled, 0, doubled.length));
    assertNotSame(doubled, f.chars());
    assertEquals("b\"c", FoundText.of(f));
    char[] after = "1,\"b\"c,d".toCharArray();
    assertEquals(RecordField.TEXT, f.find(after, 0, after.length));
    assertNotSame(after, f.chars());
    assertEquals("bc", FoundText.of(f));
  }

  @Test
  void columns_columnBelowOne_throwsNamingIt() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new CsvColumn(0));
    assertEquals("column must be 1 or more, got 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new TsvColumn(-2));
    assertEquals("column must be 1 or more, got -2", e.getMessage());
  }

  @Test
  void of_eachFormat_itsFinder() {
    assertEquals(null, RecordField.of(ReaderOptions.DEFAULT));
    for (InputFormat format : new InputFormat[] {InputFormat.JSONL, InputFormat.TSV,
        InputFormat.CSV}) {
      RecordField f = RecordField.of(
          new ReaderOptions(StandardCharsets.UTF_8, format, "text", 2, false));
      String record = switch (format) {
        case JSONL -> "{\"text\":\"中\"}";
        case TSV -> "x\t中";
        default -> "x,中";
      };
      assertEquals("中", find(f, record), format.toString());
    }
  }

  @Test
  void room_growsAtLeastTwofold_keepsLargeEnough() {
    char[] a = new char[4];
    assertSame(a, RecordField.room(a, 4));
    assertEquals(8, RecordField.room(a, 5).length);
    assertEquals(100, RecordField.room(a, 100).length);
  }
}
