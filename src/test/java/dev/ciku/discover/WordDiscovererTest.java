package dev.ciku.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ciku.corpus.ByteCounter;
import dev.ciku.corpus.CorpusInput;
import dev.ciku.corpus.ReaderOptions;
import dev.ciku.corpus.UnitPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordDiscovererTest {
  static final Path LAWS = Path.of("corpora-samples/laws-zh.txt");
  static WordDiscoverer.Result laws;

  @TempDir Path tmp;

  static WordDiscoverer.Result discover(Path file, int threads, DiscoverOptions o, Path tmp)
      throws IOException {
    return new WordDiscoverer(o, ReaderOptions.DEFAULT, threads, 128L << 20, tmp)
        .discover(List.of(CorpusInput.file(file)), null, new ByteCounter(), m -> { }, m -> { });
  }

  /** The lists each glue stage reads from dict/, and only while that stage is on. */
  @Test
  void bundledData_eachGlueStageOnOrOff_itsListOrNone() {
    assertEquals(List.of("dict/stopwords.txt", "dict/measure-words.txt",
        "dict/phrase-suffixes.txt"), WordDiscoverer.bundledData(Settings.defaults().build()));
    assertEquals(List.of(), WordDiscoverer.bundledData(Settings.defaults().glue(0, 1, 0).build()));
    assertEquals(List.of("dict/measure-words.txt"),
        WordDiscoverer.bundledData(Settings.defaults().glue(0, 0.5, 0).build()));
  }

  @Test
  void constructor_noThreads_refusedWithTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new WordDiscoverer(DiscoverOptions.DEFAULT, ReaderOptions.DEFAULT, 0, 128L << 20,
            tmp));
    assertEquals("threads must be 1 or more, not 0", e.getMessage());
  }

  @Test
  void constructor_memoryUnderTheCountersFloor_refusedWithTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new WordDiscoverer(DiscoverOptions.DEFAULT, ReaderOptions.DEFAULT, 1, 0, tmp));
    assertEquals("memory must be 16777216 or more, not 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new WordDiscoverer(
        DiscoverOptions.DEFAULT, ReaderOptions.DEFAULT, 1, (16L << 20) - 1, tmp));
    assertEquals("memory must be 16777216 or more, not 16777215", e.getMessage());
  }

  @Test
  void withClock_steppingClock_progressLinesTimedByIt() throws IOException {
    long[] now = {0};
    List<String> lines = new java.util.ArrayList<>();
    new WordDiscoverer(DiscoverOptions.DEFAULT, ReaderOptions.DEFAULT, 2, 64L << 20, tmp)
        .withClock(() -> now[0] += ProgressTimes.HOUR)
        .discover(List.of(CorpusInput.file(LAWS)), null, new ByteCounter(), m -> { }, lines::add);
    // Each stage's time is whole hours of the stepping clock, later stages later.
    List<String> timed = ProgressTimes.hourSteps(lines);
    assertTrue(timed.size() >= 4, "timed lines: " + lines);
    for (int i = 1; i < timed.size(); i++) {
      assertTrue(ProgressTimes.seconds(timed.get(i)) > ProgressTimes.seconds(timed.get(i - 1)),
          "later stages later: " + timed);
    }
  }

  @Test
  void withExplanations_anyWords_returnsACopyAndLeavesThisUnchanged() throws IOException {
    Path file = tmp.resolve("c.txt");
    Files.writeString(file, "人民法院审理案件。人民法院依法审理。\n".repeat(20));
    WordDiscoverer plain = new WordDiscoverer(DiscoverOptions.DEFAULT, ReaderOptions.DEFAULT, 1,
        64L << 20, tmp);
    WordDiscoverer explaining = plain.withExplanations(List.of("法院", "审理"));
    List<CorpusInput> corpus = List.of(CorpusInput.file(file));
    assertEquals(2, explaining.discover(corpus, null, new ByteCounter(), m -> { }, m -> { })
        .explanations().size());
    assertEquals(0, plain.discover(corpus, null, new ByteCounter(), m -> { }, m -> { })
        .explanations().size());
  }

  /** The defaults with another {@code --glue-gain}, {@code --number-glue}, {@code --suffix-glue}. */
  static DiscoverOptions defaultsWith(double glueGain, double numberGlue, double suffixGlue) {
    return Settings.defaults().glue(glueGain, numberGlue, suffixGlue).build();
  }

  @BeforeAll
  static void run(@TempDir Path dir) throws IOException {
    laws = discover(LAWS, 2, DiscoverOptions.DEFAULT, dir);
  }

  @Test
  void discover_lawsSample_ranksLegalVocabularyFirst() {
    List<String> top = laws.words().stream().limit(100).map(DiscoveredWord::word).toList();
    for (String w : List.of("应当", "或者", "依法", "法律", "管理", "规定")) {
      assertTrue(top.contains(w), w + " in the top 100: " + top);
    }
  }

  @Test
  void discover_withoutDeRedundancy_findsWordsLongerThanTheCountingOrder() throws IOException {
    DiscoverOptions d = DiscoverOptions.DEFAULT;
    DiscoverOptions keepLong = Settings.withoutReestimation().redundancy(0).build();
    WordDiscoverer.Result r = discover(LAWS, 2, keepLong, tmp);
    long longer = r.words().stream().filter(w -> w.units() > d.order()).count();
    assertTrue(longer >= 10, "words of more than " + d.order() + " units: " + longer);
    Set<String> all = r.words().stream().map(DiscoveredWord::word)
        .collect(java.util.stream.Collectors.toSet());
    assertTrue(all.contains("禁止燃放烟花爆竹"), "an 8-character term comes out whole");
  }

  /**
   * A fragment longer than the longest word is no candidate, but its words are still counted:
   * 或者 stands inside no longer word, so its count is its occurrences (3,280, as grep says)
   * whatever --max-length; before, fragments over the limit were thrown away with their words
   * (2,040 and 3,130 at 2 and 12), and 业务 was dropped at --max-length 3.
   */
  @Test
  void discover_fragmentsLongerThanMaxLength_stillCountTheirWords() throws IOException {
    long occurrences = java.nio.file.Files.readString(LAWS).split("或者", -1).length - 1;
    for (int maxLength : new int[] {2, 3}) {
      DiscoverOptions o = Settings.defaults().maxLength(maxLength).build();
      WordDiscoverer.Result r = discover(LAWS, 2, o, tmp);
      assertEquals(occurrences, count(r, "或者"), "--max-length " + maxLength);
      assertTrue(r.words().stream().allMatch(w -> w.units() <= maxLength));
      if (maxLength == 3) {
        assertTrue(count(r, "业务") > 0, "业务 is kept");
      }
    }
    assertEquals(occurrences, count(laws, "或者"), "default --max-length");
  }

  private static long count(WordDiscoverer.Result r, String word) {
    return r.words().stream().filter(w -> w.word().equals(word)).mapToLong(DiscoveredWord::count)
        .findFirst().orElse(0);
  }

  @Test
  void discover_deRedundancy_removesCompoundsOfKnownWordsAndKeepsTheirMass() throws IOException {
    DiscoverOptions off = Settings.withoutReestimation().redundancy(0).build();
    WordDiscoverer.Result all = discover(LAWS, 2, off, tmp);
    WordDiscoverer.Result pruned = discover(LAWS, 2, Settings.withoutReestimation().build(), tmp);
    assertTrue(pruned.words().size() < all.words().size(), "some words removed");
    long before = all.words().stream().filter(w -> w.units() >= 3).count();
    long after = pruned.words().stream().filter(w -> w.units() >= 3).count();
    assertTrue(after < before / 2, "compounds of 3+ units: " + before + " -> " + after);
    long massBefore = all.words().stream().mapToLong(DiscoveredWord::count).sum();
    long massAfter = pruned.words().stream().mapToLong(DiscoveredWord::count).sum();
    assertTrue(massAfter >= massBefore * 0.9, massBefore + " -> " + massAfter);
  }

  @Test
  void discover_reestimation_recountsByUseAndAddsMergedWords() throws IOException {
    DiscoverOptions off = Settings.withoutReestimation().build();
    WordDiscoverer.Result plain = discover(LAWS, 2, off, tmp);
    Set<String> before = plain.words().stream().map(DiscoveredWord::word)
        .collect(java.util.stream.Collectors.toSet());
    long added = laws.words().stream().filter(w -> !before.contains(w.word())).count();
    assertTrue(added >= 50, "words made by merging: " + added);
    for (DiscoveredWord w : laws.words()) {
      assertTrue(w.count() >= laws.minCount(), w.word() + " " + w.count());
    }
    // Counts by use never exceed the number of positions the word could take.
    long uses = laws.words().stream().mapToLong(w -> w.count() * w.units()).sum();
    assertTrue(uses <= laws.positions(), uses + " units covered of " + laws.positions());
  }

  @Test
  void discover_minGain_dropsGlueOfFreeTokensAndKeepsWords() throws IOException {
    DiscoverOptions off = Settings.defaults().minGain(0).build();
    Set<String> without = discover(LAWS, 2, off, tmp).words().stream()
        .map(DiscoveredWord::word).collect(java.util.stream.Collectors.toSet());
    Set<String> with = laws.words().stream().map(DiscoveredWord::word)
        .collect(java.util.stream.Collectors.toSet());
    // 并 (and), 对 (towards), 由 (by), 在 (at) are free tokens: 并在, 对其, 由区 are two words.
    for (String glue : List.of("并在", "并对", "对其", "由区", "在其")) {
      assertTrue(without.contains(glue), glue + " found without the test");
      assertFalse(with.contains(glue), glue + " dropped by it");
    }
    for (String word : List.of("应当", "或者", "依法", "法律", "管理", "规定", "部门", "单位", "公民")) {
      assertTrue(with.contains(word), word + " kept");
    }
    assertTrue(with.size() < without.size(), with.size() + " < " + without.size());
  }

  /**
   * 向市 (towards + city: 向市人民政府 162 times), 并报 (and + report), 拟在 and 号等 have a function
   * word at one end and pass the plain gain test; with the glue bar they are two tokens. Words
   * with a function word at one end that save far more (或者, 可以, 有关, 以下, 关于) stay.
   */
  @Test
  void discover_glueGain_dropsPhrasesWithAFunctionWordAtOneEnd() throws IOException {
    DiscoverOptions off = defaultsWith(0, DiscoverOptions.NUMBER_GLUE,
        DiscoverOptions.SUFFIX_GLUE);
    Set<String> without = discover(LAWS, 2, off, tmp).words().stream()
        .map(DiscoveredWord::word).collect(java.util.stream.Collectors.toSet());
    Set<String> with = laws.words().stream().map(DiscoveredWord::word)
        .collect(java.util.stream.Collectors.toSet());
    for (String glue : List.of("向市", "并报", "拟在", "号等")) {
      assertTrue(without.contains(glue), glue + " found without the glue bar");
      assertFalse(with.contains(glue), glue + " dropped by it");
    }
    for (String word : List.of("或者", "可以", "有关", "以下", "关于", "使用", "通过")) {
      assertTrue(with.contains(word), word + " kept");
    }
    assertTrue(with.size() < without.size(), with.size() + " < " + without.size());
  }

  /**
   * 次修正 (第一次修正, 第二次修正: 70 times in the sample, after 一, 二, 三 ...) is the measure word
   * 次 glued to the word 修正, and 年计算 (按…年计算) 年 glued to 计算: with the measure-word test
   * they leave the list, which loses nothing else, and 修正 and 计算 stay.
   */
  @Test
  void discover_numberGlue_dropsMeasureWordsGluedToAWord() throws IOException {
    DiscoverOptions off = defaultsWith(DiscoverOptions.GLUE_GAIN, 1, DiscoverOptions.SUFFIX_GLUE);
    List<String> without = discover(LAWS, 2, off, tmp).words().stream()
        .map(DiscoveredWord::word).toList();
    List<String> with = laws.words().stream().map(DiscoveredWord::word).toList();
    for (String glue : List.of("次修正", "年计算")) {
      assertTrue(without.contains(glue), glue + " found without the test");
      assertFalse(with.contains(glue), glue + " dropped by it");
    }
    assertTrue(with.containsAll(List.of("修正", "计算")), "their words stay");
    List<String> kept = new java.util.ArrayList<>(without);
    kept.removeAll(List.of("次修正", "年计算"));
    assertEquals(kept, with, "nothing else changes, in the same order");
  }

  /**
   * 期满后 (…期满后, after the term ends) is the word 期满 and the localiser 后; 期满 is used on its
   * own more often than with 后, so the phrase-suffix test drops it and nothing else changes.
   * 过程中 stays: 过程 is seldom used without 中 in these laws.
   */
  @Test
  void discover_suffixGlue_dropsALocaliserGluedToAWord() throws IOException {
    DiscoverOptions off = defaultsWith(DiscoverOptions.GLUE_GAIN, DiscoverOptions.NUMBER_GLUE, 0);
    List<String> without = discover(LAWS, 2, off, tmp).words().stream()
        .map(DiscoveredWord::word).toList();
    List<String> with = laws.words().stream().map(DiscoveredWord::word).toList();
    assertTrue(without.contains("期满后"), "found without the test");
    assertFalse(with.contains("期满后"), "dropped by it");
    assertTrue(with.containsAll(List.of("期满", "过程中", "过程")), "the word, and 过程中, stay");
    List<String> kept = new java.util.ArrayList<>(without);
    kept.remove("期满后");
    assertEquals(kept, with, "nothing else changes, in the same order");
  }

  @Test
  void discover_lawsSample_neverReportsSingleHanCharactersPunctuationOrSpace() {
    assertTrue(laws.words().size() > 1000, "words: " + laws.words().size());
    for (DiscoveredWord w : laws.words()) {
      String s = w.word();
      int cps = s.codePointCount(0, s.length());
      assertFalse(cps == 1 && UnitPolicy.isHan(s.codePointAt(0)), s);
      s.codePoints().forEach(cp -> assertTrue(UnitPolicy.isHan(cp) || UnitPolicy.isLatin(cp)
          || UnitPolicy.isLatinJoiner(cp), "character U+" + Integer.toHexString(cp) + " in " + s));
    }
  }

  @Test
  void discover_lawsSample_rowsAreSortedByScoreAndRespectThresholds() {
    List<DiscoveredWord> ws = laws.words();
    assertTrue(ws.size() > 1000, "size " + ws.size());
    for (int i = 1; i < ws.size(); i++) {
      assertTrue(ws.get(i - 1).score() >= ws.get(i).score(), "row " + i);
    }
    for (DiscoveredWord w : ws) {
      assertTrue(w.count() >= laws.minCount(), w.word());
      assertTrue(w.minEntropy() >= DiscoverOptions.DEFAULT.minEntropy(), w.word());
    }
  }

  @Test
  void discover_oneOrManyThreads_identicalResult() throws IOException {
    WordDiscoverer.Result one = discover(LAWS, 1, DiscoverOptions.DEFAULT, tmp);
    WordDiscoverer.Result three = discover(LAWS, 3, DiscoverOptions.DEFAULT, tmp);
    assertEquals(laws.words(), one.words());
    assertEquals(laws.words(), three.words());
  }

  @Test
  void discover_lawsSampleInAWorkDirectory_leavesNoTemporaryFiles() throws IOException {
    Path work = Files.createDirectory(tmp.resolve("work"));
    WordDiscoverer.Result r = discover(LAWS, 2, DiscoverOptions.DEFAULT, work);
    assertEquals(laws.words(), r.words());
    try (var files = Files.list(work)) {
      assertEquals(List.of(), files.toList());
    }
  }

  @Test
  void discover_latinRunsRepeatedAmongHanWords_foundAsWords() throws IOException {
    Path f = tmp.resolve("mixed.txt");
    StringBuilder sb = new StringBuilder();
    String[] fill = {"今天", "我们", "发布", "新款", "手机", "网络", "用户", "市场"};
    java.util.Random r = new java.util.Random(42);
    for (int i = 0; i < 400; i++) {
      sb.append(fill[r.nextInt(fill.length)]).append("iPhone7").append(fill[r.nextInt(fill.length)])
          .append("，").append(fill[r.nextInt(fill.length)]).append("5G").append(fill[r.nextInt(fill.length)])
          .append("。\n");
    }
    Files.writeString(f, sb.toString());
    WordDiscoverer.Result res = discover(f, 2, DiscoverOptions.DEFAULT, tmp);
    Set<String> words = res.words().stream().map(DiscoveredWord::word)
        .collect(java.util.stream.Collectors.toSet());
    assertTrue(words.contains("iPhone7"), words.toString());
    assertTrue(words.contains("5G"), words.toString());
  }

  @Test
  void thresholds_minCount_growsWithCorpusSize() {
    assertEquals(2, Thresholds.minCount(1_000_000));
    assertEquals(4, Thresholds.minCount(35_000_000));
    assertTrue(Thresholds.minCount(1_000_000_000L) > Thresholds.minCount(100_000_000L));
  }
}
