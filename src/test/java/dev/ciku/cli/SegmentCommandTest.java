package dev.ciku.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentCommandTest {
  @TempDir Path dir;

  @Test
  void segment_vocabFile_writesOneLinePerInputLine() throws IOException {
    Path vocab = Files.writeString(dir.resolve("v.tsv"), "word\tcount\n中国\t9\n人民\t8\n0年\t5\n",
        StandardCharsets.UTF_8);
    Path in = Files.writeString(dir.resolve("in.txt"), "中国人民，2000年\n人民 中国\n",
        StandardCharsets.UTF_8);
    Path out = dir.resolve("out.txt");
    int rc = Main.execute("segment", "-q", "--vocab", vocab.toString(), "-o", out.toString(),
        in.toString());
    assertEquals(0, rc);
    assertEquals(List.of("中国 人民 ， 2000年", "人民 中国"), Files.readAllLines(out));
  }

  /** A file's last line without a line end is not joined to the next file's first line. */
  @Test
  void segment_filesEndingMidLine_linesNotJoined() throws IOException {
    Path vocab = Files.writeString(dir.resolve("v.tsv"), "中国\t9\n人民\t8\n",
        StandardCharsets.UTF_8);
    Path a = Files.writeString(dir.resolve("a.txt"), "中国", StandardCharsets.UTF_8);
    Path empty = Files.writeString(dir.resolve("empty.txt"), "", StandardCharsets.UTF_8);
    Path b = Files.writeString(dir.resolve("b.txt"), "人民\n中国人民", StandardCharsets.UTF_8);
    Path out = dir.resolve("out.txt");
    assertEquals(0, Main.execute("segment", "-q", "--vocab", vocab.toString(), "-o",
        out.toString(), a.toString(), empty.toString(), b.toString(), a.toString()));
    assertEquals("中国\n人民\n中国 人民\n中国", Files.readString(out),
        "four lines; the last input's unterminated line stays unterminated");
  }

  /** Windows Notepad's "Unicode" (UTF-16LE with a mark) with a lone high surrogate. */
  @Test
  void segment_utf16WithALoneSurrogate_oneLineOutPerLineIn() throws IOException {
    Path vocab = Files.writeString(dir.resolve("v.tsv"), "第一\t9\n第二\t8\n",
        StandardCharsets.UTF_8);
    byte[] text = dev.ciku.corpus.TestBytes.concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
        "第一行".getBytes(StandardCharsets.UTF_16LE), new byte[] {0x00, (byte) 0xD8},
        "\n第二行\n第三行\n".getBytes(StandardCharsets.UTF_16LE));
    Path in = Files.write(dir.resolve("u16.txt"), text);
    Path out = dir.resolve("out.txt");
    assertEquals(0, Main.execute("segment", "-q", "--vocab", vocab.toString(), "-o",
        out.toString(), in.toString()));
    assertEquals(List.of("第一 行 \uFFFD", "第二 行", "第 三 行"), Files.readAllLines(out));
    Path stats = dir.resolve("stats.tsv");
    assertEquals(0, Main.execute("stats", "-q", "-o", stats.toString(), in.toString()));
    List<String> rows = Files.readAllLines(stats);
    assertTrue(rows.get(0).startsWith("lines\t"), rows::toString);
    assertTrue(rows.get(1).startsWith("3\t"), rows::toString);
  }

  /**
   * A byte-order mark is never written, whether the encoding is detected or given, in each of
   * several inputs: the output is that of the text without it.
   */
  @Test
  void segment_byteOrderMarkDetectedOrGiven_neverWritten() throws IOException {
    Path vocab = Files.writeString(dir.resolve("v.tsv"), "中国\t9\n人民\t8\n",
        StandardCharsets.UTF_8);
    String text = "中国人民\n人民中国\n";
    Path plain = Files.writeString(dir.resolve("plain.txt"), text, StandardCharsets.UTF_8);
    Path expectedOut = dir.resolve("expected.txt");
    assertEquals(0, Main.execute("segment", "-q", "--vocab", vocab.toString(), "-o",
        expectedOut.toString(), plain.toString()));
    String expected = Files.readString(expectedOut);
    assertEquals("中国 人民\n人民 中国\n", expected);
    java.nio.charset.Charset gb = java.nio.charset.Charset.forName("GB18030");
    Object[][] cases = {
        // encoding bytes are written in, --encoding (null: the default)
        {StandardCharsets.UTF_8, null}, {StandardCharsets.UTF_8, "UTF-8"},
        {StandardCharsets.UTF_8, "auto"}, {StandardCharsets.UTF_16LE, null},
        {StandardCharsets.UTF_16LE, "UTF-16LE"}, {StandardCharsets.UTF_16LE, "auto"},
        {StandardCharsets.UTF_16BE, "UTF-16BE"}, {gb, "GB18030"},
    };
    for (Object[] c : cases) {
      java.nio.charset.Charset cs = (java.nio.charset.Charset) c[0];
      Path in = Files.write(dir.resolve("bom-" + cs.name() + ".txt"),
          ("\uFEFF" + text).getBytes(cs));
      Path out = dir.resolve("out.txt");
      List<String> args = new java.util.ArrayList<>(List.of("segment", "-q", "--vocab",
          vocab.toString(), "-o", out.toString()));
      if (c[1] != null) {
        args.addAll(List.of("--encoding", (String) c[1]));
      }
      args.addAll(List.of(in.toString(), in.toString()));
      assertEquals(0, Main.execute(args.toArray(String[]::new)), args::toString);
      assertEquals(expected + expected, Files.readString(out), args::toString);
    }
  }

  @Test
  void segment_sepWithALineBreak_usageError() {
    assertEquals(CikuException.USAGE, Main.execute("segment", "-q", "--sep", "\n", "-"));
    assertEquals(CikuException.USAGE, Main.execute("segment", "-q", "--sep", "a\r", "-"));
  }

  @Test
  void segment_defaultVocabularyAndSep_works() throws IOException {
    Path in = Files.writeString(dir.resolve("in.txt"), "中国人民\n", StandardCharsets.UTF_8);
    Path out = dir.resolve("out.txt");
    assertEquals(0, Main.execute("segment", "-q", "--sep", "/", "-o", out.toString(), in.toString()));
    assertEquals(List.of("中国/人民"), Files.readAllLines(out));
  }

  /** A device of NUL bytes given as the vocabulary (no line ever ends): exit 65, at once. */
  @Test
  void segment_vocabDevZero_binaryDataExit65() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")), "/dev/zero");
    Path in = Files.writeString(dir.resolve("in.txt"), "中国人民\n", StandardCharsets.UTF_8);
    Path out = dir.resolve("out.txt");
    int rc = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(30), () -> Main.execute("segment", "-q", "--vocab",
            "/dev/zero", "-o", out.toString(), in.toString()));
    assertEquals(CikuException.DATA, rc);
    assertTrue(!Files.exists(out));
  }

  @Test
  void segment_missingInputOrVocab_exit66() {
    assertEquals(CikuException.NO_INPUT, Main.execute("segment", "-q", dir.resolve("none").toString()));
    assertEquals(CikuException.NO_INPUT,
        Main.execute("segment", "-q", "--vocab", dir.resolve("none.tsv").toString()));
  }

  @Test
  void segment_jsonlInput_usageError() {
    assertEquals(CikuException.USAGE, Main.execute("segment", "--input-format", "jsonl"));
  }

  @Test
  void vocab_sampleCorpus_writesVocabularyAndStats() throws IOException {
    Path out = dir.resolve("v.tsv");
    Path stats = dir.resolve("s.tsv");
    int rc = Main.execute("vocab", "-q", "-o", out.toString(), "--stats", stats.toString(),
        "corpora-samples/laws-zh.txt");
    assertEquals(0, rc);
    List<String> lines = Files.readAllLines(out);
    assertEquals("word\tcount", lines.get(0));
    assertTrue(lines.size() > 1000);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("人民法院\t")), "人民法院");
    List<String> s = Files.readAllLines(stats);
    assertEquals("stage\twords\tbits_per_char\tkept", s.get(0));
    assertTrue(s.get(1).startsWith("characters\t"));
    // The 4th round is worse than the 3rd on this sample: the 3rd is kept and written.
    String[] kept = s.stream().filter(l -> l.endsWith("\t1")).findFirst().orElseThrow()
        .split("\t");
    assertEquals("refinement-3", kept[0]);
    assertEquals(lines.size() - 1, Integer.parseInt(kept[1]));
  }

  @Test
  void evalSeg_goldAndPred_writesScores() throws IOException {
    Path gold = Files.writeString(dir.resolve("g"), "中国  人民\n", StandardCharsets.UTF_8);
    Path pred = Files.writeString(dir.resolve("p"), "中国 人 民\n", StandardCharsets.UTF_8);
    Path out = dir.resolve("o");
    assertEquals(0, Main.execute("eval", "seg", "--gold", gold.toString(), "--pred", pred.toString(),
        "-o", out.toString()));
    List<String> lines = Files.readAllLines(out);
    assertEquals("gold_words\tpred_words\tcorrect\tprecision\trecall\tf1", lines.get(0));
    assertEquals("2\t3\t1\t0.3333\t0.5000\t0.4000", lines.get(1));
  }

  @Test
  void evalSeg_mismatchedText_exit65() throws IOException {
    Path gold = Files.writeString(dir.resolve("g"), "中国\n", StandardCharsets.UTF_8);
    Path pred = Files.writeString(dir.resolve("p"), "中\n", StandardCharsets.UTF_8);
    assertEquals(CikuException.DATA, Main.execute("eval", "seg", "--gold", gold.toString(),
        "--pred", pred.toString()));
  }

  @Test
  void evalWords_rankedList_writesPrecisionRows() throws IOException {
    Path ranked = Files.writeString(dir.resolve("r"), "中国\t3\n坏词\t2\n", StandardCharsets.UTF_8);
    Path gold = Files.writeString(dir.resolve("g"), "中国\n", StandardCharsets.UTF_8);
    Path out = dir.resolve("o");
    assertEquals(0, Main.execute("eval", "words", ranked.toString(), "--gold", gold.toString(),
        "--k", "1,2", "-o", out.toString()));
    assertEquals(List.of("k\tconsidered\thits\tprecision", "1\t1\t1\t1.0000", "2\t2\t1\t0.5000"),
        Files.readAllLines(out));
  }

  @Test
  void eval_noSubcommand_usageError() {
    assertEquals(CikuException.USAGE, Main.execute("eval"));
  }
}
