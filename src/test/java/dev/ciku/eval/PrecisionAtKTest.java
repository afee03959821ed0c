package dev.ciku.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrecisionAtKTest {
  @TempDir Path dir;

  @Test
  void score_rankedList_skipsShortAndRepeatedWords() throws IOException {
    Path ranked = Files.writeString(dir.resolve("r"),
        "中国\t50\n的\t40\n中国\t30\n人民 20\n坏词\t9\n北京\t5\n", StandardCharsets.UTF_8);
    Path g1 = Files.writeString(dir.resolve("g1"), "中国 10 ns\n人民\n", StandardCharsets.UTF_8);
    Path g2 = Files.writeString(dir.resolve("g2"), "北京\t3\n", StandardCharsets.UTF_8);
    List<PrecisionAtK.Row> rows = PrecisionAtK.score(ranked, List.of(g1, g2), new int[] {1, 3, 10}, 2);
    assertEquals(new PrecisionAtK.Row(1, 1, 1), rows.get(0));
    assertEquals(new PrecisionAtK.Row(3, 3, 2), rows.get(1));
    assertEquals(new PrecisionAtK.Row(10, 4, 3), rows.get(2));
    assertEquals(0.75, rows.get(2).precision(), 1e-12);
  }

  @Test
  void score_fold_comparesTraditionalFullWidthAndCaseFolded() throws IOException {
    Path ranked = Files.writeString(dir.resolve("r"),
        "這個\t5\n經濟\t4\nＣＯＶＩＤ－１９\t3\ncpu\t2\n隨著\t1\n國務院\t1\n", StandardCharsets.UTF_8);
    Path gold = Files.writeString(dir.resolve("g"), "这个 9\n经济\nCOVID-19\nCPU\n随着\n",
        StandardCharsets.UTF_8);
    assertEquals(List.of(new PrecisionAtK.Row(6, 6, 0)),
        PrecisionAtK.score(ranked, List.of(gold), new int[] {6}, 2, false, m -> { }));
    assertEquals(List.of(new PrecisionAtK.Row(6, 6, 5)),
        PrecisionAtK.score(ranked, List.of(gold), new int[] {6}, 2, true, m -> { }));
  }

  @Test
  void score_unsortedRepeatedCutOffs_ascendingEachOnce() throws IOException {
    Path ranked = Files.writeString(dir.resolve("r"), "中国\n坏词\n人民\n", StandardCharsets.UTF_8);
    Path gold = Files.writeString(dir.resolve("g"), "中国\n人民\n", StandardCharsets.UTF_8);
    assertEquals(List.of(new PrecisionAtK.Row(1, 1, 1), new PrecisionAtK.Row(3, 3, 2)),
        PrecisionAtK.score(ranked, List.of(gold), new int[] {3, 1, 3}, 2));
  }

  @Test
  void precision_noWordConsidered_isNaN() throws IOException {
    Path ranked = Files.writeString(dir.resolve("r"), "的\n", StandardCharsets.UTF_8);
    Path gold = Files.writeString(dir.resolve("g"), "中国\n", StandardCharsets.UTF_8);
    PrecisionAtK.Row row = PrecisionAtK.score(ranked, List.of(gold), new int[] {5}, 2).get(0);
    assertEquals(0, row.considered());
    assertTrue(Double.isNaN(row.precision()));
  }

  @Test
  void score_jsonLinesListOrLexicon_malformedDataNamingIt() throws IOException {
    Path json = Files.writeString(dir.resolve("r.jsonl"),
        "{\"word\":\"中国\",\"count\":5}\n", StandardCharsets.UTF_8);
    Path tsv = Files.writeString(dir.resolve("g"), "中国\n", StandardCharsets.UTF_8);
    dev.ciku.corpus.MalformedDataException e = org.junit.jupiter.api.Assertions.assertThrows(
        dev.ciku.corpus.MalformedDataException.class,
        () -> PrecisionAtK.score(json, List.of(tsv), new int[] {1}, 2));
    assertTrue(e.getMessage().contains("r.jsonl") && e.getMessage().contains("JSON"),
        e.getMessage());
    org.junit.jupiter.api.Assertions.assertThrows(dev.ciku.corpus.MalformedDataException.class,
        () -> PrecisionAtK.score(tsv, List.of(json), new int[] {1}, 2));
  }

  @Test
  void firstField_leadingSpacesThenSpaceAndTab_firstToken() {
    assertEquals("中国", PrecisionAtK.firstField("  中国 x\ty \n"));
    assertEquals("", PrecisionAtK.firstField("   "));
  }

  @Test
  void score_lexiconLinesEndingInPythonSpaces_strippedAsTermPkDoes() throws IOException {
    // term_pk.py strips what Python's str.strip() does: no-break, figure and narrow no-break
    // spaces and NEL too (P@4 1.0000 there).
    Path ranked = Files.writeString(dir.resolve("r"), "北京\n上海\n广州\n深圳\n",
        StandardCharsets.UTF_8);
    Path gold = Files.writeString(dir.resolve("g"),
        "北京\u00a0\n上海\u202f\n广州\u0085\n\u2007深圳\n", StandardCharsets.UTF_8);
    assertEquals(List.of(new PrecisionAtK.Row(4, 4, 4)),
        PrecisionAtK.score(ranked, List.of(gold), new int[] {4}, 2));
    // A zero-width space is no whitespace to Python: that word stays unmatched.
    Files.writeString(gold, "北京\u200b\n上海\n广州\n深圳\n", StandardCharsets.UTF_8);
    assertEquals(List.of(new PrecisionAtK.Row(4, 4, 3)),
        PrecisionAtK.score(ranked, List.of(gold), new int[] {4}, 2));
  }

  @Test
  void isHeader_cikuHeadersAndLookalikeRows_trueOnlyForCikuHeaders() {
    assertTrue(PrecisionAtK.isHeader("word\tcount\tcohesion\tleft_entropy\tright_entropy\tscore"));
    assertTrue(PrecisionAtK.isHeader("term\tdomain_count\treference_count\tshare"));
    assertTrue(PrecisionAtK.isHeader("word\tcount\n"));
    assertTrue(!PrecisionAtK.isHeader("word\t12"), "a ranked English word with its count");
    assertTrue(!PrecisionAtK.isHeader("word"));
    assertTrue(!PrecisionAtK.isHeader("中国\tcount"));
    assertTrue(!PrecisionAtK.isHeader("word count"));
  }

  @Test
  void score_countListWithItsHeader_headerSkipped() throws IOException {
    // ciku count's list starts "ngram<TAB>count": a ciku header, not a ranked word.
    Path gold = Files.writeString(dir.resolve("g"), "规定\n应当\n", StandardCharsets.UTF_8);
    Path counted = Files.writeString(dir.resolve("c"), "ngram\tcount\n规定\t1525\n应当\t1318\n",
        StandardCharsets.UTF_8);
    assertEquals(List.of(new PrecisionAtK.Row(1, 1, 1), new PrecisionAtK.Row(2, 2, 2)),
        PrecisionAtK.score(counted, List.of(gold), new int[] {1, 2}, 2));
    assertTrue(PrecisionAtK.isHeader("ngram\tcount"));
    assertTrue(!PrecisionAtK.isHeader("ngram\t12"), "a ranked English word with its count");
  }

  @Test
  void score_headerOnFirstLineOnly_skipped() throws IOException {
    Path gold = Files.writeString(dir.resolve("g"), "中国\nword\n", StandardCharsets.UTF_8);
    Path headed = Files.writeString(dir.resolve("h"), "word\tcount\n中国\t9\n坏词\t3\n",
        StandardCharsets.UTF_8);
    assertEquals(List.of(new PrecisionAtK.Row(1, 1, 1), new PrecisionAtK.Row(5, 2, 1)),
        PrecisionAtK.score(headed, List.of(gold), new int[] {1, 5}, 2));
    Path later = Files.writeString(dir.resolve("l"), "中国\t9\nword\tcount\n",
        StandardCharsets.UTF_8);
    assertEquals(List.of(new PrecisionAtK.Row(5, 2, 2)),
        PrecisionAtK.score(later, List.of(gold), new int[] {5}, 2));
  }
}
