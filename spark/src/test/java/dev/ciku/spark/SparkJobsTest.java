package dev.ciku.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ciku.cli.CikuException;
import dev.ciku.corpus.ByteCounter;
import dev.ciku.corpus.CorpusInput;
import dev.ciku.corpus.LatinCase;
import dev.ciku.corpus.ReaderOptions;
import dev.ciku.corpus.UnitTable;
import dev.ciku.count.CountOptions;
import dev.ciku.count.CountSummary;
import dev.ciku.count.NgramCounter;
import dev.ciku.discover.DiscoverOptions;
import dev.ciku.discover.DiscoveredWord;
import dev.ciku.discover.WordDiscoverer;
import dev.ciku.store.NgramStore;
import dev.ciku.store.StoreWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spark in local[2] against ciku's local engine on corpora-samples/. */
class SparkJobsTest {
  static final Path LAWS = Path.of("../corpora-samples/laws-zh.txt");
  static final Path WIKI = Path.of("../corpora-samples/wiki-zh-cmrc2018.txt");

  static SparkSession spark;
  static JavaSparkContext sc;

  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    spark = LocalSpark.builder("ciku-spark-test")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate();
    sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  private static JavaRDD<String> lines(int partitions, Path... files) {
    List<String> paths = new ArrayList<>();
    for (Path f : files) {
      paths.add(f.toAbsolutePath().toString());
    }
    return sc.textFile(String.join(",", paths), partitions);
  }

  /** The local engine's stream of (hi, lo, count) and its summary. */
  private CountSummary local(int order, long minCount, List<long[]> out, Path... files)
      throws IOException {
    List<CorpusInput> inputs = new ArrayList<>();
    for (Path f : files) {
      inputs.add(CorpusInput.file(f));
    }
    return new NgramCounter(new CountOptions(order, minCount, 2, 128L << 20, tmp),
        ReaderOptions.DEFAULT).count(inputs, new UnitTable(true), new ByteCounter(), m -> { },
        (hi, lo, c) -> out.add(new long[] {hi, lo, c}));
  }

  private static void assertSameStream(List<long[]> expected, List<long[]> actual) {
    assertEquals(expected.size(), actual.size(), "distinct grams");
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i), actual.get(i), "entry " + i);
    }
  }

  private static void assertSameSummary(CountSummary expected, CountSummary actual) {
    assertEquals(expected.units().latinKeys(), actual.units().latinKeys(), "Latin unit table");
    assertEquals(List.of(expected.units().forms().forms()),
        List.of(actual.units().forms().forms()), "Latin forms");
    assertArrayEquals(expected.units().forms().counts(), actual.units().forms().counts(),
        "the counts of the Latin forms");
    assertArrayEquals(expected.positions(), actual.positions(), "positions");
    assertEquals(expected.clauses(), actual.clauses(), "clauses");
    assertEquals(expected.chars(), actual.chars(), "chars");
    assertEquals(expected.distinct(), actual.distinct(), "distinct");
  }

  @Test
  void count_onePartition_equalsLocalCounterGramByGram() throws IOException {
    List<long[]> expected = new ArrayList<>();
    CountSummary es = local(6, 1, expected, LAWS);
    List<long[]> actual = new ArrayList<>();
    CountSummary as = new SparkNgramCounter(sc, SparkNgramCounter.Settings.of(6, 1))
        .count(lines(1, LAWS), (hi, lo, c) -> actual.add(new long[] {hi, lo, c}));
    assertTrue(expected.size() > 500_000, "every gram of the sample, " + expected.size());
    assertSameStream(expected, actual);
    assertSameSummary(es, as);
  }

  @Test
  void count_manyPartitionsAndRanges_twoFiles_writesTheCliStoreByteForByte() throws IOException {
    List<long[]> expected = new ArrayList<>();
    CountSummary es = local(6, 2, expected, LAWS, WIKI);
    Path cliStore = tmp.resolve("cli.ngrams");
    try (StoreWriter w = new StoreWriter(cliStore)) {
      expected.forEach(e -> w.accept(e[0], e[1], e[2]));
      w.finish(es);
    }
    // Small tables make every task spill several runs before its local merge.
    SparkNgramCounter.Settings st =
        new SparkNgramCounter.Settings(6, 2, LatinCase.FOLD, false, 3, 1 << 16, 1 << 20);
    List<long[]> actual = new ArrayList<>();
    Path sparkStore = tmp.resolve("spark.ngrams");
    JavaRDD<String> lines = lines(5, LAWS, WIKI);
    assertTrue(lines.getNumPartitions() >= 5);
    try (StoreWriter w = new StoreWriter(sparkStore)) {
      CountSummary as = new SparkNgramCounter(sc, st).count(lines, (hi, lo, c) -> {
        actual.add(new long[] {hi, lo, c});
        w.accept(hi, lo, c);
      });
      w.finish(as);
      assertSameSummary(es, as);
    }
    assertTrue(es.units().latinCount() > 100, "the wiki sample brings Latin units");
    assertSameStream(expected, actual);
    assertEquals(-1, Files.mismatch(cliStore, sparkStore), "store files differ");
    try (NgramStore s = NgramStore.open(sparkStore)) {
      assertEquals(expected.size(), s.size());
    }
  }

  @Test
  void discover_distributedCutPass_equalsLocalDiscovery() throws IOException {
    DiscoverOptions options = DiscoverOptions.DEFAULT;
    Path store = tmp.resolve("discover.ngrams");
    WordDiscoverer.Result spark = new SparkDiscoverer(sc, options, LatinCase.FOLD, false, 3)
        .discover(lines(4, LAWS), store, 128L << 20, tmp, m -> { }, m -> { });
    // Exactly 'ciku discover --counts STORE CORPUS' (same counts, cut pass run locally) ...
    WordDiscoverer.Result withStore;
    try (NgramStore s = NgramStore.open(store)) {
      withStore = new WordDiscoverer(options, ReaderOptions.DEFAULT, 2, 128L << 20, tmp)
          .discover(List.of(CorpusInput.file(LAWS)), s, new ByteCounter(), m -> { }, m -> { });
    }
    assertTrue(withStore.words().size() > 100, "the sample yields words");
    assertEquals(withStore.fragments(), spark.fragments(), "fragments cut");
    assertEquals(withStore.words(), spark.words());
    // ... and 'ciku discover CORPUS': same words, counts and order; the entropy sums run over a
    // hash table of another size there, so doubles may differ in the last bits.
    WordDiscoverer.Result local = new WordDiscoverer(options, ReaderOptions.DEFAULT, 2,
        128L << 20, tmp).discover(List.of(CorpusInput.file(LAWS)), null, new ByteCounter(),
        m -> { }, m -> { });
    assertEquals(local.fragments(), spark.fragments());
    assertEquals(local.cohesiveGrams(), spark.cohesiveGrams());
    assertEquals(local.words().size(), spark.words().size(), "number of words");
    for (int i = 0; i < local.words().size(); i++) {
      DiscoveredWord a = local.words().get(i);
      DiscoveredWord b = spark.words().get(i);
      assertEquals(a.word(), b.word(), "word " + i);
      assertEquals(a.count(), b.count(), a.word());
      assertEquals(a.cohesion(), b.cohesion(), 1e-9, a.word());
      assertEquals(a.leftEntropy(), b.leftEntropy(), 1e-9, a.word());
      assertEquals(a.rightEntropy(), b.rightEntropy(), 1e-9, a.word());
      assertEquals(a.score(), b.score(), 1e-9, a.word());
    }
  }

  @Test
  void cutPass_runMemoryOfOneByte_fragmentsAndWordsOfTheCli() throws IOException {
    DiscoverOptions options = DiscoverOptions.DEFAULT;
    List<long[]> grams = new ArrayList<>();
    CountSummary counted = local(options.order(), 2, grams, LAWS);
    Path store = tmp.resolve("cut.ngrams");
    try (StoreWriter w = new StoreWriter(store)) {
      grams.forEach(e -> w.accept(e[0], e[1], e[2]));
      w.finish(counted);
    }
    try (NgramStore s = NgramStore.open(store)) {
      // 'ciku discover --counts STORE CORPUS' ...
      WordDiscoverer.Result cli = new WordDiscoverer(options, ReaderOptions.DEFAULT, 2,
          128L << 20, tmp).discover(List.of(CorpusInput.file(LAWS)), s, new ByteCounter(),
              m -> { }, m -> { });
      // ... and its cut pass on Spark, every block a task sends (the units counted too) put on
      // disk before Spark reads it.
      WordDiscoverer.Result spark = new WordDiscoverer(options, ReaderOptions.DEFAULT, 1,
          128L << 20, tmp).withCutPass(new SparkCutPass(sc, InputText.of(lines(4, LAWS)),
              LatinCase.FOLD, false, 3, true, 1)).discover(List.of(), s, new ByteCounter(), m -> { }, m -> { });
      assertTrue(cli.words().size() > 100, "the sample yields words");
      assertEquals(cli.fragments(), spark.fragments(), "fragments cut");
      assertEquals(cli.words(), spark.words());
    }
  }

  /** Runs the jobs' command line, returning the exit code; standard error goes to {@code err}. */
  private static int run(java.io.StringWriter err, String... args) {
    picocli.CommandLine cl = Main.commandLine();
    cl.setErr(new java.io.PrintWriter(err));
    return cl.execute(args);
  }

  /** Runs {@code args}, which must exit with {@code code} and one line on standard error: it. */
  private static String oneLineError(int code, String... args) {
    java.io.StringWriter err = new java.io.StringWriter();
    assertEquals(code, run(err, args), err.toString());
    List<String> lines = err.toString().lines().toList();
    assertEquals(1, lines.size(), err.toString());
    return lines.get(0);
  }

  @Test
  void main_misspeltOrForeignOption_closestJobOptionOnlyNoCliCommands() {
    String laws = LAWS.toString();
    assertEquals("ciku-spark discover: Unknown option: '--tpo'; did you mean --top? (see"
        + " 'ciku-spark discover --help')", oneLineError(2, "discover", "--tpo", "5", laws));
    // An option of the CLI's commands only: the jobs' line names no CLI command.
    assertEquals("ciku-spark stats: Unknown option: '--new-only' (see 'ciku-spark stats"
        + " --help')", oneLineError(2, "stats", "--new-only", laws));
  }

  @Test
  void main_noJob_exit2_namesTheJobsAsTheCliNamesItsCommands() {
    assertEquals("ciku-spark: missing subcommand (stats, count, discover or domain) (see"
        + " 'ciku-spark --help')", oneLineError(2));
  }

  /** stats sums its partitions' scans on the driver: it has no reduce to size. */
  @Test
  void mainStats_reducePartitions_exit2_unknownOptionNotIgnored() {
    assertEquals("ciku-spark stats: Unknown option: '--reduce-partitions' (see 'ciku-spark stats"
        + " --help')", oneLineError(2, "stats", "--reduce-partitions", "4", LAWS.toString()));
    assertTrue(Main.commandLine().getSubcommands().get("count").getCommandSpec()
        .findOption("--reduce-partitions") != null, "the jobs with a reduce keep it");
  }

  @Test
  void main_missingInputPath_exit66_oneLine() throws IOException {
    Path missing = tmp.resolve("no-such-corpus.txt");
    String text = oneLineError(66, "count", "--tsv", tmp.resolve("out.tsv").toString(),
        missing.toString());
    assertTrue(text.startsWith("ciku-spark count: ") && text.contains("no-such-corpus.txt"), text);
    assertEquals(List.of(), Files.list(tmp).filter(f -> f.toString().endsWith(".tsv")).toList());
    // A missing pattern or lexicon file: the CLI's line, before the job.
    Path list = tmp.resolve("no-such-list.txt");
    String laws = LAWS.toString();
    assertEquals("ciku-spark domain: cannot open --stopwords " + list
        + ": no such file or directory", oneLineError(66, "domain", "--stopwords",
        list.toString(), laws));
    assertEquals("ciku-spark domain: cannot open --generic-heads " + list
        + ": no such file or directory", oneLineError(66, "domain", "--generic-heads",
        list.toString(), laws));
    assertEquals("ciku-spark discover: cannot open --known " + list
        + ": no such file or directory", oneLineError(66, "discover", "--known",
        list.toString(), laws));
  }

  /** Malformed bytes become U+FFFD in Spark's reading: the job says so, as the CLI does. */
  @Test
  void mainCount_malformedBytes_warnsOnce() throws IOException {
    Path bad = tmp.resolve("bad.txt");
    byte[] text = "中华人民共和国宪法\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] junk = {(byte) 0xFF, (byte) 0xFE, '\n'};
    Files.write(bad, text);
    Files.write(bad, junk, java.nio.file.StandardOpenOption.APPEND);
    Files.write(bad, text, java.nio.file.StandardOpenOption.APPEND);
    assertEquals(List.of("ciku-spark: warning: 2 character(s) U+FFFD in the input: bytes"
        + " malformed in its encoding (--encoding), which are replaced, or U+FFFD in the text"),
        warnings("count", "--tsv", tmp.resolve("out.tsv").toString(), bad.toString()));
  }

  /**
   * Runs the jobs' command line, which must exit 0, and returns the warning lines it wrote to
   * standard error (System.err, where the jobs' progress and warnings go).
   */
  private static List<String> warnings(String... args) {
    return ownLines(args).stream().filter(l -> l.contains("warning")).toList();
  }

  @Test
  void mainCount_punctuationOnlyOrEmptyInput_warnsNoGramsAsTheCli() throws IOException {
    Path punctuation = Files.writeString(tmp.resolve("punctuation.txt"), "。，\n");
    Path empty = Files.writeString(tmp.resolve("empty.txt"), "");
    String out = tmp.resolve("out.tsv").toString();
    String noGrams = "ciku-spark: warning: the corpus holds no characters to count (punctuation,"
        + " symbols, blanks or nothing; a unit is a Han character or a Latin/digit run): no grams";
    assertEquals(List.of(noGrams), warnings("count", "--tsv", out, punctuation.toString()));
    assertEquals(List.of(noGrams), warnings("count", "-o", tmp.resolve("out.ngrams").toString(),
        empty.toString()));
    // A corpus with units: no such warning.
    Path one = Files.writeString(tmp.resolve("one.txt"), "中华人民共和国宪法\n");
    assertEquals(List.of(), warnings("count", "--tsv", out, one.toString()));
  }

  /** A file read twice is counted twice: said, as the CLI says it, and still read twice. */
  @Test
  void mainStats_fileNamedTwiceOrInANamedDirectory_warnsReadTwiceAsTheCli() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("corpus"));
    Path laws = Files.copy(LAWS, dir.resolve("laws.txt"));
    String out = tmp.resolve("out.tsv").toString();
    String name = laws.toRealPath().toString();
    assertEquals(List.of("ciku-spark: warning: " + name + " is read 2 times (as " + name + ", "
        + name + "): its text is counted 2 times"), warnings("stats", "-o", out, laws.toString(),
        dir.toString()));
    assertTrue(Files.readAllLines(Path.of(out)).get(1).startsWith("22784\t"),
        "read twice: " + Files.readAllLines(Path.of(out)));
    assertEquals(List.of(), warnings("stats", "-o", out, laws.toString(), WIKI.toString()));
  }

  @Test
  void mainDiscoverAndDomain_emptyOrSmallInput_warnAsTheCli() throws IOException {
    Path empty = Files.writeString(tmp.resolve("empty.txt"), "。，\n");
    String out = tmp.resolve("out.tsv").toString();
    String noUnits = "ciku-spark: warning: the corpus holds no characters to count (punctuation,"
        + " symbols, blanks or nothing; a unit is a Han character or a Latin/digit run): ";
    assertEquals(List.of(noUnits + "no words"), warnings("discover", "-o", out,
        empty.toString()));
    assertEquals(List.of(noUnits + "no terms"), warnings("domain", "-o", out, empty.toString()));
    // 300 lines of laws: 14,789 units, fewer than the 20,000 a domain list needs.
    Path small = Files.write(tmp.resolve("small.txt"), Files.readAllLines(LAWS).subList(0, 300));
    assertEquals(List.of("ciku-spark: warning: the domain corpus has only 14,789 units (fewer"
        + " than 20,000): its list is mostly everyday words and terms tied at score 0 (too few"
        + " lines for ridf); give it more text"), warnings("domain", "-o", out,
        small.toString()));
    // The CLI says the same.
    List<String> cli = cliWarnings("domain", "-o", out, small.toString());
    assertTrue(cli.stream().anyMatch(
        l -> l.startsWith("ciku: warning: the domain corpus has only 14,789 units")), cli::toString);
  }

  /** -q, as the CLI's: the job's progress lines go, its warnings stay. */
  @Test
  void mainJobs_quiet_onlyWarnings() throws IOException {
    String out = tmp.resolve("out.tsv").toString();
    Path small = Files.write(tmp.resolve("small.txt"), Files.readAllLines(LAWS).subList(0, 300));
    for (String[] args : new String[][] {{"stats", "-o", out, LAWS.toString()},
        {"domain", "-o", out, small.toString()}}) {
      List<String> loud = ownLines(args);
      List<String> quiet = ownLines(concat(args, new String[] {"-q", "--no-progress"}));
      assertTrue(loud.stream().anyMatch(l -> !l.contains("warning")), loud.toString());
      assertEquals(loud.stream().filter(l -> l.contains("warning")).toList(), quiet,
          String.join(" ", args));
    }
    assertEquals(1, ownLines("domain", "-q", "-o", out, small.toString()).size());
  }

  /** The lines ciku-spark itself writes on standard error for {@code args} (not Spark's). */
  private static List<String> ownLines(String... args) {
    java.io.StringWriter err = new java.io.StringWriter();
    return stderrLines(() -> run(err, args), err::toString).stream()
        .filter(l -> l.startsWith("ciku-spark: ")).toList();
  }

  /**
   * The lines {@code command}, which must exit 0, writes to System.err (where the jobs' and the
   * CLI's progress and warnings go); {@code why} says more if it does not exit 0.
   */
  private static List<String> stderrLines(java.util.function.IntSupplier command,
      java.util.function.Supplier<String> why) {
    java.io.PrintStream old = System.err;
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      assertEquals(0, command.getAsInt(), why);
    } finally {
      System.setErr(old);
    }
    return bytes.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
  }

  /** A one-line domain corpus and a profile counted in the other case: the CLI's warnings. */
  @Test
  void mainDomain_oneLineCorpusOrProfileOfTheOtherCase_warnAsTheCli() throws IOException {
    String out = tmp.resolve("out.tsv").toString();
    Path oneLine = Files.writeString(tmp.resolve("one-line.txt"),
        String.join("", Files.readAllLines(LAWS)) + "\n");
    List<String> spark = warnings("domain", "-o", out, oneLine.toString());
    assertEquals(1, spark.size(), spark.toString());
    assertTrue(spark.get(0).startsWith("ciku-spark: warning: the domain corpus is one line ("),
        spark.get(0));
    assertEquals(cliWarnings("domain", "-o", out, oneLine.toString()),
        spark.stream().map(l -> l.replace("ciku-spark:", "ciku:")).toList());
    // A profile counted with --lowercase: no warning with --lowercase or folding case (the
    // default), one with --keep-case.
    Path profile = tmp.resolve("lower.profile.gz");
    assertEquals(0, dev.ciku.cli.Main.execute("domain", "--build-profile", "--lowercase", "-q",
        "-o", profile.toString(), LAWS.toString()));
    assertEquals(List.of(), warnings("domain", "--lowercase", "--reference", profile.toString(),
        "-o", out, LAWS.toString()));
    assertEquals(List.of(), warnings("domain", "--reference", profile.toString(), "-o", out,
        LAWS.toString()));
    List<String> other = warnings("domain", "--keep-case", "--reference", profile.toString(),
        "-o", out, LAWS.toString());
    assertEquals(List.of("ciku-spark: warning: the reference profile " + profile + " was counted"
        + " with its Latin letters lower-cased, the domain corpus is read with --keep-case: a"
        + " Latin term with a capital (iPhone) is not found there (leave out --keep-case to fold"
        + " case in both)"), other);
    assertEquals(cliWarnings("domain", "--keep-case", "--reference", profile.toString(), "-o",
        out, LAWS.toString()), other.stream().map(l -> l.replace("ciku-spark:", "ciku:"))
        .toList());
  }

  /** The warnings of the CLI's command {@code args} (run quietly, in this JVM). */
  private static List<String> cliWarnings(String... args) {
    return stderrLines(() -> dev.ciku.cli.Main.execute(concat(args, new String[] {"-q",
        "--no-progress"})), () -> String.join(" ", args)).stream()
        .filter(l -> l.contains("warning")).toList();
  }

  @Test
  void mainDiscover_storeOfAnotherCorpus_exit2AsTheCli() throws Exception {
    Path store = tmp.resolve("laws4.ngrams");
    assertEquals(0, dev.ciku.cli.Main.execute("count", "-n", "4", "-o", store.toString(),
        "--no-progress", "-q", LAWS.toString()));
    String text = Files.readString(LAWS);
    // Edited to the same length (应当 to 应该 throughout); one Latin unit the store lacks in
    // place of a Han character (the same positions); a line of Latin units added.
    int at = text.indexOf("犬只");
    Path[] others = {Files.writeString(tmp.resolve("edited.txt"), text.replace("应当", "应该")),
        Files.writeString(tmp.resolve("latin.txt"), text.substring(0, at) + "犬X"
            + text.substring(at + 2)),
        Files.writeString(tmp.resolve("more.txt"), text + "Apple iPhone GPS定位\n")};
    String[] expected = {"当 seen 5,539 times there, 511 here", "只 seen 158 times there, 157 here",
        "577,259 unit positions there, 577,264 here"};
    for (int i = 0; i < others.length; i++) {
      String job = oneLineError(2, "discover", "--partitions", "3", "--counts", store.toString(),
          others[i].toString());
      java.io.StringWriter err = new java.io.StringWriter();
      picocli.CommandLine cli = dev.ciku.cli.Main.newCommandLine("discover");
      cli.setErr(new java.io.PrintWriter(err));
      assertEquals(2, cli.execute("discover", "--counts", store.toString(), "--no-progress",
          "-q", others[i].toString()));
      String message = "discover: the store " + store + " was counted from another corpus: "
          + expected[i] + "; count this corpus with 'ciku count -o', or give --counts without"
          + " INPUT";
      assertEquals("ciku-spark " + message, job);
      assertEquals("ciku " + message, err.toString().strip());
    }
  }

  @Test
  void main_outputInMissingDirectory_exit74_oneLine_beforeTheJob() {
    Path out = tmp.resolve("no-such-dir").resolve("words.tsv");
    String text = oneLineError(74, "discover", "-o", out.toString(),
        LAWS.toAbsolutePath().toString());
    assertTrue(text.startsWith("ciku-spark discover: ") && text.contains("no-such-dir"), text);
  }

  @Test
  void mainCount_storeAndTsvSameFile_exit2_nothingWritten() throws Exception {
    Path store = tmp.resolve("same");
    assertEquals(2, new picocli.CommandLine(new Main()).execute("count", "-o", store.toString(),
        "--tsv", tmp.resolve(".").resolve("same").toString(),
        LAWS.toAbsolutePath().toString()));
    assertEquals(List.of(), Files.list(tmp).toList());
  }

  @Test
  void mainCountAndDiscover_lawsSampleOverPartitions_storeTsvAndWordsEqualTheCli()
      throws Exception {
    String laws = LAWS.toAbsolutePath().toString();
    Path sparkStore = tmp.resolve("spark5.ngrams");
    Path sparkTsv = tmp.resolve("spark.tsv");
    assertEquals(0, new picocli.CommandLine(new Main()).execute("count", "-n", "5",
        "--partitions", "3", "-o", sparkStore.toString(), "--tsv", sparkTsv.toString(),
        "--sort", "ngram", laws));
    Path cliStore = tmp.resolve("cli5.ngrams");
    assertEquals(0, dev.ciku.cli.Main.execute("count", "-n", "5", "-o", cliStore.toString(),
        "--no-progress", "-q", laws));
    assertEquals(-1, Files.mismatch(cliStore, sparkStore), "store files differ");

    // The TSV is what 'ciku count --sort ngram' prints: the local counter's stream, decoded.
    Path expectedTsv = tmp.resolve("expected.tsv");
    List<long[]> grams = new ArrayList<>();
    CountSummary ls = local(5, 2, grams, LAWS);
    try (CountJob.TsvSink sink = new CountJob.TsvSink(expectedTsv,
        dev.ciku.output.OutputFormat.TSV, ls.units(), 0, false)) {
      grams.forEach(e -> sink.accept(e[0], e[1], e[2]));
      sink.commit();
    }
    assertEquals(-1, Files.mismatch(expectedTsv, sparkTsv), "TSV files differ");

    // ciku discover --counts works on the Spark store, and gives what it gives on the CLI's.
    Path fromSpark = tmp.resolve("words-spark.tsv");
    Path fromCli = tmp.resolve("words-cli.tsv");
    assertEquals(0, dev.ciku.cli.Main.execute("discover", "--counts", sparkStore.toString(), "-o",
        fromSpark.toString(), "--no-progress", "-q"));
    assertEquals(0, dev.ciku.cli.Main.execute("discover", "--counts", cliStore.toString(), "-o",
        fromCli.toString(), "--no-progress", "-q"));
    assertTrue(Files.readAllLines(fromCli).size() > 100);
    assertEquals(-1, Files.mismatch(fromCli, fromSpark), "discover --counts outputs differ");

    // The job on a store: only the cut pass runs on the cluster, and it writes what 'ciku
    // discover --counts STORE CORPUS' writes.
    Path jobOnStore = tmp.resolve("words-spark-on-store.tsv");
    Path cliOnStore = tmp.resolve("words-cli-on-store.tsv");
    assertEquals(0, new picocli.CommandLine(new Main()).execute("discover", "--partitions", "2",
        "--counts", sparkStore.toString(), "-o", jobOnStore.toString(), laws));
    assertEquals(0, dev.ciku.cli.Main.execute("discover", "--counts", cliStore.toString(), "-o",
        cliOnStore.toString(), "--no-progress", "-q", laws));
    assertTrue(Files.readAllLines(cliOnStore).size() > 100);
    assertEquals(-1, Files.mismatch(cliOnStore, jobOnStore), "discover --counts STORE INPUT");
    // A store counted without --simplify, read with it: the CLI's line, before the job.
    assertEquals("ciku-spark discover: " + sparkStore + " was counted without --simplify and"
        + " without --lowercase or --keep-case; give the same --simplify/--lowercase/--keep-case"
        + " as when counting", oneLineError(2, "discover", "--simplify", "--counts",
        sparkStore.toString(), laws));

    // Main discover writes the TSV 'ciku discover CORPUS' writes.
    Path sparkWords = tmp.resolve("words-spark-main.tsv");
    Path cliWords = tmp.resolve("words-cli-main.tsv");
    assertEquals(0, new picocli.CommandLine(new Main()).execute("discover", "--partitions", "2",
        "-o", sparkWords.toString(), laws));
    assertEquals(0, dev.ciku.cli.Main.execute("discover", "-o", cliWords.toString(),
        "--no-progress", "-q", laws));
    assertEquals(-1, Files.mismatch(cliWords, sparkWords), "discover outputs differ");
  }

  /**
   * Latin units in several cases (CPU 60 times, cpu 40, Cpu 3 ...; the first 90 lines write CPU
   * most, the last 102 cpu), over 3 partitions: every job writes what the CLI writes, folding
   * case (the counts of the forms added over the partitions), with --lowercase and with
   * --keep-case.
   */
  @Test
  void mainJobs_caseVariantsOverPartitions_threeCaseSettingsEqualTheCli() throws Exception {
    String fixture = Path.of("../src/test/resources/fixtures/latin-case.txt").toString();
    Path caseStopwords = Files.writeString(tmp.resolve("case-stopwords.txt"), "cpu\nBIOS\n");
    for (String option : new String[] {"--simplify", "--lowercase", "--keep-case"}) {
      List<String> words = sameAsCli("discover", option, "--top", "0", fixture);
      assertTrue(words.contains(switch (option) {
        case "--lowercase" -> "cpu\t103\tnan\t2.6602\t2.6629\t12.3291";
        case "--keep-case" -> "cpu\t40\tnan\t2.5689\t2.5922\t9.4765";
        default -> "CPU\t103\tnan\t2.6602\t2.6629\t12.3291";
      }), option + ": " + words);
      List<String> grams = countRowsAsCli(option, "--top", "0", fixture);
      assertTrue(grams.contains(option.equals("--keep-case") ? "BIOS\t12" : "bios\t32"),
          option + ": " + grams);
      sameAsCli("stats", option, fixture);
      sameAsCli("domain", option, "--top", "0", fixture);
      // Stopword patterns in another case than the terms are written drop them unless case is
      // kept, as in the CLI.
      List<String> terms = sameAsCli("domain", option, "--top", "0", "--stopwords",
          caseStopwords.toString(), fixture);
      assertEquals(option.equals("--keep-case"), terms.stream().anyMatch(
          t -> t.startsWith("CPU\t")), option + ": " + terms);
    }
    // The store of a folded count: the forms and their counts of the CLI's, byte for byte.
    Path sparkStore = tmp.resolve("case-spark.ngrams");
    Path cliStore = tmp.resolve("case-cli.ngrams");
    assertEquals(0, new picocli.CommandLine(new Main()).execute("count", "--partitions", "3",
        "-o", sparkStore.toString(), fixture));
    assertEquals(0, dev.ciku.cli.Main.execute("count", "-q", "--no-progress", "-o",
        cliStore.toString(), fixture));
    assertEquals(-1, Files.mismatch(cliStore, sparkStore), "store files differ");
    assertEquals("ciku-spark discover: --keep-case and --lowercase exclude each other:"
        + " --lowercase folds case and writes Latin units lower-case, --keep-case keeps their"
        + " case (give one, or neither to fold case and write each unit's most frequent form)",
        oneLineError(2, "discover", "--keep-case", "--lowercase", fixture));
  }

  /**
   * Runs {@code count args} as a Spark job (3 input partitions, rows to --tsv) and on the CLI
   * (rows to standard output): they must write the same bytes. Returns the rows.
   */
  private List<String> countRowsAsCli(String... args) throws IOException {
    Path job = tmp.resolve("grams.tsv");
    assertEquals(0, new picocli.CommandLine(new Main()).execute(concat(new String[] {"count",
        "--partitions", "3", "--tsv", job.toString()}, args)));
    java.io.PrintStream old = System.out;
    java.io.ByteArrayOutputStream cli = new java.io.ByteArrayOutputStream();
    System.setOut(new java.io.PrintStream(cli, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      assertEquals(0, dev.ciku.cli.Main.execute(concat(new String[] {"count", "--no-progress",
          "-q"}, args)));
    } finally {
      System.setOut(old);
    }
    assertArrayEquals(cli.toByteArray(), Files.readAllBytes(job), "count rows");
    return Files.readAllLines(job);
  }

  @Test
  void mainDiscover_simplifyTraditionalText_equalsCli() throws Exception {
    String hant = Path.of("../src/test/resources/fixtures/laws-zh-hant.txt").toString();
    Path spark = tmp.resolve("words-spark-simplified.tsv");
    Path cli = tmp.resolve("words-cli-simplified.tsv");
    assertEquals(0, new picocli.CommandLine(new Main()).execute("discover", "--partitions", "3",
        "--simplify", "-o", spark.toString(), hant));
    assertEquals(0, dev.ciku.cli.Main.execute("discover", "--simplify", "-o", cli.toString(),
        "--no-progress", "-q", hant));
    List<String> rows = Files.readAllLines(cli);
    assertTrue(rows.size() > 50, "words: " + rows.size());
    assertTrue(rows.stream().anyMatch(r -> r.startsWith("应当\t")), "written simplified");
    assertEquals(-1, Files.mismatch(cli, spark), "discover --simplify outputs differ");
  }

  /**
   * Runs {@code args} as a Spark job (3 input partitions) and on the CLI, each writing its own
   * file ({@code -o}); both must exit 0 and write the same bytes. Returns the CLI's lines.
   */
  private List<String> sameAsCli(String... args) throws IOException {
    Path spark = tmp.resolve("spark.out");
    Path cli = tmp.resolve("cli.out");
    List<String> job = new ArrayList<>(List.of(args));
    job.addAll(List.of("--partitions", "3", "-o", spark.toString()));
    assertEquals(0, new picocli.CommandLine(new Main()).execute(job.toArray(String[]::new)));
    List<String> local = new ArrayList<>(List.of(args));
    local.addAll(List.of("--no-progress", "-q", "-o", cli.toString()));
    assertEquals(0, dev.ciku.cli.Main.execute(local.toArray(String[]::new)));
    assertEquals(-1, Files.mismatch(cli, spark), String.join(" ", args) + ": outputs differ");
    return Files.readAllLines(cli);
  }

  @Test
  void mainStats_plainTraditionalMixedAndMalformedText_equalsCliStats() throws Exception {
    List<String> laws = sameAsCli("stats", LAWS.toString());
    assertEquals(List.of("lines\tchars\than_chars\ttraditional_chars\tclauses\tunits"
        + "\tlatin_units\turls\tdistinct_units\tentropy_bits\tmalformed",
        "11392\t634238\t576399\t0\t53762\t577259\t860\t0\t1896\t8.6889\t0"), laws);
    // Traditional text folded; Latin units (their order of first appearance sums the entropy),
    // a URL, an emoji and an entity in text split over partitions.
    String hant = Path.of("../src/test/resources/fixtures/laws-zh-hant.txt").toString();
    assertTrue(sameAsCli("stats", "--format", "json", "--simplify", hant).get(0)
        .matches("\\{\"lines\":[1-9][0-9]*,.*\"traditional_chars\":[1-9][0-9]*,.*"));
    StringBuilder mixed = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      mixed.append("第").append(i).append("条 iPhone").append(i % 7)
          .append(" 见 https://example.org/").append(i).append(" 😀 A&amp;B 這個USB接口\n");
    }
    Path text = Files.writeString(tmp.resolve("mixed.txt"), mixed);
    String row = sameAsCli("stats", "--format", "jsonl", "--lowercase", "--simplify",
        text.toString()).get(0);
    assertTrue(row.contains("\"urls\":300,") && row.contains("\"latin_units\":"), row);
    // Malformed bytes: the CLI's count of them, and a warning.
    Path bad = tmp.resolve("bad.txt");
    Files.write(bad, new byte[] {(byte) 0xE4, (byte) 0xB8, (byte) 0xAD, '\n', (byte) 0xFF,
        (byte) 0xFE, ' ', (byte) 0xE6, (byte) 0xB3, (byte) 0x95, (byte) 0xE4, (byte) 0xB8, '\n'});
    assertTrue(sameAsCli("stats", bad.toString()).get(1).endsWith("\t3"));
    assertEquals(List.of("ciku-spark: warning: 3 character(s) U+FFFD in the input: bytes"
        + " malformed in its encoding (--encoding), which are replaced, or U+FFFD in the text"),
        warnings("stats", "-o", tmp.resolve("w.tsv").toString(), bad.toString()));
  }

  @Test
  void mainCount_jsonlRows_equalTheCliOutput() throws Exception {
    Path job = tmp.resolve("grams.jsonl");
    String[] rows = {"-n", "4", "--sort", "ngram", "--format", "jsonl", "--top", "500"};
    List<String> args = new ArrayList<>(List.of("count", "--partitions", "3", "--tsv",
        job.toString(), LAWS.toString()));
    args.addAll(List.of(rows));
    assertEquals(0, new picocli.CommandLine(new Main()).execute(args.toArray(String[]::new)));
    java.io.PrintStream old = System.out;
    java.io.ByteArrayOutputStream cli = new java.io.ByteArrayOutputStream();
    System.setOut(new java.io.PrintStream(cli, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      assertEquals(0, dev.ciku.cli.Main.execute(concat(new String[] {"count", "--no-progress",
          "-q", LAWS.toString()}, rows)));
    } finally {
      System.setOut(old);
    }
    List<String> lines = Files.readAllLines(job);
    assertEquals(500, lines.size(), "500 JSON lines, no header");
    assertTrue(lines.get(0).matches("\\{\"ngram\":\"[^\"]+\",\"count\":[0-9]+\\}"),
        lines.get(0));
    assertArrayEquals(cli.toByteArray(), Files.readAllBytes(job), "count --format jsonl rows");
  }

  @Test
  void mainDiscover_newOnlyAsDict_equalsCli() throws Exception {
    String laws = LAWS.toString();
    List<String> rows = sameAsCli("discover", "--new-only", "--format", "dict", laws);
    assertTrue(rows.size() > 200, "words: " + rows.size());
    // 'word count' lines, without the lexicon's words (应当, 或者 lead the full list).
    assertTrue(rows.stream().allMatch(r -> r.matches("\\S+ [1-9][0-9]*")), rows.get(0));
    assertTrue(rows.stream().noneMatch(r -> r.startsWith("应当 ") || r.startsWith("或者 ")));
    // --explain: kept, known (--new-only), cut; the CLI's rows.
    List<String> explained = sameAsCli("discover", "--new-only", "--explain",
        "犬只,应当,的规定,中华人民共和国", laws);
    assertEquals(List.of("犬只\tkept", "应当\tknown", "的规定\tcut", "中华人民共和国\tknown"),
        explained.subList(1, 5).stream().map(r -> r.replaceAll("^([^\t]*\t[^\t]*).*", "$1"))
            .toList());
  }

  @Test
  void mainDomain_jsonlWithUserStopwordsAndHeads_equalsCli() throws Exception {
    String laws = LAWS.toString();
    Path stop = Files.writeString(tmp.resolve("stop.txt"), "# user stopwords\n犬只\n*条例\n");
    Path heads = Files.writeString(tmp.resolve("heads.txt"), "管理\n");
    String[] filters = {"--stopwords", stop.toString(), "--generic-heads", heads.toString()};
    List<String> rows = sameAsCli(concat(new String[] {"domain", "--top", "200", "--format",
        "jsonl", laws}, filters));
    assertEquals(200, rows.size(), "200 JSON lines, no header");
    assertTrue(rows.stream().allMatch(r -> r.startsWith("{\"term\":")), rows.get(0));
    java.util.function.Predicate<String> dropped = r -> r.contains("\"犬只\"")
        || r.contains("条例\"") || r.contains("管理\"");
    assertTrue(rows.stream().noneMatch(dropped), "the user's patterns and heads apply");
    // Without the user's files, the list has some of what they drop.
    assertTrue(sameAsCli("domain", "--top", "200", "--format", "jsonl", laws).stream()
        .anyMatch(dropped));
    // --explain says which filter dropped a term: the user's pattern.
    List<String> explained = sameAsCli(concat(new String[] {"domain", "--format", "jsonl",
        "--explain", "犬只，市和区", laws}, filters));
    assertEquals(2, explained.size(), String.join("\n", explained));
    assertTrue(explained.get(0).startsWith("{\"term\":\"犬只\",\"stage\":\"filter\""),
        explained.get(0));
    assertTrue(explained.get(1).startsWith("{\"term\":\"市和区\",\"stage\":\"kept\""),
        explained.get(1));
  }

  @Test
  void mainDomain_redundancyGiven_equalsCliDomain() throws Exception {
    String laws = LAWS.toString();
    // 'ciku domain --redundancy' (default 0, off) turns de-redundancy on for the candidates.
    List<String> rows = sameAsCli("domain", "--redundancy", "6", "--top", "300", laws);
    assertEquals(301, rows.size(), "header and 300 terms");
    assertNotEquals(rows, sameAsCli("domain", "--top", "300", laws), "the option changes the list");
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  @Test
  void mainDomain_bundledReference_equalsCliDomain() throws Exception {
    String laws = LAWS.toString();
    Path spark = tmp.resolve("terms-spark.tsv");
    Path cli = tmp.resolve("terms-cli.tsv");
    assertEquals(0, new picocli.CommandLine(new Main()).execute("domain", "--partitions", "3",
        "--top", "300", "--driver-memory-budget", "512m", "-o", spark.toString(), laws));
    assertEquals(0, dev.ciku.cli.Main.execute("domain", "--top", "300", "-o", cli.toString(),
        "--no-progress", "-q", laws));
    List<String> rows = Files.readAllLines(cli);
    assertEquals(301, rows.size(), "header and 300 terms");
    assertTrue(rows.get(0).startsWith("term\tdomain_count\treference_count"), rows.get(0));
    assertEquals(-1, Files.mismatch(cli, spark), "domain outputs differ");
    // The term filters' settings, off or lowered, the same on both.
    assertEquals(0, new picocli.CommandLine(new Main()).execute("domain", "--partitions", "3",
        "--top", "300", "--measure-glue", "1", "--term-entropy", "0.5", "-o", spark.toString(),
        laws));
    assertEquals(0, dev.ciku.cli.Main.execute("domain", "--top", "300", "--measure-glue", "1",
        "--term-entropy", "0.5", "-o", cli.toString(), "--no-progress", "-q", laws));
    assertEquals(-1, Files.mismatch(cli, spark), "domain outputs differ with these settings");
    assertNotEquals(rows, Files.readAllLines(cli), "the settings change the list");
  }

  @Test
  void main_settingsTheCliRefuses_exit2_oneLineBeforeTheJob() {
    String laws = LAWS.toAbsolutePath().toString();
    String tsv = tmp.resolve("o.tsv").toString();
    String store = tmp.resolve("o.ngrams").toString();
    String[][] runs = {
        {"count", "-n", "9", "--tsv", tsv, laws}, {"count", "-n", "0", "--tsv", tsv, laws},
        {"count", "--min-count", "0", "--tsv", tsv, laws},
        {"count", "--top", "-1", "--tsv", tsv, laws},
        {"count", "--table-slots", "-1", "--tsv", tsv, laws},
        {"count", "--partitions", "-5", "--tsv", tsv, laws},
        {"count", "-o", store, "--top", "5", laws}, {"count", "-o", store, "--sort", "ngram", laws},
        {"count", "-o", "-", laws}, {"count", "-o", "/dev/stdout", laws},
        {"discover", "--counts-out", "-", laws}, {"discover", "--top", "-1", laws},
        {"discover", "--counts-out", tsv, "-o", tsv, laws},
        {"domain", "--rank", "foo", laws}, {"domain", "--reduce-partitions", "-1", laws},
        {"count", "--encoding", "UTF-16", "--tsv", tsv, laws},
        {"discover", "--encoding", "no-such-charset", laws},
        {"domain", "--reference", laws, laws},
        {"discover", "--driver-memory-budget", "0", laws},
        {"domain", "--driver-memory-budget", "-5", laws},
        {"discover", "--driver-memory-budget", "1x", laws},
        {"domain", "--driver-memory-budget", "8m", laws},
        {"discover", "--format", "json", laws}, {"domain", "--format", "dict", laws},
        {"discover", "--explain", "犬只", "--format", "dict", laws},
        {"discover", "--counts", store, "--counts-out", tsv, laws},
        {"count", "-o", store, "--format", "jsonl", laws},
        {"stats", "--format", "dict", laws},
        {"count", "--tsv", tsv, "--format", "dict", laws},
        {"domain", "--explain", " ,", laws},
        {"count", "--tsv", tsv, ""},
        {"domain", "--reference", tmp.toString(), laws},
        {"domain", "--term-entropy", "-1", laws}, {"domain", "--measure-glue", "1.5", laws}};
    String[] messages = {"--order must be 1..6, not 9", "--order must be 1..6, not 0",
        "--min-count must be 1 or more, not 0", "--top must be 0 or more",
        "--table-slots must be 0..536870912, not -1", "--partitions must be 0 or more, not -5",
        "--top applies to TSV rows (--tsv), not to a store (-o)",
        "--sort applies to TSV rows (--tsv), not to a store (-o)",
        "-o - : a store is a file, it cannot go to standard output",
        "-o /dev/stdout : a store is a file, it cannot go to standard output",
        "--counts-out - : a store is a file, it cannot go to standard output",
        "--top must be 0 or more",
        "--counts-out and -o both go to " + tsv + ": give them different files",
        "--rank must be combined, gated-g2, share, g2, weirdness, cvalue or count, not 'foo'",
        "--reduce-partitions must be 0 or more, not -1",
        "--encoding UTF-16: Hadoop cannot split UTF-16 text into lines; convert the input to UTF-8"
            + " (iconv -f UTF-16 -t UTF-8)",
        "unknown encoding 'no-such-charset'",
        "--reference " + laws + " is not a reference profile: on Spark the reference is a profile"
            + " (build one with 'ciku domain --build-profile CORPUS -o FILE'); a reference corpus"
            + " is not supported",
        "--driver-memory-budget: size must be positive: '0'",
        "--driver-memory-budget: not a size: '-5' (use e.g. 512m or 2g)",
        "--driver-memory-budget: not a size: '1x' (use e.g. 512m or 2g)",
        "--driver-memory-budget must be at least 16m",
        "--format must be one of tsv,jsonl,dict, not 'json'",
        "--format must be one of tsv,jsonl, not 'dict'",
        "--explain writes tsv or jsonl, not dict",
        "--counts-out keeps the counts the job makes; with --counts it makes none (the store is "
            + store + ")",
        "--format applies to TSV rows (--tsv), not to a store (-o)",
        "--format must be one of tsv,jsonl,json, not 'dict'",
        "--format must be one of tsv,jsonl, not 'dict'",
        "--explain needs words (WORD, or WORD,WORD...): ' ,' holds an empty or blank one",
        "an empty input path ('': an unset shell variable?) (see 'ciku-spark count --help')",
        "--reference " + tmp + " is not a reference profile: on Spark the reference is a profile"
            + " (build one with 'ciku domain --build-profile CORPUS -o FILE'); a reference corpus"
            + " is not supported",
        "--term-entropy must be 0 or more, not -1.0",
        "--measure-glue must be between 0 and 1, got 1.5"};
    for (int i = 0; i < runs.length; i++) {
      java.io.StringWriter err = new java.io.StringWriter();
      String run = String.join(" ", runs[i]);
      assertEquals(2, run(err, runs[i]), run + ": " + err);
      assertEquals(List.of("ciku-spark " + runs[i][0] + ": " + messages[i]),
          err.toString().lines().toList(), run);
      assertTrue(!Files.exists(Path.of(tsv)) && !Files.exists(Path.of(store))
          && !Files.exists(Path.of("-")), run + ": nothing written");
    }
  }

  @Test
  void mainCount_gb18030AndBig5_encodingAutoAndNamed_storeOfTheCli() throws Exception {
    // The laws sample in GB18030 (gzipped: detected through the codec) and the traditional one
    // in Big5; the CLI reading the same bytes with the same --encoding writes the same store.
    // Four-byte sequences cut by a letter and by a line end: one U+FFFD each, the letter and the
    // line kept, in both.
    Path gb = tmp.resolve("laws-gb18030.txt.gz");
    try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gb))) {
      out.write(Files.readString(LAWS).getBytes("GB18030"));
      for (int i = 0; i < 3; i++) {
        out.write(new byte[] {(byte) 0x81, 0x30, 'A', 'B'});
        out.write("中文\n".getBytes("GB18030"));
        out.write(new byte[] {(byte) 0x81, 0x30, '\n'});
        out.write("中文\n".getBytes("GB18030"));
      }
    }
    Path big5 = tmp.resolve("laws-big5.txt");
    Files.write(big5, Files.readString(Path.of("../src/test/resources/fixtures/laws-zh-hant.txt"))
        .getBytes("x-windows-950"));
    Path sparkStore = tmp.resolve("spark.ngrams");
    Path cliStore = tmp.resolve("cli.ngrams");
    assertEquals(0, new picocli.CommandLine(new Main()).execute("count", "-n", "4",
        "--encoding", "auto", "--partitions", "3", "-o", sparkStore.toString(), gb.toString(),
        big5.toString()));
    assertEquals(0, dev.ciku.cli.Main.execute("count", "-n", "4", "--encoding", "auto", "-o",
        cliStore.toString(), "--no-progress", "-q", gb.toString(), big5.toString()));
    assertEquals(-1, Files.mismatch(cliStore, sparkStore), "stores differ (--encoding auto)");
    try (NgramStore s = NgramStore.open(sparkStore)) {
      int[] u = s.units().toUnits("人民", false);
      assertTrue(s.get(dev.ciku.count.Grams.hi(u, 0, 2), dev.ciku.count.Grams.lo(u, 0, 2)) > 100,
          "人民 decoded");
    }

    Path named = tmp.resolve("spark-named.ngrams");
    Path cliNamed = tmp.resolve("cli-named.ngrams");
    assertEquals(0, new picocli.CommandLine(new Main()).execute("count", "-n", "4",
        "--encoding", "GB18030", "-o", named.toString(), gb.toString()));
    assertEquals(0, dev.ciku.cli.Main.execute("count", "-n", "4", "--encoding", "GB18030", "-o",
        cliNamed.toString(), "--no-progress", "-q", gb.toString()));
    assertEquals(-1, Files.mismatch(cliNamed, named), "stores differ (--encoding GB18030)");
  }

  /**
   * Without --encoding, a GBK file (plain, and GB18030 gzipped) is read as GB18030 by the jobs as
   * by the CLI, a UTF-8 file beside them as UTF-8: same store, same stats and discovered words,
   * one warning per such file; a BOM-less UTF-16 file, which the CLI reads as UTF-16, is refused.
   */
  @Test
  void mainCountStatsDiscover_gbkFilesWithoutEncoding_equalTheCli() throws Exception {
    String laws = Files.readString(LAWS);
    Path dir = Files.createDirectories(tmp.resolve("mixed"));
    Path gbk = Files.write(dir.resolve("a-laws.gbk.txt"),
        laws.substring(0, 300_000).getBytes("GBK"));
    Path gz = dir.resolve("b-laws.txt.gz");
    try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(laws.substring(300_000).getBytes("GB18030"));
    }
    Files.copy(WIKI, dir.resolve("c-wiki.txt"));
    Path sparkStore = tmp.resolve("spark.ngrams");
    Path cliStore = tmp.resolve("cli.ngrams");
    assertEquals(0, new picocli.CommandLine(new Main()).execute("count", "-n", "4",
        "--partitions", "3", "-o", sparkStore.toString(), dir.toString()));
    assertEquals(0, dev.ciku.cli.Main.execute("count", "-n", "4", "-o", cliStore.toString(),
        "--no-progress", "-q", dir.toString()));
    assertEquals(-1, Files.mismatch(cliStore, sparkStore), "stores differ (no --encoding)");
    try (NgramStore s = NgramStore.open(sparkStore)) {
      int[] u = s.units().toUnits("人民", false);
      assertTrue(s.get(dev.ciku.count.Grams.hi(u, 0, 2), dev.ciku.count.Grams.lo(u, 0, 2)) > 100,
          "人民 decoded");
    }
    List<String> stats = sameAsCli("stats", dir.toString());
    assertTrue(stats.get(1).endsWith("\t0"), "no malformed bytes: " + stats);
    sameAsCli("discover", gbk.toString());
    List<String> warned = warnings("stats", "-o", tmp.resolve("w.tsv").toString(),
        dir.toString());
    assertEquals(2, warned.size(), warned.toString());
    // A local file is named by its path, as in the CLI's warning (not file:/...).
    assertEquals("ciku-spark: warning: " + gbk.toAbsolutePath() + ": not UTF-8; read as GB18030"
        + " (detected; give --encoding to choose)", warned.get(0));

    Path utf16 = Files.write(tmp.resolve("laws-utf16.txt"),
        laws.substring(0, 20_000).getBytes("UTF-16LE"));
    String line = oneLineError(65, "count", "--tsv", tmp.resolve("out.tsv").toString(),
        utf16.toString());
    assertTrue(line.contains("looks like UTF-16LE text (not UTF-8)") && line.contains(
        "iconv -f UTF-16LE -t UTF-8"), line);
  }

  /**
   * A local file system that counts, by path, the files opened on the driver (outside any task):
   * set as {@code fs.file.impl} by a test.
   */
  public static final class DriverOpens extends org.apache.hadoop.fs.LocalFileSystem {
    static final java.util.Map<String, Integer> OPENED =
        new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public org.apache.hadoop.fs.FSDataInputStream open(org.apache.hadoop.fs.Path f,
        int bufferSize) throws IOException {
      if (org.apache.spark.TaskContext.get() == null) {
        OPENED.merge(f.toUri().getPath(), 1, Integer::sum);
      }
      return super.open(f, bufferSize);
    }
  }

  /**
   * The driver looks at the head of each file for binary data and for its encoding in one read:
   * it opens each file once before the job, plain or gzipped, with or without --encoding.
   */
  @Test
  void main_headsOfTheInputsChecked_eachFileOpenedOnceOnTheDriver() throws Exception {
    Path gz = tmp.resolve("laws.txt.gz");
    try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readAllBytes(LAWS));
    }
    org.apache.hadoop.conf.Configuration conf = sc.hadoopConfiguration();
    conf.set("fs.file.impl", DriverOpens.class.getName());
    conf.setBoolean("fs.file.impl.disable.cache", true);
    try {
      for (String[] encoding : new String[][] {{}, {"--encoding", "UTF-8"},
          {"--encoding", "auto"}, {"--encoding", "GB18030"}}) {
        DriverOpens.OPENED.clear();
        java.io.StringWriter err = new java.io.StringWriter();
        assertEquals(0, run(err, concat(concat(new String[] {"stats", "-q", "-o",
            tmp.resolve("stats.tsv").toString()}, encoding), new String[] {LAWS.toString(),
            gz.toString()})), err.toString());
        assertEquals(java.util.Map.of(LAWS.toAbsolutePath().normalize().toString(), 1,
            gz.toAbsolutePath().toString(), 1), DriverOpens.OPENED, String.join(" ", encoding));
      }
    } finally {
      conf.unset("fs.file.impl");
      conf.unset("fs.file.impl.disable.cache");
    }
  }

  /**
   * gzip files damaged after their first block, which only the task reading them meets: a second
   * member cut short, a CRC that does not match, data after the last member that is no gzip
   * member. The job fails as the CLI does, one line naming the file (the reason in parentheses is
   * Hadoop's), exit 65, plain text and records alike, and writes nothing.
   */
  @Test
  void mainJobs_gzipDamagedAfterItsFirstBlock_exit65_oneLineNamingTheFileAsTheCli()
      throws Exception {
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(b)) {
      out.write(Files.readAllBytes(LAWS));
    }
    byte[] member = b.toByteArray();
    Path cut = tmp.resolve("cut.txt.gz");
    Files.write(cut, member);
    Files.write(cut, java.util.Arrays.copyOf(member, member.length / 2),
        java.nio.file.StandardOpenOption.APPEND);
    byte[] badCrc = member.clone();
    badCrc[badCrc.length - 8] ^= 1;
    Path crc = Files.write(tmp.resolve("crc.jsonl.gz"), badCrc);
    Path trailing = Files.write(tmp.resolve("trailing.txt.gz"), member);
    Files.writeString(trailing, "not gzip data\n", java.nio.file.StandardOpenOption.APPEND);
    Path out = tmp.resolve("out.tsv");
    String[][] jobs = {{"count", "--tsv", out.toString()}, {"stats", "-o", out.toString()},
        {"count", "--input-format", "jsonl", "--tsv", out.toString()}};
    int k = 0;
    for (Path gz : List.of(cut, crc, trailing)) {
      java.io.StringWriter cliErr = new java.io.StringWriter();
      picocli.CommandLine cli = dev.ciku.cli.Main.newCommandLine();
      cli.setErr(new java.io.PrintWriter(cliErr, true));
      assertEquals(65, cli.execute("stats", "-q", "-o", out.toString(), gz.toString()), "CLI");
      String said = gz + ": truncated or corrupt gzip data (";
      assertTrue(cliErr.toString().startsWith("ciku stats: " + said), cliErr.toString());
      for (int i = 0; i < 2; i++, k++) {
        String[] job = jobs[k % jobs.length];
        String line = oneLineError(65, concat(job, new String[] {gz.toString()}));
        assertTrue(line.startsWith("ciku-spark " + job[0] + ": " + said) && line.endsWith(")")
            && !line.contains("\tat "), String.join(" ", job) + ": " + line);
        assertTrue(Files.notExists(out), "nothing written");
      }
    }
  }

  @Test
  void mainCount_utf16InputWithEncodingAuto_exit65_oneLine() throws Exception {
    Path utf16 = tmp.resolve("laws-utf16.txt");
    Files.write(utf16, Files.readString(LAWS).substring(0, 20_000).getBytes("UTF-16LE"));
    String line = oneLineError(65, "count", "--encoding", "auto", "--tsv",
        tmp.resolve("out.tsv").toString(), utf16.toString());
    assertTrue(line.contains("looks like UTF-16LE text") && line.contains(
        "iconv -f UTF-16LE -t UTF-8"), line);
  }

  @Test
  void mainCount_utf16MarkedInputReadAsUtf8_exit65_oneLine() throws Exception {
    // The CLI reads it as UTF-16 (its mark says so); Hadoop cannot split it into lines.
    Path utf16 = tmp.resolve("laws-notepad.txt");
    Files.write(utf16, ("\uFEFF" + Files.readString(LAWS).substring(0, 20_000))
        .getBytes("UTF-16LE"));
    String line = oneLineError(65, "count", "--tsv", tmp.resolve("out.tsv").toString(),
        LAWS.toString(), utf16.toString());
    assertTrue(line.startsWith("ciku-spark count: ") && line.contains("laws-notepad.txt starts"
        + " with a UTF-16 byte-order mark") && line.contains("iconv -f UTF-16 -t UTF-8"), line);
  }

  @Test
  void mainCount_gzipUnderATextNameOrXzData_exit66_oneLine() throws Exception {
    // The CLI decompresses the first (it goes by the bytes) and refuses the second; Hadoop, which
    // goes by the name, would read both as text.
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(b)) {
      out.write(Files.readAllBytes(LAWS));
    }
    Path gz = tmp.resolve("laws-gzipped.txt");
    Files.write(gz, b.toByteArray());
    String line = oneLineError(66, "count", "--tsv", tmp.resolve("out.tsv").toString(),
        gz.toString());
    assertTrue(line.contains("laws-gzipped.txt: gzip data in a file not named .gz"), line);
    line = oneLineError(66, "count", "--encoding", "auto", "--tsv",
        tmp.resolve("out.tsv").toString(), gz.toString());
    assertTrue(line.contains("laws-gzipped.txt: gzip data in a file not named .gz"), line);
    // The first bytes of a file written by xz.
    Path xz = tmp.resolve("laws.txt.xz");
    Files.write(xz, java.util.HexFormat.of().parseHex("fd377a585a000004e6d6"));
    line = oneLineError(66, "discover", xz.toString());
    assertTrue(line.contains("laws.txt.xz: xz data, which the jobs do not decompress")
        && line.contains("'xzcat FILE > FILE.txt'"), line);
  }

  /**
   * A tar archive, as GNU tar writes it (its own format and POSIX ustar), plain, gzip-compressed
   * ({@code .tar.gz}, {@code .tgz}) or under a text name: the CLI refuses each (it would read the
   * header fields as units, and so would Hadoop); so do the jobs, before any job, whether they
   * detect the encoding or not.
   */
  @Test
  void main_tarArchivePlainGzippedOrUnderATextName_exit66_oneLineAsTheCli() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("members"));
    Files.copy(LAWS, dir.resolve("laws.txt"));
    Path gnu = tmp.resolve("laws.tar");
    Path ustar = tmp.resolve("laws-ustar.tar");
    for (String[] tar : new String[][] {{"-cf", gnu.toString()},
        {"--format=ustar", "-cf", ustar.toString()}}) {
      List<String> command = new ArrayList<>(List.of("tar"));
      command.addAll(List.of(tar));
      command.addAll(List.of("-C", dir.toString(), "laws.txt"));
      assertEquals(0, new ProcessBuilder(command).inheritIO().start().waitFor(), "tar");
    }
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(b)) {
      out.write(Files.readAllBytes(gnu));
    }
    byte[] tgz = b.toByteArray();
    List<Path> archives = List.of(gnu, ustar, Files.write(tmp.resolve("laws.tar.gz"), tgz),
        Files.write(tmp.resolve("laws.tgz"), tgz),
        Files.copy(ustar, tmp.resolve("laws-archive.txt")),
        Files.write(tmp.resolve("laws-gzipped-archive.txt"), tgz));
    String[][] jobs = {{"count", "--tsv", tmp.resolve("out.tsv").toString()},
        {"count", "--encoding", "auto", "-o", tmp.resolve("out.ngrams").toString()},
        {"stats"}, {"discover", "--encoding", "auto"}, {"domain"}};
    int k = 0;
    for (Path archive : archives) {
      assertEquals(66, dev.ciku.cli.Main.execute("stats", "-q", archive.toString()),
          archive + ": the CLI");
      for (int i = 0; i < 2; i++, k++) {
        String[] job = jobs[k % jobs.length];
        String line = oneLineError(66, concat(job, new String[] {archive.toString()}));
        assertEquals("ciku-spark " + job[0] + ": file:" + archive.toAbsolutePath()
            + ": a tar archive; the jobs read text, so extract its files first: 'tar -xOf FILE"
            + " > FILE.txt'", line, String.join(" ", job));
      }
    }
    assertTrue(Files.notExists(tmp.resolve("out.tsv")) && Files.notExists(
        tmp.resolve("out.ngrams")), "nothing written");
  }

  /**
   * gzip data under a text name whose first block cannot be decompressed (looking for a tar
   * archive in it): bad data naming the file, as the CLI says it, exit 65.
   */
  @Test
  void mainCount_gzipUnderATextNameCorruptAtOnce_exit65_oneLineNamingIt() throws Exception {
    byte[] header = java.util.Arrays.copyOf(new byte[] {0x1f, (byte) 0x8b, 8}, 10);
    byte[] data = new byte[64];
    java.util.Arrays.fill(data, (byte) 0xFF); // a final block of the reserved type 3
    Path bad = tmp.resolve("corrupt.txt");
    Files.write(bad, header);
    Files.write(bad, data, java.nio.file.StandardOpenOption.APPEND);
    assertEquals(65, dev.ciku.cli.Main.execute("stats", "-q", bad.toString()), "the CLI");
    for (String encoding : new String[] {"UTF-8", "auto"}) {
      assertEquals("ciku-spark count: file:" + bad.toAbsolutePath() + ": truncated or corrupt"
          + " gzip data (invalid block type)", oneLineError(65, "count", "--encoding", encoding,
          "--tsv", tmp.resolve("out.tsv").toString(), bad.toString()), encoding);
    }
  }

  /**
   * Binary data (a NUL byte in the first 8 KB, here an image's header before law text), named or
   * in a directory, plain or gzipped: named, refused as the CLI refuses it (exit 65, one line);
   * inside a directory, skipped with the CLI's warning, so the output is the CLI's.
   */
  @Test
  void main_binaryFileNamedOrInADirectory_refusedOrSkippedAsTheCli() throws Exception {
    byte[] png = java.util.HexFormat.of().parseHex("89504e470d0a1a0a0000000d49484452");
    byte[] binary = concatBytes(png, Files.readAllBytes(LAWS));
    Path named = Files.write(tmp.resolve("logo.png"), binary);
    assertEquals(65, dev.ciku.cli.Main.execute("stats", "-q", named.toString()), "the CLI");
    assertEquals("ciku-spark stats: " + named.toAbsolutePath() + ": binary data (a NUL byte at"
        + " offset 8), not text: is it the right file?", oneLineError(65, "stats", named.toString()));
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(b)) {
      out.write(binary);
    }
    Path gz = Files.write(tmp.resolve("logo.png.gz"), b.toByteArray());
    assertEquals("ciku-spark count: " + gz.toAbsolutePath() + ": binary data (a NUL byte at"
        + " offset 8 of its decompressed data), not text: is it the right file?",
        oneLineError(65, "count", "--encoding", "auto", "--tsv",
            tmp.resolve("out.tsv").toString(), gz.toString()));
    Path dir = Files.createDirectory(tmp.resolve("mixed"));
    Files.copy(LAWS, dir.resolve("laws.txt"));
    Files.copy(named, dir.resolve("z-logo.png"));
    Path cli = tmp.resolve("cli.tsv");
    Path job = tmp.resolve("job.tsv");
    assertEquals(List.of("ciku: warning: " + dir.resolve("z-logo.png") + ": binary data (a NUL"
        + " byte at offset 8), not text; skipped"), cliWarnings("stats", "-o", cli.toString(),
        dir.toString()));
    assertEquals(List.of("ciku-spark: warning: " + dir.resolve("z-logo.png").toAbsolutePath()
        + ": binary data (a NUL byte at offset 8), not text; skipped"),
        warnings("stats", "-o", job.toString(), dir.toString()));
    assertEquals(Files.readString(cli), Files.readString(job));
    Path only = Files.createDirectory(tmp.resolve("images"));
    Files.copy(named, only.resolve("logo.png"));
    assertEquals("ciku-spark: warning: " + only + " holds no input files (1 binary file(s)"
        + " skipped)", warnings("stats", "-o", job.toString(), only.toString()).get(1));
  }

  /**
   * An n-gram store named as INPUT (binary data too): the CLI's own line, exit 66, as for the
   * CLI; inside a directory it is binary data skipped.
   */
  @Test
  void main_ngramStoreNamed_exit66_theCliLine() throws Exception {
    Path store = tmp.resolve("laws.ngrams");
    assertEquals(0, dev.ciku.cli.Main.execute("count", "-q", "-n", "2", "-o", store.toString(),
        LAWS.toString()));
    assertEquals(66, dev.ciku.cli.Main.execute("stats", "-q", store.toString()), "the CLI");
    assertEquals("ciku-spark stats: " + store.toAbsolutePath() + ": an n-gram store (written by"
        + " 'ciku count -o'), not text; discover reads it with --counts FILE",
        oneLineError(66, "stats", store.toString()));
  }

  private static byte[] concatBytes(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /**
   * A file named .gz that holds no gzip data (text, or three bytes): bad data naming the file,
   * exit 65, as the CLI says it, not an I/O error (74) or a line that names no file.
   */
  @Test
  void main_gzNameWithoutGzipData_exit65_oneLineNamingIt() throws Exception {
    Path text = Files.copy(LAWS, tmp.resolve("laws.txt.gz"));
    Path tiny = Files.writeString(tmp.resolve("tiny.txt.gz"), "abc");
    for (Path p : List.of(text, tiny)) {
      assertEquals(65, dev.ciku.cli.Main.execute("stats", "-q", p.toString()), "the CLI");
      for (String[] job : new String[][] {{"stats"}, {"count", "--encoding", "UTF-8", "--tsv",
          tmp.resolve("out.tsv").toString()}, {"discover", "--encoding", "auto"}}) {
        assertEquals("ciku-spark " + job[0] + ": " + p.toAbsolutePath() + ": not gzip data,"
            + " though named .gz (it does not start as gzip does); if it is text, rename it"
            + " without .gz", oneLineError(65, concat(job, new String[] {p.toString()})),
            String.join(" ", job));
      }
    }
  }

  /**
   * An empty file named .gz (no gzip member, which the CLI refuses as truncated gzip data): bad
   * data naming the file, exit 65, the driver's line as it says it (not rewritten as a task's
   * failure that names no file).
   */
  @Test
  void main_emptyGzFile_exit65_oneLineNamingIt() throws Exception {
    Path empty = Files.write(tmp.resolve("empty.jsonl.gz"), new byte[0]);
    assertEquals(65, dev.ciku.cli.Main.execute("stats", "-q", empty.toString()), "the CLI");
    for (String[] job : new String[][] {{"stats"}, {"count", "--input-format", "jsonl", "--tsv",
        tmp.resolve("out.tsv").toString()}}) {
      String line = oneLineError(65, concat(job, new String[] {empty.toString()}));
      assertTrue(line.startsWith("ciku-spark " + job[0] + ": " + empty.toAbsolutePath()
          + ": truncated or corrupt compressed data (") && line.endsWith("input stream)"), line);
    }
  }

  @Test
  void mainDomain_emptyInput_headerOnlyAsTheCli() throws Exception {
    Path empty = Files.createDirectory(tmp.resolve("empty"));
    Path spark = tmp.resolve("spark.tsv");
    Path cli = tmp.resolve("cli.tsv");
    java.io.StringWriter err = new java.io.StringWriter();
    assertEquals(0, run(err, "domain", "-o", spark.toString(), empty.toString()), err.toString());
    Files.writeString(tmp.resolve("empty.txt"), "");
    assertEquals(0, dev.ciku.cli.Main.execute("domain", "-o", cli.toString(), "--no-progress",
        "-q", tmp.resolve("empty.txt").toString()));
    assertEquals(List.of(Files.readAllLines(cli).get(0)), Files.readAllLines(spark));
  }

  @Test
  void mainCount_directoryAndOddNames_readAsTheCliReadsThem() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("corpus"));
    Files.writeString(dir.resolve("c.txt"), "小米手机Android系统很好用。小米手机Android系统\n");
    Files.writeString(dir.resolve("a.txt"), "苹果手机iPhone售价很高。苹果手机iPhone售价\n");
    Files.writeString(dir.resolve("_b.txt"), "华为手机Mate系列。华为手机Mate系列\n");
    Files.writeString(dir.resolve(".hidden.txt"), "隐藏文件Hidden不读。隐藏文件Hidden不读\n");
    Files.createDirectory(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub").resolve("d.txt"), "三星手机Galaxy。三星手机Galaxy\n");
    Path comma = Files.writeString(tmp.resolve("x,y.txt"), "一加手机OnePlus。一加手机OnePlus\n");
    Path under = Files.writeString(tmp.resolve("_z.txt"), "索尼手机Xperia。索尼手机Xperia\n");
    Path brackets = Files.writeString(tmp.resolve("n[1].txt"), "诺基亚手机Lumia。诺基亚手机Lumia\n");
    // Links to directories are not followed, a loop included, as the CLI walks.
    Path outside = Files.createDirectory(tmp.resolve("outside"));
    Files.writeString(outside.resolve("o.txt"), "链接目录Linked不读。链接目录Linked不读\n");
    Files.createSymbolicLink(dir.resolve("linked"), outside);
    Files.createSymbolicLink(dir.resolve("sub").resolve("loop"), dir.resolve("sub"));
    String[] inputs = {dir.toString(), comma.toString(), under.toString(), brackets.toString()};
    Path cli = tmp.resolve("cli.ngrams");
    List<String> cliArgs = new ArrayList<>(List.of("count", "-q", "--no-progress", "-n", "3", "-o",
        cli.toString()));
    cliArgs.addAll(List.of(inputs));
    assertEquals(0, dev.ciku.cli.Main.execute(cliArgs.toArray(String[]::new)));
    for (int parts : new int[] {1, 3}) {
      Path spark = tmp.resolve("spark" + parts + ".ngrams");
      Path tsv = tmp.resolve("spark" + parts + ".tsv");
      List<String> args = new ArrayList<>(List.of("count", "-n", "3", "--sort", "ngram",
          "--partitions", String.valueOf(parts), "-o", spark.toString(), "--tsv", tsv.toString()));
      args.addAll(List.of(inputs));
      java.io.StringWriter err = new java.io.StringWriter();
      assertEquals(0, run(err, args.toArray(String[]::new)), err.toString());
      String rows = Files.readString(tsv);
      assertTrue(rows.contains("\nMate\t") && rows.contains("\nOnePlus\t")
          && rows.contains("\nXperia\t") && rows.contains("\nLumia\t")
          && !rows.contains("Hidden") && !rows.contains("Linked"), rows);
      assertEquals(-1, Files.mismatch(cli, spark), "partitions " + parts + ": stores differ");
    }
  }

  /** A ':' in a file's name, named or in a directory: one line naming it, before the job. */
  @Test
  void mainCount_fileNameWithColon_exit66_oneLineNamingIt() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("names"));
    Files.writeString(dir.resolve("a.txt"), "苹果手机iPhone售价。苹果手机iPhone售价\n");
    Path colon = Files.writeString(dir.resolve("a:b.txt"), "小米手机Android。小米手机Android\n");
    for (String input : new String[] {colon.toString(), dir.toString()}) {
      String line = oneLineError(66, "count", "--tsv", tmp.resolve("out.tsv").toString(), input);
      assertEquals("ciku-spark count: " + colon + ": Hadoop cannot read a file whose name holds"
          + " ':'; rename it", line.strip(), input);
    }
  }

  @Test
  void mainCount_glob_sortedMatchesWithoutDotNames() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("g"));
    Files.writeString(dir.resolve("b.txt"), "小米手机Android系统。小米手机Android系统\n");
    Files.writeString(dir.resolve("a.txt"), "苹果手机iPhone售价。苹果手机iPhone售价\n");
    Files.writeString(dir.resolve(".a.txt.crc"), "校验文件Checksum。校验文件Checksum\n");
    Path spark = tmp.resolve("glob.ngrams");
    Path tsv = tmp.resolve("glob.tsv");
    java.io.StringWriter err = new java.io.StringWriter();
    assertEquals(0, run(err, "count", "-n", "3", "-o", spark.toString(), "--tsv", tsv.toString(),
        dir.resolve("*").toString()), err.toString());
    assertTrue(!Files.readString(tsv).contains("Checksum"), Files.readString(tsv));
    Path cli = tmp.resolve("cli.ngrams");
    assertEquals(0, dev.ciku.cli.Main.execute("count", "-q", "--no-progress", "-n", "3", "-o",
        cli.toString(), dir.resolve("a.txt").toString(), dir.resolve("b.txt").toString()));
    assertEquals(-1, Files.mismatch(cli, spark), "stores differ");
  }

  /**
   * An output that is one of the files read (named, found in a directory, or a lexicon) is a
   * usage error before any job, and the input is left as it was, as in the CLI.
   */
  @Test
  void main_outputThatIsAnInput_exit2_inputUntouched() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("in"));
    Path corpus = Files.writeString(dir.resolve("corpus.txt"), "苹果手机售价。苹果手机售价\n");
    Path lexicon = Files.writeString(tmp.resolve("lexicon.txt"), "苹果\n");
    String[][] runs = {
        {"count", "-o", corpus.toString(), corpus.toString()},
        {"count", "--tsv", corpus.toString(), dir.toString()},
        {"discover", "-o", corpus.toString(), dir.resolve("*").toString()},
        {"discover", "--counts-out", corpus.toString(), "-o", tmp.resolve("w.tsv").toString(),
            corpus.toString()},
        {"discover", "--known", lexicon.toString(), "-o", lexicon.toString(), corpus.toString()},
        {"domain", "-o", corpus.toString(), dir.toString()}};
    for (String[] args : runs) {
      String line = oneLineError(2, args);
      assertTrue(line.contains(" is also read (") && line.endsWith("writing it would replace that"
          + " input"), String.join(" ", args) + ": " + line);
      assertEquals("苹果手机售价。苹果手机售价\n", Files.readString(corpus), String.join(" ", args));
      assertEquals("苹果\n", Files.readString(lexicon), String.join(" ", args));
    }
  }

  /**
   * Standard output closed ({@code >&-}): the job's main says so at once, as ciku's, and starts
   * no Spark (else the whole job runs and its rows then fail to be written).
   */
  @Test
  void main_stdoutClosed_exit74_oneLineBeforeSpark() throws Exception {
    Path err = tmp.resolve("err.txt");
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder("bash", "-c", "exec \"$0\" -Dspark.master=local[1] -cp \"$1\""
        + " dev.ciku.spark.Main stats \"$2\" >&-", javaBin, System.getProperty("java.class.path"), LAWS.toString())
        .redirectError(err.toFile()).start();
    assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "the child JVM ended");
    assertEquals(74, p.exitValue(), Files.readString(err));
    assertEquals(List.of("ciku-spark stats: cannot write to standard output: it is closed (give"
        + " -o FILE, or redirect it: > FILE)"), Files.readAllLines(err));
  }

  /**
   * '-', standard input to the CLI, is no file Hadoop can read: refused saying so, not "no such
   * file", and nothing written.
   */
  @Test
  void mainJobs_standardInputDash_exit66_oneLineSayingWhy() {
    Path out = tmp.resolve("out.tsv");
    String[][] runs = {{"count", "--tsv", out.toString(), "-"}, {"stats", "-o", out.toString(),
        "-"}, {"discover", "-o", out.toString(), LAWS.toString(), "-"}};
    for (String[] args : runs) {
      assertEquals(args[0] + ": -: standard input cannot be read by the jobs (Hadoop reads files"
          + " by their length): write the data to a file first", oneLineError(66, args)
          .replaceFirst("^ciku-spark ", ""), String.join(" ", args));
      assertTrue(Files.notExists(out), String.join(" ", args));
    }
  }

  /** A pipe is no file Hadoop can read (it reads by length): refused, not read as empty. */
  @Test
  void mainCount_fifoInput_exit66_oneLine() throws Exception {
    Path fifo = tmp.resolve("fifo");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
    String line = oneLineError(66, "count", "--tsv", tmp.resolve("out.tsv").toString(),
        fifo.toString());
    assertTrue(line.contains(fifo + ": not a regular file"), line);
  }
  /**
   * A FIFO inside a directory is skipped, as the CLI's walk skips it (named, it is refused):
   * the directory's other files are read, and the output is the CLI's.
   */
  @Test
  void mainStats_fifoInADirectory_skippedAsTheCli() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("with-fifo"));
    Files.copy(LAWS, dir.resolve("laws.txt"));
    org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo",
        dir.resolve("pipe.txt").toString()).start().waitFor() == 0, "mkfifo");
    assertEquals(0, dev.ciku.cli.Main.execute("stats", "-q", "-o",
        tmp.resolve("cli.tsv").toString(), dir.toString()), "the CLI");
    assertEquals(List.of(), warnings("stats", "-o", tmp.resolve("job.tsv").toString(),
        dir.toString()));
    assertEquals(Files.readString(tmp.resolve("cli.tsv")),
        Files.readString(tmp.resolve("job.tsv")));
  }


  /**
   * Lines end at a line feed only, as in the CLI: a lone carriage return (old Mac text) is a
   * clause boundary inside a line, a CRLF end one line end. Same store, same domain output.
   */
  @Test
  void mainCountAndDomain_loneCarriageReturnsAndCrlf_sameAsTheCli() throws Exception {
    List<String> lines = Files.readAllLines(LAWS).subList(0, 400);
    Path cr = Files.writeString(tmp.resolve("cr.txt"), String.join("\r", lines) + "\r");
    Path crlf = Files.writeString(tmp.resolve("crlf.txt"), String.join("\r\n", lines) + "\r\n");
    for (Path in : List.of(cr, crlf)) {
      Path spark = tmp.resolve("spark.ngrams");
      Path cli = tmp.resolve("cli.ngrams");
      Files.deleteIfExists(spark);
      Files.deleteIfExists(cli);
      assertEquals(0, run(new java.io.StringWriter(), "count", "-n", "4", "--partitions", "3",
          "-o", spark.toString(), in.toString()));
      assertEquals(0, dev.ciku.cli.Main.execute("count", "-q", "--no-progress", "-n", "4", "-o",
          cli.toString(), in.toString()));
      assertEquals(-1, Files.mismatch(cli, spark), in + ": stores differ");
    }
    Path sparkDomain = tmp.resolve("spark-domain.tsv");
    Path cliDomain = tmp.resolve("cli-domain.tsv");
    assertEquals(0, run(new java.io.StringWriter(), "domain", "--top", "50", "-o",
        sparkDomain.toString(), cr.toString()));
    assertEquals(0, dev.ciku.cli.Main.execute("domain", "-q", "--no-progress", "--top", "50",
        "-o", cliDomain.toString(), cr.toString()));
    assertEquals(-1, Files.mismatch(cliDomain, sparkDomain), "domain outputs differ");
  }

  /**
   * A glob in a directory that also holds a ':' name: the pinned Hadoop cannot list its matches
   * (a URISyntaxException for the other name), which is one line naming the cause and a way out,
   * exit 66.
   */
  @Test
  void mainCount_globBesideAColonName_noInputSayingWhy() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("colons"));
    Files.writeString(dir.resolve("a.txt"), "苹果手机iPhone售价。苹果手机iPhone售价\n");
    Files.writeString(dir.resolve("x:y.txt"), "小米手机Android。小米手机Android\n");
    String line = oneLineError(66, "count", "--tsv", tmp.resolve("out.tsv").toString(),
        dir.resolve("a*").toString());
    assertTrue(line.contains("Hadoop cannot list the files it matches") && line.contains(
        "a name there holds ':'; rename that file, or name the inputs one by one"), line);
    assertTrue(Files.notExists(tmp.resolve("out.tsv")), "nothing written");
  }

  /** Run with java and no -Dspark.master (or spark-submit without one): a usage error. */
  @Test
  void userError_noSparkMaster_usageErrorSayingHowToGiveOne() {
    Exception spark = new org.apache.spark.SparkException(
        "A master URL must be set in your configuration");
    Exception mapped = Main.userError(spark);
    assertTrue(mapped instanceof CikuException, String.valueOf(mapped));
    assertEquals(CikuException.USAGE, ((CikuException) mapped).exitCode());
    assertEquals("no Spark master: run the job with spark-submit --master MASTER, or with java"
        + " -Dspark.master=local[N]", mapped.getMessage());
  }

  /** A task that met new Latin units in the second pass: the input changed, bad data (65). */
  @Test
  void userError_inputChangedBetweenPasses_dataErrorSayingSo() {
    Exception job = new RuntimeException("Job aborted due to stage failure", new RuntimeException(
        new IllegalStateException("a partition met 3 Latin unit(s) the first pass did not see: "
            + Lines.CHANGED + "?")));
    Exception mapped = Main.userError(job);
    assertTrue(mapped instanceof CikuException, String.valueOf(mapped));
    assertEquals(CikuException.DATA, ((CikuException) mapped).exitCode());
    assertTrue(mapped.getMessage().startsWith("an input changed while the job read it"),
        mapped.getMessage());
    Exception other = new RuntimeException(new IllegalStateException("something else"));
    assertEquals(other, Main.userError(other));
  }

  /** {@code text} compressed by Hadoop's bzip2 codec (one stream). */
  private static byte[] bzip2(byte[] text) throws IOException {
    org.apache.hadoop.io.compress.BZip2Codec codec = new org.apache.hadoop.io.compress.BZip2Codec();
    codec.setConf(new org.apache.hadoop.conf.Configuration());
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    try (java.io.OutputStream out = codec.createOutputStream(b)) {
      out.write(text);
    }
    return b.toByteArray();
  }

  /**
   * bzip2 data whose block header is damaged so that Hadoop's decoder fails with an index out of
   * bounds, not an I/O error: 20,000 bytes of the sample, the byte at 17 (in the decoding tables)
   * set to 0xFF.
   */
  private static byte[] bzip2DamagedTables() throws IOException {
    byte[] bz = bzip2(java.util.Arrays.copyOf(Files.readAllBytes(LAWS), 20_000));
    bz[17] = (byte) 0xFF;
    return bz;
  }

  /**
   * bzip2 data damaged so that Hadoop's decoder throws an unchecked exception (an index out of
   * bounds in its decoding tables): after the first block (the task meets it) and in it (the
   * driver does), bad data with one line naming the file, exit 65, not an internal error.
   */
  @Test
  void mainStats_bzip2DecoderFailsUnchecked_exit65_oneLineNamingTheFile() throws Exception {
    java.io.ByteArrayOutputStream later = new java.io.ByteArrayOutputStream();
    // A whole stream of the sample's first 200,000 bytes, then the damaged one.
    later.write(bzip2(java.util.Arrays.copyOf(Files.readAllBytes(LAWS), 200_000)));
    later.write(bzip2DamagedTables());
    Path inTask = Files.write(tmp.resolve("later.txt.bz2"), later.toByteArray());
    Path onDriver = Files.write(tmp.resolve("first.txt.bz2"), bzip2DamagedTables());
    Path out = tmp.resolve("out.tsv");
    String task = oneLineError(65, "stats", "-o", out.toString(), inTask.toString());
    assertTrue(task.startsWith("ciku-spark stats: " + inTask + ": truncated or corrupt bzip2 data"
        + " (") && !task.contains("\tat "), task);
    String driver = oneLineError(65, "stats", "-o", out.toString(), onDriver.toString());
    assertTrue(driver.startsWith("ciku-spark stats: " + onDriver + ": truncated or corrupt"
        + " compressed data ("), driver);
    assertTrue(Files.notExists(out), "nothing written");
  }

  /**
   * A task's line about damaged compressed data, as the job's failure carries it on a cluster
   * where the driver could not rebuild the task's exception (text only, after Spark's words and
   * before the executor's stack): that line, bad data (65).
   */
  @Test
  void userError_damagedCompressedInputAsText_dataErrorWithTheTasksLine() {
    Exception job = new org.apache.spark.SparkException("Job aborted due to stage failure: Task 0"
        + " in stage 1.0 failed 4 times, most recent failure: Lost task 0.3 (TID 7) (host"
        + " executor 2): java.io.UncheckedIOException: dev.ciku.corpus.InputFiles$"
        + "CorruptInputException: hdfs://nn/c/a.txt.gz: truncated or corrupt gzip data (Unexpected"
        + " end of input stream)\n\tat dev.ciku.spark.DamagedInput$1.hasNext(DamagedInput.java:9)"
        + "\nCaused by: java.io.EOFException: Unexpected end of input stream\n");
    Exception mapped = Main.userError(job);
    assertTrue(mapped instanceof CikuException, String.valueOf(mapped));
    assertEquals(CikuException.DATA, ((CikuException) mapped).exitCode());
    assertEquals("hdfs://nn/c/a.txt.gz: truncated or corrupt gzip data (Unexpected end of input"
        + " stream)", mapped.getMessage());
  }
}
