package dev.ciku.corpus;

import static dev.ciku.corpus.TestBytes.concat;
import static dev.ciku.corpus.TestBytes.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusReaderTest {
  private static final String TEXT = "iPhone7手机，5G网络COVID-19疫情。12306订票\n第二行：全角ＡＢＣ１２３\n𠀀𠀁\n";

  @TempDir Path dir;
  private final List<String> warnings = new ArrayList<>();

  private CorpusStats stats(ReaderOptions options, String... args) throws IOException {
    return CorpusStats.compute(CorpusInput.expand(List.of(args)), options, new ByteCounter(),
        warnings::add);
  }

  private CorpusStats stats(String... args) throws IOException {
    return stats(ReaderOptions.DEFAULT, args);
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.write(p, bytes);
    return p;
  }

  private Path write(String name, String text) throws IOException {
    return write(name, text.getBytes(StandardCharsets.UTF_8));
  }



  private static ReaderOptions options(InputFormat format, String field, int column) {
    return new ReaderOptions(StandardCharsets.UTF_8, format, field, column, false);
  }

  @Test
  void read_threeLinesOfMixedText_countsLinesCharsHanClausesAndUnits() throws IOException {
    CorpusStats s = stats(write("a.txt", TEXT).toString());
    assertEquals(3, s.lines());
    assertEquals(TEXT.replace("\n", "").codePointCount(0, TEXT.length() - 3), s.chars());
    assertEquals(8 + 5 + 2, s.hanChars());
    assertEquals(3 + 2 + 1, s.clauses());
    assertEquals(12 + 6 + 2, s.units());
    assertEquals(5, s.latinUnits());
    assertEquals(0, s.malformed());
    assertEquals(List.of(), warnings);
  }

  @Test
  void read_malformedUtf8_replacesAndCountsOnce() throws IOException {
    Path p = write("bad.txt", concat(utf8("中文\n"), new byte[] {(byte) 0xFF}, utf8("好\n第三行\n")));
    CorpusStats s = stats(p.toString());
    assertEquals(1, s.malformed());
    assertEquals(3, s.lines());
    assertEquals(2 + 2 + 3, s.chars(), "U+FFFD is a character");
    assertEquals(2 + 1 + 3, s.hanChars(), "data after the bad byte is read");
    assertEquals(3, s.clauses());
    assertEquals(1, warnings.size());
    assertTrue(warnings.get(0).contains(p.toString()), warnings.get(0));
    assertTrue(warnings.get(0).contains("line 2"), warnings.get(0));
  }

  @Test
  void read_malformedInTwoFiles_oneWarningEach() throws IOException {
    Path a = write("a.txt", concat(utf8("甲\n乙"), new byte[] {(byte) 0xC0, (byte) 0xFF}, utf8("\n")));
    Path b = write("b.txt", concat(new byte[] {(byte) 0xFE}, utf8("丙\n")));
    CorpusStats s = stats(a.toString(), b.toString());
    assertEquals(3, s.malformed(), "0xC0 and 0xFF in a, 0xFE in b: one each");
    assertEquals(3, s.hanChars());
    assertEquals(2, warnings.size());
    assertTrue(warnings.get(0).contains("line 2"), warnings.get(0));
    assertTrue(warnings.get(1).contains("line 1"), warnings.get(1));
  }

  @Test
  void read_multibyteCharsAcrossBufferBoundaries() throws IOException {
    String text = "x" + "中".repeat(100_000) + "\n" + "a𠀀".repeat(50_000);
    CorpusStats s = stats(write("big.txt", text).toString());
    assertEquals(0, s.malformed());
    assertEquals(150_000, s.hanChars());
    assertEquals(text.codePointCount(0, text.length()) - 1, s.chars());
    assertEquals(2, s.lines());
  }

  @Test
  void read_gb18030_sameStatsAsUtf8() throws IOException {
    Charset gb = Charset.forName("GB18030");
    Path g = write("gb.txt", TEXT.getBytes(gb));
    Path u = write("u.txt", TEXT);
    CorpusStats viaGb = stats(new ReaderOptions(gb, InputFormat.PLAIN, "text", 1, false), g.toString());
    assertEquals(stats(u.toString()), viaGb);
    assertEquals(0, viaGb.malformed());
    assertTrue(stats(g.toString()).malformed() > 0, "GB18030 bytes read as UTF-8 are malformed");
  }

  @Test
  void read_utf8Bom_skippedInEveryFile() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    Path a = write("a.txt", concat(bom, utf8("中文\n")));
    Path b = write("b.txt", concat(bom, utf8("好")));
    CorpusStats s = stats(a.toString(), b.toString());
    assertEquals(3, s.chars());
    assertEquals(2, s.lines());
    assertEquals(2, s.clauses());
    Path tiny = write("tiny.txt", concat(bom));
    assertEquals(0, stats(tiny.toString()).chars());
  }

  @Test
  void read_emptyFile_allZero() throws IOException {
    CorpusStats s = stats(write("empty.txt", new byte[0]).toString());
    assertEquals(new CorpusStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0.0, 0), s);
  }

  @Test
  void read_binaryFile_noCrash_malformedCounted() throws IOException {
    byte[] bytes = new byte[200_000];
    new Random(7).nextBytes(bytes);
    for (int i = 0; i < bytes.length; i += 97) {
      bytes[i] = 0;
    }
    bytes[bytes.length - 1] = 1;
    long newlines = 0;
    for (byte b : bytes) {
      if (b == '\n') {
        newlines++;
      }
    }
    CorpusStats s = stats(write("bin.dat", bytes).toString());
    assertTrue(s.malformed() > 10_000, "malformed " + s.malformed());
    assertEquals(newlines + 1, s.lines());
    assertEquals(1, warnings.size());
  }

  @Test
  void expand_missingFile_throwsNoSuchFile() {
    String missing = dir.resolve("nope.txt").toString();
    NoSuchFileException e = assertThrows(NoSuchFileException.class,
        () -> CorpusInput.expand(List.of(missing)));
    assertEquals(missing, e.getFile());
  }

  @Test
  void read_directory_recursiveSortedEqualsConcatenation() throws IOException {
    write("d/b.txt", "乙文本 B2\n");
    write("d/a.txt", "甲文本 A1\n");
    write("d/sub/c.txt", "丙，COVID-19\n");
    write("d/.hidden", "隐藏\n");
    List<String> names = new ArrayList<>();
    for (CorpusInput in : CorpusInput.expand(List.of(dir.resolve("d").toString()))) {
      names.add(dir.resolve("d").relativize(in.path()).toString());
    }
    assertEquals(List.of("a.txt", "b.txt", "sub/c.txt"), names);
    Path cat = write("cat.txt", "甲文本 A1\n乙文本 B2\n丙，COVID-19\n");
    assertEquals(stats(cat.toString()), stats(dir.resolve("d").toString()));
  }

  @Test
  void expand_hiddenFilesAndDirectories_skippedAndCounted() throws IOException {
    write("h/a.txt", "甲\n");
    write("h/.git/objects/x", "隐\n");
    write("h/.svn/y.txt", "隐\n");
    write("h/sub/.b.txt.swp", "隐\n");
    write("h/sub/.hidden/c.txt", "隐\n");
    write("h/sub/d.txt", "乙\n");
    List<String> info = new ArrayList<>();
    Path h = dir.resolve("h");
    List<CorpusInput> inputs = CorpusInput.expand(List.of(h.toString()), BinaryData.DEFAULT,
        info::add, warnings::add);
    assertEquals(List.of(h.resolve("a.txt"), h.resolve("sub/d.txt")),
        inputs.stream().map(CorpusInput::path).toList());
    assertEquals(List.of(h + ": reading 2 files; skipped 1 hidden file(s) and 3 hidden"
        + " directory(ies) (names starting with '.')"), info);
    assertEquals(List.of(), warnings);
    // A hidden directory named as an argument is read, and so is a hidden file named.
    assertEquals(List.of(h.resolve(".svn/y.txt"), h.resolve("sub/.b.txt.swp")),
        CorpusInput.expand(List.of(h.resolve(".svn").toString(),
            h.resolve("sub/.b.txt.swp").toString())).stream().map(CorpusInput::path).toList());
  }

  @Test
  void expand_linksInsideADirectory_filesReadDirectoriesSkippedAndCounted() throws Exception {
    write("l/a.txt", "甲\n");
    Path outside = write("outside.txt", "乙\n");
    write("other/c.txt", "丙\n");
    Path l = dir.resolve("l");
    Files.createSymbolicLink(l.resolve("b.txt"), outside);
    Files.createSymbolicLink(l.resolve("sub"), dir.resolve("other"));
    Files.createSymbolicLink(l.resolve("gone.txt"), dir.resolve("missing.txt"));
    List<String> info = new ArrayList<>();
    List<CorpusInput> inputs = CorpusInput.expand(List.of(l.toString()), BinaryData.DEFAULT,
        info::add, warnings::add);
    assertEquals(List.of(l.resolve("a.txt"), l.resolve("b.txt")),
        inputs.stream().map(CorpusInput::path).toList());
    assertEquals(List.of(l + ": reading 2 files; skipped 1 symbolic link(s) to directories (not"
        + " followed inside a directory); 1 entr(ies) that are no file (FIFOs, sockets, links to"
        + " nothing)"), info);
    assertEquals(List.of(), warnings);
  }

  @Test
  void expand_directoryWithoutInputFiles_warned() throws IOException {
    write("e/.only-hidden", "隐\n");
    Files.createDirectories(dir.resolve("e/sub"));
    List<String> info = new ArrayList<>();
    Path e = dir.resolve("e");
    assertEquals(List.of(), CorpusInput.expand(List.of(e.toString()), BinaryData.DEFAULT,
        info::add, warnings::add));
    assertEquals(List.of(e + " holds no input files"), warnings);
    assertEquals(1, info.size());
  }

  @Test
  void expand_binaryFilesInADirectory_skippedOneWarningEachAndCounted() throws IOException {
    Path a = write("b/a.txt", "甲文本\n");
    write("b/b.png", TestBytes.png(1));
    write("b/c.bin.gz", TestBytes.gzip(TestBytes.elf(2)));
    write("b/d.ngrams", TestBytes.storeHead());
    Path e = write("b/e.txt", "COVID-19\n");
    Path u = write("b/f.utf16.txt",
        "A mostly ASCII text, 2024.\n".repeat(20).getBytes(StandardCharsets.UTF_16LE));
    Path b = dir.resolve("b");
    List<String> info = new ArrayList<>();
    List<CorpusInput> inputs =
        CorpusInput.expand(List.of(b.toString()), BinaryData.DEFAULT, info::add, warnings::add);
    assertEquals(List.of(a, e, u), inputs.stream().map(CorpusInput::path).toList());
    assertEquals(List.of(
        b.resolve("b.png") + ": binary data (a NUL byte at offset 8), not text; skipped",
        b.resolve("c.bin.gz") + ": binary data (a NUL byte at offset 7 of its decompressed"
            + " data), not text; skipped",
        b.resolve("d.ngrams") + ": binary data (a NUL byte at offset 10), not text; skipped"),
        warnings);
    assertEquals(List.of(b + ": reading 3 files; skipped 3 binary file(s) (a NUL byte in the"
        + " first 8 KB)"), info);
    // Read as UTF-16 (given), where zero bytes are text, nothing is binary; expanded silently,
    // no file is opened.
    warnings.clear();
    assertEquals(6, CorpusInput.expand(List.of(b.toString()),
        new BinaryData(StandardCharsets.UTF_16LE, false, false), m -> { }, warnings::add).size());
    assertEquals(List.of(), warnings);
    assertEquals(6, CorpusInput.expand(List.of(b.toString())).size());
  }

  @Test
  void expand_binaryFileNamed_refusedAsBadDataStoreWithItsOwnMessage() throws IOException {
    Path png = write("x.png", TestBytes.png(3));
    MalformedDataException e = assertThrows(MalformedDataException.class,
        () -> CorpusInput.expand(List.of(png.toString()), BinaryData.DEFAULT, m -> { },
            warnings::add));
    assertEquals(png + ": binary data (a NUL byte at offset 8), not text: is it the right file?",
        e.getMessage());
    Path store = write("x.ngrams", TestBytes.storeHead());
    CorpusInput.UnsupportedInputException s = assertThrows(
        CorpusInput.UnsupportedInputException.class, () -> CorpusInput.expand(
            List.of(store.toString()), BinaryData.DEFAULT, m -> { }, warnings::add));
    assertTrue(s.getMessage().startsWith(store + ": an n-gram store"), s.getMessage());
    assertEquals(List.of(), warnings);
  }

  @Test
  void expand_directoryOfBinaryFilesOnly_warnedAsADirectoryWithoutInput() throws IOException {
    write("o/x.png", TestBytes.png(4));
    Path o = dir.resolve("o");
    List<String> info = new ArrayList<>();
    assertEquals(List.of(),
        CorpusInput.expand(List.of(o.toString()), BinaryData.DEFAULT, info::add, warnings::add));
    assertEquals(List.of(o.resolve("x.png") + ": binary data (a NUL byte at offset 8), not text;"
        + " skipped", o + " holds no input files (1 binary file(s) skipped)"), warnings);
    assertEquals(List.of(o + ": reading 0 files; skipped 1 binary file(s) (a NUL byte in the"
        + " first 8 KB)"), info);
  }

  @Test
  void expand_zipArchiveInADirectory_refusedBeforeAnyFileIsRead() throws IOException {
    write("z/a.txt", "甲\n");
    write("z/b.jar", TestBytes.withNonZeroTail(new int[] {'P', 'K', 3, 4, 20, 0}, 100, 5));
    Path z = dir.resolve("z");
    CorpusInput.UnsupportedInputException e = assertThrows(
        CorpusInput.UnsupportedInputException.class, () -> CorpusInput.expand(
            List.of(z.toString()), BinaryData.DEFAULT, m -> { }, warnings::add));
    assertTrue(e.getMessage().startsWith(z.resolve("b.jar") + ": zip data;"), e.getMessage());
  }

  @Test
  void read_gzip_equalsPlain() throws IOException {
    StringBuilder sb = new StringBuilder();
    Random r = new Random(3);
    for (int i = 0; i < 20_000; i++) {
      sb.append((char) (0x4E00 + r.nextInt(300))).append(i % 17 == 0 ? "，5G\n" : "");
    }
    Path plain = write("p.txt", sb.toString());
    Path gz = dir.resolve("p.txt.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readAllBytes(plain));
    }
    CorpusStats s = stats(plain.toString());
    assertEquals(s, stats(gz.toString()));
    assertEquals(20_000, s.hanChars());
  }

  @Test
  void read_jsonlField_equalsPlainText() throws IOException {
    Path jsonl = write("a.jsonl", String.join("\n",
        "{\"id\": 1, \"meta\": {\"text\": \"不是这个\"}, \"text\": \"中文\\\"引号\\\"5G\"}",
        "{\"text\":\"第二\\u884c\\n换行\", \"tags\": [\"x\", {\"text\": \"no\"}]}",
        "{\"other\": \"没有字段\"}",
        "not json at all",
        "{\"text\": 42}") + "\n");
    Path plain = write("a.txt", "中文\"引号\"5G\n第二行\n换行\n");
    CorpusStats s = stats(options(InputFormat.JSONL, "text", 1), jsonl.toString());
    CorpusStats p = stats(plain.toString());
    assertEquals(5, s.lines());
    assertEquals(p.hanChars(), s.hanChars());
    assertEquals(p.units(), s.units());
    assertEquals(p.clauses(), s.clauses());
    assertEquals(p.entropyBits(), s.entropyBits(), 1e-12);
    assertEquals(9, s.hanChars());
  }

  @Test
  void read_tsvAndCsvColumn() throws IOException {
    Path tsv = write("a.tsv", "1\t中文\tx\n2\t好，的\n3\n");
    CorpusStats t = stats(options(InputFormat.TSV, "text", 2), tsv.toString());
    assertEquals(3, t.lines());
    assertEquals(4, t.hanChars());
    assertEquals(3, t.clauses());
    Path csv = write("a.csv", "label,review\r\n1,\"很好,\"\"推荐\"\"\"\r\n0,一般\r\n0\r\n");
    CorpusStats c = stats(options(InputFormat.CSV, "text", 2), csv.toString());
    assertEquals(4, c.lines());
    assertEquals(6, c.hanChars());
    assertEquals(1 + 2 + 1, c.clauses(), "'review', '很好', '推荐', '一般'");
    assertEquals(1, c.latinUnits());
  }

  @Test
  void read_crlf_sameStatsAsLf() throws IOException {
    Path lf = write("lf.txt", TEXT);
    Path crlf = write("crlf.txt", TEXT.replace("\n", "\r\n"));
    assertEquals(stats(lf.toString()), stats(crlf.toString()));
  }

  /**
   * A 200 MB corpus on one line, generated on the fly and read from standard input: the reader
   * must stream it, so the live heap sampled while it runs grows far less than the input size.
   * Growth over the live heap at the start, which holds whatever earlier test classes keep.
   */
  @Test
  void read_200MbSingleLine_streamsInBoundedMemory() throws IOException {
    String pattern = "iPhone7手机，5G网络COVID-19疫情。12306订票。";
    byte[] unit = utf8(pattern);
    long repeats = 200_000_000L / unit.length;
    long baseline = liveHeap();
    long[] maxLive = {0};
    InputStream generated = new InputStream() {
      long produced;
      long nextSample = 16L << 20;
      final long total = repeats * unit.length;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (produced >= total) {
          return -1;
        }
        int n = (int) Math.min(len, total - produced);
        for (int i = 0; i < n; i++) {
          b[off + i] = unit[(int) ((produced + i) % unit.length)];
        }
        produced += n;
        if (produced >= nextSample) {
          nextSample += 32L << 20;
          maxLive[0] = Math.max(maxLive[0], liveHeap());
        }
        return n;
      }
    };
    InputStream saved = System.in;
    CorpusStats s;
    try {
      System.setIn(generated);
      s = stats("-");
    } finally {
      System.setIn(saved);
    }
    assertEquals(1, s.lines());
    assertEquals(repeats * pattern.codePointCount(0, pattern.length()), s.chars());
    assertEquals(repeats * 12, s.units());
    assertEquals(repeats * 8, s.hanChars());
    assertEquals(repeats * 4, s.latinUnits());
    assertEquals(repeats * 3, s.clauses());
    assertEquals(12, s.distinctUnits());
    assertEquals(0, s.malformed());
    long growth = maxLive[0] - baseline;
    assertTrue(growth < 48L << 20, "live heap grew by " + (growth >> 20) + " MB while reading");
  }

  /** Bytes of the heap in use after a full collection. */
  private static long liveHeap() {
    Runtime rt = Runtime.getRuntime();
    System.gc();
    return rt.totalMemory() - rt.freeMemory();
  }

  /**
   * A byte-order mark starts a JSON line or CSV record in any encoding, not only UTF-8's: the
   * UTF-16LE and GB18030 decoders pass it on as U+FEFF, which used to make the first record "not
   * a JSON object" and the first CSV field unquoted.
   */
  @Test
  void read_byteOrderMarkInNamedEncodings_notPartOfTheFirstRecord() throws IOException {
    String json = "\uFEFF{\"text\":\"中文\"}\n{\"text\":\"第二\"}\n";
    for (java.nio.charset.Charset cs : List.of(StandardCharsets.UTF_16LE,
        StandardCharsets.UTF_16BE, java.nio.charset.Charset.forName("GB18030"),
        StandardCharsets.UTF_8)) {
      warnings.clear();
      Path f = write("bom-" + cs.name() + ".jsonl", json.getBytes(cs));
      CorpusStats s = stats(new ReaderOptions(cs, InputFormat.JSONL, "text", 1, false), f.toString());
      assertEquals(List.of(), warnings, cs.name());
      assertEquals(4, s.hanChars(), cs.name());
      assertEquals(2, s.clauses(), cs.name());
    }
    warnings.clear();
    Path c = write("bom.csv", "\uFEFF\"甲,乙\",丙\n".getBytes(java.nio.charset.Charset.forName("GB18030")));
    CorpusStats s = stats(new ReaderOptions(java.nio.charset.Charset.forName("GB18030"),
        InputFormat.CSV, "text", 1, false), c.toString());
    assertEquals(List.of(), warnings);
    assertEquals(2, s.hanChars(), "the quoted field 甲,乙 is column 1");
    // The second of two inputs starts with a mark too.
    warnings.clear();
    Path a = write("a.jsonl", "{\"text\":\"一\"}");
    Path b = write("b.jsonl", "\uFEFF{\"text\":\"二\"}\n");
    s = stats(options(InputFormat.JSONL, "text", 1), a.toString(), b.toString());
    assertEquals(List.of(), warnings);
    assertEquals(2, s.hanChars());
  }

  private static ReaderOptions csv(int column, boolean skipHeader) {
    return new ReaderOptions(StandardCharsets.UTF_8, InputFormat.CSV, "text", column, false, false,
        false, skipHeader);
  }

  @Test
  void read_csvQuotedLineBreaks_oneRecordEach() throws IOException {
    CorpusStats s = stats(csv(2, false),
        write("q.csv", "1,\"第一行\r\n第二行\",x\n2,\"说\"\"好\"\"\n的\"\n3,末\n").toString());
    assertEquals(3, s.lines());
    // 第一行|第二行, 说|好|的, 末: the quoted line breaks and quotes end clauses.
    assertEquals(6, s.clauses());
    assertEquals(10, s.units());
    assertEquals(List.of(), warnings);
  }

  @Test
  void read_csvUnterminatedQuote_fieldEndsWithInputAndWarned() throws IOException {
    Path p = write("u.csv", "1,好\n2,\"未闭合\n还在字段里");
    CorpusStats s = stats(csv(2, false), p.toString());
    assertEquals(2, s.lines());
    assertEquals(1 + 3 + 5, s.units());
    assertEquals(List.of(p + ": the quoted field opened on line 2 is still open at the end of the"
        + " input (2 line(s) read as its text; is a quote unbalanced?)"), warnings);
  }

  @Test
  void read_csvUnterminatedQuoteEndingWithLineBreak_linesCounted() throws IOException {
    Path p = write("u.csv", "\"甲\n乙\n丙\n");
    CorpusStats s = stats(csv(1, false), p.toString());
    assertEquals(1, s.lines());
    assertEquals(List.of(p + ": the quoted field opened on line 1 is still open at the end of the"
        + " input (3 line(s) read as its text; is a quote unbalanced?)"), warnings);
  }

  @Test
  void read_csvQuoteInsideUnquotedField_ordinaryCharacter() throws IOException {
    // Python's csv module reads 3 records; the quote after 他说 opens nothing.
    CorpusStats s = stats(csv(2, false),
        write("mid.csv", "1,他说\"好,x\n2,北京,y\n3,上海,z\n").toString());
    assertEquals(3, s.lines());
    assertEquals(3 + 2 + 2, s.units());
    assertEquals(List.of(), warnings);
    CorpusStats third = stats(csv(3, false),
        write("mid3.csv", "1,a\"b\"c,他说\n2,\"引\"后,北京\n").toString());
    assertEquals(2, third.lines());
    assertEquals(4, third.units());
    assertEquals(List.of(), warnings);
  }

  @Test
  void read_csvQuoteOpenPastMaxRecord_cutAtLineBreakAndWarned() throws IOException {
    String longLine = "长".repeat(CorpusReader.MAX_RECORD);
    Path p = write("runaway.csv", "1,\"" + longLine + "\n2,后\n3,再\n");
    CorpusStats s = stats(csv(2, false), p.toString());
    // The open quote swallows no more than the first line; the next two are records again.
    assertEquals(3, s.lines());
    assertEquals(CorpusReader.MAX_RECORD + 2, s.units());
    assertEquals(List.of(p + ": 1 quoted field(s) without a closing quote after "
        + CorpusReader.MAX_RECORD + " characters, the first opened on line 1, ended at the next"
        + " line break; reading went on with a new record (1 line(s) affected; is a quote"
        + " unbalanced?)"), warnings);
  }

  @Test
  void read_csvLongQuotedFieldClosedAfterCut_closingQuoteOpensNothing() throws IOException {
    // A quoted field of more than MAX_RECORD characters over three lines: cut at the second
    // line break; its closing quote, inside the third line, must not open a new quoted field
    // that swallows the records after it.
    String half = "长".repeat(CorpusReader.MAX_RECORD / 2 + 1);
    Path p = write("long.csv", "1,\"" + half + "\n" + half + "\n尾\",x\n2,后\n3,再\n");
    CorpusStats s = stats(csv(2, false), p.toString());
    // Records: lines 1-2 (cut), 尾" with x, 后, 再.
    assertEquals(4, s.lines());
    assertEquals(2 * half.length() + 1 + 1 + 1, s.units());
    assertEquals(1, warnings.size());
    assertTrue(warnings.get(0).contains("the first opened on line 1,"), warnings.get(0));
    assertTrue(warnings.get(0).contains("(2 line(s) affected;"), warnings.get(0));
  }

  @Test
  void read_skipHeader_firstRecordOfEachInputSkipped() throws IOException {
    Path a = write("a.csv", "标题,正文\n1,\"甲\n乙\"\n");
    Path b = write("b.tsv", "题目\t内容\n1\t丙\n");
    CorpusStats s = stats(csv(2, true), a.toString());
    assertEquals(1, s.lines());
    assertEquals(2, s.units());
    CorpusStats t = stats(new ReaderOptions(StandardCharsets.UTF_8, InputFormat.TSV, "text", 2,
        false, false, false, true), b.toString(), b.toString());
    assertEquals(2, t.lines());
    assertEquals(2, t.units());
  }

  @Test
  void read_noLineOfAnyInputHoldsTheColumn_failsShowingTheFirstLine() throws IOException {
    String longRecord = "甲".repeat(100) + "\t" + "乙";
    Path a = write("a.tsv", longRecord + "\n\n");
    Path b = write("b.tsv", "x\ny\n");
    MalformedDataException e = assertThrows(MalformedDataException.class,
        () -> stats(options(InputFormat.TSV, "text", 3), a.toString(), b.toString()));
    assertEquals("the inputs: no line holds column 3 (3 line(s) without it; the first: "
        + "甲".repeat(80) + "...): give --column for the text's place in a record",
        e.getMessage());
    assertEquals(List.of(a + ": 1 line lacks column 3; skipped",
        b + ": 2 lines lack column 3; skipped"), warnings);
    // One line with the column anywhere: the others are skipped, as before.
    warnings.clear();
    Path c = write("c.tsv", "1\t2\t好\n");
    assertEquals(1, stats(options(InputFormat.TSV, "text", 3), a.toString(), b.toString(),
        c.toString()).units());
    assertEquals(2, warnings.size(), warnings.toString());
    // Blank lines alone hold nothing to miss.
    warnings.clear();
    Path blank = write("blank.tsv", "\n \n");
    assertEquals(0, stats(options(InputFormat.TSV, "text", 3), blank.toString()).units());
    assertEquals(List.of(), warnings);
  }

  @Test
  void read_tsvLinesLackingColumn_countedInOneWarning() throws IOException {
    Path p = write("short.tsv", "1\t好\n2\n\n3\n");
    CorpusStats s = stats(options(InputFormat.TSV, "text", 2), p.toString());
    assertEquals(1, s.units());
    assertEquals(List.of(p + ": 2 lines lack column 2; skipped"), warnings);
  }

  /**
   * A table already numbering the most Latin units it can: new runs are boundaries, and the
   * reader says how many instead of dropping them silently; known ones still count.
   */
  @Test
  void read_unitTableFull_warnsHowManyLatinRunsWereBoundaries() throws IOException {
    UnitTable table = new UnitTable(true);
    assertTrue(table.latinId("iPhone7") >= 0);
    for (int i = 1; i < UnitTable.MAX_LATIN; i++) {
      table.latinId(Integer.toString(i, 36));
    }
    assertEquals(-1, table.latinId("x-new-unit"));
    Path file = write("full.txt", utf8("iPhone7手机和Galaxy手机，Pixel和iPhone7。\n"));
    List<Integer> units = new ArrayList<>();
    ClauseScanner scanner = new ClauseScanner(table, ReaderOptions.DEFAULT,
        (u, length, owned, start, end) -> {
          for (int i = 0; i < owned; i++) {
            units.add(u[i]);
          }
        });
    new CorpusReader(ReaderOptions.DEFAULT, new ByteCounter(), warnings::add)
        .read(List.of(CorpusInput.file(file)), scanner);
    assertEquals(2, scanner.latinRefused());
    assertEquals(2, units.stream().filter(u -> u == table.existingLatinId("iPhone7")).count());
    assertEquals(List.of("2 Latin/digit runs were read as boundaries, not units: the corpus holds"
        + " more than 1,835,008 distinct ones (numbers, codes), the most a unit table can number;"
        + " they are not counted"), warnings);
  }

  /** Read as ciku reads without --encoding: UTF-8, unless an input's first block is clearly not. */
  private static ReaderOptions byDefault(InputFormat format) {
    return new ReaderOptions(StandardCharsets.UTF_8, format, "text", 1, LatinCase.FOLD, false,
        false, false, true);
  }

  private static String laws(int chars) throws IOException {
    return Files.readString(Path.of("corpora-samples/laws-zh.txt")).substring(0, chars);
  }

  @Test
  void read_byDefaultGbkFile_readAsGb18030WithOneWarning() throws IOException {
    String text = laws(100_000);
    Path u = write("laws.txt", text);
    Path g = write("laws.gbk.txt", text.getBytes(Charset.forName("GBK")));
    CorpusStats utf8 = stats(u.toString());
    assertEquals(List.of(), warnings);
    assertEquals(utf8, stats(byDefault(InputFormat.PLAIN), g.toString()));
    assertEquals(List.of(g + ": not UTF-8; read as GB18030 (detected; give --encoding to"
        + " choose)"), warnings);
    warnings.clear();
    // UTF-8 given (no fallback): read as UTF-8, malformed bytes and all.
    CorpusStats given = stats(g.toString());
    assertTrue(given.malformed() > 10_000 && given.hanChars() < 3_000, given.toString());
    assertEquals(1, warnings.size());
    assertTrue(warnings.get(0).contains("malformed"), warnings.get(0));
  }

  @Test
  void read_byDefaultShortGbkJsonlAndUtf16Files_readInTheirEncodings() throws IOException {
    String text = laws(120);
    String jsonl = "{\"text\": \"" + text.replace("\n", "\\n") + "\"}\n";
    Path g = write("short.gbk.jsonl", jsonl.getBytes(Charset.forName("GBK")));
    Path u = write("short.jsonl", jsonl);
    assertEquals(stats(options(InputFormat.JSONL, "text", 1), u.toString()),
        stats(byDefault(InputFormat.JSONL), g.toString()));
    Path le = write("short.utf16le.txt", text.getBytes(StandardCharsets.UTF_16LE));
    assertEquals(stats(write("short.txt", text).toString()),
        stats(byDefault(InputFormat.PLAIN), le.toString()));
    assertEquals(2, warnings.size(), warnings.toString());
    assertTrue(warnings.get(1).endsWith("short.utf16le.txt: not UTF-8; read as UTF-16LE"
        + " (detected; give --encoding to choose)"), warnings.get(1));
  }

  @Test
  void read_byDefaultDirectoryOfUtf8AndGbk_eachInputDecidesOnItsOwn() throws IOException {
    String text = laws(30_000);
    write("mixed/a.txt", text.substring(0, 15_000));
    write("mixed/b.txt", text.substring(15_000).getBytes(Charset.forName("GB18030")));
    write("mixed/c.txt", text.substring(0, 15_000));
    write("same/a.txt", text.substring(0, 15_000));
    write("same/b.txt", text.substring(15_000));
    write("same/c.txt", text.substring(0, 15_000));
    CorpusStats expected = stats(dir.resolve("same").toString());
    assertEquals(expected, stats(byDefault(InputFormat.PLAIN), dir.resolve("mixed").toString()));
    assertEquals(List.of(dir.resolve("mixed/b.txt") + ": not UTF-8; read as GB18030 (detected;"
        + " give --encoding to choose)"), warnings);
  }

  /**
   * Seeded random inputs read by default give the stats and warnings of the encoding {@link
   * Utf8Fallback#decide} picks for their first block (UTF-8 if none) given outright: the reader
   * decides as the Spark jobs do, and a UTF-8 input reads as before.
   */
  @Test
  void read_byDefaultSeededRandomInputs_sameAsTheDecidedEncodingGiven() throws IOException {
    Random random = new Random(17);
    String text = laws(90_000);
    String[] encodings = {"UTF-8", "UTF-8", "GB18030", "UTF-16BE"};
    InputFormat[] formats = {InputFormat.PLAIN, InputFormat.TSV, InputFormat.CSV};
    Map<String, Integer> readIn = new TreeMap<>();
    for (int trial = 0; trial < 60; trial++) {
      int from = random.nextInt(text.length() - 1);
      String part = text.substring(from, from + random.nextInt(text.length() - from));
      byte[] b = part.getBytes(Charset.forName(encodings[random.nextInt(encodings.length)]));
      for (int i = random.nextInt(4); i > 0 && b.length > 0; i--) {
        b[random.nextInt(b.length)] = (byte) random.nextInt(256);
      }
      Path p = write("random-" + trial + ".txt", b);
      Charset decided = Utf8Fallback.decide(b, Math.min(b.length, Encodings.SAMPLE),
          b.length < Encodings.SAMPLE);
      InputFormat format = formats[random.nextInt(formats.length)];
      warnings.clear();
      CorpusStats expected = stats(new ReaderOptions(decided == null ? StandardCharsets.UTF_8
          : decided, format, "text", 1, false), p.toString());
      List<String> expectedWarnings = new ArrayList<>(warnings);
      warnings.clear();
      String what = "trial " + trial + ", " + b.length + " bytes, " + decided;
      assertEquals(expected, stats(byDefault(format), p.toString()), what);
      readIn.merge(decided == null ? "UTF-8" : decided.name(), 1, Integer::sum);
      if (decided != null) {
        assertEquals(Utf8Fallback.warning(p.toString(), decided), warnings.remove(0), what);
        // The malformed-bytes hint names the encoding detected, as with --encoding auto.
        expectedWarnings.replaceAll(w -> w.replace(CorpusReader.hint(decided, false),
            CorpusReader.hint(decided, true)));
      }
      assertEquals(expectedWarnings, warnings, what);
    }
    // Both ways are taken: the trials read in another encoding are the ones whose warning and
    // hint are checked above (measured on these seeds).
    assertEquals(Map.of("UTF-8", 27, "GB18030", 13, "UTF-16BE", 20), readIn);
  }
}
