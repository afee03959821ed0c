package dev.ciku.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The case of Latin units in every command that reads a corpus: folded by default (one unit,
 * written in its most frequent form), {@code --lowercase}, {@code --keep-case}, on a fixture
 * where CPU, cpu and Cpu, BIOS and bios, iPhone, IPHONE and iphone, SD卡 and sd卡 all occur (its
 * first 90 lines write CPU and bios most, its last 102 cpu and BIOS; all of it CPU and bios).
 */
class LatinCaseCliTest {
  private static final String FIXTURE = "src/test/resources/fixtures/latin-case.txt";

  @TempDir Path dir;
  @RegisterExtension final CapturedStreams io = new CapturedStreams();

  /** Standard output of a run that must succeed. */
  private String run(String... args) {
    io.reset();
    assertEquals(0, Main.execute(args), () -> String.join(" ", args) + ": " + io.err());
    return io.out();
  }

  /** The rows of {@code out} whose first field is a case of cpu, bios or iphone. */
  private static List<String> latinRows(String out) {
    List<String> rows = new ArrayList<>();
    for (String line : out.lines().toList()) {
      String first = line.split("\t")[0].toLowerCase(java.util.Locale.ROOT);
      if (first.equals("cpu") || first.equals("bios") || first.equals("iphone")) {
        String[] f = line.split("\t");
        rows.add(f[0] + "\t" + f[1]);
      }
    }
    return rows;
  }

  /** Fixture halves: the first 90 lines and the last 102. */
  private Path[] halves() throws Exception {
    List<String> lines = Files.readAllLines(Path.of(FIXTURE));
    Path a = Files.write(dir.resolve("a.txt"), lines.subList(0, 90));
    Path b = Files.write(dir.resolve("b.txt"), lines.subList(90, lines.size()));
    return new Path[] {a, b};
  }

  @Test
  void discover_caseVariants_oneWordWithTheSummedCountWrittenInItsMostFrequentForm() {
    assertEquals(List.of("CPU\t103", "iPhone\t35", "bios\t32"),
        latinRows(run("discover", "-q", FIXTURE)));
    assertEquals(List.of("CPU\t60", "cpu\t40", "iPhone\t22", "bios\t20", "BIOS\t12",
        "IPHONE\t7", "iphone\t6", "Cpu\t3"), latinRows(run("discover", "-q", "--keep-case",
        FIXTURE)));
    assertEquals(List.of("cpu\t103", "iphone\t35", "bios\t32"),
        latinRows(run("discover", "-q", "--lowercase", FIXTURE)));
  }

  @Test
  void discoverKnown_lexiconWordInAnotherCase_removesTheFoldedWordOnlyWhenCaseIsFolded()
      throws Exception {
    Path known = Files.writeString(dir.resolve("known.txt"), "cpu\nIPHONE 3\n");
    assertEquals(List.of("bios\t32"), latinRows(run("discover", "-q", "--known",
        known.toString(), FIXTURE)));
    assertEquals(List.of("bios\t32"), latinRows(run("discover", "-q", "--lowercase", "--known", known.toString(), FIXTURE)));
    assertEquals(List.of("CPU\t60", "iPhone\t22", "bios\t20", "BIOS\t12", "iphone\t6",
        "Cpu\t3"), latinRows(run("discover", "-q", "--keep-case", "--known", known.toString(),
        FIXTURE)));
    // --explain finds a word whatever the case it is asked in.
    String explained = run("discover", "-q", "--explain", "cpu,Bios", FIXTURE);
    assertTrue(explained.contains("\ncpu\tkept\t") && explained.contains("\nBios\tkept\t"),
        explained);
  }

  @Test
  void domainStopwords_patternInAnotherCase_dropsTheFoldedTermOnlyWhenCaseIsFolded()
      throws Exception {
    Path stop = Files.writeString(dir.resolve("stop.txt"), "cpu\nBIOS\n");
    // Folded, the terms are written CPU and bios; the patterns drop them whatever their case.
    assertEquals(List.of("iPhone\t35"), latinRows(run("domain", "-q", "--top", "0",
        "--stopwords", stop.toString(), FIXTURE)));
    assertEquals(List.of("iphone\t35"), latinRows(run("domain", "-q", "--top", "0",
        "--lowercase", "--stopwords", stop.toString(), FIXTURE)));
    assertEquals(List.of("CPU\t60", "iPhone\t22", "bios\t20", "IPHONE\t7", "iphone\t6",
        "Cpu\t3"), latinRows(run("domain", "-q", "--top", "0", "--keep-case", "--stopwords",
        stop.toString(), FIXTURE)));
  }

  /**
   * Folded case at any thread count and budget: on the wiki sample followed by the fixture,
   * enough text that -m 16m spills the counter's sorted runs (ciku-run-*, seen in
   * --temp-dir; the default budget makes none), one thread at the default budget and three at
   * 16m give the same list. (On the fixture alone nothing spills at any budget: a --memory that
   * never reached discovery passed.)
   */
  @Test
  void discover_foldedCaseWithCountsSpilled_sameOutputAtAnyThreadCountAndMemory()
      throws Exception {
    Path corpus = dir.resolve("wiki-and-cases.txt");
    for (Path part : List.of(Path.of("corpora-samples", "wiki-zh-cmrc2018.txt"),
        Path.of(FIXTURE))) {
      Files.write(corpus, Files.readAllBytes(part), java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    }
    Path spills = Files.createDirectory(dir.resolve("spills"));
    String[] out = new String[2];
    List<String> byDefault = CreatedFiles.in(spills, () -> out[0] = run("discover", "-q",
        "--top", "0", "-t", "1", "--temp-dir", spills.toString(), corpus.toString()));
    // Counts by use after re-estimation, the forms summed over the whole corpus.
    assertEquals(List.of("CPU\t89", "iPhone\t33", "bios\t28"), latinRows(out[0]));
    assertTrue(byDefault.stream().noneMatch(n -> n.startsWith("ciku-run-")), byDefault::toString);
    List<String> small = CreatedFiles.in(spills, () -> out[1] = run("discover", "-q", "--top",
        "0", "-t", "3", "-m", "16m", "--temp-dir", spills.toString(), corpus.toString()));
    assertTrue(small.stream().anyMatch(n -> n.startsWith("ciku-run-")), small::toString);
    assertEquals(out[0], out[1]);
    try (var left = Files.list(spills)) {
      assertEquals(List.of(), left.toList(), "spills deleted");
    }
  }

  @Test
  void countAndStats_caseVariants_countedTogetherUnlessKeepCase() {
    String folded = run("count", "-q", "--order", "1", "--top", "0", FIXTURE);
    assertEquals(List.of("CPU\t103", "iPhone\t35", "bios\t32"), latinRows(folded));
    assertTrue(folded.contains("\nSD\t22\n"), folded);
    String kept = run("count", "-q", "--order", "1", "--top", "0", "--keep-case", FIXTURE);
    assertTrue(kept.contains("\nCPU\t60\n") && kept.contains("\ncpu\t40\n")
        && kept.contains("\nSD\t14\n") && kept.contains("\nsd\t8\n"), kept);
    // stats: the same units, fewer distinct ones.
    String[] f = run("stats", FIXTURE).lines().toList().get(1).split("\t");
    String[] k = run("stats", "--keep-case", FIXTURE).lines().toList().get(1).split("\t");
    String[] l = run("stats", "--lowercase", FIXTURE).lines().toList().get(1).split("\t");
    assertEquals(k[5], f[5], "units");
    assertEquals(Long.parseLong(k[8]) - 6, Long.parseLong(f[8]), "distinct units: 6 variants");
    assertEquals(String.join("\t", l), String.join("\t", f), "folded as --lowercase folds");
  }

  @Test
  void keepCaseWithLowercase_usageErrorOfOneLine_vocabRefusesBoth() {
    for (String command : new String[] {"stats", "count", "discover", "domain"}) {
      io.reset();
      assertEquals(2, Main.execute(command, "--keep-case", "--lowercase", FIXTURE), command);
      assertEquals(List.of("ciku " + command + ": --keep-case and --lowercase exclude each other:"
          + " --lowercase folds case and writes Latin units lower-case, --keep-case keeps their"
          + " case (give one, or neither to fold case and write each unit's most frequent form)"),
          io.errLines(), command);
      assertEquals("", io.out());
    }
    io.reset();
    assertEquals(2, Main.execute("vocab", "--keep-case", FIXTURE));
    assertEquals(List.of("ciku vocab: --keep-case does not apply to vocab: a vocabulary writes"
        + " every Latin run as A (letters) or 0 (digits), whatever its case"), io.errLines());
    assertEquals(0, Main.execute("vocab", "--help"));
    assertTrue(!io.out().contains("--keep-case") && !io.out().contains("--lowercase"), io.out());
  }

  @Test
  void discoverCounts_storeOfAFoldedCount_sameWordsAsADirectRun() throws Exception {
    Path store = dir.resolve("fixture.ngrams");
    run("count", "-q", FIXTURE, "-o", store.toString());
    String direct = run("discover", "-q", "--top", "0", FIXTURE);
    assertEquals(direct, run("discover", "-q", "--top", "0", "--counts", store.toString(),
        FIXTURE));
    String alone = run("discover", "-q", "--top", "0", "--counts", store.toString());
    assertTrue(alone.contains("\nCPU\t103\t"), alone);
    // The store says how it was counted: another case setting is one line naming it.
    io.reset();
    assertEquals(2, Main.execute("discover", "-q", "--keep-case", "--counts", store.toString(),
        FIXTURE));
    assertEquals(List.of("ciku discover: " + store + " was counted without --simplify and"
        + " without --lowercase or --keep-case; give the same --simplify/--lowercase/--keep-case"
        + " as when counting"), io.errLines());
  }

  @Test
  void countMerge_storesWhoseMostFrequentFormsDiffer_writeTheFormMostFrequentOverAll()
      throws Exception {
    Path[] half = halves();
    Path a = dir.resolve("a.ngrams");
    Path b = dir.resolve("b.ngrams");
    run("count", "-q", "--min-count", "1", half[0].toString(), "-o", a.toString());
    run("count", "-q", "--min-count", "1", half[1].toString(), "-o", b.toString());
    // Each half writes its own majority: the first CPU and bios, the second cpu and BIOS.
    assertEquals(List.of("CPU\t42", "bios\t18", "iPhone\t19"), latinRows(run("count", "-q",
        "--merge", a.toString())).stream().sorted().toList());
    assertEquals(List.of("BIOS\t14", "cpu\t61", "iPhone\t16"), latinRows(run("count", "-q",
        "--merge", b.toString())).stream().sorted().toList());
    // Merged, the counts of the forms are added: CPU 60 against cpu 40, bios 20 against BIOS 12.
    String merged = run("count", "-q", "--top", "0", "--min-count", "1", "--merge",
        a.toString(), b.toString());
    assertEquals(List.of("CPU\t103", "iPhone\t35", "bios\t32"), latinRows(merged));
    assertEquals(run("count", "-q", "--top", "0", "--min-count", "1", FIXTURE), merged);
    Path m = dir.resolve("m.ngrams");
    run("count", "-q", "--merge", a.toString(), b.toString(), "-o", m.toString());
    assertEquals(List.of("CPU\t103", "iPhone\t35", "bios\t32"), latinRows(run("count", "-q",
        "--merge", m.toString())));
  }

  @Test
  void discoverCounts_storeWrittenBeforeCaseFolding_readAsKeepCaseWithAClearLine()
      throws Exception {
    Path old = dir.resolve("old.ngrams");
    dev.ciku.store.TestStores.writeFormat3(old, Path.of(FIXTURE));
    io.reset();
    assertEquals(2, Main.execute("discover", "-q", "--counts", old.toString(), FIXTURE));
    assertEquals(List.of("ciku discover: " + old + " was counted without --simplify and with"
        + " --keep-case; give the same --simplify/--lowercase/--keep-case as when counting"),
        io.errLines());
    assertEquals(run("discover", "-q", "--keep-case", "--top", "0", FIXTURE), run("discover",
        "-q", "--keep-case", "--top", "0", "--counts", old.toString(), FIXTURE));
  }
}
