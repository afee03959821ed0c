package dev.ciku.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ciku.corpus.ByteCounter;
import dev.ciku.corpus.CorpusInput;
import dev.ciku.corpus.ReaderOptions;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VocabularyLearnerTest {
  private static final Path WIKI = Path.of("corpora-samples/wiki-zh-cmrc2018.txt");

  private static final Path LAWS = Path.of("corpora-samples/laws-zh.txt");

  private static final long MEMORY = VocabularyLearner.DEFAULT_MEMORY;

  /** The defaults with these settings changed. */
  private static VocabularyLearner.Config config(int iterations, double fragmentShare,
      double glueGain, int threads) {
    VocabularyLearner.Config d = VocabularyLearner.Config.DEFAULT;
    return new VocabularyLearner.Config(d.minPairCount(), d.minPmi(), d.minCount(),
        d.maxLength(), d.minGain(), d.lengthGain(), d.lengthPower(), iterations, d.mergeRounds(),
        fragmentShare, glueGain, threads);
  }

  private static Vocabulary learnLaws(VocabularyLearner.Config c) throws IOException {
    return new VocabularyLearner(c, m -> {}).learn(List.of(CorpusInput.file(LAWS)),
        ReaderOptions.DEFAULT, new ByteCounter(), m -> {}).vocabulary();
  }

  private static VocabularyLearner.Result learnWiki(int threads) throws IOException {
    VocabularyLearner.Config d = VocabularyLearner.Config.DEFAULT;
    VocabularyLearner.Config c = config(d.maxIterations(), d.fragmentShare(), d.glueGain(),
        threads);
    return new VocabularyLearner(c, m -> {}).learn(List.of(CorpusInput.file(WIKI)),
        ReaderOptions.DEFAULT, new ByteCounter(), m -> {});
  }

  /**
   * On the legal sample the learner used to keep 中华人民共和国 (214 uses) as no word at all: a
   * 7-character merge needs 16.5 nats a use. As a fragment merge (--fragment-share) it needs
   * only --min-gain.
   */
  @Test
  void learn_fragmentShare_keepsLongWordWhosePiecesNeverStandAlone() throws IOException {
    VocabularyLearner.Config d = VocabularyLearner.Config.DEFAULT;
    Vocabulary with = learnLaws(d);
    Vocabulary without = learnLaws(config(d.maxIterations(), 0, d.glueGain(), d.threads()));
    assertTrue(with.count("中华人民共和国") > 150, "count " + with.count("中华人民共和国"));
    assertEquals(0, without.count("中华人民共和国"));
  }

  /**
   * 向市, 向乡, 在原 (a preposition glued to the next word: 向市人民政府) save enough code length
   * to be words without --glue-gain, not with it; 以及 (a function word at both ends), 或者, 可以
   * (far above the bar) stay.
   */
  @Test
  void learn_glueGain_dropsAFunctionWordGluedToAnotherWord() throws IOException {
    VocabularyLearner.Config d = VocabularyLearner.Config.DEFAULT;
    Vocabulary with = learnLaws(d);
    Vocabulary without = learnLaws(config(d.maxIterations(), d.fragmentShare(), 0, d.threads()));
    for (String glue : List.of("向市", "向乡", "在原")) {
      assertTrue(without.count(glue) > 0, glue + " learned without the glue bar");
      assertEquals(0, with.count(glue), glue + " not with it");
    }
    for (String word : List.of("以及", "或者", "可以")) {
      assertTrue(with.count(word) > 100, word + " " + with.count(word));
    }
    assertTrue(with.size() < without.size(), with.size() + " < " + without.size());
  }

  @org.junit.jupiter.api.io.TempDir Path tempDir;

  /**
   * The corpus read back in blocks of 5,000 symbols from a spill file (about 110 blocks): the
   * same vocabulary, counts and bits as with the whole sample in one block.
   */
  @Test
  void learn_smallBlocksSpilled_sameResultAsOneBlock() throws IOException {
    VocabularyLearner.Config d = VocabularyLearner.Config.DEFAULT;
    List<String> logged = new ArrayList<>();
    VocabularyLearner.Result blocks = new VocabularyLearner(d, logged::add, tempDir, MEMORY,
        5_000).learn(List.of(CorpusInput.file(WIKI)), ReaderOptions.DEFAULT, new ByteCounter(), m -> {});
    VocabularyLearner.Result whole = new VocabularyLearner(d, m -> {}, tempDir, MEMORY, 1 << 22)
        .learn(List.of(CorpusInput.file(WIKI)), ReaderOptions.DEFAULT, new ByteCounter(), m -> {});
    assertTrue(logged.stream().anyMatch(l -> l.contains("blocks from a temporary file")), "" + logged);
    StringWriter a = new StringWriter();
    StringWriter b = new StringWriter();
    blocks.vocabulary().write(a, false, Integer.MAX_VALUE);
    whole.vocabulary().write(b, false, Integer.MAX_VALUE);
    assertEquals(b.toString(), a.toString());
    assertTrue(java.util.Arrays.equals(whole.bitsPerRound(), blocks.bitsPerRound()));
    assertEquals(List.of(), java.util.Arrays.asList(tempDir.toFile().list()), "spill file deleted");
  }

  /**
   * A budget of 64 KB spills the fragment table and each merging round's pair counts as sorted
   * runs, which are merged: the same vocabulary, counts and bits as within the default budget,
   * where nothing spills, and no run file is left.
   */
  @Test
  void learn_tinyBudgetSpilling_sameVocabularyAndBitsAsDefault() throws IOException {
    VocabularyLearner.Config d = VocabularyLearner.Config.DEFAULT;
    List<String> tinyLog = new ArrayList<>();
    List<String> defaultLog = new ArrayList<>();
    VocabularyLearner.Result tiny = new VocabularyLearner(d, tinyLog::add, tempDir, 64 << 10,
        1 << 22).learn(List.of(CorpusInput.file(WIKI)), ReaderOptions.DEFAULT, new ByteCounter(),
            m -> {});
    VocabularyLearner.Result whole = new VocabularyLearner(d, defaultLog::add, tempDir)
        .learn(List.of(CorpusInput.file(WIKI)), ReaderOptions.DEFAULT, new ByteCounter(), m -> {});
    assertTrue(tinyLog.stream().anyMatch(l -> l.matches("[0-9,]+ distinct fragments; counted in"
        + " [0-9,]+ runs spilled to .*")), "" + tinyLog);
    assertEquals(d.mergeRounds(), tinyLog.stream().filter(l -> l.matches("refinement [0-9]:"
        + " adjacent word pairs counted in [0-9,]+ runs spilled to .*")).count(), "" + tinyLog);
    assertTrue(defaultLog.stream().noneMatch(l -> l.contains("spilled")), "" + defaultLog);
    StringWriter a = new StringWriter();
    StringWriter b = new StringWriter();
    tiny.vocabulary().write(a, false, Integer.MAX_VALUE);
    whole.vocabulary().write(b, false, Integer.MAX_VALUE);
    assertEquals(b.toString(), a.toString());
    assertTrue(java.util.Arrays.equals(whole.bitsPerRound(), tiny.bitsPerRound()));
    assertEquals(whole.keptStage(), tiny.keptStage());
    assertEquals(List.of(), java.util.Arrays.asList(tempDir.toFile().list()), "runs deleted");
  }

  @Test
  void constructor_budgetUnder16m_rejected() {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new VocabularyLearner(VocabularyLearner.Config.DEFAULT, m -> {}, tempDir,
            (16L << 20) - 1));
  }

  @Test
  void learn_wikiSample_lowersBitsPerCharAndFindsWords() throws IOException {
    VocabularyLearner.Result r = learnWiki(2);
    assertTrue(r.bitsBefore() > 8.5 && r.bitsBefore() < 11, "before " + r.bitsBefore());
    assertTrue(r.bitsAfter() < r.bitsBefore() - 1, "after " + r.bitsAfter());
    assertTrue(r.bitsAfter() < r.bitsPerRound()[0], "re-estimation lowers the bits per char");
    Vocabulary v = r.vocabulary();
    for (String w : List.of("中国", "游戏", "0年")) {
      assertTrue(v.count(w) > 0, w);
    }
    Segmenter s = new Segmenter(v, " ");
    assertEquals(List.of("中国", "的"), s.words("中国的"));
    // The first stage's words are the corpus's symbols: at least the single-symbol words kept,
    // at most its distinct units (10,421 by 'ciku stats'; Latin units of one kind are one symbol).
    int[] singles = {0};
    v.forEach((word, count) -> singles[0] += Symbols.toSymbols(word).length == 1 ? 1 : 0);
    assertTrue(r.distinctSymbols() >= singles[0] && singles[0] > 4000
        && r.distinctSymbols() < 10_421, r.distinctSymbols() + " symbols, " + singles[0]);
  }

  private static VocabularyLearner.Result learnWiki(int iterations, Path tempDir)
      throws IOException {
    VocabularyLearner.Config d = VocabularyLearner.Config.DEFAULT;
    VocabularyLearner.Config c = config(iterations, d.fragmentShare(), d.glueGain(),
        d.threads());
    return new VocabularyLearner(c, m -> {}, tempDir, MEMORY, 1 << 22).learn(
        List.of(CorpusInput.file(WIKI)), ReaderOptions.DEFAULT, new ByteCounter(), m -> {});
  }

  /**
   * On the wiki sample the 4th round is worse than the 3rd (7.0880 > 7.0863 bits): the 3rd
   * round's vocabulary is the result, the same as when learning stops after 3 rounds, and each
   * stage's word count is the size of its vocabulary.
   */
  @Test
  void learn_worseLastRound_keepsPreviousRoundsVocabulary() throws IOException {
    VocabularyLearner.Result r = learnWiki(5, tempDir);
    VocabularyLearner.Result three = learnWiki(3, tempDir);
    double[] bits = r.bitsPerRound();
    assertEquals(5, bits.length, java.util.Arrays.toString(bits));
    assertTrue(bits[4] > bits[3], java.util.Arrays.toString(bits));
    assertEquals(3, r.keptStage());
    assertEquals(bits[3], r.bitsAfter());
    assertEquals(3, three.keptStage());
    StringWriter a = new StringWriter();
    StringWriter b = new StringWriter();
    r.vocabulary().write(a, false, Integer.MAX_VALUE);
    three.vocabulary().write(b, false, Integer.MAX_VALUE);
    assertEquals(b.toString(), a.toString());
    assertEquals(r.vocabulary().size(), r.wordsPerRound()[3]);
    assertEquals(three.vocabulary().size(), three.wordsPerRound()[3]);
  }

  @Test
  void learn_noSymbols_emptyVocabularyNaNBits() throws IOException {
    Path punct = java.nio.file.Files.writeString(tempDir.resolve("p.txt"), "，。！\n");
    VocabularyLearner.Result r = new VocabularyLearner(VocabularyLearner.Config.DEFAULT, m -> {},
        tempDir, MEMORY, 1 << 22).learn(List.of(CorpusInput.file(punct)), ReaderOptions.DEFAULT,
        new ByteCounter(), m -> {});
    assertEquals(0, r.symbols());
    assertEquals(0, r.vocabulary().size());
    assertTrue(Double.isNaN(r.bitsBefore()));
    assertEquals(-1, r.keptStage());
    assertEquals(0, r.bitsPerRound().length);
  }

  @Test
  void learn_threads_sameVocabulary() throws IOException {
    StringWriter a = new StringWriter();
    StringWriter b = new StringWriter();
    learnWiki(1).vocabulary().write(a, false, Integer.MAX_VALUE);
    learnWiki(3).vocabulary().write(b, false, Integer.MAX_VALUE);
    assertEquals(a.toString(), b.toString());
  }

  @Test
  void learn_syntheticLanguage_recoversItsWords() throws IOException {
    // 400 words of 2-3 distinct Han characters, uniformly drawn into clauses of 2-7 words
    Random r = new Random(5);
    List<int[]> words = new ArrayList<>();
    java.util.Set<Integer> usedChars = new java.util.HashSet<>();
    while (words.size() < 400) {
      int len = 2 + r.nextInt(2);
      int[] w = new int[len];
      for (int k = 0; k < len; k++) {
        int c;
        do {
          c = 0x4E00 + r.nextInt(0x5000);
        } while (!usedChars.add(c));
        w[k] = c;
      }
      words.add(w);
    }
    // One clause a line, read as the vocab command reads a corpus.
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      int n = 2 + r.nextInt(6);
      for (int k = 0; k < n; k++) {
        int[] w = words.get(r.nextInt(words.size()));
        text.append(Symbols.text(w, 0, w.length));
      }
      text.append('\n');
    }
    Path corpus = tempDir.resolve("synthetic.txt");
    java.nio.file.Files.writeString(corpus, text);
    VocabularyLearner.Result res = new VocabularyLearner(VocabularyLearner.Config.DEFAULT, m -> {})
        .learn(List.of(CorpusInput.file(corpus)), ReaderOptions.DEFAULT, new ByteCounter(),
            m -> {});
    Vocabulary v = res.vocabulary();
    int found = 0;
    for (int[] w : words) {
      if (v.count(Symbols.text(w, 0, w.length)) > 0) {
        found++;
      }
    }
    assertTrue(found >= 390, "found " + found + " of 400");
    assertTrue(res.bitsAfter() < res.bitsBefore() - 1);
    int[] w0 = words.get(0);
    int[] w1 = words.get(1);
    String a = Symbols.text(w0, 0, w0.length);
    String b = Symbols.text(w1, 0, w1.length);
    assertEquals(List.of(a, b), new Segmenter(v, " ").words(a + b));
  }
}
