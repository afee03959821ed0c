package dev.ciku.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CountDiscoverCommandTest {
  private static final String LAWS = Path.of("corpora-samples", "laws-zh.txt").toString();

  @TempDir Path dir;
  @org.junit.jupiter.api.extension.RegisterExtension
  final CapturedStreams io = new CapturedStreams();

  private List<String> outLines() {
    return io.out().lines().toList();
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"stats", "count", "discover", "domain",
      "vocab", "segment", "eval", "eval seg", "eval words"})
  void help_everySubcommand_exit0WithoutWarnings(String command) {
    String[] args = (command + " --help").split(" ");
    assertEquals(0, Main.execute(args), command);
    assertTrue(io.out().startsWith("Usage: ciku " + command), command);
    assertEquals("", io.err(), command);
  }

  @Test
  void discoverHelp_explain_namesEveryStage() {
    assertEquals(0, Main.execute("discover", "--help"));
    String help = io.out().replaceAll("\\s+", " ");
    String explain = help.substring(help.indexOf("--explain="), help.indexOf("-n, --order"));
    for (dev.ciku.discover.Explanation.Stage stage : dev.ciku.discover.Explanation.Stage.values()) {
      assertTrue(explain.matches("(?s).*\\b" + stage.label() + "\\b.*"), stage.label());
    }
  }

  @Test
  void discover_smallCorpusAdmittingPairs_logsNoMoreDistinctFragmentsThanFragments()
      throws Exception {
    // 200 lines of the legal sample, twice: --pair-pmi admits pairs, which are no fragments.
    List<String> head = Files.readAllLines(Path.of(LAWS)).subList(0, 200);
    Files.createDirectories(dir.resolve("in/again"));
    Files.write(dir.resolve("in/a.txt"), head);
    Files.write(dir.resolve("in/again/a.txt"), head);
    assertEquals(0, Main.execute("discover", "--no-progress", "--top", "1",
        dir.resolve("in").toString()));
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(
        "cut: ([0-9,]+) fragments, ([0-9,]+) distinct").matcher(io.err());
    assertTrue(m.find(), io.err());
    long fragments = Long.parseLong(m.group(1).replace(",", ""));
    long distinct = Long.parseLong(m.group(2).replace(",", ""));
    assertTrue(distinct > 0 && distinct <= fragments, io.err());
  }

  @Test
  void count_top_printsHeaderAndMostFrequentFirst() {
    assertEquals(0, Main.execute("count", "-q", "--order", "2", "--top", "3", LAWS));
    List<String> lines = outLines();
    assertEquals(List.of("ngram\tcount", "的\t15693", "人\t7476", "市\t6876"), lines);
  }

  @Test
  void count_sortNgramJsonl_isValidAndOrderedByUnit() {
    assertEquals(0, Main.execute("count", "-q", "--order", "1", "--sort", "ngram", "--format",
        "jsonl", "--top", "2", LAWS));
    List<String> lines = outLines();
    assertEquals(2, lines.size());
    assertTrue(lines.get(0).matches("\\{\"ngram\":\".\",\"count\":[0-9]+\\}"), lines.get(0));
    assertTrue(lines.get(0).codePointAt(10) < lines.get(1).codePointAt(10), lines.toString());
  }

  @Test
  void count_badOrder_exit2OneLine() {
    assertEquals(2, Main.execute("count", "--order", "9", LAWS));
    assertEquals(1, io.err().lines().count());
  }

  @Test
  void countThenDiscover_viaStoreAtOneAndThreeThreads_sameRows() throws Exception {
    Path store = dir.resolve("laws.ngrams");
    assertEquals(0, Main.execute("count", "-q", "-o", store.toString(), LAWS));
    assertTrue(Files.size(store) > 1_000_000);
    Path a = dir.resolve("a.tsv");
    assertEquals(0, Main.execute("discover", "-q", "--counts", store.toString(), "--top", "50",
        "--threads", "3", "-o", a.toString()));
    List<String> rows = Files.readAllLines(a);
    assertEquals(51, rows.size());
    assertEquals("word\tcount\tcohesion\tleft_entropy\tright_entropy\tscore", rows.get(0));
    Path b = dir.resolve("b.tsv");
    assertEquals(0, Main.execute("discover", "-q", "--counts", store.toString(), "--top", "50",
        "--threads", "1", "-o", b.toString()));
    assertEquals(rows, Files.readAllLines(b));
  }

  @Test
  void discover_dictFormat_isWordSpaceCount() throws Exception {
    Path d = dir.resolve("laws.dict");
    assertEquals(0, Main.execute("discover", "-q", "--top", "100", "--format", "dict", "-o",
        d.toString(), LAWS));
    List<String> rows = Files.readAllLines(d);
    assertEquals(100, rows.size());
    for (String r : rows) {
      assertTrue(r.matches("\\S{2,} [0-9]+"), r);
    }
  }

  @Test
  void discover_newOnly_dropsKnownWords() throws Exception {
    Path all = dir.resolve("all.dict");
    Path fresh = dir.resolve("new.dict");
    assertEquals(0, Main.execute("discover", "-q", "--format", "dict", "-o", all.toString(), LAWS));
    assertEquals(0, Main.execute("discover", "-q", "--new-only", "--format", "dict", "-o",
        fresh.toString(), LAWS));
    List<String> a = Files.readAllLines(all);
    List<String> f = Files.readAllLines(fresh);
    assertTrue(a.stream().anyMatch(r -> r.startsWith("应当 ")), "a common word is found");
    assertTrue(f.stream().noneMatch(r -> r.startsWith("应当 ")), "and dropped by --new-only");
    assertTrue(f.size() > 100 && f.size() < a.size() / 2, f.size() + " of " + a.size());
  }

  /**
   * The first 2,000 lines of the legal sample and the same lines converted to traditional
   * characters (OpenCC s2t; src/test/resources/fixtures/README.md): with the simplified bundled
   * lexicon, --new-only keeps the same new words in either script.
   */
  @Test
  void discover_newOnly_traditionalText_sameNewWordsAsSimplified() throws Exception {
    Path hans = dir.resolve("laws-2000.txt");
    Files.write(hans, Files.readAllLines(Path.of(LAWS)).subList(0, 2000));
    Path hant = Path.of("src", "test", "resources", "fixtures", "laws-zh-hant.txt");
    Path a = dir.resolve("hans.dict");
    Path b = dir.resolve("hant.dict");
    assertEquals(0, Main.execute("discover", "-q", "--new-only", "--top", "100", "--format", "dict",
        "-o", a.toString(), hans.toString()));
    assertEquals(0, Main.execute("discover", "-q", "--new-only", "--top", "100", "--format", "dict",
        "-o", b.toString(), hant.toString()));
    dev.ciku.corpus.Simplified s = dev.ciku.corpus.Simplified.bundled();
    java.util.Set<String> simplified = new java.util.HashSet<>();
    for (String r : Files.readAllLines(a)) {
      simplified.add(r.split(" ")[0]);
    }
    List<String> traditional = Files.readAllLines(b);
    assertEquals(100, traditional.size());
    long traditionalForms = traditional.stream().map(r -> r.split(" ")[0])
        .filter(w -> !s.fold(w).equals(w)).count();
    assertTrue(traditionalForms >= 50, "the list is in traditional characters: " + traditionalForms);
    long same = traditional.stream().map(r -> s.fold(r.split(" ")[0])).filter(simplified::contains)
        .count();
    assertTrue(same >= 90, same + " of 100 traditional new words are among the simplified ones");
    assertTrue(traditional.stream().noneMatch(r -> r.startsWith("應當 ") || r.startsWith("或者 ")),
        "known words in traditional characters are dropped");
  }

  @Test
  void discoverAndStats_simplify_traditionalTextCountedAsSimplified() throws Exception {
    Path hant = Path.of("src", "test", "resources", "fixtures", "laws-zh-hant.txt");
    Path words = dir.resolve("simplified.dict");
    assertEquals(0, Main.execute("discover", "-q", "--simplify", "--top", "50", "--format", "dict",
        "-o", words.toString(), hant.toString()));
    dev.ciku.corpus.Simplified s = dev.ciku.corpus.Simplified.bundled();
    List<String> w = Files.readAllLines(words).stream().map(r -> r.split(" ")[0]).toList();
    assertEquals(50, w.size());
    assertTrue(w.stream().allMatch(x -> s.fold(x).equals(x)), "all simplified: " + w);
    assertTrue(w.contains("应当") && w.contains("或者"), w.toString());
    // stats counts the traditional characters read, also when --simplify folds them: the
    // units show the folding (fewer distinct ones).
    io.reset();
    assertEquals(0, Main.execute("stats", "-q", hant.toString()));
    String[] read = outLines().get(1).split("\t");
    io.reset();
    assertEquals(0, Main.execute("stats", "-q", "--simplify", hant.toString()));
    String[] folded = outLines().get(1).split("\t");
    assertTrue(Long.parseLong(read[3]) > 30_000, "traditional_chars " + read[3]);
    assertEquals(read[3], folded[3], "traditional_chars as read");
    assertTrue(Long.parseLong(folded[8]) < Long.parseLong(read[8]),
        "distinct_units " + folded[8] + " against " + read[8]);
  }

  @Test
  void discover_known_dropsListedWords() throws Exception {
    Path lex = dir.resolve("lex.txt");
    Files.writeString(lex, "应当 100\n或者\n");
    Path d = dir.resolve("d.dict");
    assertEquals(0, Main.execute("discover", "-q", "--known", lex.toString(), "--format", "dict",
        "--top", "20", "-o", d.toString(), LAWS));
    List<String> rows = Files.readAllLines(d);
    assertTrue(rows.stream().noneMatch(r -> r.startsWith("应当 ") || r.startsWith("或者 ")), rows.toString());
  }

  @Test
  void discover_explain_oneRowPerWordWithItsRankOrStage() {
    assertEquals(0, Main.execute("discover", "-q", "--top", "5", "--explain", "应当,国务院",
        "--explain", "社会主义", LAWS));
    List<String> lines = outLines();
    assertEquals("word\tstage\trank\tcount\tngram_count\tfragments\tcohesion\tleft_entropy"
        + "\tright_entropy\treason", lines.get(0));
    assertEquals(4, lines.size(), lines.toString());
    String[] first = lines.get(1).split("\t", -1);
    assertEquals("应当", first[0]);
    assertEquals("kept", first[1]);
    assertTrue(Integer.parseInt(first[2]) <= 5, lines.get(1));
    String[] second = lines.get(2).split("\t", -1);
    assertEquals("top", second[1]);
    assertTrue(Integer.parseInt(second[2]) > 5, lines.get(2));
    assertTrue(second[9].startsWith("found, but not printed: ranked " + second[2]
        + ", beyond --top 5 (kept; "), lines.get(2));
    assertEquals("cut", lines.get(3).split("\t", -1)[1]);
  }

  @Test
  void discover_explainWithNewOnly_knownStageSaysWhichList() {
    assertEquals(0, Main.execute("discover", "-q", "--new-only", "--explain", "应当", LAWS));
    String[] row = outLines().get(1).split("\t", -1);
    assertEquals(List.of("应当", "known", ""), List.of(row[0], row[1], row[2]));
    assertEquals("found, but not printed: a word of ciku's general lexicon (--new-only:"
        + " dict/known-words.txt.gz)", row[9]);
  }

  @Test
  void discover_explainSameWordTwice_oneRowEachInFirstOrder() {
    assertEquals(0, Main.execute("discover", "-q", "--explain", "或者,应当,或者", "--explain",
        " 应当", LAWS));
    List<String> words = outLines().stream().skip(1).map(l -> l.split("\t", -1)[0]).toList();
    assertEquals(List.of("或者", "应当"), words);
  }

  @Test
  void discover_explainQuotesAndFullWidthCommas_wordsAsTyped() {
    assertEquals(0, Main.execute("discover", "-q", "--explain", "\"或者,应当\"，第一条", LAWS));
    List<String> words = outLines().stream().skip(1).map(l -> l.split("\t", -1)[0]).toList();
    assertEquals(List.of("\"或者", "应当\"", "第一条"), words);
    assertEquals("", io.err(), "no warning about quotes");
  }

  @Test
  void discover_explainWithNewOnly_saysTheWordIsKnown() {
    assertEquals(0, Main.execute("discover", "-q", "--new-only", "--format", "jsonl",
        "--explain", "应当", LAWS));
    String row = io.out().strip();
    assertTrue(row.contains("\"stage\":\"known\"") && row.contains("\"rank\":null"), row);
  }

  @Test
  void discover_explainAsDict_exit2OneLine() {
    assertEquals(2, Main.execute("discover", "--format", "dict", "--explain", "应当", LAWS));
    assertEquals(1, io.err().lines().count(), io.err());
    assertEquals("", io.out());
  }

  @Test
  void stats_encodingAuto_gb18030AndBig5FilesReadAsTheirUtf8Originals() throws Exception {
    String text = String.join("\n", java.nio.file.Files.readAllLines(Path.of(LAWS)).subList(0, 500))
        + "\n";
    String traditional = "中華民國的國語是這樣說的，我們來看看現在這個問題。\n".repeat(20);
    for (String[] c : new String[][] {{text, "GB18030"}, {traditional, "Big5"}}) {
      Path utf8 = dir.resolve("u.txt");
      Path other = dir.resolve("o.txt");
      Files.writeString(utf8, c[0]);
      Files.write(other, c[0].getBytes(java.nio.charset.Charset.forName(c[1])));
      assertEquals(0, Main.execute("stats", "-q", utf8.toString()));
      String expected = io.out();
      io.reset();
      assertEquals(0, Main.execute("stats", "-q", "--encoding", "auto", other.toString()));
      assertEquals(expected, io.out(), c[1]);
      assertEquals("", io.err(), c[1]);
      io.reset();
    }
  }
}
