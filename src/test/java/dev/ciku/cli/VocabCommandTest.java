package dev.ciku.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code ciku vocab}: corpora without characters, the stages of --stats. */
class VocabCommandTest {
  private static final String WIKI = Path.of("corpora-samples", "wiki-zh-cmrc2018.txt").toString();

  @TempDir Path dir;
  @RegisterExtension final CapturedStreams io = new CapturedStreams();

  @Test
  void vocab_noCharactersWithStats_emptyVocabularyWarningNanStats() throws IOException {
    Path stats = dir.resolve("st.tsv");
    for (String text : new String[] {"，。！\n", "", "😀😀\n"}) {
      io.reset();
      Path in = Files.writeString(dir.resolve("p.txt"), text, StandardCharsets.UTF_8);
      assertEquals(0, Main.execute("vocab", "-q", in.toString(), "--stats", stats.toString()),
          io::err);
      assertEquals(List.of("word\tcount"), io.outLines());
      assertEquals(List.of("ciku: warning: the corpus holds no characters to learn words from"
          + " (punctuation, symbols or nothing): the vocabulary is empty"), io.errLines());
      assertEquals(List.of("stage\twords\tbits_per_char\tkept", "characters\t0\tnan\t1"),
          Files.readAllLines(stats));
    }
  }

  /** A budget under the smallest is a usage error of one line, before any work, as for discover. */
  @Test
  void vocab_memoryBelowMinimum_usageErrorOneLine() {
    assertEquals(2, Main.execute("vocab", "--memory", "1k", WIKI));
    assertEquals(List.of("ciku vocab: --memory must be at least 16m"), io.errLines());
    assertEquals("", io.out());
  }

  /**
   * At the smallest budget, the same vocabulary as at the default, on a corpus of more distinct
   * fragments than 16m holds (300,000 distinct two-character clauses, none cut, between two
   * halves of the laws sample's first 2,000 lines, whose fragments so fall in both runs): with
   * -m 16m the fragment table spills, at the default it does not. (The wiki sample, 52,350
   * fragments, spills at no budget: a -m that never reached the learner passed.)
   */
  @Test
  void vocab_memory16mOnMoreFragmentsThanItHolds_spillsAndSameVocabularyAsDefault()
      throws IOException {
    StringBuilder text = new StringBuilder();
    List<String> laws = Files.readAllLines(Path.of("corpora-samples", "laws-zh.txt"));
    laws.subList(0, 1_000).forEach(l -> text.append(l).append('\n'));
    // Every clause two Han characters, each pair of them once: 300,000 distinct fragments.
    java.util.Random random = new java.util.Random(16);
    java.util.Set<Integer> pairs = new java.util.HashSet<>();
    int clauses = 0;
    while (clauses < 300_000) {
      int a = random.nextInt(3_000);
      int b = random.nextInt(3_000);
      if (pairs.add(a * 3_000 + b)) {
        text.appendCodePoint(0x4E00 + a).appendCodePoint(0x4E00 + b)
            .append(++clauses % 10 == 0 ? "。\n" : "，");
      }
    }
    laws.subList(1_000, 2_000).forEach(l -> text.append(l).append('\n'));
    Path corpus = Files.writeString(dir.resolve("fragments.txt"), text, StandardCharsets.UTF_8);
    Path spills = Files.createDirectory(dir.resolve("spills"));
    String[] uncut = {"vocab", "--no-progress", "--min-pair-count", "1", "--min-pmi", "-1000",
        "--temp-dir", spills.toString(), corpus.toString()};
    assertEquals(0, Main.execute(uncut), io::err);
    String whole = io.out();
    assertTrue(io.errLines().stream().anyMatch(l -> l.matches("ciku: 3[0-9]{2},[0-9]{3}"
        + " distinct fragments")), io::err);
    assertFalse(io.err().contains("spilled"), io::err);
    io.reset();
    String[] small = java.util.Arrays.copyOf(uncut, uncut.length + 2);
    small[uncut.length] = "-m";
    small[uncut.length + 1] = "16m";
    assertEquals(0, Main.execute(small), io::err);
    assertTrue(io.errLines().stream().anyMatch(l -> l.matches("ciku: 3[0-9]{2},[0-9]{3}"
        + " distinct fragments; counted in [0-9,]+ runs spilled to \\Q" + spills + "\\E")),
        io::err);
    assertEquals(whole, io.out());
    // Words of the laws lines, not only single characters.
    assertTrue(whole.lines().filter(l -> l.split("\t")[0].length() > 1).count() > 100, whole);
    try (var left = Files.list(spills)) {
      assertEquals(List.of(), left.toList(), "runs deleted");
    }
  }

  /** vocab's --memory says what it bounds there: fragments and word pairs, not counting. */
  @Test
  void vocab_help_memoryDescribesItsOwnBudget() {
    assertEquals(0, Main.execute("vocab", "--help"));
    String help = io.out().replaceAll("\\s+", " ");
    assertTrue(help.contains("-m, --memory=SIZE Memory budget (e.g. 256m, 2g; at least 16m;"
        + " default: 256m, or 25% of the JVM heap"), help);
    assertTrue(help.contains("distinct fragments of the cut pass"), help);
    assertFalse(help.contains("budget for counting"), help);
    io.reset();
    assertEquals(0, Main.execute("discover", "--help"));
    assertTrue(io.out().replaceAll("\\s+", " ").contains("Memory budget for counting"), io::out);
  }

  @Test
  void vocab_lowercase_usageErrorSayingLatinRunsAreClasses() {
    assertEquals(2, Main.execute("vocab", "-q", "--lowercase", WIKI));
    assertEquals(List.of("ciku vocab: --lowercase does not apply to vocab: a vocabulary writes"
        + " every Latin run as A (letters) or 0 (digits), whatever its case"), io.errLines());
    assertEquals("", io.out());
    // Nor does its help offer it; the commands that take it still do.
    assertEquals(0, Main.execute("vocab", "--help"));
    assertFalse(io.out().contains("--lowercase"), io::out);
    io.reset();
    assertEquals(0, Main.execute("discover", "--help"));
    assertTrue(io.out().contains("--lowercase"), io::out);
  }

  @Test
  void vocab_noCharacters_logsNoBitsPerCharNotNaN() throws IOException {
    Path in = Files.writeString(dir.resolve("empty.txt"), "", StandardCharsets.UTF_8);
    assertEquals(0, Main.execute("vocab", in.toString()), io::err);
    List<String> bits = io.errLines().stream().filter(l -> l.contains("bits per char")).toList();
    assertEquals(1, bits.size(), io::err);
    assertEquals(true, bits.get(0).startsWith("ciku: bits per char: none (no characters); "),
        bits.get(0));
    assertEquals(false, io.err().contains("NaN"), io::err);
  }

  @Test
  void vocab_top_logsTheWordsWrittenAndLearned() throws IOException {
    assertEquals(0, Main.execute("vocab", "--no-progress", WIKI, "--no-header", "--top", "5"),
        io::err);
    assertEquals(5, io.outLines().size());
    List<String> last = io.errLines().stream().filter(l -> l.contains("written")).toList();
    assertEquals(1, last.size(), io::err);
    assertTrue(last.get(0).matches("ciku: 5 words written \\([0-9,]+ learned\\)"), last::toString);
    long learned = Long.parseLong(last.get(0).replaceAll(".*\\(([0-9,]+) learned.*", "$1")
        .replace(",", ""));
    assertTrue(learned > 100, last::toString);
    io.reset();
    assertEquals(0, Main.execute("vocab", "-q", WIKI, "--no-header", "--top", "0"), io::err);
    assertEquals(learned, io.outLines().size(), "--top 0 writes every word learned");
  }

  @Test
  void vocab_stats_keptStageHoldsTheWordsWritten() throws IOException {
    Path stats = dir.resolve("st.tsv");
    Path out = dir.resolve("v.tsv");
    assertEquals(0, Main.execute("vocab", "-q", WIKI, "--no-header", "-o", out.toString(),
        "--stats", stats.toString()), io::err);
    List<String> kept = Files.readAllLines(stats).stream().filter(l -> l.endsWith("\t1")).toList();
    assertEquals(1, kept.size());
    String[] f = kept.get(0).split("\t");
    assertEquals("refinement-3", f[0]);
    assertEquals(Files.readAllLines(out).size(), Integer.parseInt(f[1]));
  }
}
