package dev.ciku.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link JsonField} and {@link Columns}: golden tables of awkward lines. */
class FieldExtractionTest {
  private static String json(String line) {
    CharSequence s = JsonField.extract(line, "text");
    return s == null ? null : s.toString();
  }

  @Test
  void jsonExtract_goldenTable() {
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
  void jsonExtract_noStringField_null() {
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
  void csv_goldenTable() {
    String line = "a,\"b,c\",\"x\"\"y\",,\"\"";
    assertEquals("a", Columns.csv(line, 1).toString());
    assertEquals("b,c", Columns.csv(line, 2).toString());
    assertEquals("x\"y", Columns.csv(line, 3).toString());
    assertEquals("", Columns.csv(line, 4).toString());
    assertEquals("", Columns.csv(line, 5).toString());
    assertNull(Columns.csv(line, 6));
    assertEquals("", Columns.csv("a,", 2).toString());
    assertEquals("中文", Columns.csv("中文", 1).toString());
  }

  @Test
  void tsv_goldenTable() {
    assertEquals("b", Columns.tsv("a\tb\tc", 2).toString());
    assertEquals("c", Columns.tsv("a\tb\tc", 3).toString());
    assertEquals("", Columns.tsv("a\t\tc", 2).toString());
    assertEquals("", Columns.tsv("a\t", 2).toString());
    assertNull(Columns.tsv("a\tb", 3));
    assertEquals("a b", Columns.tsv("a b", 1).toString());
  }

  @Test
  void jsonIsObject_tellsNotJsonFromMissingField() {
    for (String line : new String[] {"{}", " { } ", "{\"a\":1}", "{\"text\":42}", "{} \r\n",
        "{\"a\":[1,{\"b\":\"}\"}],\"c\":null}"}) {
      assertTrue(JsonField.isObject(line), line);
    }
    for (String line : new String[] {"", "[]", "not json", "{", "{\"a\":1", "{\"a\" 1}",
        "{\"a\":\"x}", "{a:1}", "{\"a\":1,}", "{\"a\":\"\\x\"}", "{}{}", "{} x",
        "{\"a\":1}{\"a\":2}", "{\"a\":1},"}) {
      assertFalse(JsonField.isObject(line), line);
    }
  }
}
