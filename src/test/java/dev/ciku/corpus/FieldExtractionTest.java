package dev.ciku.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link JsonField}, {@link CsvColumn} and {@link TsvColumn}: golden tables of awkward lines. */
class FieldExtractionTest {
  /** The field {@code f} finds in {@code line}, or null if the line lacks it or is no object. */
  private static String field(RecordField f, String line) {
    char[] a = line.toCharArray();
    return f.find(a, 0, a.length) == RecordField.TEXT ? FoundText.of(f) : null;
  }

  private static String json(String line) {
    return field(new JsonField("text"), line);
  }

  private static String csv(String line, int column) {
    return field(new CsvColumn(column), line);
  }

  private static String tsv(String line, int column) {
    return field(new TsvColumn(column), line);
  }

  /** Whether {@code line} is one JSON object (with or without the field). */
  private static boolean isObject(String line) {
    char[] a = line.toCharArray();
    return new JsonField("text").find(a, 0, a.length) != RecordField.NOT_OBJECT;
  }

  @Test
  void jsonFind_nestedValuesEscapesAndRepeatedKeys_lastTopLevelTextValue() {
    String[][] table = {
        {"{\"text\":\"中文\"}", "中文"},
        {" { \"text\" : \"z\" } ", "z"},
        {"{\"a\":\"}\",\"text\":\"x\"}", "x"},
        {"{\"a\":[1,\"]\",{\"b\":\"{\"}],\"text\":\"y\"}", "y"},
        {"{\"a\":{\"text\":\"inner\"},\"text\":\"outer\"}", "outer"},
        {"{\"a\":-1.5e3,\"b\":true ,\"c\":null,\"text\":\"w\"}", "w"},
        {"{\"text\":\"a\\/b\\\\c\\\"d\\te\"}", "a/b\\c\"d\te"},
        {"{\"text\":\"\\u4e2d\\ud840\\udc00\"}", "中𠀀"},
        {"{\"te\\u0078t\":\"escaped key\"}", "escaped key"},
        {"{\"text\":\"first\",\"text\":\"last\"}", "last"}, // as Python's json: the last wins
    };
    for (String[] row : table) {
      assertEquals(row[1], json(row[0]), () -> "line: " + row[0]);
    }
  }

  @Test
  void jsonFind_noStringFieldOrMalformedLine_null() {
    String[] lines = {"", "[]", "not json", "{\"a\":1}", "{\"text\":42}", "{\"text\":\"abc",
        "{\"text\":\"\\u12\"}", "{\"a\" 1, \"text\":\"x\"}", "{\"text\":{\"text\":\"x\"}}",
        "{\"text\":\"a\\xb\"}", // \\x is no JSON escape: Python rejects the line
        "{\"text\":\"x\",\"text\":1}", "{\"text\":\"x\" \"b\":1}", "{\"text\":\"x\",}",
        "{\"text\":\"x\"",
        // Data after the object: Python's json says "Extra data" and the line is not read.
        "{\"text\":\"重复\"}{\"text\":\"两个对象\"}", "{\"text\":\"x\"} y", "{\"text\":\"x\"}}"};
    for (String line : lines) {
      assertNull(json(line), () -> "line: " + line);
    }
  }

  @Test
  void csvFind_quotedEmptyAndMissingColumns_valueOrNullPastTheLast() {
    String line = "a,\"b,c\",\"x\"\"y\",,\"\"";
    assertEquals("a", csv(line, 1));
    assertEquals("b,c", csv(line, 2));
    assertEquals("x\"y", csv(line, 3));
    assertEquals("", csv(line, 4));
    assertEquals("", csv(line, 5));
    assertNull(csv(line, 6));
    assertEquals("", csv("a,", 2));
    assertEquals("中文", csv("中文", 1));
  }

  @Test
  void tsvFind_emptyMissingAndSpaceHoldingColumns_valueOrNullPastTheLast() {
    assertEquals("b", tsv("a\tb\tc", 2));
    assertEquals("c", tsv("a\tb\tc", 3));
    assertEquals("", tsv("a\t\tc", 2));
    assertEquals("", tsv("a\t", 2));
    assertNull(tsv("a\tb", 3));
    assertEquals("a b", tsv("a b", 1));
  }

  @Test
  void jsonFind_fieldlessObjectsAndMalformedLines_tellsNotJsonFromMissingField() {
    for (String line : new String[] {"{}", " { } ", "{\"a\":1}", "{\"text\":42}", "{} \r\n",
        "{\"a\":[1,{\"b\":\"}\"}],\"c\":null}"}) {
      assertTrue(isObject(line), line);
    }
    for (String line : new String[] {"", "[]", "not json", "{", "{\"a\":1", "{\"a\" 1}",
        "{\"a\":\"x}", "{a:1}", "{\"a\":1,}", "{\"a\":\"\\x\"}", "{}{}", "{} x",
        "{\"a\":1}{\"a\":2}", "{\"a\":1},"}) {
      assertFalse(isObject(line), line);
    }
  }
}
