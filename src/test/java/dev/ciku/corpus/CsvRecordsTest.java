package dev.ciku.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {
  /** The records of {@code text} found by handing it in pieces of {@code piece} characters. */
  private static List<String> records(CsvRecords csv, String text, int piece) {
    char[] a = text.toCharArray();
    List<String> out = new ArrayList<>();
    StringBuilder record = new StringBuilder();
    for (int p = 0; p < a.length; p += piece) {
      int to = Math.min(a.length, p + piece);
      int start = p;
      for (int end = csv.recordEnd(a, start, to, record.length()); end >= 0;
          end = csv.recordEnd(a, start, to, record.length())) {
        out.add(record.append(a, start, end - start).toString());
        record.setLength(0);
        start = end + 1;
      }
      record.append(a, start, to - start);
    }
    if (record.length() > 0) {
      out.add(record.toString());
    }
    return out;
  }

  @Test
  void recordEnd_quotedLineBreaks_oneRecordWhateverThePieces() {
    String text = "id,text\n1,\"第一条\n为了规范\"\"管理\"\"\"\n2,a\"b\n3,\"x\"y\n";
    for (int piece : new int[] {1, 2, 5, 1000}) {
      CsvRecords csv = new CsvRecords();
      assertEquals(List.of("id,text", "1,\"第一条\n为了规范\"\"管理\"\"\"", "2,a\"b", "3,\"x\"y"),
          records(csv, text, piece), "pieces of " + piece);
      assertEquals(5, csv.lineBreaks());
      assertNull(csv.cutWarning("in.csv"));
      assertNull(csv.openWarning("in.csv", true));
    }
  }

  @Test
  void openWarning_quoteOpenAtTheEnd_linesFromTheQuote() {
    CsvRecords csv = new CsvRecords();
    assertEquals(List.of("1,a", "2,\"b\nc\n"), records(csv, "1,a\n2,\"b\nc\n", 3));
    assertEquals("in.csv: the quoted field opened on line 2 is still open at the end of the input"
        + " (2 line(s) read as its text; is a quote unbalanced?)", csv.openWarning("in.csv", true));
    csv.reset();
    records(csv, "1,a\n2,\"b\nc", 3);
    assertEquals("in.csv: the quoted field opened on line 2 is still open at the end of the input"
        + " (2 line(s) read as its text; is a quote unbalanced?)",
        csv.openWarning("in.csv", false));
  }

  @Test
  void recordEnd_quoteOpenPastMaxRecord_cutAtTheNextLineBreakAndWarned() {
    String line = "法".repeat(1000);
    StringBuilder text = new StringBuilder("1,\"");
    for (int i = 0; i < 70; i++) {
      text.append(line).append('\n');
    }
    text.append("2,next\n");
    CsvRecords csv = new CsvRecords();
    List<String> records = records(csv, text.toString(), 4096);
    // The line break after 66 lines (66,003 characters) ends the record; the rest are records.
    assertEquals(1 + 4 + 1, records.size());
    assertEquals(66 * 1001 - 1 + 3, records.get(0).length());
    assertEquals("2,next", records.get(5));
    assertEquals("in.csv: 1 quoted field(s) without a closing quote after 65536 characters, the"
        + " first opened on line 1, ended at the next line break; reading went on with a new"
        + " record (66 line(s) affected; is a quote unbalanced?)", csv.cutWarning("in.csv"));
    assertNull(csv.openWarning("in.csv", true));
  }
}
