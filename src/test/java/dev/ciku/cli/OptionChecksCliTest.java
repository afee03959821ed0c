package dev.ciku.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ciku.corpus.LatinCase;
import dev.ciku.count.Grams;
import dev.ciku.store.NgramStore;
import dev.ciku.store.Normalization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Option checks and store/option agreement of discover, domain, vocab and count. */
class OptionChecksCliTest {
  private static final String LAWS = Path.of("corpora-samples", "laws-zh.txt").toString();

  @TempDir Path dir;
  @RegisterExtension final CapturedStreams io = new CapturedStreams();

  private Path store(String name, String... options) {
    Path store = dir.resolve(name);
    String[] args = new String[options.length + 5];
    System.arraycopy(new String[] {"count", "-q", "-n", "4", LAWS}, 0, args, 0, 5);
    System.arraycopy(options, 0, args, 5, options.length);
    List<String> all = new java.util.ArrayList<>(List.of(args));
    all.add("-o");
    all.add(store.toString());
    assertEquals(0, Main.execute(all.toArray(String[]::new)), io.err());
    io.reset();
    return store;
  }

  /** Runs ciku; asserts a usage error of one line that contains {@code message}. */
  private void assertUsage(String message, String... args) {
    io.reset();
    assertEquals(CikuException.USAGE, Main.execute(args), io.err());
    assertEquals(1, io.err().lines().count(), io.err());
    assertTrue(io.err().contains(message), io.err());
  }

  @Test
  void discoverCounts_storeOnly_countsAreTheNgramCounts() throws Exception {
    Path store = store("laws.ngrams");
    assertEquals(0, Main.execute("discover", "-q", "--counts", store.toString(), "--top", "0"),
        io.err());
    List<String> rows = io.outLines().subList(1, io.outLines().size());
    assertTrue(rows.size() > 100, rows.toString());
    boolean removedSome = false;
    try (NgramStore s = NgramStore.open(store)) {
      for (String row : rows) {
        String[] f = row.split("\t");
        int[] u = s.units().toUnits(f[0], false);
        removedSome |= u.length >= 3;
        // De-redundancy hands no count on: each count is the word's n-gram count (应当 5028).
        assertEquals(s.get(Grams.hi(u, 0, u.length), Grams.lo(u, 0, u.length)),
            Long.parseLong(f[1]), row);
      }
    }
    assertTrue(removedSome);
    assertTrue(rows.stream().anyMatch(r -> r.startsWith("应当\t5028\t")), rows.toString());
  }

  @Test
  void discoverCounts_reestimateWithoutInput_warnsItIsIgnored() {
    Path store = store("laws.ngrams");
    assertEquals(0, Main.execute("discover", "-q", "--counts", store.toString(), "--top", "1",
        "--reestimate", "2"), io.err());
    assertTrue(io.err().contains("warning: --reestimate is ignored"), io.err());
    io.reset();
    assertEquals(0, Main.execute("discover", "-q", "--counts", store.toString(), "--top", "1"));
    assertEquals(List.of(STORE_ALONE.replace("STORE", store.toString())),
        io.err().lines().toList());
  }

  /** The warning of every run of --counts without INPUT. */
  private static final String STORE_ALONE = "ciku: warning: --counts without INPUT: no cut pass"
      + " and no re-estimation, so the list is rougher than the corpus's (phrases such as 的人"
      + " stay); give the corpus as well (--counts STORE INPUT) for the words of 'discover"
      + " INPUT'";

  @Test
  void discoverCounts_readingOptionsWithoutInput_warnEachIsIgnored() {
    Path store = store("laws.ngrams");
    assertEquals(0, Main.execute("discover", "-q", "--counts", store.toString(), "--top", "1",
        "--input-format", "jsonl", "--field", "body"), io.err());
    assertEquals(List.of("ciku: warning: --input-format is ignored: --counts without"
        + " INPUT reads no corpus", "ciku: warning: --field is ignored: --counts without"
        + " INPUT reads no corpus", STORE_ALONE.replace("STORE", store.toString())),
        io.err().lines().toList());
  }

  @Test
  void discover_nonFiniteOrNegativeThresholds_areUsageErrorsNamingTheOption() {
    assertUsage("--min-pmi must be a finite number, not NaN", "discover", LAWS, "--min-pmi", "NaN");
    assertUsage("--merge-pmi must be a finite number, not Infinity", "discover", LAWS,
        "--merge-pmi", "Infinity");
    assertUsage("--pair-pmi must be a finite number", "discover", LAWS, "--pair-pmi", "-Infinity");
    assertUsage("--min-entropy must be 0 or more, not -0.5", "discover", LAWS,
        "--min-entropy", "-0.5");
    assertUsage("--pair-entropy must be a finite number", "discover", LAWS,
        "--pair-entropy", "NaN");
    assertUsage("--redundancy must be a finite number", "discover", LAWS,
        "--redundancy", "Infinity");
    assertUsage("--min-gain must be a finite number", "discover", LAWS, "--min-gain", "NaN");
    assertUsage("--order must be 3..6, not 2", "discover", LAWS, "--order", "2");
    assertUsage("--max-length must be 2..64, not 1", "discover", LAWS, "--max-length", "1");
    assertUsage("--reestimate must be 0..10, not 11", "discover", LAWS, "--reestimate", "11");
    assertUsage("--min-count must be 0 or more, not -1", "discover", LAWS, "--min-count", "-1");
    assertUsage("--number-glue must be between 0 and 1, got 2.0", "discover", LAWS,
        "--number-glue", "2");
    assertUsage("--number-glue must be between 0 and 1, got NaN", "discover", LAWS,
        "--number-glue", "NaN");
    assertUsage("--suffix-glue must be between 0 and 1, got -0.5", "discover", LAWS,
        "--suffix-glue", "-0.5");
  }

  /** Numbers are decimal: Java's own suffixes and hexadecimal forms are not taken. */
  @Test
  void thresholds_javaNumberForms_areUsageErrorsDecimalsPass() {
    for (String v : new String[] {"2f", "2d", "2F", "0x1p3", "1_0", "1e", "e3", "--1", "."}) {
      assertUsage("Invalid value for option '--min-pmi': '" + v + "' is not a double", "discover",
          LAWS, "--min-pmi=" + v);
      assertUsage("Invalid value for option '--min-entropy': '" + v + "' is not a double",
          "domain", LAWS, "--min-entropy=" + v);
    }
    for (String v : new String[] {"3", "+3", "-0.5", ".5", "5.", "1e-3", "2.5E+1", " 2 "}) {
      io.reset();
      assertEquals(0, Main.execute("discover", "-q", LAWS, "--min-pmi", v, "--top", "1"),
          v + ": " + io.err());
    }
    assertEquals(-0.5, Main.decimal("-0.5"));
    assertEquals(25.0, Main.decimal("2.5E+1"));
  }

  @Test
  void discover_negativePmiThreshold_isAllowed() {
    assertEquals(0, Main.execute("discover", "-q", LAWS, "--min-pmi", "-1", "--top", "1"),
        io.err());
  }

  @Test
  void domainVocabCount_badValues_areUsageErrorsNamingTheOption() {
    assertUsage("--term-entropy must be a finite number, not NaN", "domain", LAWS,
        "--term-entropy", "NaN");
    assertUsage("--term-entropy must be 0 or more", "domain", LAWS, "--term-entropy", "-1");
    assertUsage("--min-pmi must be a finite number", "domain", LAWS, "--min-pmi", "NaN");
    assertUsage("--min-gain must be a finite number", "vocab", LAWS, "--min-gain", "NaN");
    assertUsage("--length-gain must be a finite number", "vocab", LAWS, "--length-gain", "NaN");
    assertUsage("--length-power must be a finite number", "vocab", LAWS,
        "--length-power", "Infinity");
    assertUsage("--min-pmi must be a finite number", "vocab", LAWS, "--min-pmi", "NaN");
    assertUsage("--min-count must be 1 or more, not 0", "vocab", LAWS, "--min-count", "0");
    assertUsage("--max-length must be 1..127, not 200", "vocab", LAWS, "--max-length", "200");
    assertUsage("--order must be 1..6, not 7", "count", LAWS, "-n", "7");
    assertUsage("--min-count must be 1 or more, not 0", "count", LAWS, "--min-count", "0");
  }

  @Test
  void discoverCounts_normalisationDiffersFromStore_isUsageError() throws Exception {
    Path plain = store("plain.ngrams");
    Path simple = store("simple.ngrams", "--simplify");
    try (NgramStore s = NgramStore.open(simple)) {
      assertEquals(new Normalization(LatinCase.FOLD, true), s.normalization());
    }
    assertUsage("plain.ngrams was counted without --simplify and without --lowercase or"
        + " --keep-case; give the same --simplify/--lowercase/--keep-case as when counting",
        "discover", "--counts",
        plain.toString(), "--simplify");
    assertUsage("simple.ngrams was counted with --simplify", "discover", "--counts",
        simple.toString(), LAWS);
    assertUsage("was counted without --simplify and without --lowercase or --keep-case",
        "discover",
        "--counts", plain.toString(), "--lowercase", LAWS);
    io.reset();
    assertEquals(0, Main.execute("discover", "-q", "--counts", simple.toString(), "--simplify",
        "--top", "1"), io.err());
  }

  @Test
  void countMerge_storesNormalisedDifferently_isUsageError() throws Exception {
    Path plain = store("plain.ngrams");
    Path simple = store("simple.ngrams", "--simplify");
    assertUsage("cannot merge stores counted differently", "count", "-q", "--merge",
        plain.toString(), simple.toString(), "-o", dir.resolve("m.ngrams").toString());
    assertFalse(Files.exists(dir.resolve("m.ngrams")));
    io.reset();
    Path merged = dir.resolve("s.ngrams");
    Path simple2 = store("simple2.ngrams", "--simplify");
    assertEquals(0, Main.execute("count", "-q", "--merge", simple.toString(), simple2.toString(),
        "-o", merged.toString()), io.err());
    try (NgramStore s = NgramStore.open(merged)) {
      assertEquals(new Normalization(LatinCase.FOLD, true), s.normalization());
    }
  }

  @Test
  void count_optionsTheRunWouldIgnore_areUsageErrorsBeforeWork() throws Exception {
    Path out = dir.resolve("o.ngrams");
    for (String[] option : new String[][] {{"--top", "5"}, {"--format", "jsonl"},
        {"--sort", "ngram"}, {"--no-header"}}) {
      List<String> args = new ArrayList<>(List.of("count", "-q", LAWS, "-o", out.toString()));
      args.addAll(List.of(option));
      assertUsage(option[0] + " applies to printed rows, not to a store (-o)",
          args.toArray(String[]::new));
      assertFalse(Files.exists(out), option[0]);
    }
    Path a = store("a.ngrams");
    for (String[] option : new String[][] {{"-n", "2"}, {"--order", "3"}, {"--encoding", "GBK"},
        {"--input-format", "csv"}, {"--column", "2"}, {"--field", "body"}, {"--skip-header"}}) {
      List<String> args = new ArrayList<>(List.of("count", "-q", "--merge", a.toString()));
      args.addAll(List.of(option));
      String name = option[0].equals("-n") ? "--order" : option[0];
      assertUsage(name + " applies to counting a corpus, not to --merge",
          args.toArray(String[]::new));
    }
    // What does apply still runs: printing options without -o, --min-count with --merge.
    io.reset();
    assertEquals(0, Main.execute("count", "-q", "--merge", a.toString(), "--min-count", "50",
        "--top", "1", "--no-header", "--format", "jsonl"), io.err());
    assertEquals(1, io.out().lines().count(), io.out());
  }

  @Test
  void discoverDomainSegmentEval_missingAuxiliaryFile_namesItsOptionExit66() {
    String missing = dir.resolve("none.txt").toString();
    String[][] runs = {{"discover", LAWS, "--known", missing}, {"segment", LAWS, "--vocab", missing},
        {"domain", LAWS, "--stopwords", missing}, {"domain", LAWS, "--generic-heads", missing},
        {"eval", "words", LAWS, "--gold", missing}, {"eval", "seg", "--gold", LAWS, "--pred",
            missing}};
    for (String[] args : runs) {
      io.reset();
      assertEquals(CikuException.NO_INPUT, Main.execute(args), String.join(" ", args));
      String option = args[args.length - 2];
      assertEquals(List.of("ciku " + (args[0].equals("eval") ? "eval " + args[1] : args[0])
          + ": cannot open " + option + " " + missing + ": no such file or directory"),
          io.errLines(), String.join(" ", args));
      assertEquals("", io.out());
    }
  }

  @Test
  void discoverExplain_noWords_isUsageError() {
    assertUsage("--explain needs words", "discover", LAWS, "--explain", ",");
    assertUsage("--explain needs words", "discover", LAWS, "--explain", "");
  }

  @Test
  void discoverKnown_wordsWithSurroundingBlanks_areMatched() throws Exception {
    Path store = store("laws.ngrams");
    Path known = Files.writeString(dir.resolve("known.txt"), "  应当 \n\t或者\t5\n");
    assertEquals(0, Main.execute("discover", "-q", "--counts", store.toString(), "--top", "0",
        "--known", known.toString()), io.err());
    assertFalse(io.out().contains("\n应当\t"), io.out());
    assertFalse(io.out().contains("\n或者\t"), io.out());
    assertTrue(io.outLines().size() > 10);
  }

  @Test
  void emptyPath_inAnyCommandOrOption_usageErrorNamingIt() throws Exception {
    String unset = "('': an unset shell variable?)";
    assertUsage("ciku stats: an empty input path " + unset, "stats", "");
    assertUsage("ciku discover: an empty input path " + unset, "discover", LAWS, "");
    assertUsage("ciku count: an empty input path " + unset, "count", "--merge", "");
    String[][] options = {
        {"discover", "--known"}, {"discover", "--temp-dir"}, {"discover", "--counts"},
        {"domain", "--stopwords"}, {"domain", "--generic-heads"}, {"domain", "--reference"},
        {"segment", "--vocab"}, {"vocab", "--stats"}, {"stats", "-o"}};
    for (String[] o : options) {
      assertUsage("ciku " + o[0] + ": an empty path for " + (o[1].equals("-o") ? "--output"
          : o[1]) + " " + unset, o[0], o[1], "", LAWS);
    }
    Path words = Files.writeString(dir.resolve("words.txt"), "法院\n");
    assertUsage("ciku eval words: an empty path for RANKED " + unset, "eval", "words", "",
        "--gold", words.toString());
    assertUsage("ciku eval words: an empty path for --gold " + unset, "eval", "words",
        words.toString(), "--gold", "");
    assertUsage("ciku eval seg: an empty path for --pred " + unset, "eval", "seg", "--gold",
        words.toString(), "--pred", "");
    assertEquals("", io.out());
  }

  @Test
  void emptyPath_withHelp_showsTheHelp() {
    assertEquals(0, Main.execute("stats", "", "--help"));
    assertTrue(io.out().contains("Usage: ciku stats"), io.out());
  }
}
