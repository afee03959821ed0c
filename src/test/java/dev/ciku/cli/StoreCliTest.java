package dev.ciku.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class StoreCliTest {
  private static final String LAWS = "corpora-samples/laws-zh.txt";

  @TempDir Path dir;
  @RegisterExtension final CapturedStreams io = new CapturedStreams();

  /** A store of laws-zh counted with these options. */
  private Path lawsStore(String name, String... options) {
    Path store = dir.resolve(name);
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("count", "-q",
        "--no-progress", LAWS, "-o", store.toString()));
    args.addAll(java.util.List.of(options));
    StringWriter err = new StringWriter();
    assertEquals(0, run(err, args.toArray(new String[0])), err.toString());
    return store;
  }

  /** Overwrites everything after the first 2,048 bytes (Chronicle's header) with random bytes. */
  private static void scramble(Path store) throws java.io.IOException {
    byte[] junk = new byte[(int) Files.size(store) - 2048];
    new java.util.Random(1).nextBytes(junk);
    try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(store.toFile(), "rw")) {
      raf.seek(2048);
      raf.write(junk);
    }
  }

  @Test
  void discoverAndMerge_overwrittenStore_exit65WithOneLineSayingRebuild() throws Exception {
    Path store = lawsStore("laws.ngrams", "-n", "4");
    Path good = lawsStore("good.ngrams", "-n", "4");
    scramble(store);
    for (String[] args : new String[][] {
        {"discover", "--counts", store.toString(), "--no-progress", "-q"},
        {"discover", "--counts", store.toString(), LAWS, "--no-progress", "-q"},
        {"count", "--merge", good.toString(), store.toString(), "--no-progress", "-q"}}) {
      StringWriter err = new StringWriter();
      assertEquals(CikuException.DATA, run(err, args), err.toString());
      String msg = err.toString();
      assertEquals(1, msg.lines().count(), msg);
      assertTrue(msg.contains(store + " is corrupt ("), msg);
      assertTrue(msg.contains("'ciku count -o' to rebuild it"), msg);
    }
  }

  @Test
  void discover_storeWithMinCount10_warnsAndSaysWhatTheStoreHolds() throws Exception {
    Path store = lawsStore("laws10.ngrams", "-n", "4", "--min-count", "10");
    io.reset();
    StringWriter err = new StringWriter();
    assertEquals(0, run(err, "discover", "--counts", store.toString(), LAWS, "--no-progress",
        "--top", "5", "-o", dir.resolve("w.tsv").toString()), err.toString());
    String log = io.err();
    java.util.List<String> warnings = log.lines().filter(l -> l.contains("warning")).toList();
    assertEquals(1, warnings.size(), log);
    assertTrue(warnings.get(0).contains(store + " was counted with --min-count 10: the grams"
        + " seen 2..9 times are missing"), log);
    assertTrue(log.contains("grams seen 10 times or more"), log);
    assertTrue(!log.contains("twice"), log);

    // The default store: no warning, and the line says what it holds.
    Path two = lawsStore("laws2.ngrams", "-n", "4");
    io.reset();
    assertEquals(0, run(err, "discover", "--counts", two.toString(), LAWS, "--no-progress",
        "--top", "5", "-o", dir.resolve("w2.tsv").toString()), err.toString());
    assertTrue(!io.err().contains("warning"), io.err());
    assertTrue(io.err().contains("ciku: read: "), io.err());
    assertTrue(io.err().contains("grams seen twice or more"), io.err());
  }

  @Test
  void discover_storeOfAnotherCorpus_exits2WithOneLine() throws Exception {
    Path store = lawsStore("laws.ngrams", "-n", "4");
    StringWriter err = new StringWriter();
    int code = run(err, "discover", "--counts", store.toString(),
        "corpora-samples/wiki-zh-cmrc2018.txt", "--no-progress", "-q");
    assertEquals(CikuException.USAGE, code, err.toString());
    String msg = err.toString();
    assertEquals(1, msg.lines().count(), msg);
    assertTrue(msg.contains("the store " + store + " was counted from another corpus: "), msg);
    assertTrue(msg.matches("(?s).*: [0-9,]+ unit positions there, 558,259 here; .*"), msg);
  }

  /**
   * A corpus edited without changing its length (应当 replaced by 应该 throughout: the same unit
   * positions) is another corpus too: the count of a unit differs, and the store is refused.
   */
  @Test
  void discover_storeOfItsCorpusEditedToTheSameLength_exits2NamingAUnit() throws Exception {
    Path store = lawsStore("laws.ngrams", "-n", "4");
    String text = Files.readString(Path.of(LAWS));
    long times = text.split("应当", -1).length - 1L;
    assertTrue(times > 100, "the sample says 应当 " + times + " times");
    Path edited = Files.writeString(dir.resolve("edited.txt"), text.replace("应当", "应该"));
    for (String threads : new String[] {"1", "3"}) {
      StringWriter err = new StringWriter();
      int code = run(err, "discover", "--counts", store.toString(), edited.toString(), "-t",
          threads, "--no-progress", "-q");
      assertEquals(CikuException.USAGE, code, err.toString());
      String msg = err.toString();
      assertEquals(1, msg.lines().count(), msg);
      // 当 (U+5F53) comes before 该 (U+8BE5): the first unit whose count differs is named.
      long there = text.chars().filter(c -> c == '当').count();
      assertTrue(msg.endsWith("the store " + store + " was counted from another corpus: 当 seen "
          + String.format(java.util.Locale.ROOT, "%,d times there, %,d here", there,
              there - times) + "; count this corpus with 'ciku count -o', or give --counts"
          + " without INPUT" + System.lineSeparator()), msg);
    }
  }

  @Test
  void discover_storeWithItsCorpusRenamedAndSplit_listsTheSameWords() throws Exception {
    Path store = lawsStore("laws.ngrams", "-n", "4");
    java.util.List<String> lines = Files.readAllLines(Path.of(LAWS));
    Path parts = Files.createDirectory(dir.resolve("parts"));
    Files.write(parts.resolve("1.txt"), lines.subList(0, lines.size() / 2));
    Files.write(parts.resolve("2.txt"), lines.subList(lines.size() / 2, lines.size()));
    Path gz = dir.resolve("renamed.txt.gz");
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(Path.of(LAWS), out);
    }
    StringWriter err = new StringWriter();
    Path whole = dir.resolve("whole.tsv");
    assertEquals(0, run(err, "discover", "--counts", store.toString(), LAWS, "--no-progress",
        "-q", "-o", whole.toString()), err.toString());
    for (String corpus : new String[] {parts.toString(), gz.toString()}) {
      Path got = dir.resolve("got.tsv");
      assertEquals(0, run(err, "discover", "--counts", store.toString(), corpus,
          "--no-progress", "-q", "-o", got.toString()), err.toString());
      assertEquals(Files.readAllLines(whole), Files.readAllLines(got), corpus);
    }
    assertTrue(Files.readAllLines(whole).size() > 1000);
  }

  /**
   * A store counted with --min-count 1 (the exact-merge form) also holds the grams seen once,
   * which counting the corpus leaves out: the words are those of the corpus all the same.
   */
  @Test
  void discover_storeWithMinCount1_theWordsOfTheCorpus() throws Exception {
    String wiki = "corpora-samples/wiki-zh-cmrc2018.txt";
    StringWriter err = new StringWriter();
    Path one = dir.resolve("wiki1.ngrams");
    Path two = dir.resolve("wiki2.ngrams");
    assertEquals(0, run(err, "count", "-q", "--no-progress", "-n", "4", "--min-count", "1", wiki,
        "-o", one.toString()), err.toString());
    assertEquals(0, run(err, "count", "-q", "--no-progress", "-n", "4", wiki, "-o",
        two.toString()), err.toString());
    Path direct = dir.resolve("direct.tsv");
    assertEquals(0, run(err, "discover", "-q", "--no-progress", "--top", "0", wiki, "-o",
        direct.toString()), err.toString());
    Path withCorpus = dir.resolve("with.tsv");
    assertEquals(0, run(err, "discover", "-q", "--no-progress", "--top", "0", "--counts",
        one.toString(), wiki, "-o", withCorpus.toString()), err.toString());
    assertEquals(Files.readAllLines(direct), Files.readAllLines(withCorpus));
    Path alone1 = dir.resolve("alone1.tsv");
    Path alone2 = dir.resolve("alone2.tsv");
    assertEquals(0, run(err, "discover", "-q", "--no-progress", "--top", "0", "--counts",
        one.toString(), "-o", alone1.toString()), err.toString());
    assertEquals(0, run(err, "discover", "-q", "--no-progress", "--top", "0", "--counts",
        two.toString(), "-o", alone2.toString()), err.toString());
    assertEquals(Files.readAllLines(alone2), Files.readAllLines(alone1));
    assertTrue(Files.readAllLines(direct).size() > 1000);
  }

  @Test
  void countAndDomain_storeGivenAsCorpus_exit66SayingWhatReadsIt() throws Exception {
    Path store = lawsStore("laws.ngrams", "-n", "3");
    String said = store + ": an n-gram store (written by 'ciku count -o'), not text; discover"
        + " reads it with --counts FILE" + System.lineSeparator();
    StringWriter err = new StringWriter();
    assertEquals(66, run(err, "count", "-q", "-n", "2", store.toString()));
    assertEquals("ciku count: " + said, err.toString());
    err = new StringWriter();
    assertEquals(66, run(err, "domain", "-q", "--reference", store.toString(), LAWS));
    assertEquals("ciku domain: " + said, err.toString());
  }

  /**
   * A store written in a JVM whose default locale is Turkish, where "i" upper-cases to "İ":
   * Chronicle Values used to generate the map's code with the default locale's upper case
   * (writeİnt), which does not compile, so every 'count -o' failed with an internal error (70).
   * Run in a child JVM, as the code is generated once a JVM, with this JVM's module flags.
   */
  @Test
  void countOutput_turkishDefaultLocale_storeWrittenAsInAnyLocale() throws Exception {
    Path text = Files.write(dir.resolve("laws-2000.txt"),
        Files.readAllLines(Path.of(LAWS)).subList(0, 2_000));
    Path store = dir.resolve("tr.ngrams");
    java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    for (String a : java.lang.management.ManagementFactory.getRuntimeMXBean()
        .getInputArguments()) {
      if (a.startsWith("--add-") || a.startsWith("-Dchronicle.")) {
        command.add(a);
      }
    }
    command.addAll(java.util.List.of("-Duser.language=tr", "-Duser.country=TR", "-cp",
        System.getProperty("java.class.path"), Main.class.getName(), "count", "-q",
        "--no-progress", "-n", "3", text.toString(), "-o", store.toString()));
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    String said = new String(child.getInputStream().readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(child.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), said);
    assertEquals(0, child.exitValue(), said);
    assertEquals("", said);
    Path here = dir.resolve("here.ngrams");
    StringWriter err = new StringWriter();
    assertEquals(0, run(err, "count", "-q", "--no-progress", "-n", "3", text.toString(), "-o",
        here.toString()), err.toString());
    assertEquals(-1, Files.mismatch(here, store), "the store of this JVM's locale");
  }

  @Test
  void countMerge_sameStoreUnderAnyName_exits2WithOneLine() throws Exception {
    Path store = lawsStore("laws.ngrams", "-n", "4");
    Path link = Files.createSymbolicLink(dir.resolve("link.ngrams"), store.getFileName());
    Path hard = Files.createLink(dir.resolve("hard.ngrams"), store);
    String dotted = dir.resolve(".").resolve("laws.ngrams").toString();
    for (String other : new String[] {store.toString(), link.toString(), hard.toString(),
        dotted}) {
      StringWriter err = new StringWriter();
      int code = run(err, "count", "--merge", store.toString(), other, "-o",
          dir.resolve("merged.ngrams").toString(), "--no-progress", "-q");
      assertEquals(CikuException.USAGE, code, other + ": " + err);
      String msg = err.toString();
      assertEquals(1, msg.lines().count(), msg);
      assertTrue(msg.contains("--merge was given the store " + store + " twice"), msg);
      assertTrue(msg.contains("would double its counts"), msg);
      assertTrue(!Files.exists(dir.resolve("merged.ngrams")));
    }
  }

  private int run(StringWriter err, String... args) {
    CommandLine cl = Main.newCommandLine();
    cl.setOut(new PrintWriter(new StringWriter()));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void discover_withTextFileAsCounts_exits65WithOneLine() throws Exception {
    Path f = dir.resolve("corpus.txt");
    Files.writeString(f, "不是存储\n");
    StringWriter err = new StringWriter();
    int code = run(err, "discover", "--counts", f.toString(), "--no-progress");
    assertEquals(CikuException.DATA, code);
    String msg = err.toString();
    assertEquals(1, msg.lines().count(), msg);
    assertTrue(msg.contains("is not a ciku n-gram store"), msg);
  }

  @Test
  void discover_withMissingCounts_exits66() {
    StringWriter err = new StringWriter();
    int code = run(err, "discover", "--counts", dir.resolve("none.ngrams").toString(),
        "--no-progress");
    assertEquals(CikuException.NO_INPUT, code);
  }

  @Test
  void countMerge_ofHalves_equalsCountOfWhole() throws Exception {
    java.util.List<String> lines = Files.readAllLines(Path.of("corpora-samples/laws-zh.txt"));
    Path a = dir.resolve("a.txt");
    Path b = dir.resolve("b.txt");
    Files.write(a, lines.subList(0, lines.size() / 3));
    Files.write(b, lines.subList(lines.size() / 3, lines.size()));
    StringWriter err = new StringWriter();
    for (String[] args : new String[][] {
        {"count", "-q", "--min-count", "1", "-n", "4", a.toString(), "-o", dir.resolve("a.ngrams").toString()},
        {"count", "-q", "--min-count", "1", "-n", "4", b.toString(), "-o", dir.resolve("b.ngrams").toString()},
        {"count", "-q", "--min-count", "1", "-n", "4", "corpora-samples/laws-zh.txt", "-o",
            dir.resolve("whole.ngrams").toString()},
        {"count", "-q", "--min-count", "1", "--merge", dir.resolve("a.ngrams").toString(),
            dir.resolve("b.ngrams").toString(), "-o", dir.resolve("merged.ngrams").toString()}}) {
      assertEquals(0, run(err, args), err.toString());
    }
    try (dev.ciku.store.NgramStore w = dev.ciku.store.NgramStore.open(dir.resolve("whole.ngrams"));
        dev.ciku.store.NgramStore m =
            dev.ciku.store.NgramStore.open(dir.resolve("merged.ngrams"))) {
      assertEquals(w.size(), m.size());
      assertEquals(w.positions(1), m.positions(1));
      long[] checked = {0};
      w.forEach((hi, lo, c) -> {
        assertEquals(c, m.get(hi, lo));
        checked[0]++;
      });
      assertEquals(w.size(), checked[0]);
    }
  }

  @Test
  void countMerge_minCountBelowAStores_warnedAndRaised_anEmptyStoreRaisesNothing()
      throws Exception {
    java.util.List<String> lines = Files.readAllLines(Path.of(LAWS));
    Path a = Files.write(dir.resolve("a.txt"), lines.subList(0, lines.size() / 2));
    Path b = Files.write(dir.resolve("b.txt"), lines.subList(lines.size() / 2, lines.size()));
    Path empty = Files.writeString(dir.resolve("empty.txt"), "");
    StringWriter err = new StringWriter();
    for (String[] args : new String[][] {
        {"count", "-q", "--min-count", "1", "-n", "3", a.toString(), "-o", dir.resolve("a1.ngrams").toString()},
        {"count", "-q", "--min-count", "3", "-n", "3", b.toString(), "-o", dir.resolve("b3.ngrams").toString()},
        {"count", "-q", "--min-count", "1", "-n", "3", b.toString(), "-o", dir.resolve("b1.ngrams").toString()},
        {"count", "-q", "-n", "3", empty.toString(), "-o", dir.resolve("e.ngrams").toString()}}) {
      assertEquals(0, run(err, args), err.toString());
    }
    io.reset();
    Path ab = dir.resolve("ab.ngrams");
    assertEquals(0, run(err, "count", "-q", "--min-count", "1", "--merge",
        dir.resolve("a1.ngrams").toString(), dir.resolve("b3.ngrams").toString(), "-o",
        ab.toString()), err.toString());
    assertTrue(io.err().contains("ciku: warning: --min-count 1 is below the --min-count 3 "
        + dir.resolve("b3.ngrams") + " was counted with: the merged store keeps the grams seen 3"
        + " times or more"), io::err);
    try (dev.ciku.store.NgramStore m = dev.ciku.store.NgramStore.open(ab)) {
      assertEquals(3, m.minCount());
    }
    // Raised, not only recorded: the sums of the shards' counts, kept at 3 or more.
    java.util.Map<String, Long> raised = new java.util.HashMap<>(grams(dir.resolve("a1.ngrams")));
    grams(dir.resolve("b3.ngrams")).forEach((g, c) -> raised.merge(g, c, Long::sum));
    int below = raised.size();
    raised.values().removeIf(c -> c < 3);
    assertTrue(raised.size() < below / 2, raised.size() + " of " + below + " grams seen 3 times");
    assertEquals(raised, grams(ab));
    // A store of an empty corpus prunes nothing: merged with two exact halves, still exact.
    io.reset();
    Path abe = dir.resolve("abe.ngrams");
    assertEquals(0, run(err, "count", "-q", "--min-count", "1", "--merge",
        dir.resolve("a1.ngrams").toString(), dir.resolve("b1.ngrams").toString(),
        dir.resolve("e.ngrams").toString(), "-o", abe.toString()), err.toString());
    assertEquals("", io.err());
    try (dev.ciku.store.NgramStore m = dev.ciku.store.NgramStore.open(abe)) {
      assertEquals(1, m.minCount());
    }
    Path whole = dir.resolve("whole.ngrams");
    assertEquals(0, run(err, "count", "-q", "--min-count", "1", "-n", "3", LAWS, "-o",
        whole.toString()), err.toString());
    assertEquals(grams(whole), grams(abe));
  }

  /** The grams of a store, as text, with their counts. */
  private static java.util.Map<String, Long> grams(Path store) throws java.io.IOException {
    java.util.Map<String, Long> grams = new java.util.HashMap<>();
    try (dev.ciku.store.NgramStore s = dev.ciku.store.NgramStore.open(store)) {
      s.forEach((hi, lo, c) -> assertEquals(null,
          grams.put(dev.ciku.count.Grams.text(hi, lo, s.units()), c)));
    }
    return grams;
  }

  @Test
  void countThenDiscover_throughStore_succeeds() throws Exception {
    Path store = dir.resolve("laws.ngrams");
    StringWriter err = new StringWriter();
    assertEquals(0, run(err, "count", "corpora-samples/laws-zh.txt", "-o", store.toString(),
        "-q", "--no-progress"), err.toString());
    assertTrue(Files.size(store) > 0);
    Path words = dir.resolve("words.tsv");
    assertEquals(0, run(err, "discover", "--counts", store.toString(), "--top", "5", "-q",
        "--no-progress", "-o", words.toString()), err.toString());
    assertEquals(6, Files.readAllLines(words).size(), "header and 5 words");
  }

  @Test
  void discover_storeAlone_saysThereIsNoCutPass() throws Exception {
    Path store = lawsStore("laws.ngrams");
    StringWriter err = new StringWriter();
    assertEquals(0, run(err, "discover", "--counts", store.toString(), "--top", "5",
        "--no-progress", "-o", dir.resolve("alone.tsv").toString()), err.toString());
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("ciku: ([0-9,]+) cohesive grams"
        + ".*\nciku: no cut pass \\(a store alone\\): ([0-9,]+) candidates, the cohesive grams and"
        + " ([0-9,]+) pairs admitted by --pair-pmi", java.util.regex.Pattern.DOTALL)
        .matcher(io.err());
    assertTrue(m.find(), io.err());
    long g = Long.parseLong(m.group(1).replace(",", ""));
    long pairs = Long.parseLong(m.group(3).replace(",", ""));
    assertEquals(g + pairs, Long.parseLong(m.group(2).replace(",", "")), io.err());
    assertTrue(pairs > 0, "the laws sample admits pairs: " + io.err());
    assertTrue(!io.err().contains("fragments"), io.err());
    io.reset();
    assertEquals(0, run(err, "discover", "--counts", store.toString(), LAWS, "--top", "5",
        "--no-progress", "-o", dir.resolve("with.tsv").toString()), err.toString());
    assertTrue(io.err().matches("(?s).*ciku: cut: [0-9,]+ fragments, [0-9,]+ distinct.*"),
        io.err());
  }
}
