package dev.ciku.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SkippedRecordsTest {
  private static final ReaderOptions JSONL =
      new ReaderOptions(StandardCharsets.UTF_8, InputFormat.JSONL, "content", 1, false);
  private static final ReaderOptions TSV =
      new ReaderOptions(StandardCharsets.UTF_8, InputFormat.TSV, "text", 3, false);

  private static void count(SkippedRecords s, RecordField f, String record) {
    char[] a = record.toCharArray();
    s.count(f.find(a, 0, a.length), a, 0, a.length);
  }

  @Test
  void warning_jsonLinesWithoutTheField_countsEachKindAsTheCliWords() {
    RecordField f = RecordField.of(JSONL);
    SkippedRecords s = new SkippedRecords(JSONL);
    count(s, f, "{\"content\":\"中华人民共和国\"}");
    count(s, f, "{\"title\":\"宪法\"}");
    count(s, f, "[1,2]");
    count(s, f, "not json");
    count(s, f, "   ");
    assertEquals(1, s.withText());
    assertEquals(3, s.skipped());
    assertEquals("a.jsonl: 2 lines are not a JSON object, 1 line lacks a string field 'content';"
        + " skipped", s.warning("a.jsonl"));
  }

  @Test
  void check_noRecordHoldsTheColumn_failsShowingTheFirstOfAllParts() throws Exception {
    RecordField f = RecordField.of(TSV);
    SkippedRecords first = new SkippedRecords(TSV);
    SkippedRecords second = new SkippedRecords(TSV);
    assertNull(first.warning("a.tsv"));
    count(second, f, "第一条\t为了规范");
    count(second, f, "x".repeat(100));
    first.add(second);
    MalformedDataException e = assertThrows(MalformedDataException.class,
        () -> first.check("the inputs"));
    assertEquals("the inputs: no line holds column 3 (2 line(s) without it; the first: 第一条\t为了规范):"
        + " give --column for the text's place in a record", e.getMessage());
    assertEquals("b.tsv: 2 lines lack column 3; skipped", second.warning("b.tsv"));
    count(first, f, "a\tb\t第三列");
    first.check("the inputs");
  }

  @Test
  void check_firstRecordLongerThan80Chars_shownCutWithDots() {
    RecordField f = RecordField.of(JSONL);
    SkippedRecords s = new SkippedRecords(JSONL);
    count(s, f, "{\"x\":\"" + "法".repeat(100) + "\"}");
    MalformedDataException e = assertThrows(MalformedDataException.class, () -> s.check("a"));
    assertEquals("a: no line holds a string field 'content' (1 line(s) without it; the first: {\"x\":\""
        + "法".repeat(74) + "...): give --field for the text's place in a record", e.getMessage());
  }
}
