package dev.ciku.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ciku.corpus.MalformedDataException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {
  private static Vocabulary read(String text) throws IOException {
    return Vocabulary.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void read_tabSpaceAndJiebaLines_allAccepted() throws IOException {
    Vocabulary v = read("word\tcount\n中国\t10\n人民 7\n北京 5 ns\n# comment\n\n孤词\n"
        + "凱特琳 nz\n");
    assertEquals(5, v.size());
    assertEquals(10, v.count("中国"));
    assertEquals(7, v.count("人民"));
    assertEquals(5, v.count("北京"));
    assertEquals(1, v.count("孤词"));
    assertEquals(1, v.count("凱特琳"), "jieba's user dictionary: the frequency left out");
  }

  @Test
  void read_countForms_integerDecimalExponentZeroAsOne() throws IOException {
    Vocabulary v = read("  甲乙 \t 12 \r\n丙丁\t2.6\n戊己 1e3 n\n庚辛\t0\n子丑\t"
        + "99999999999999999999\n寅卯\t\t\t8\n辰巳\n");
    assertEquals(12, v.count("甲乙"));
    assertEquals(3, v.count("丙丁"));
    assertEquals(1000, v.count("戊己"));
    assertEquals(1, v.count("庚辛"));
    assertEquals(Long.MAX_VALUE, v.count("子丑"));
    assertEquals(8, v.count("寅卯"));
    assertEquals(1, v.count("辰巳"));
  }

  @Test
  void load_countNotANumber_malformedDataNamingFileAndLine(@org.junit.jupiter.api.io.TempDir
      Path dir) throws IOException {
    // Silently read as 1, these counts would change the segmentation without a word: 1,000,000,
    // a negative count, HanLP's 'word pos freq' order.
    for (String bad : new String[] {"1,000,000", "1_000", "-4", "ns 1000", "NaN", "0x10", "5d"}) {
      Path p = java.nio.file.Files.writeString(dir.resolve("v.tsv"), "大学\t3\n学生 " + bad + "\n");
      dev.ciku.corpus.MalformedDataException e = org.junit.jupiter.api.Assertions.assertThrows(
          dev.ciku.corpus.MalformedDataException.class, () -> Vocabulary.load(p), bad);
      String first = bad.split(" ")[0];
      assertTrue(e.getMessage().contains("v.tsv:2: ")
          && e.getMessage().contains("'" + first + "'"), e.getMessage());
    }
  }

  @Test
  void load_binaryFile_malformedDataNotGarbageWords(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    Path p = java.nio.file.Files.write(dir.resolve("store.ngrams"),
        new byte[] {'C', 'M', 0, 0, 1, 2, (byte) 0xE4, (byte) 0xB8, (byte) 0xAD, '\n'});
    dev.ciku.corpus.MalformedDataException e = org.junit.jupiter.api.Assertions.assertThrows(
        dev.ciku.corpus.MalformedDataException.class, () -> Vocabulary.load(p));
    assertTrue(e.getMessage().contains("store.ngrams") && e.getMessage().contains("binary"),
        e.getMessage());
  }

  @Test
  void read_ideographicAndNoBreakSpaces_separateFields() throws IOException {
    Vocabulary v = read("\u3000中国\u300010\u3000\n人民\u00A07\n\u3000\u3000\n\u00A0\n");
    assertEquals(2, v.size());
    assertEquals(10, v.count("中国"));
    assertEquals(7, v.count("人民"));
  }

  @Test
  void read_bomAndPunctuationWords_bomSkippedPunctuationDropped() throws IOException {
    Vocabulary v = read("\uFEFF中国\t3\n，\t100\n");
    assertEquals(1, v.size());
    assertEquals(3, v.count("中国"));
  }

  @Test
  void add_numbersWithSameUnit_countsMerged() {
    Vocabulary v = new Vocabulary();
    v.add("2000年", 3);
    v.add("１９９８年", 2);
    assertEquals(5, v.count("0年"));
    assertEquals(5, v.count("1234年"));
  }

  @Test
  void write_tabAndSpace_sortedByCountThenText() throws IOException {
    Vocabulary v = new Vocabulary();
    v.add("乙", 2);
    v.add("甲", 5);
    v.add("丙", 2);
    StringWriter w = new StringWriter();
    v.write(w, false, 10);
    assertEquals("甲\t5\n丙\t2\n乙\t2\n", w.toString());
    StringWriter s = new StringWriter();
    v.write(s, true, 1);
    assertEquals("甲 5\n", s.toString());
    assertEquals(List.of("甲", "丙", "乙"), v.sortedWords());
  }

  @Test
  void load_missingFile_throwsNoSuchFile() {
    assertThrows(NoSuchFileException.class, () -> Vocabulary.load(Path.of("no/such/vocab.tsv")));
  }

  @Test
  void load_noWordsOrJsonLines_malformedDataNamingTheFile(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    Path emoji = java.nio.file.Files.writeString(dir.resolve("v.tsv"), "😀\t5\n，\t3\n");
    MalformedDataException e =
        assertThrows(MalformedDataException.class, () -> Vocabulary.load(emoji));
    assertEquals(emoji + ": holds no words ('word count' lines of Han, Latin or digit text)",
        e.getMessage());
    Path json = java.nio.file.Files.writeString(dir.resolve("v.jsonl"),
        "{\"word\":\"中国\",\"count\":3}\n");
    e = assertThrows(MalformedDataException.class, () -> Vocabulary.load(json));
    assertTrue(e.getMessage().contains("JSON lines") && e.getMessage().contains("--format tsv"),
        e.getMessage());
  }

  @Test
  void add_countsNearTheLongLimit_saturateInsteadOfWrapping() throws IOException {
    Vocabulary v = read("天气\t9223372036854775807\n天气\t9223372036854775807\n今天\t4\n");
    assertEquals(Long.MAX_VALUE, v.count("天气"));
    assertEquals(4, v.count("今天"));
  }

  @Test
  void loadDefault_embedded_hasCommonWords() throws IOException {
    Vocabulary v = Vocabulary.loadDefault();
    assertTrue(v.size() > 10_000, "size " + v.size());
    assertTrue(v.count("中国") > 0);
    assertTrue(v.count("的") > v.count("中国"));
  }

  @Test
  void load_gzipWithBomAnyName_decompressedBomSkipped(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path gz = dir.resolve("v.bin");
    try (java.io.OutputStream out =
        new java.util.zip.GZIPOutputStream(java.nio.file.Files.newOutputStream(gz))) {
      out.write("\uFEFF中国\t3\n人民\t2\n".getBytes(StandardCharsets.UTF_8));
    }
    Vocabulary v = Vocabulary.load(gz);
    assertEquals(3, v.count("中国"));
    assertEquals(2, v.count("人民"));
    assertEquals(2, v.size());
  }
}
