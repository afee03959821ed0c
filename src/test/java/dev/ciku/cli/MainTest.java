package dev.ciku.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  private static final String LAWS = Path.of("corpora-samples", "laws-zh.txt").toString();

  @TempDir Path dir;
  @org.junit.jupiter.api.extension.RegisterExtension
  final CapturedStreams io = new CapturedStreams();

  private String out() {
    return io.out();
  }

  private String err() {
    return io.err();
  }

  private List<String> errLines() {
    return err().lines().toList();
  }

  private List<String> dirListing() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** The advice after running out of memory names --memory only for commands that have it. */
  @Test
  void outOfMemory_eachCommandParsedOrNone_namesMemoryOnlyForCommandsWithIt() {
    for (String[] args : new String[][] {{"count", "x.txt"}, {"discover", "x.txt"},
        {"domain", "x.txt"}, {"segment", "x.txt"}, {"vocab", "x.txt"}, {"stats", "x.txt"},
        {"eval", "seg", "--gold", "g", "--pred", "p"}}) {
      picocli.CommandLine cl = Main.newCommandLine(args);
      cl.parseArgs(args);
      boolean budget = List.of("count", "discover", "domain", "vocab").contains(args[0]);
      assertEquals("out of memory in a 4,096 MB heap: give the JVM more (CIKU_OPTS=-Xmx8g)"
          + (budget ? " or lower --memory" : ""), Main.outOfMemory(cl, 4L << 30), args[0]);
    }
    assertEquals("out of memory in a 3,817 MB heap: give the JVM more (CIKU_OPTS=-Xmx8g)",
        Main.outOfMemory(Main.newCommandLine(), 3817L << 20), "nothing parsed");
  }

  /**
   * At the smallest budget, lowering --memory is no advice; above it, it is; fewer threads when
   * more than one was asked for; the heap advised is twice the heap's size, rounded up.
   */
  @Test
  void outOfMemory_budgetAtItsMinimumOrThreadsGiven_advisesWhatCanHelp() {
    Object[][] cases = {
        {new String[] {"count", "--memory", "16m", "x.txt"}, 61L << 20,
            "out of memory in a 61 MB heap: give the JVM more (CIKU_OPTS=-Xmx128m)"},
        {new String[] {"discover", "-m", "16M", "x.txt"}, 64L << 20,
            "out of memory in a 64 MB heap: give the JVM more (CIKU_OPTS=-Xmx128m)"},
        {new String[] {"domain", "--memory=16777216", "x.txt"}, 91L << 20,
            "out of memory in a 91 MB heap: give the JVM more (CIKU_OPTS=-Xmx256m)"},
        {new String[] {"count", "--memory", "17m", "x.txt"}, 512L << 20,
            "out of memory in a 512 MB heap: give the JVM more (CIKU_OPTS=-Xmx1g) or lower"
                + " --memory"},
        {new String[] {"discover", "-m", "1g", "-t", "8", "x.txt"}, 96L << 20,
            "out of memory in a 96 MB heap: give the JVM more (CIKU_OPTS=-Xmx256m), lower"
                + " --memory or use fewer --threads"},
        {new String[] {"vocab", "--threads", "2", "x.txt"}, 10L << 20,
            "out of memory in a 10 MB heap: give the JVM more (CIKU_OPTS=-Xmx64m), lower"
                + " --memory or use fewer --threads"},
        {new String[] {"vocab", "-m", "16m", "--threads", "2", "x.txt"}, 10L << 20,
            "out of memory in a 10 MB heap: give the JVM more (CIKU_OPTS=-Xmx64m) or use fewer"
                + " --threads"},
        {new String[] {"segment", "-t", "1", "x.txt"}, 1L << 30,
            "out of memory in a 1,024 MB heap: give the JVM more (CIKU_OPTS=-Xmx2g)"}};
    for (Object[] c : cases) {
      String[] args = (String[]) c[0];
      picocli.CommandLine cl = Main.newCommandLine(args);
      cl.parseArgs(args);
      assertEquals(c[2], Main.outOfMemory(cl, (Long) c[1]), String.join(" ", args));
    }
  }

  /** A class whose initializer runs out of memory, as a JDK class may when first used late. */
  private static final class HeapExhaustedOnInit {
    static final int VALUE = exhaust();

    private static int exhaust() {
      throw new OutOfMemoryError("Java heap space");
    }

    private HeapExhaustedOnInit() {}
  }

  /**
   * A command that fails with {@code failure}, made when it runs: an {@link Error} or a
   * {@link RuntimeException}.
   */
  @picocli.CommandLine.Command(name = "failing")
  private static final class Failing implements java.util.concurrent.Callable<Integer> {
    private final Supplier<? extends Throwable> failure;

    Failing(Supplier<? extends Throwable> failure) {
      this.failure = failure;
    }

    @Override
    public Integer call() {
      Throwable t = failure.get();
      if (t instanceof Error e) {
        throw e;
      }
      throw (RuntimeException) t;
    }
  }

  private static picocli.CommandLine failing(Supplier<? extends Throwable> failure) {
    return Main.handleErrors(new picocli.CommandLine(new Failing(failure)));
  }

  /**
   * A worker that ran out of memory while a class was being initialised leaves the class
   * unusable: the next thread to use it gets a NoClassDefFoundError, which the run rethrows. It
   * is reported as running out of memory, in one line with exit code 70, not as a stack trace.
   */
  @Test
  void execute_classInitializerRanOutOfMemory_oneLineOutOfMemoryExit70() {
    picocli.CommandLine cl = failing(() -> {
      try {
        return new AssertionError("initialised: " + HeapExhaustedOnInit.VALUE);
      } catch (OutOfMemoryError first) {
        try {
          return new AssertionError("initialised: " + HeapExhaustedOnInit.VALUE);
        } catch (NoClassDefFoundError again) {
          return again;
        }
      }
    });
    assertEquals(CikuException.SOFTWARE, Main.execute(cl));
    assertEquals(1, errLines().size(), err());
    assertTrue(errLines().get(0).startsWith("failing: out of memory in a "), err());
    assertEquals("", out());
  }

  /**
   * A worker thread's OutOfMemoryError that reaches the command wrapped in an exception (as a
   * store's fill threads hand theirs on) is reported as running out of memory too.
   */
  @Test
  void execute_outOfMemoryWrappedInAnException_oneLineOutOfMemoryExit70() {
    picocli.CommandLine cl = failing(
        () -> new IllegalStateException(new OutOfMemoryError("Java heap space")));
    assertEquals(CikuException.SOFTWARE, Main.execute(cl));
    assertEquals(1, errLines().size(), err());
    assertTrue(errLines().get(0).startsWith("failing: out of memory in a "), err());
  }

  /** Any other error is an internal error: one line, exit code 70. */
  @Test
  void execute_otherError_oneLineInternalErrorExit70() {
    picocli.CommandLine cl = failing(() -> new StackOverflowError());
    assertEquals(CikuException.SOFTWARE, Main.execute(cl));
    assertEquals(List.of("failing: internal error: java.lang.StackOverflowError"), errLines());
  }

  @Test
  void help_exit0_listsStats() {
    assertEquals(0, Main.execute("--help"));
    assertTrue(out().contains("stats"), out());
    assertTrue(out().contains("Usage: ciku"), out());
    assertEquals("", err());
  }

  @Test
  void stats_help_exit0_listsEncoding() {
    assertEquals(0, Main.execute("stats", "--help"));
    assertTrue(out().contains("--encoding"), out());
  }

  @Test
  void version_exit0_namesCiku() {
    assertEquals(0, Main.execute("--version"));
    assertTrue(out().startsWith("ciku "), out());
    assertTrue(out().contains("Java "), out());
  }

  @Test
  void newCommandLine_namedSubcommand_buildsOnlyThatOne() {
    assertEquals(List.of("discover"),
        List.copyOf(Main.newCommandLine("discover", "x.txt").getSubcommands().keySet()));
    List<String> all = List.of("stats", "count", "discover", "domain", "vocab", "segment", "eval",
        "help", "generate-completion", "gen-manpage");
    assertEquals(all, List.copyOf(Main.newCommandLine().getSubcommands().keySet()));
    assertEquals(all, List.copyOf(Main.newCommandLine("--help").getSubcommands().keySet()));
    assertEquals(all, List.copyOf(Main.newCommandLine("help", "stats").getSubcommands().keySet()));
    assertEquals(all, List.copyOf(Main.newCommandLine("statz").getSubcommands().keySet()));
  }

  @Test
  void generateCompletion_exit0_coversEverySubcommandAndItsOptions() {
    assertEquals(List.of("stats", "count", "discover", "domain", "vocab", "segment", "eval",
        "help", "generate-completion", "gen-manpage"),
        List.copyOf(Main.newCommandLine("generate-completion").getSubcommands().keySet()));
    assertEquals(0, Main.execute("generate-completion"));
    for (String s : List.of("stats", "count", "discover", "domain", "vocab", "segment", "eval")) {
      assertTrue(out().contains("_picocli_ciku_" + s + "()"), s);
    }
    for (String s : List.of("--explain", "--encoding", "--build-profile", "--vocab")) {
      assertTrue(out().contains(s), s);
    }
  }

  @Test
  void genManpage_exit0_writesAPageForEverySubcommand() throws IOException {
    assertEquals(0, Main.execute("gen-manpage", "-d", dir.toString()));
    try (Stream<Path> pages = Files.list(dir)) {
      List<String> names = pages.map(p -> p.getFileName().toString()).sorted().toList();
      for (String s : List.of("stats", "count", "discover", "domain", "vocab", "segment",
          "eval")) {
        assertTrue(names.contains("ciku-" + s + ".adoc"), s + " in " + names);
      }
    }
  }

  @Test
  void version_ofEvalAndItsSubcommands_exit0_namesCiku() {
    for (String[] args : new String[][] {{"eval", "-V"}, {"eval", "seg", "--version"},
        {"eval", "words", "-V"}}) {
      io.reset();
      assertEquals(0, Main.execute(args), String.join(" ", args));
      assertTrue(out().startsWith("ciku "), String.join(" ", args) + ": " + out());
    }
  }

  @Test
  void evalWords_goldBeforeRanked_takesOneLexiconPerOption() throws IOException {
    Path lexicon = Files.writeString(dir.resolve("lex.txt"), "中国\n人民\n");
    Path more = Files.writeString(dir.resolve("more.txt"), "北京\n");
    Path ranked = Files.writeString(dir.resolve("ranked.txt"), "中国\n北京\n上海\n");
    assertEquals(0, Main.execute("eval", "words", "--gold", lexicon.toString(), "--gold",
        more.toString(), ranked.toString(), "--k", "1,3"), err());
    assertEquals(List.of("k\tconsidered\thits\tprecision", "1\t1\t1\t1.0000",
        "3\t3\t2\t0.6667"), io.outLines());
  }

  @Test
  void missingFileOfANestedSubcommand_exit66_namesTheWholeCommand() {
    assertEquals(66, Main.execute("eval", "seg", "--gold", dir.resolve("none").toString(),
        "--pred", dir.resolve("none2").toString()));
    assertTrue(err().startsWith("ciku eval seg: cannot open "), err());
    assertEquals(1, err().lines().count(), err());
  }

  @Test
  void helpSubcommand_exit0_showsTheNamedCommand() {
    assertEquals(0, Main.execute("help", "discover"));
    assertTrue(out().contains("Usage: ciku discover"), out());
  }

  @Test
  void unknownSubcommand_exit2_oneLine() {
    assertEquals(2, Main.execute("statz", LAWS));
    assertEquals(1, errLines().size(), err());
    assertTrue(err().contains("statz"), err());
  }

  @Test
  void unknownOption_exit2_oneLine() {
    assertEquals(2, Main.execute("stats", "--bogus", LAWS));
    assertEquals(1, errLines().size(), err());
    assertTrue(err().contains("--bogus"), err());
  }

  @Test
  void usageError_misspeltCommandOrOption_oneLineNamingTheClosestNames() {
    String[][] cases = {
        {"ciku: unknown command 'discovr'; did you mean discover? (see 'ciku --help')",
            "discovr", LAWS},
        {"ciku: unknown command 'stast'; did you mean stats? (see 'ciku --help')", "stast"},
        {"ciku eval: unknown command 'word'; did you mean words? (see 'ciku eval --help')",
            "eval", "word"},
        {"ciku discover: Unknown option: '--tpo'; did you mean --top? (see 'ciku discover"
            + " --help')", "discover", "--tpo", "5", LAWS},
        {"ciku count: Unknown option: '--min-cuont=3'; did you mean --min-count? (see 'ciku"
            + " count --help')", "count", "--min-cuont=3", LAWS},
        // An option of other commands: which.
        {"ciku segment: Unknown option: '--top' (an option of count, discover, domain and"
            + " vocab) (see 'ciku segment --help')", "segment", "--top", "5", LAWS},
        {"ciku domain: Unknown option: '--new-only' (an option of discover) (see 'ciku domain"
            + " --help')", "domain", "--new-only", LAWS},
        // An option of ciku itself, given to a command: where it goes.
        {"ciku stats: Unknown option: '--version' (an option of ciku itself: 'ciku --version')"
            + " (see 'ciku stats --help')", "stats", "--version"},
        {"ciku discover: Unknown option: '-V' (an option of ciku itself: 'ciku -V') (see 'ciku"
            + " discover --help')", "discover", "-V", LAWS},
        // Nothing close: picocli's words alone.
        {"ciku: unknown command 'xyzzy' (see 'ciku --help')", "xyzzy"},
        {"ciku segment: Unknown option: '--qwertz' (see 'ciku segment --help')", "segment",
            "--qwertz", LAWS},
        {"ciku stats: Unknown option: '-x' (see 'ciku stats --help')", "stats", "-x", LAWS}};
    for (String[] c : cases) {
      io.reset();
      assertEquals(2, Main.execute(java.util.Arrays.copyOfRange(c, 1, c.length)), c[1]);
      assertEquals(List.of(c[0]), errLines());
      assertEquals("", out());
    }
  }

  @Test
  void editDistance_typosSwapsAndEmpty_tabledEdits() {
    Object[][] cases = {{"", "", 0}, {"a", "", 1}, {"top", "top", 0}, {"tpo", "top", 1},
        {"discovr", "discover", 1}, {"stast", "stats", 1}, {"ab", "ba", 1}, {"abc", "ca", 3},
        {"kitten", "sitting", 3}, {"--min-cuont", "--min-count", 1}};
    for (Object[] c : cases) {
      assertEquals(c[2], Main.editDistance((String) c[0], (String) c[1]), c[0] + " " + c[1]);
      assertEquals(c[2], Main.editDistance((String) c[1], (String) c[0]), c[1] + " " + c[0]);
    }
  }


  @Test
  void noSubcommand_exit2_oneLineAsForEval() {
    assertEquals(2, Main.execute());
    assertEquals(List.of("ciku: missing subcommand (stats, count, discover, domain, vocab,"
        + " segment or eval) (see 'ciku --help')"), errLines());
    assertEquals("", out());
    io.reset();
    assertEquals(2, Main.execute("eval"));
    assertEquals(List.of("ciku eval: missing subcommand (seg or words) (see 'ciku eval --help')"),
        errLines());
  }

  @Test
  void formatHelp_ofEveryCommand_listsExactlyTheFormatsItAccepts() {
    String[][] commands = {{"stats", LAWS}, {"count", LAWS}, {"discover", LAWS},
        {"domain", LAWS}, {"vocab", LAWS}, {"eval", "seg", "--gold", LAWS, "--pred", LAWS},
        {"eval", "words", LAWS, "--gold", LAWS}};
    Pattern formats = Pattern.compile("\\b(tsv|jsonl|json|dict)\\b");
    for (String[] c : commands) {
      int sub = c[0].equals("eval") ? 2 : 1;
      String[] help = java.util.Arrays.copyOf(java.util.Arrays.copyOf(c, sub), sub + 1);
      help[sub] = "--help";
      io.reset();
      assertEquals(0, Main.execute(help));
      // The option's description: from its line to the next option.
      String text = out().substring(out().indexOf("--format=FORMAT  "));
      text = text.substring(0, text.indexOf("\n      -", 1));
      java.util.Set<String> listed = new java.util.TreeSet<>();
      formats.matcher(text).results().forEach(m -> listed.add(m.group(1)));
      String[] bogus = java.util.Arrays.copyOf(c, c.length + 2);
      bogus[c.length] = "--format";
      bogus[c.length + 1] = "bogus";
      io.reset();
      assertEquals(2, Main.execute(bogus));
      String accepted =
          err().replaceAll("(?s).*--format must be one of (\\S+), not.*", "$1").trim();
      assertEquals(new java.util.TreeSet<>(List.of(accepted.split(","))), listed,
          String.join(" ", c) + ": " + text);
    }
  }

  @Test
  void help_ofEvalSubcommandsAndSegment_namesNoMissingToolAndSaysWhatSegmentDoesWithABom() {
    for (String c : new String[] {"seg", "words"}) {
      io.reset();
      assertEquals(0, Main.execute("eval", c, "--help"));
      assertFalse(out().contains("tools/"), out());
      assertTrue(out().contains("benchmarks/quick-checks.sh"), out());
    }
    io.reset();
    assertEquals(0, Main.execute("segment", "--help"));
    String help = out().replaceAll("\\s+", " ");
    assertFalse(help.contains("BOM is copied through"), help);
    assertTrue(help.contains("except that a byte-order mark that starts an input is not written,"
        + " whatever the encoding"), help);
  }

  @Test
  void stats_threads_checkedAsInEveryCommand() {
    for (String bad : new String[] {"0", "-1"}) {
      io.reset();
      assertEquals(2, Main.execute("stats", "-t", bad, LAWS), bad);
      assertEquals(List.of("ciku stats: --threads must be 1 or more"), errLines(), bad);
      assertEquals("", out());
    }
    io.reset();
    assertEquals(0, Main.execute("stats", "-t", "1", LAWS));
    String one = out();
    io.reset();
    int many = RunOptions.MAX_THREADS_PER_CORE * Runtime.getRuntime().availableProcessors() + 1;
    assertEquals(0, Main.execute("stats", "-t", "" + many, LAWS));
    assertEquals(one, out());
    assertEquals(List.of("ciku: warning: --threads " + many + " lowered to " + (many - 1) + " ("
        + RunOptions.MAX_THREADS_PER_CORE + " per core; this machine has "
        + Runtime.getRuntime().availableProcessors() + ")"), errLines());
  }

  @Test
  void countMerge_storesOfDifferentOrders_warnsForEachStoreCut() {
    String a = dir.resolve("a3.ngrams").toString();
    String b = dir.resolve("b2.ngrams").toString();
    String c = dir.resolve("c4.ngrams").toString();
    assertEquals(0, Main.execute("count", "-q", "-n", "3", "--min-count", "1", "-o", a, LAWS));
    assertEquals(0, Main.execute("count", "-q", "-n", "2", "--min-count", "1", "-o", b, LAWS));
    assertEquals(0, Main.execute("count", "-q", "-n", "4", "--min-count", "1", "-o", c, LAWS));
    io.reset();
    assertEquals(0, Main.execute("count", "-q", "--merge", a, b, c, "--sort", "ngram"));
    assertEquals(List.of(
        "ciku: warning: " + a + " holds grams of up to 3 units; the merge keeps 1..2, the order"
            + " of " + b,
        "ciku: warning: " + c + " holds grams of up to 4 units; the merge keeps 1..2, the order"
            + " of " + b), errLines());
    // What is kept is the lower order: the 1..2-grams of the corpus, three times.
    String merged = out();
    io.reset();
    assertEquals(0, Main.execute("count", "-q", "-n", "2", "--min-count", "1", "--sort", "ngram",
        LAWS));
    List<String> single = io.outLines();
    List<String> mergedLines = merged.lines().toList();
    assertEquals(single.size(), mergedLines.size());
    String[] first = single.get(1).split("\t");
    assertEquals(first[0] + "\t" + 3 * Long.parseLong(first[1]), mergedLines.get(1));
    io.reset();
    // The same store twice would double its counts: refused.
    assertEquals(CikuException.USAGE, Main.execute("count", "-q", "--merge", a, a, "--top", "1"));
    assertEquals(List.of("ciku count: --merge was given the store " + a + " twice: merging a"
        + " store with itself would double its counts"), errLines());
  }

  @Test
  void missingFile_exit66_oneLineNoStackTrace() {
    String missing = dir.resolve("missing.txt").toString();
    assertEquals(66, Main.execute("stats", missing));
    assertEquals(1, errLines().size(), err());
    assertTrue(err().startsWith("ciku stats: cannot open " + missing), err());
    assertFalse(err().contains("Exception"), err());
  }

  /** A link to nothing, or a loop of links, is said to be one, not a missing file. */
  @Test
  void danglingOrLoopingLink_exit66_saysItIsALink() throws IOException {
    Path loop = Files.createSymbolicLink(dir.resolve("self"), Path.of("self"));
    Path dangling = Files.createSymbolicLink(dir.resolve("gone"), dir.resolve("nowhere.txt"));
    for (Path p : new Path[] {loop, dangling}) {
      io.reset();
      assertEquals(66, Main.execute("stats", p.toString()));
      assertEquals(List.of("ciku stats: cannot open " + p + ": a symbolic link to nothing (its"
          + " target is missing, or the links loop)"), errLines());
    }
    io.reset();
    assertEquals(66, Main.execute("stats", dir.resolve("missing.txt").toString()));
    assertTrue(err().endsWith(": no such file or directory" + System.lineSeparator()), err());
  }

  @Test
  void formatBogus_exit2_oneLine_noOutputFile() throws IOException {
    Path target = dir.resolve("s.tsv");
    assertEquals(2, Main.execute("stats", "--format", "bogus", "-o", target.toString(), LAWS));
    assertEquals(1, errLines().size(), err());
    assertTrue(err().contains("--format"), err());
    assertEquals(List.of(), dirListing());
  }

  @Test
  void threads_beyondFourPerCore_loweredWithOneWarning_sameOutput() {
    assertEquals(0, Main.execute("count", "-n", "3", "--top", "50", "-t", "1", LAWS));
    String one = out();
    io.reset();
    int many = RunOptions.MAX_THREADS_PER_CORE * Runtime.getRuntime().availableProcessors() + 1;
    assertEquals(0, Main.execute("count", "-n", "3", "--top", "50", "-t", "" + many, LAWS));
    assertEquals(one, out());
    List<String> warnings = errLines().stream().filter(l -> l.contains("--threads")).toList();
    assertEquals(1, warnings.size(), err());
    assertTrue(warnings.get(0).contains("lowered to " + (many - 1)), err());
  }

  @Test
  void discoverCounts_storeOfLowerOrder_warnsOnceAndUsesItsOrder() {
    String store = dir.resolve("laws3.ngrams").toString();
    assertEquals(0, Main.execute("count", "-q", "-n", "3", "-o", store, LAWS));
    io.reset();
    assertEquals(0, Main.execute("discover", "-q", "--counts", store, "-n", "5", "--top", "20",
        LAWS));
    String five = out();
    List<String> warnings = errLines();
    assertEquals(List.of("ciku: warning: the store holds grams of up to 3 units: discovering at"
        + " order 3, not 5 (count with -n 5 or more for that)"), warnings);
    io.reset();
    assertEquals(0, Main.execute("discover", "-q", "--counts", store, "-n", "3", "--top", "20",
        LAWS));
    assertEquals(five, out());
    assertEquals("", err());
  }

  /** A store of single units or pairs is refused in one line that says how to count one. */
  @Test
  void discoverCounts_storeOfOrderOneOrTwo_refusedSayingHowToCountOne() {
    String[] holds = {"single units only", "grams of up to 2 units"};
    for (int order = 1; order <= 2; order++) {
      String store = dir.resolve("laws" + order + ".ngrams").toString();
      assertEquals(0, Main.execute("count", "-q", "-n", "" + order, "-o", store, LAWS));
      io.reset();
      assertEquals(CikuException.USAGE, Main.execute("discover", "-q", "--counts", store, LAWS));
      assertEquals(List.of("ciku discover: the store holds " + holds[order - 1] + "; discovery"
          + " needs grams of 3 units or more (count with -n 3 or more)"), errLines());
      assertEquals("", out());
      // The store alone: refused before the warning about a list without the corpus.
      io.reset();
      assertEquals(CikuException.USAGE, Main.execute("discover", "-q", "--counts", store));
      assertEquals(List.of("ciku discover: the store holds " + holds[order - 1] + "; discovery"
          + " needs grams of 3 units or more (count with -n 3 or more)"), errLines());
    }
  }

  @Test
  void countMerge_prunedStores_warnOnlyWhenThereAreSeveral() {
    String a = dir.resolve("a.ngrams").toString();
    String b = dir.resolve("b.ngrams").toString();
    assertEquals(0, Main.execute("count", "-q", "-n", "2", "-o", a, LAWS));
    assertEquals(0, Main.execute("count", "-q", "-n", "2", "-o", b, LAWS));
    io.reset();
    assertEquals(0, Main.execute("count", "-q", "--merge", a, "--top", "3"));
    assertEquals("", err());
    assertEquals(4, io.outLines().size(), out());
    io.reset();
    assertEquals(0, Main.execute("count", "-q", "--merge", a, b, "--top", "3"));
    assertEquals(2, errLines().size(), err());
    assertTrue(err().contains(a + " was counted with --min-count 2"), err());
  }

  @Test
  void vocab_jsonlAndTopZero_sameWordsAsTsv() throws IOException {
    Path part = dir.resolve("part.txt");
    Files.write(part, Files.readAllLines(Path.of(LAWS)).subList(0, 400));
    assertEquals(0, Main.execute("vocab", "-q", "--top", "0", part.toString()));
    List<String> tsv = io.outLines();
    io.reset();
    assertEquals(0, Main.execute("vocab", "-q", "--top", "0", "--format", "jsonl",
        part.toString()));
    List<String> jsonl = io.outLines();
    assertEquals("word\tcount", tsv.get(0));
    assertEquals(tsv.size() - 1, jsonl.size());
    assertTrue(jsonl.size() > 200, "--top 0 writes every word: " + jsonl.size());
    for (int i = 0; i < jsonl.size(); i++) {
      String[] f = tsv.get(i + 1).split("\t");
      assertEquals("{\"word\":\"" + f[0] + "\",\"count\":" + f[1] + "}", jsonl.get(i));
    }
    io.reset();
    assertEquals(0, Main.execute("vocab", "-q", "--top", "5", part.toString()));
    assertEquals(tsv.subList(0, 6), io.outLines());
  }

  @Test
  void stats_gzipOnStandardInputOrUnderAnotherName_decompressed() throws IOException {
    assertEquals(0, Main.execute("stats", LAWS));
    String plain = out();
    byte[] gz = dev.ciku.corpus.TestBytes.gzip(Files.readAllBytes(Path.of(LAWS)));
    Path renamed = Files.write(dir.resolve("laws.txt"), gz);
    io.reset();
    assertEquals(0, Main.execute("stats", renamed.toString()));
    assertEquals(plain, out());
    java.io.InputStream saved = System.in;
    try {
      System.setIn(new java.io.ByteArrayInputStream(gz));
      io.reset();
      assertEquals(0, Main.execute("stats", "-"));
      assertEquals(plain, out());
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void countMerge_standardInput_needsARegularFile() {
    assertEquals(66, Main.execute("count", "--merge", "-"));
    assertEquals(List.of("ciku count: --merge needs a regular file (a store is memory-mapped),"
        + " not a pipe or a device: -"), errLines());
  }

  @Test
  void memory_beyondTheHeap_exit2_namesTheHeap() {
    assertEquals(2, Main.execute("count", "-m", "100000g", LAWS));
    assertEquals(1, errLines().size(), err());
    assertTrue(err().contains("--memory 100000g does not fit in the JVM heap"), err());
    assertEquals("", out());
  }

  @Test
  void memory_beyondAnyMachine_exit2_noHeapAdvice() {
    assertEquals(2, Main.execute("count", "-m", "2000t", LAWS));
    assertEquals(1, errLines().size(), err());
    assertTrue(err().contains("--memory 2000t does not fit in the JVM heap"), err());
    assertTrue(err().contains(", nor in "), err());
    assertFalse(err().contains("-Xmx"), err());
    io.reset();
    assertEquals(2, Main.execute("count", "-m", "99999999999999999999g", LAWS));
    assertEquals(List.of("ciku count: --memory: size too large: '99999999999999999999g'"),
        errLines());
    io.reset();
    // Beyond the test JVM's heap (2 GB), within any machine that runs the tests: advice.
    assertEquals(2, Main.execute("count", "-m", "3g", LAWS));
    assertTrue(err().contains("give the JVM more, e.g. CIKU_OPTS=-Xmx4g"), err());
    assertEquals("", out());
  }

  @Test
  void stats_unknownEncoding_exit2_oneLine() {
    assertEquals(2, Main.execute("stats", "--encoding", "NOPE-1", LAWS));
    assertEquals(1, errLines().size(), err());
  }

  @Test
  void statsTsv_toFile_headerAndValues_noTempLeft() throws IOException {
    Path target = dir.resolve("s.tsv");
    assertEquals(0, Main.execute("stats", "-o", target.toString(), LAWS));
    List<String> lines = Files.readAllLines(target);
    assertEquals(List.of("lines\tchars\than_chars\ttraditional_chars\tclauses\tunits\tlatin_units\turls\tdistinct_units"
        + "\tentropy_bits\tmalformed"), lines.subList(0, 1));
    String[] row = lines.get(1).split("\t");
    assertEquals("11392", row[0]);
    assertEquals("634238", row[1]);
    assertEquals(2, lines.size());
    assertEquals(List.of("s.tsv"), dirListing());
    assertEquals("", err());
  }

  @Test
  void stats_formatJsonToAFile_isOneValidFlatObject() throws IOException {
    Path target = dir.resolve("s.json");
    assertEquals(0, Main.execute("stats", "--format", "json", "-o", target.toString(), LAWS));
    String json = Files.readString(target);
    String member = "\"[a-z_]+\":-?(0|[1-9][0-9]*)(\\.[0-9]+)?";
    assertTrue(Pattern.matches("\\{" + member + "(," + member + ")*\\}\n", json), json);
    assertTrue(json.startsWith("{\"lines\":11392,\"chars\":634238,"), json);
    assertTrue(json.contains("\"malformed\":0}"), json);
  }

  @Test
  void stats_formatJsonlToAFile_oneObjectPerLine() throws IOException {
    Path target = dir.resolve("s.jsonl");
    assertEquals(0, Main.execute("stats", "--format", "JSONL", "-o", target.toString(), LAWS));
    List<String> lines = Files.readAllLines(target);
    assertEquals(1, lines.size());
    assertTrue(lines.get(0).startsWith("{\"lines\":11392,"), lines.get(0));
  }

  @Test
  void output_failedRun_leavesExistingTargetUntouched() throws IOException {
    Path target = dir.resolve("keep.tsv");
    Files.writeString(target, "old\n");
    assertEquals(66, Main.execute("stats", "-o", target.toString(), dir.resolve("nope").toString()));
    assertEquals("old\n", Files.readString(target));
    assertEquals(List.of("keep.tsv"), dirListing());
  }

  @Test
  void output_missingDirectory_failsWithOneLine() {
    Path target = dir.resolve("no/such/dir/s.tsv");
    int code = Main.execute("stats", "-o", target.toString(), LAWS);
    assertTrue(code != 0, "exit " + code);
    assertEquals(1, errLines().size(), err());
    assertFalse(err().contains("Exception"), err());
  }

  @Test
  void malformedInput_warnsOnceOnStderr_exit0() throws IOException {
    Path bad = dir.resolve("bad.txt");
    Files.write(bad, new byte[] {'a', '\n', (byte) 0xFF, '\n'});
    Path target = dir.resolve("s.tsv");
    assertEquals(0, Main.execute("stats", "-o", target.toString(), bad.toString()));
    assertEquals(1, errLines().size(), err());
    assertTrue(err().startsWith("ciku: warning: " + bad), err());
    assertTrue(Files.readAllLines(target).get(1).endsWith("\t1"));
  }

  @Test
  void failure_accessDenied_exit66_saysCannotReadWhy() {
    picocli.CommandLine stats = Main.newCommandLine("stats").getSubcommands().get("stats");
    java.io.StringWriter err = new java.io.StringWriter();
    stats.setErr(new java.io.PrintWriter(err));
    assertEquals(CikuException.NO_INPUT,
        Main.failure(new java.nio.file.AccessDeniedException("laws.txt"), stats));
    assertEquals("ciku stats: cannot read laws.txt: permission denied\n", err.toString());
    err.getBuffer().setLength(0);
    assertEquals(CikuException.IO, Main.failure(new java.io.UncheckedIOException(
        new dev.ciku.io.OutputException("temporary file /ro/ciku-run-1.bin",
            "permission denied", null)), stats));
    assertEquals("ciku stats: cannot write temporary file /ro/ciku-run-1.bin: permission"
        + " denied\n", err.toString());
  }

  @Test
  void failure_fileNameTheLocaleCannotHold_exit2_saysUseUtf8() {
    picocli.CommandLine stats = Main.newCommandLine("stats").getSubcommands().get("stats");
    java.io.StringWriter err = new java.io.StringWriter();
    stats.setErr(new java.io.PrintWriter(err));
    // What the JVM makes of /data/法律.txt in the C locale: each byte of 法律 unmappable.
    String mangled = "/data/" + "\uFFFD".repeat(6) + ".txt";
    assertEquals(CikuException.USAGE, Main.failure(new java.nio.file.InvalidPathException(mangled,
        "Malformed input or input contains unmappable characters"), stats));
    assertEquals("ciku stats: cannot use the file name " + mangled + ": the JVM reads file names"
        + " as " + System.getProperty("sun.jnu.encoding") + " in this locale, which cannot hold"
        + " its characters; run ciku in a UTF-8 locale (LC_ALL=C.UTF-8)\n", err.toString());
    assertEquals("cannot use the file name a\u0000b: Nul character not allowed",
        Main.unusableFileName(new java.nio.file.InvalidPathException("a\u0000b",
            "Nul character not allowed"), "UTF-8"));
  }

  @Test
  void tempDirMissingOrAFile_exit74_saysWhich() throws IOException {
    Path missing = dir.resolve("no-such-dir");
    assertEquals(CikuException.IO, Main.execute("discover", "-q", "--temp-dir",
        missing.toString(), LAWS));
    assertEquals(List.of("ciku discover: cannot write temporary files in --temp-dir " + missing
        + ": no such directory"), errLines());
    io.reset();
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    assertEquals(CikuException.IO, Main.execute("count", "-q", "--temp-dir", file.toString(),
        LAWS));
    assertEquals(List.of("ciku count: cannot write temporary files in --temp-dir " + file
        + ": not a directory"), errLines());
  }

  /**
   * Run in child JVMs whose user the permissions bind: root (every machine of the project) with
   * its override of file permissions dropped, anyone else as they are. In-process, root reads and
   * writes whatever the permissions, so the test used to be skipped wherever it ran.
   */
  @Test
  void unreadableInputOrTempDir_exit66Or74_saysWhich() throws Exception {
    Path laws = Files.copy(Path.of(LAWS), dir.resolve("laws.txt"));
    Path ro = Files.createDirectory(dir.resolve("ro"));
    var none = java.nio.file.attribute.PosixFilePermissions.fromString("---------");
    var readOnly = java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x");
    var all = java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x");
    Files.setPosixFilePermissions(laws, none);
    Files.setPosixFilePermissions(ro, readOnly);
    try {
      String[] stats = boundByPermissions("stats", laws.toString());
      assertEquals(String.valueOf(CikuException.NO_INPUT), stats[0], stats[1]);
      assertEquals("ciku stats: cannot read " + laws + ": permission denied\n", stats[1]);
      String[] discover = boundByPermissions("discover", "-q", "--temp-dir", ro.toString(), LAWS);
      assertEquals(String.valueOf(CikuException.IO), discover[0], discover[1]);
      assertEquals(1, discover[1].lines().count(), discover[1]);
      assertTrue(discover[1].matches("ciku discover: cannot write temporary file \\Q" + ro
          + "/ciku-\\E[a-z]+-\\d+\\.bin: permission denied\n"), discover[1]);
      try (var left = Files.list(ro)) {
        assertEquals(List.of(), left.toList());
      }
    } finally {
      Files.setPosixFilePermissions(laws, all);
      Files.setPosixFilePermissions(ro, all);
    }
  }

  /** The exit code and standard error of ciku run with {@code args} as a user files bind. */
  private static String[] boundByPermissions(String... args) throws Exception {
    Process child = new ProcessBuilder(dev.ciku.io.PermissionBoundJvm.command(Main.class, args))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String err = new String(child.getErrorStream().readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(child.waitFor(120, java.util.concurrent.TimeUnit.SECONDS));
    return new String[] {String.valueOf(child.exitValue()), err};
  }

}
