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

  private static VocabularyLearner.Result learnWiki(int threads) throws IOException {
    VocabularyLearner.Config d = VocabularyLearner.Config.DEFAULT;
    VocabularyLearner.Config c = new VocabularyLearner.Config(d.minPairCount(), d.minPmi(),
        d.minCount(), d.maxLength(), d.minGain(), d.lengthGain(), d.lengthPower(), d.maxIterations(), threads);
    return new VocabularyLearner(c, m -> {}).learn(List.of(CorpusInput.file(WIKI)),
        ReaderOptions.DEFAULT, new ByteCounter(), m -> {});
  }

  @Test
  void learn_wikiSample_lowersBitsPerCharAndFindsWords() throws IOException {
    VocabularyLearner.Result r = learnWiki(2);
    assertTrue(r.bitsBefore() > 8.5 && r.bitsBefore() < 11, "before " + r.bitsBefore());
    assertTrue(r.bitsAfter() < r.bitsBefore() - 1, "after " + r.bitsAfter());
    for (int i = 2; i < r.bitsPerRound().length; i++) {
      assertTrue(r.bitsPerRound()[i] <= r.bitsPerRound()[i - 1] + 1e-3, "round " + i);
    }
    Vocabulary v = r.vocabulary();
    for (String w : List.of("中国", "游戏", "0年")) {
      assertTrue(v.count(w) > 0, w);
    }
    Segmenter s = new Segmenter(v, " ");
    assertEquals(List.of("中国", "的"), s.words("中国的"));
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
  void learn_syntheticWords_recoversThemAndDropsGlue() {
    String[] words = {"甲乙", "丙丁戊", "己庚", "辛", "壬癸"};
    Random r = new Random(1);
    List<int[]> clauses = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      StringBuilder sb = new StringBuilder();
      int n = 2 + r.nextInt(6);
      for (int k = 0; k < n; k++) {
        sb.append(words[r.nextInt(words.length)]);
      }
      clauses.add(Symbols.toSymbols(sb.toString()));
    }
    VocabularyLearner.Result res = new VocabularyLearner(VocabularyLearner.Config.DEFAULT, m -> {})
        .learn(clauses);
    Vocabulary v = res.vocabulary();
    for (String w : words) {
      assertTrue(v.count(w) > 0, w);
    }
    assertEquals(0, v.count("甲乙己庚"));
    Segmenter s = new Segmenter(v, " ");
    assertEquals(List.of("丙丁戊", "甲乙", "辛", "壬癸"), s.words("丙丁戊甲乙辛壬癸"));
  }

  @Test
  void codeLengthSaved_twoSubWords_equalsExactFOfSection71() {
    Random r = new Random(3);
    for (int t = 0; t < 200; t++) {
      // separated state (word removed): counts na, nb, total n; the pair occurs nab times
      double nab = 1 + r.nextInt(1000);
      double na = nab + r.nextInt(100_000);
      double nb = nab + r.nextInt(100_000);
      double n = na + nb + r.nextInt(10_000_000);
      double pab = nab / n;
      double pa = na / n;
      double pb = nb / n;
      double f = pab * Math.log(pab / (pa * pb)) - (1 - pab) * Math.log(1 - pab)
          + (pa - pab) * Math.log(1 - pab / pa) + (pb - pab) * Math.log(1 - pab / pb);
      // merged state (word kept): total n - nab, sub-words na - nab and nb - nab
      double saved = VocabularyLearner.codeLengthSaved(n - nab, nab,
          new double[] {na - nab, nb - nab}, new int[] {1, 1}, 2);
      assertEquals(n * f, saved, 1e-6 * Math.max(1, Math.abs(saved)), "case " + t);
    }
  }

  @Test
  void codeLengthSaved_negativePmi_negative() {
    // p(ab) < p(a) p(b): merging can only lengthen the code (the 的主要 example of the article)
    double saved = VocabularyLearner.codeLengthSaved(1_000_000, 10,
        new double[] {50_000, 2_000}, new int[] {1, 1}, 2);
    assertTrue(saved < 0, "saved " + saved);
  }
}
