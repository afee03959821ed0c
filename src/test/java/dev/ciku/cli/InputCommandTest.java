package dev.ciku.cli;

import static dev.ciku.corpus.TestBytes.concat;
import static dev.ciku.corpus.TestBytes.gzip;
import static dev.ciku.corpus.TestBytes.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How commands read their inputs: streams, standard input, BOMs, bad bytes, damaged gzip. */
class InputCommandTest {
  private static final Path LAWS = Path.of("corpora-samples", "laws-zh.txt");
  private static final Path WIKI = Path.of("corpora-samples", "wiki-zh-cmrc2018.txt");
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  @TempDir Path dir;
  @org.junit.jupiter.api.extension.RegisterExtension
  final CapturedStreams io = new CapturedStreams();

  /**
   * A FIFO at {@code name} that a daemon thread fills with {@code content} once a reader opens
   * it (a named pipe: not seekable, its size unknown, readable once).
   */
  private Path fifo(String name, byte[] content) throws Exception {
    Path p = dir.resolve(name);
    Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
    assertEquals(0, mk.waitFor(), "mkfifo");
    Thread writer = new Thread(() -> {
      // WRITE without CREATE: a writer that starts after the test has ended and its directory
      // is being deleted must not create a regular file there (JUnit then fails to delete it).
      try (OutputStream out = Files.newOutputStream(p, java.nio.file.StandardOpenOption.WRITE)) {
        out.write(content);
      } catch (IOException e) {
        // The reader went away, or never came; the test then fails on what it read.
      }
    });
    writer.setDaemon(true);
    writer.start();
    return p;
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  private Path write(String name, String text) throws IOException {
    return write(name, text.getBytes(StandardCharsets.UTF_8));
  }



  /** Runs the command line with {@code stdin} as standard input. */
  private static int withStdin(byte[] stdin, String... args) {
    InputStream saved = System.in;
    try {
      System.setIn(new ByteArrayInputStream(stdin));
      return Main.execute(args);
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void corpus_noInputOnATerminal_saysItReadsStandardInput() {
    byte[] text = utf8("中文\n");
    String hint = "ciku: no INPUT given: reading standard input, the terminal (end it with Ctrl-D)";
    System.setProperty("ciku.stdin.tty", "true");
    try {
      assertEquals(0, withStdin(text, "stats", "--no-progress"), () -> io.err());
      assertEquals(hint, io.errLines().get(0));
      // Named: the user meant it; quiet: no info at all.
      for (String[] args : new String[][] {{"stats", "-"}, {"stats", "-q"}}) {
        io.reset();
        assertEquals(0, withStdin(text, args), () -> io.err());
        assertEquals(false, io.err().contains("no INPUT given"), io.err());
      }
    } finally {
      System.clearProperty("ciku.stdin.tty");
    }
    io.reset();
    assertEquals(0, withStdin(text, "stats"), () -> io.err());
    assertEquals(false, io.err().contains("no INPUT given"), io.err());
  }

  private String runOut(String... args) {
    io.reset();
    assertEquals(0, Main.execute(args), () -> io.err());
    return io.out();
  }

  @Test
  void stats_fifo_sameRowAsFile() throws Exception {
    byte[] laws = Files.readAllBytes(LAWS);
    String expected = runOut("stats", LAWS.toString());
    assertEquals(expected, runOut("stats", fifo("laws.fifo", laws).toString()));
    assertEquals("", io.err());
  }

  @Test
  void stats_gzipFifo_everyMemberRead() throws Exception {
    byte[] laws = Files.readAllBytes(LAWS);
    int half = laws.length / 2;
    byte[] two = concat(gzip(Arrays.copyOfRange(laws, 0, half)),
        gzip(Arrays.copyOfRange(laws, half, laws.length)));
    String expected = runOut("stats", LAWS.toString());
    assertEquals(expected, runOut("stats", fifo("laws.txt.gz", two).toString()));
  }

  @Test
  void domain_fifoCorpusAndReference_sameTermsAsFiles() throws Exception {
    String expected = runOut("domain", "-q", "--top", "30", "--reference", WIKI.toString(),
        LAWS.toString());
    Path corpus = fifo("laws.fifo", Files.readAllBytes(LAWS));
    Path reference = fifo("wiki.fifo", Files.readAllBytes(WIKI));
    assertEquals(expected, runOut("domain", "-q", "--top", "30", "--reference",
        reference.toString(), corpus.toString()));
  }

  @Test
  void domain_profileThroughAFifo_readAsAProfile() throws Exception {
    Path profile = dir.resolve("wiki.profile.gz");
    assertEquals(0, Main.execute("domain", "-q", "--build-profile", WIKI.toString(), "-o",
        profile.toString()), io.err());
    String expected = runOut("domain", "-q", "--top", "30", "--reference", profile.toString(),
        LAWS.toString());
    Path fifo = fifo("profile.fifo", Files.readAllBytes(profile));
    Path spill = Files.createDirectory(dir.resolve("spill"));
    assertEquals(expected, runOut("domain", "-q", "--top", "30", "--reference", fifo.toString(),
        "--temp-dir", spill.toString(), LAWS.toString()));
    try (java.util.stream.Stream<Path> left = Files.list(spill)) {
      assertEquals(List.of(), left.toList(), "the copy of the profile is deleted");
    }
  }

  @Test
  void discover_fifo_sameWordsAsFile() throws Exception {
    String expected = runOut("discover", "-q", "--top", "50", LAWS.toString());
    assertEquals(expected, runOut("discover", "-q", "--top", "50",
        fifo("laws.fifo", Files.readAllBytes(LAWS)).toString()));
  }

  @Test
  void stats_truncatedGzip_namesInputExit65() throws IOException {
    byte[] gz = gzip(Files.readAllBytes(LAWS));
    Path trunc = write("trunc.gz", Arrays.copyOf(gz, gz.length / 2));
    assertEquals(CikuException.DATA, Main.execute("stats", LAWS.toString(), trunc.toString()));
    assertEquals(List.of("ciku stats: " + trunc + ": truncated or corrupt gzip data"
        + " (Unexpected end of ZLIB input stream)"), io.errLines());
    assertEquals("", io.out());
  }

  @Test
  void stats_otherCompressionByNameOrBytes_exit66_saysHowToPipeItIn() throws IOException {
    Path byName = write("laws.txt.xz", "中文\n");
    assertEquals(CikuException.NO_INPUT, Main.execute("stats", LAWS.toString(),
        byName.toString()));
    assertEquals(List.of("ciku stats: " + byName + ": xz data; only gzip is decompressed, so pipe"
        + " it in: 'xzcat FILE | ciku ... -'"), io.errLines());
    assertEquals("", io.out());
    io.reset();
    // bzip2's first bytes under a text name: the reader would make replacement characters of it.
    Path byBytes = write("laws.txt", java.util.HexFormat.of().parseHex("425a6839314159265359"));
    assertEquals(CikuException.NO_INPUT, Main.execute("discover", "-q", byBytes.toString()));
    assertEquals(List.of("ciku discover: " + byBytes + ": bzip2 data; only gzip is decompressed,"
        + " so pipe it in: 'bzcat FILE | ciku ... -'"), io.errLines());
  }

  @Test
  void stats_tarArchivePlainOrCompressed_exit66_saysHowToExtractIt() throws IOException {
    byte[] tar = dev.ciku.corpus.TestBytes.tar("laws.txt",
        Files.readAllBytes(LAWS), false);
    for (Path archive : List.of(write("laws.tar", tar),
        write("laws.tar.gz", dev.ciku.corpus.TestBytes.gzip(tar)),
        write("laws.tgz", dev.ciku.corpus.TestBytes.gzip(tar)))) {
      io.reset();
      assertEquals(CikuException.NO_INPUT, Main.execute("count", "-n", "1", archive.toString()));
      assertEquals(List.of("ciku count: " + archive + ": a tar archive; ciku reads text, so pipe"
          + " its files in: 'tar -xOf FILE | ciku ... -'"), io.errLines());
      assertEquals("", io.out());
    }
  }

  @Test
  void stats_notGzipOrEmptyGz_namesInputExit65() throws IOException {
    Path plain = write("plain.gz", "中文\n");
    assertEquals(CikuException.DATA, Main.execute("stats", plain.toString()));
    // Text under a .gz name is not damaged gzip data: the message says what it is and how to
    // read it (standard input is decompressed only when it starts as gzip does).
    assertEquals(List.of("ciku stats: " + plain + ": not gzip data, though named .gz (it does"
        + " not start as gzip does); if it is text, read it as standard input: 'ciku ... - <"
        + " FILE'"), io.errLines());
    io.reset();
    Path empty = write("empty.gz", new byte[0]);
    assertEquals(CikuException.DATA, Main.execute("stats", empty.toString()));
    assertEquals(List.of("ciku stats: " + empty + ": truncated or corrupt gzip data"
        + " (unexpected end of input)"), io.errLines());
  }

  @Test
  void segment_malformedBytes_oneWarningPerInputNamingIt() throws IOException {
    Path bad = write("bad.txt", concat(utf8("中国\n人"), new byte[] {(byte) 0xFF, (byte) 0xFE},
        utf8("民\n")));
    Path good = write("good.txt", "银行\n");
    Path out = dir.resolve("out.txt");
    assertEquals(0, Main.execute("segment", "-q", "-o", out.toString(), bad.toString(),
        good.toString()));
    assertEquals(List.of("ciku: warning: " + bad + ": 2 malformed or unmappable byte sequence(s)"
        + " replaced by U+FFFD, first on line 2 (is --encoding right? --encoding auto detects"
        + " GB18030, Big5 and UTF-16)"), io.errLines());
    String segmented = Files.readString(out, StandardCharsets.UTF_8);
    assertEquals("中国\n人\uFFFD\uFFFD民\n银行\n", segmented.replace(" ", ""));
  }

  @Test
  void evalSeg_predOrGoldFromStdin_scoresAsFiles() throws Exception {
    Path gold = write("gold.txt", "中国  人民\n银行\n");
    Path pred = write("pred.txt", "中国 人 民\n银行\n");
    String expected = runOut("eval", "seg", "--gold", gold.toString(), "--pred", pred.toString());
    io.reset();
    assertEquals(0, withStdin(Files.readAllBytes(pred), "eval", "seg", "--gold", gold.toString(),
        "--pred", "-"), () -> io.err());
    assertEquals(expected, io.out());
    io.reset();
    assertEquals(0, withStdin(Files.readAllBytes(gold), "eval", "seg", "--gold", "-",
        "--pred", pred.toString()), () -> io.err());
    assertEquals(expected, io.out());
    assertEquals(expected, runOut("eval", "seg", "--gold",
        fifo("gold.fifo", Files.readAllBytes(gold)).toString(), "--pred", pred.toString()));
  }

  /** A corpus without a unit (emoji, punctuation, blanks) gives an empty list and says why. */
  @Test
  void countDiscoverDomain_noUnitInTheCorpus_warnWhyTheResultIsEmpty() throws IOException {
    Path none = write("none.txt", "😀😀 ！！\n\n\t\n");
    String[][] runs = {{"count", "no grams"}, {"discover", "no words"}, {"domain", "no terms"}};
    for (String[] run : runs) {
      io.reset();
      assertEquals(0, Main.execute(run[0], "-q", none.toString()), io.err());
      assertEquals(1, io.outLines().size(), io.out());
      assertEquals(List.of("ciku: warning: the corpus holds no characters to count (punctuation,"
          + " symbols, blanks or nothing; a unit is a Han character or a Latin/digit run): "
          + run[1]), io.errLines(), run[0]);
      io.reset();
      assertEquals(0, Main.execute(run[0], "-q", "--top", "1",
          Path.of("corpora-samples", "laws-zh.txt").toString()), io.err());
      assertEquals(List.of(), io.errLines(), run[0] + " on text: no warning");
    }
  }

  /** A reference corpus or profile on standard input gives the terms the file gives. */
  @Test
  void domain_referenceFromStdin_sameTermsAsTheFile() throws Exception {
    String laws = Path.of("corpora-samples", "laws-zh.txt").toString();
    Path wiki = Path.of("corpora-samples", "wiki-zh-cmrc2018.txt");
    Path profile = Path.of("dict", "general-reference.profile.gz");
    for (Path reference : new Path[] {wiki, profile}) {
      String expected = runOut("domain", laws, "--reference", reference.toString(), "--top",
          "50", "-q");
      assertTrue(expected.lines().count() == 51, expected);
      io.reset();
      assertEquals(0, withStdin(Files.readAllBytes(reference), "domain", laws, "--reference", "-",
          "--top", "50", "-q"), () -> io.err());
      assertEquals(expected, io.out(), reference.toString());
    }
  }

  @Test
  void evalWords_rankedFromStdin_scoresAsFile() throws IOException {
    Path ranked = write("ranked.txt", "中国\t3\n坏词\t2\n");
    Path gold = write("gold.txt", "中国\n");
    String expected = runOut("eval", "words", ranked.toString(), "--gold", gold.toString(),
        "--k", "1,2");
    io.reset();
    assertEquals(0, withStdin(Files.readAllBytes(ranked), "eval", "words", "-", "--gold",
        gold.toString(), "--k", "1,2"), () -> io.err());
    assertEquals(expected, io.out());
  }

  @Test
  void eval_twoStandardInputs_usageError() throws IOException {
    Path gold = write("gold.txt", "中国\n");
    assertEquals(CikuException.USAGE, withStdin(new byte[0], "eval", "seg", "--gold", "-",
        "--pred", "-"));
    assertEquals(List.of("ciku eval seg: standard input can be read by one argument only, not by"
        + " both --gold - and --pred -"), io.errLines());
    io.reset();
    assertEquals(CikuException.USAGE, withStdin(new byte[0], "eval", "words", "-", "--gold",
        gold.toString(), "-"));
    assertEquals(CikuException.NO_INPUT, Main.execute("eval", "words", dir.toString(), "--gold",
        gold.toString()));
  }

  @Test
  void evalSeg_malformedBytes_replacedAndWarnedNotFatal() throws IOException {
    byte[] bytes = concat(utf8("中国 人"), new byte[] {(byte) 0xFF}, utf8(" 民\n"));
    Path gold = write("gold.txt", bytes);
    Path pred = write("pred.txt", bytes);
    assertEquals(0, Main.execute("eval", "seg", "--gold", gold.toString(), "--pred",
        pred.toString()), () -> io.err());
    assertEquals("3\t3\t3\t1.0000\t1.0000\t1.0000", io.outLines().get(1));
    String warning = ": 1 malformed or unmappable byte sequence(s) replaced by U+FFFD, first on"
        + " line 1";
    assertEquals(List.of("ciku: warning: " + gold + warning, "ciku: warning: " + pred + warning),
        io.errLines());
  }

  @Test
  void evalSeg_bomOnGold_scoresAsWithout() throws IOException {
    Path gold = write("gold.txt", concat(BOM, utf8("中国 人民\n")));
    Path pred = write("pred.txt", "中国 人 民\n");
    assertEquals(0, Main.execute("eval", "seg", "--gold", gold.toString(), "--pred",
        pred.toString()), () -> io.err());
    assertEquals("2\t3\t1\t0.3333\t0.5000\t0.4000", io.outLines().get(1));
  }

  @Test
  void evalWords_bomOnRankedAndGold_firstWordsHit() throws IOException {
    Path ranked = write("ranked.txt", concat(BOM, utf8("中国\t3\n银行\t2\n")));
    Path gold = write("gold.txt", concat(BOM, utf8("中国\n")));
    assertEquals(0, Main.execute("eval", "words", ranked.toString(), "--gold", gold.toString(),
        "--k", "1"), () -> io.err());
    assertEquals(List.of("k\tconsidered\thits\tprecision", "1\t1\t1\t1.0000"), io.outLines());
  }

  @Test
  void discover_knownWithBom_dropsItsFirstWord() throws IOException {
    String first = runOut("discover", "-q", "--top", "5", LAWS.toString())
        .lines().skip(1).findFirst().orElseThrow().split("\t")[0];
    Path known = write("known.txt", concat(BOM, utf8(first + "\n")));
    String words = runOut("discover", "-q", "--top", "5", "--known", known.toString(),
        LAWS.toString());
    assertFalse(words.lines().anyMatch(l -> l.startsWith(first + "\t")), words);
  }

  @Test
  void domain_stopwordsWithBom_dropsItsFirstTerm() throws IOException {
    String first = runOut("domain", "-q", "--top", "5", "--reference", WIKI.toString(),
        LAWS.toString()).lines().skip(1).findFirst().orElseThrow().split("\t")[0];
    Path stop = write("stop.txt", concat(BOM, utf8(first + "\n")));
    String terms = runOut("domain", "-q", "--top", "5", "--reference", WIKI.toString(),
        "--stopwords", stop.toString(), LAWS.toString());
    assertFalse(terms.lines().anyMatch(l -> l.startsWith(first + "\t")), terms);
  }

  @Test
  void stats_jsonlLinesWithoutText_warnedWithCounts() throws IOException {
    Path f = write("f.jsonl", "{\"text\":\"中文\"}\nnot json\n{\"other\":\"x\"}\n\n"
        + "{\"text\":5}\n[1]\n");
    assertEquals(0, Main.execute("stats", "--input-format", "jsonl", f.toString()));
    assertEquals(List.of("ciku: warning: " + f + ": 2 lines are not a JSON object, 2 lines lack a"
        + " string field 'text'; skipped"), io.errLines());
    io.reset();
    // No line holds the field: a mistake, not data to skip (every command reads so).
    for (String command : new String[] {"stats", "count", "discover", "vocab"}) {
      io.reset();
      assertEquals(65, Main.execute(command, "--input-format", "jsonl", "--field", "nope",
          f.toString()), command);
      assertEquals(List.of("ciku: warning: " + f + ": 2 lines are not a JSON object, 3 lines lack"
          + " a string field 'nope'; skipped", "ciku " + command + ": " + f + ": no line holds a"
          + " string field 'nope' (5 line(s) without it; the first: {\"text\":\"中文\"}): give"
          + " --field for the text's place in a record"), io.errLines(), command);
      assertEquals("", io.out(), command);
    }
  }

  @Test
  void stats_csvQuotedLineBreakAndHeader_twoRecords() throws IOException {
    Path f = write("f.csv", "id,text\n1,\"第一行\n第二行\"\n2,普通\n");
    assertEquals(0, Main.execute("stats", "--input-format", "csv", "--column", "2",
        "--skip-header", f.toString()));
    // Two records; 第一行, 第二行 and 普通 are three clauses of eight units in all.
    assertEquals("2\t8\t8\t0\t3\t8\t0\t0\t6", String.join("\t",
        Arrays.copyOf(io.outLines().get(1).split("\t"), 9)));
    assertEquals("", io.err());
  }

  @Test
  void stats_skipHeaderWithPlainText_usageError() throws IOException {
    Path f = write("f.txt", "中文\n");
    assertEquals(CikuException.USAGE, Main.execute("stats", "--skip-header", f.toString()));
    assertTrue(io.err().contains("--skip-header needs --input-format tsv or csv"), io.err());
  }


  @Test
  void stats_fieldOrColumnWithoutTheirFormat_usageError() throws IOException {
    Path f = write("f.txt", "中文\n");
    assertEquals(CikuException.USAGE, Main.execute("stats", "--field", "body", f.toString()));
    assertEquals(List.of("ciku stats: --field needs --input-format jsonl"), io.errLines());
    io.reset();
    assertEquals(CikuException.USAGE, Main.execute("stats", "--input-format", "csv", "--field",
        "body", f.toString()));
    assertEquals(List.of("ciku stats: --field needs --input-format jsonl"), io.errLines());
    io.reset();
    assertEquals(CikuException.USAGE, Main.execute("discover", "--column", "2", f.toString()));
    assertEquals(List.of("ciku discover: --column needs --input-format tsv or csv"),
        io.errLines());
    io.reset();
    assertEquals(CikuException.USAGE, Main.execute("stats", "--input-format", "jsonl",
        "--column", "2", f.toString()));
    assertEquals(List.of("ciku stats: --column needs --input-format tsv or csv"), io.errLines());
    // With their formats they are fine.
    io.reset();
    assertEquals(0, Main.execute("stats", "--input-format", "tsv", "--column", "1", f.toString()),
        () -> io.err());
    assertEquals(0, Main.execute("stats", "--input-format", "jsonl", "--field", "t",
        write("f.jsonl", "{\"t\":\"中文\"}\n").toString()), () -> io.err());
  }

  @Test
  void stats_csvQuoteInsideUnquotedField_everyRecordRead() throws IOException {
    Path f = write("mid.csv", "1,他说\"好,x\n2,北京,y\n3,上海,z\n");
    assertEquals(0, Main.execute("stats", "--input-format", "csv", "--column", "2", f.toString()));
    assertEquals("3", io.outLines().get(1).split("\t")[0]);
    assertEquals("", io.err());
  }

  @Test
  void discoverStatsDomainSegment_standardInputTwice_usageErrorNamingBoth() throws IOException {
    byte[] text = Files.readAllBytes(LAWS);
    assertEquals(CikuException.USAGE, withStdin(text, "discover", "--known", "-"));
    assertEquals(List.of("ciku discover: standard input can be read by one argument only, not by"
        + " both INPUT (none given: standard input) and --known -"), io.errLines());
    assertEquals("", io.out());
    io.reset();
    assertEquals(CikuException.USAGE, withStdin(text, "stats", "-", "-"));
    assertEquals(List.of("ciku stats: standard input can be read by one argument only, not by"
        + " both INPUT - and INPUT -"), io.errLines());
    io.reset();
    assertEquals(CikuException.USAGE, withStdin(text, "domain", "--generic-heads", "/dev/stdin"));
    assertEquals(List.of("ciku domain: standard input can be read by one argument only, not by"
        + " both INPUT (none given: standard input) and --generic-heads /dev/stdin"),
        io.errLines());
    io.reset();
    assertEquals(CikuException.USAGE, withStdin(text, "domain", "--stopwords", "-", "-"));
    assertEquals(List.of("ciku domain: standard input can be read by one argument only, not by"
        + " both INPUT - and --stopwords -"), io.errLines());
    io.reset();
    assertEquals(CikuException.USAGE, withStdin(text, "segment", "--vocab", "-"));
    assertEquals(List.of("ciku segment: standard input can be read by one argument only, not by"
        + " both INPUT (none given: standard input) and --vocab -"), io.errLines());
  }

  @Test
  void standardInputOnce_forAnAuxiliaryFile_read() throws IOException {
    Path known = write("known.txt", "中华人民共和国\n");
    String expected = runOut("discover", "-q", "--top", "40", "--known", known.toString(),
        LAWS.toString());
    io.reset();
    assertEquals(0, withStdin(Files.readAllBytes(known), "discover", "-q", "--top", "40",
        "--known", "-", LAWS.toString()), () -> io.err());
    assertEquals(expected, io.out());
    // With a store and no INPUT, the corpus does not read standard input.
    Path store = dir.resolve("s.ngrams");
    assertEquals(0, Main.execute("count", "-q", "-o", store.toString(), LAWS.toString()));
    io.reset();
    assertEquals(0, withStdin(Files.readAllBytes(known), "discover", "-q", "--top", "5",
        "--counts", store.toString(), "--known", "-"), () -> io.err());
  }

  @Test
  void discoverDomainSegmentEval_directoryAsAuxiliaryFile_oneLineExit66() throws IOException {
    Path d = Files.createDirectory(dir.resolve("dd"));
    String[][] runs = {
        {"discover", "--known", d.toString(), LAWS.toString()},
        {"domain", "--stopwords", d.toString(), LAWS.toString()},
        {"domain", "--generic-heads", d.toString(), LAWS.toString()},
        {"segment", "--vocab", d.toString(), LAWS.toString()},
        {"discover", "--counts", d.toString(), LAWS.toString()},
        {"eval", "seg", "--gold", d.toString(), "--pred", LAWS.toString()},
        {"eval", "words", LAWS.toString(), "--gold", d.toString()}};
    for (String[] args : runs) {
      io.reset();
      assertEquals(CikuException.NO_INPUT, Main.execute(args), () -> io.err());
      String option = args[0].equals("eval") ? "--gold" : args[1];
      String command = args[0].equals("eval") ? "eval " + args[1] : args[0];
      assertEquals(List.of("ciku " + command + ": " + option + " " + d
          + " is a directory, not a file"), io.errLines());
    }
  }

  @Test
  void discover_countsThroughAPipe_needsARegularFileExit66() throws Exception {
    Path store = dir.resolve("s.ngrams");
    assertEquals(0, Main.execute("count", "-q", "-o", store.toString(), LAWS.toString()));
    Path fifo = fifo("s.fifo", Files.readAllBytes(store));
    io.reset();
    assertEquals(CikuException.NO_INPUT, Main.execute("discover", "--counts", fifo.toString(),
        LAWS.toString()));
    assertEquals(List.of("ciku discover: --counts needs a regular file (a store is memory-mapped),"
        + " not a pipe or a device: " + fifo), io.errLines());
    io.reset();
    assertEquals(CikuException.NO_INPUT, withStdin(new byte[0], "discover", "--counts", "-",
        LAWS.toString()));
    assertEquals(List.of("ciku discover: --counts needs a regular file (a store is memory-mapped),"
        + " not a pipe or a device: -"), io.errLines());
  }

  @Test
  void discover_countsAndMalformedInput_warnsAboutTheInput() throws IOException {
    Path store = dir.resolve("s.ngrams");
    Path bad = write("bad.txt", concat(Files.readAllBytes(LAWS), new byte[] {(byte) 0xFF},
        utf8("民\n")));
    // The store of that very corpus (a store of another one is refused).
    assertEquals(0, Main.execute("count", "-q", "-o", store.toString(), bad.toString()));
    io.reset();
    assertEquals(0, Main.execute("discover", "-q", "--top", "5", "--counts", store.toString(),
        bad.toString()), () -> io.err());
    long lines = Files.readAllLines(LAWS).size();
    assertEquals(List.of("ciku: warning: " + bad + ": 1 malformed or unmappable byte sequence(s)"
        + " replaced by U+FFFD, first on line " + (lines + 1) + " (is --encoding right?"
        + " --encoding auto detects GB18030, Big5 and UTF-16)"), io.errLines());
  }

  @Test
  void domain_malformedInput_warnedOnce() throws IOException {
    Path bad = write("bad.txt", concat(Files.readAllBytes(LAWS), new byte[] {(byte) 0xFF},
        utf8("民\n")));
    assertEquals(0, Main.execute("domain", "-q", "--top", "5", bad.toString()), () -> io.err());
    assertEquals(1, io.errLines().size(), () -> io.err());
    assertTrue(io.err().contains(bad + ": 1 malformed"), () -> io.err());
  }

  @Test
  void stats_directoryWithHiddenEntries_skippedAndLogged() throws IOException {
    Path d = dir.resolve("hd");
    Files.createDirectories(d.resolve(".git"));
    Files.createDirectories(d.resolve("sub"));
    write("hd/a.txt", "甲文本\n");
    write("hd/sub/b.txt", "乙文本\n");
    write("hd/.git/x.txt", "隐藏的\n");
    write("hd/.a.txt.swp", "交换的\n");
    Path cat = write("cat.txt", "甲文本\n乙文本\n");
    String expected = runOut("stats", "-q", cat.toString());
    io.reset();
    assertEquals(0, Main.execute("stats", d.toString()));
    assertEquals(expected, io.out());
    assertEquals(List.of("ciku: " + d + ": reading 2 files; skipped 1 hidden file(s) and 1 hidden"
        + " directory(ies) (names starting with '.')"), io.errLines());
    io.reset();
    assertEquals(0, Main.execute("stats", "-q", d.toString()));
    assertEquals("", io.err());
  }

  /**
   * A directory holding a text file and binary files (an image, an executable, an n-gram store):
   * every command that reads a corpus (domain's --reference too) gives what the text file alone
   * gives, with one warning per binary file skipped; named, a binary file is refused (exit 65).
   */
  @Test
  void everyCommand_binaryFilesInADirectory_skippedWarnedNamedRefused() throws IOException {
    Path d = Files.createDirectories(dir.resolve("mixed"));
    Path text = write("mixed/laws.txt", laws(6_000));
    Files.write(d.resolve("gvim.png"), dev.ciku.corpus.TestBytes.png(1));
    Files.write(d.resolve("ls"), dev.ciku.corpus.TestBytes.elf(2));
    assertEquals(0, Main.execute("count", "-q", "-n", "2", "-o", d.resolve("laws.ngrams")
        .toString(), text.toString()), io::err);
    Path ref = Files.createDirectories(dir.resolve("ref"));
    Path refText = write("ref/wiki.txt", Files.readString(WIKI).substring(0, 6_000));
    Files.write(ref.resolve("x.png"), dev.ciku.corpus.TestBytes.png(3));
    List<String> skipped = List.of(
        "ciku: warning: " + d.resolve("gvim.png") + ": binary data (a NUL byte at offset 8),"
            + " not text; skipped",
        "ciku: warning: " + d.resolve("laws.ngrams") + ": binary data (a NUL byte at offset 10),"
            + " not text; skipped",
        "ciku: warning: " + d.resolve("ls") + ": binary data (a NUL byte at offset 7), not text;"
            + " skipped");
    String[][] commands = {{"stats"}, {"count", "-n", "2", "--top", "30"},
        {"discover", "--top", "30"}, {"vocab", "--top", "30"}, {"segment"},
        {"domain", "--top", "30", "--reference", refText.toString()},
        {"domain", "--top", "30", "--reference", ref.toString()}};
    for (String[] command : commands) {
      boolean refDir = Arrays.asList(command).contains(ref.toString());
      String[] alone = concatArgs(command, "-q", text.toString());
      if (refDir) {
        alone[Arrays.asList(alone).indexOf(ref.toString())] = refText.toString();
      }
      String expected = runOut(alone);
      // The text's own warnings (a small corpus), after the skipped files'.
      List<String> warnings = new java.util.ArrayList<>(skipped);
      if (refDir) {
        warnings.add(0, "ciku: warning: " + ref.resolve("x.png") + ": binary data (a NUL byte"
            + " at offset 8), not text; skipped");
      }
      warnings.addAll(io.errLines());
      String what = String.join(" ", command);
      assertEquals(expected, runOut(concatArgs(command, "-q", d.toString())), what);
      assertEquals(warnings, io.errLines(), what);
      io.reset();
      alone[alone.length - 1] = d.resolve("gvim.png").toString();
      assertEquals(CikuException.DATA, Main.execute(alone), what);
      assertEquals(List.of("ciku " + command[0] + ": " + d.resolve("gvim.png") + ": binary data"
          + " (a NUL byte at offset 8), not text: is it the right file?"), io.errLines(), what);
    }
    // Without -q, the directory's line says what it gave.
    io.reset();
    assertEquals(0, Main.execute("stats", "--no-progress", d.toString()));
    assertEquals(skipped.size() + 1, io.errLines().size(), io::err);
    assertEquals("ciku: " + d + ": reading 1 file; skipped 3 binary file(s) (a NUL byte in the"
        + " first 8 KB)", io.errLines().get(skipped.size()));
  }

  /** {@code command}, then {@code more}. */
  private static String[] concatArgs(String[] command, String... more) {
    String[] all = Arrays.copyOf(command, command.length + more.length);
    System.arraycopy(more, 0, all, command.length, more.length);
    return all;
  }

  /**
   * UTF-16 without a byte-order mark, whose ASCII characters bring zero bytes, is no binary
   * file: read by default, with --encoding auto or UTF-16LE, from a directory, named, or on
   * standard input.
   */
  @Test
  void stats_utf16WithoutMark_readNotSkipped() throws IOException {
    String text = laws(3_000);
    String expected = runOut("stats", "-q", write("laws.txt", text).toString());
    Path d = Files.createDirectories(dir.resolve("u16"));
    Path utf16 = write("u16/laws.txt", text.getBytes(StandardCharsets.UTF_16LE));
    for (String[] encoding : new String[][] {{}, {"--encoding", "auto"},
        {"--encoding", "UTF-16LE"}}) {
      for (Path input : new Path[] {d, utf16}) {
        assertEquals(expected, runOut(concatArgs(concatArgs(new String[] {"stats", "-q"},
            encoding), input.toString())), input + " " + String.join(" ", encoding));
        assertFalse(io.err().contains("binary"), io.err());
      }
      io.reset();
      assertEquals(0, withStdin(text.getBytes(StandardCharsets.UTF_16LE),
          concatArgs(concatArgs(new String[] {"stats", "-q"}, encoding), "-")), io::err);
      assertEquals(expected, io.out(), String.join(" ", encoding));
      assertFalse(io.err().contains("binary"), io.err());
    }
  }

  /**
   * One writer that fills two FIFOs one after the other, then standard input (as {@code (cat a
   * > a.fifo; cat b > b.fifo; cat c) | ciku stats a.fifo b.fifo -} would): each is read in
   * its turn, none opened or read ahead of the one before it, which would wait for each other.
   */
  @Test
  void stats_fifosAndStandardInputWrittenOneAfterTheOther_readInTurn() throws Exception {
    String text = laws(200_000);
    byte[] part = utf8(text);
    Path a = dir.resolve("a.fifo");
    Path b = dir.resolve("b.fifo");
    for (Path p : new Path[] {a, b}) {
      assertEquals(0, new ProcessBuilder("mkfifo", p.toString()).inheritIO().start().waitFor());
    }
    java.io.PipedOutputStream toStdin = new java.io.PipedOutputStream();
    java.io.PipedInputStream stdin = new java.io.PipedInputStream(toStdin, 1 << 16);
    Thread writer = new Thread(() -> {
      try {
        for (Path p : new Path[] {a, b}) {
          try (OutputStream out = Files.newOutputStream(p,
              java.nio.file.StandardOpenOption.WRITE)) {
            out.write(part);
          }
        }
        try (OutputStream out = toStdin) {
          out.write(part);
        }
      } catch (IOException e) {
        // The reader went away; the test fails on what it read.
      }
    });
    writer.setDaemon(true);
    writer.start();
    String expected = runOut("stats", "-q", write("abc.txt", text + text + text).toString());
    io.reset();
    int code = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(60), () -> {
          InputStream saved = System.in;
          System.setIn(stdin);
          try {
            return Main.execute("stats", "-q", a.toString(), b.toString(), "-");
          } finally {
            System.setIn(saved);
          }
        });
    assertEquals(0, code, io::err);
    assertEquals(expected, io.out());
  }

  /**
   * Binary data on standard input (an image, gzip-compressed or not), or in a FIFO named as
   * INPUT, is refused as a binary file named is: exit 65, one line, nothing written, by every
   * command that reads a corpus from it (domain's --reference too).
   */
  @Test
  void everyCommand_binaryStandardInputOrFifo_refusedBeforeAnyOutput() throws Exception {
    byte[] png = dev.ciku.corpus.TestBytes.png(4);
    Path refText = write("wiki.txt", Files.readString(WIKI).substring(0, 6_000));
    Path corpus = write("laws.txt", laws(6_000));
    String[][] commands = {{"stats"}, {"count", "-n", "2"}, {"discover"}, {"vocab"},
        {"segment"}, {"domain", "--reference", refText.toString()},
        {"domain", "--reference", "-", corpus.toString()}};
    String binary = "<stdin>: binary data (a NUL byte at offset 8), not text: is it the right"
        + " file?";
    for (String[] command : commands) {
      String what = String.join(" ", command);
      io.reset();
      Path out = dir.resolve("out-" + command[0]);
      assertEquals(CikuException.DATA, withStdin(png, concatArgs(command, "-q", "-o",
          out.toString())), what);
      assertEquals(List.of("ciku " + command[0] + ": " + binary), io.errLines(), what);
      assertEquals("", io.out(), what);
      assertFalse(Files.exists(out), what);
      io.reset();
      assertEquals(CikuException.DATA, withStdin(gzip(png), concatArgs(command, "-q")), what);
      assertEquals(List.of("ciku " + command[0] + ": <stdin>: binary data (a NUL byte at offset"
          + " 8 of its decompressed data), not text: is it the right file?"), io.errLines(),
          what);
      assertEquals("", io.out(), what);
    }
    Path fifo = fifo("image.fifo", png);
    io.reset();
    assertEquals(CikuException.DATA, Main.execute("segment", "-q", fifo.toString()));
    assertEquals(List.of("ciku segment: " + fifo + ": binary data (a NUL byte at offset 8), not"
        + " text: is it the right file?"), io.errLines());
    assertEquals("", io.out());
  }

  @Test
  void stats_directoryWithoutFiles_warned() throws IOException {
    Path d = Files.createDirectories(dir.resolve("empty").resolve("sub"));
    Path empty = dir.resolve("empty");
    assertEquals(0, Main.execute("stats", "-q", empty.toString()));
    assertEquals(List.of("ciku: warning: " + empty + " holds no input files"), io.errLines());
    assertTrue(Files.isDirectory(d));
  }

  @Test
  void discover_directoryWithoutFiles_anEmptyCutPassNotAStore() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("nothing"));
    assertEquals(0, Main.execute("discover", "--no-progress", empty.toString()));
    assertEquals("word\tcount\tcohesion\tleft_entropy\tright_entropy\tscore\n", io.out());
    assertTrue(io.err().contains("ciku: cut: 0 fragments, 0 distinct"), io::err);
    assertFalse(io.err().contains("store"), io::err);
  }

  /** The start of the laws sample: whole lines, about {@code chars} characters. */
  private static String laws(int chars) throws IOException {
    String text = Files.readString(LAWS);
    return text.substring(0, text.indexOf('\n', chars) + 1);
  }

  @Test
  void stats_gbkFileWithoutEncoding_readAsGb18030WarnedOnceExit0() throws IOException {
    String text = laws(20_000);
    Path utf8 = write("laws.txt", text);
    Path gbk = write("laws.gbk.txt", text.getBytes(java.nio.charset.Charset.forName("GBK")));
    String expected = runOut("stats", utf8.toString());
    assertEquals(expected, runOut("stats", gbk.toString()));
    assertEquals(List.of("ciku: warning: " + gbk + ": not UTF-8; read as GB18030 (detected;"
        + " give --encoding to choose)"), io.errLines());
    assertEquals(expected, runOut("stats", "--encoding", "auto", gbk.toString()));
    assertEquals("", io.err());
    // An encoding given, UTF-8 included, is used as given.
    String given = runOut("stats", "--encoding", "UTF-8", gbk.toString());
    assertFalse(given.equals(expected), given);
    assertEquals(1, io.errLines().size());
    assertTrue(io.err().contains(gbk + ": ") && io.err().contains(" malformed or unmappable"),
        io.err());
  }

  @Test
  void segment_gbkFifoAndUtf16FileWithoutEncoding_wordsOfTheUtf8Text() throws Exception {
    String text = laws(3_000);
    Path utf8 = write("laws.txt", text);
    Path fifo = fifo("laws.gbk.fifo", text.getBytes(java.nio.charset.Charset.forName("GBK")));
    Path utf16 = write("laws.utf16le.txt", text.getBytes(StandardCharsets.UTF_16LE));
    String expected = runOut("segment", "-q", utf8.toString());
    assertEquals(expected, runOut("segment", "-q", fifo.toString()));
    assertEquals(List.of("ciku: warning: " + fifo + ": not UTF-8; read as GB18030 (detected;"
        + " give --encoding to choose)"), io.errLines());
    assertEquals(expected, runOut("segment", "-q", utf16.toString()));
    assertEquals(List.of("ciku: warning: " + utf16 + ": not UTF-8; read as UTF-16LE (detected;"
        + " give --encoding to choose)"), io.errLines());
  }

  /**
   * Inputs too short for the block rule, read without --encoding from a file, standard input and
   * a FIFO, by a command that streams (segment) and one that counts (stats): short GBK and Big5
   * texts are read in their encoding with one warning; UTF-8 with a broken byte is read as UTF-8,
   * warned about as with --encoding UTF-8; ASCII gives no warning.
   */
  @Test
  void segmentAndStats_shortInputWithoutEncoding_goldenTableByFileStdinAndFifo()
      throws Exception {
    java.nio.charset.Charset gbk = java.nio.charset.Charset.forName("GBK");
    java.nio.charset.Charset big5 = java.nio.charset.Charset.forName("Big5");
    byte[] broken = utf8("味道不错，送餐很快\n");
    broken[4] = (byte) 0xFF;
    String gb18030 = ": not UTF-8; read as GB18030 (detected; give --encoding to choose)";
    Object[][] rows = {
        // bytes, their text (null: read as UTF-8), the warning after the name (null: as UTF-8's)
        {"味道不错，送餐很快\n".getBytes(gbk), "味道不错，送餐很快\n", gb18030},
        {"好吃\n不错\n很快\n".getBytes(gbk), "好吃\n不错\n很快\n", gb18030},
        {"這家店的菜很好吃\n".getBytes(big5), "這家店的菜很好吃\n",
            ": not UTF-8; read as x-windows-950 (detected; give --encoding to choose)"},
        {broken, null, null},
        {utf8("hello world, 2024\n"), "hello world, 2024\n", ""}};
    int fifos = 0;
    for (Object[] row : rows) {
      byte[] bytes = (byte[]) row[0];
      Path file = write("short.txt", bytes);
      for (String command : new String[] {"segment", "stats"}) {
        String expected = row[1] == null
            ? runOut(command, "-q", "--encoding", "UTF-8", file.toString())
            : runOut(command, "-q", write("utf8.txt", (String) row[1]).toString());
        String warning = row[2] == null ? io.errLines().get(0).replace(file.toString(), "")
            .replace("ciku: warning: ", "") : (String) row[2];
        Path fifo = fifo("short" + fifos++ + ".fifo", bytes);
        for (String input : new String[] {file.toString(), "-", fifo.toString()}) {
          String what = command + " " + input + ", " + new String(bytes, gbk);
          io.reset();
          int rc = input.equals("-") ? withStdin(bytes, command, "-q", "-")
              : Main.execute(command, "-q", input);
          assertEquals(0, rc, () -> what + ": " + io.err());
          assertEquals(expected, io.out(), what);
          String name = input.equals("-") ? "<stdin>" : input;
          assertEquals(warning.isEmpty() ? List.of() : List.of("ciku: warning: " + name + warning),
              io.errLines(), what);
        }
      }
    }
  }

  @Test
  void discover_gbkKnownWordList_readAsGb18030() throws IOException {
    String first = runOut("discover", "-q", "--top", "5", LAWS.toString())
        .lines().skip(1).findFirst().orElseThrow().split("\t")[0];
    // A word list long enough to tell its encoding: the word, then other legal terms.
    Path known = write("known.txt", (first + "\n人民法院\n劳动合同\n行政处罚\n知识产权\n"
        + "治安管理\n").getBytes(java.nio.charset.Charset.forName("GBK")));
    String words = runOut("discover", "-q", "--top", "5", "--known", known.toString(),
        LAWS.toString());
    assertFalse(words.lines().anyMatch(l -> l.startsWith(first + "\t")), words);
    // --encoding would change how the corpus is read, not the word list: not the advice.
    assertEquals(List.of("ciku: warning: " + known + ": not UTF-8; read as GB18030 (detected;"
        + " if that is wrong, convert the file to UTF-8)"), io.errLines());
  }
}
