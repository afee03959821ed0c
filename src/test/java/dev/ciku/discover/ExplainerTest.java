package dev.ciku.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ciku.corpus.ByteCounter;
import dev.ciku.corpus.CorpusInput;
import dev.ciku.corpus.ReaderOptions;
import dev.ciku.discover.Explanation.Stage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainerTest {
  private static final Path LAWS = WordDiscovererTest.LAWS;

  @TempDir Path tmp;

  private WordDiscoverer.Result explain(List<String> words) throws IOException {
    return explain(words, 2);
  }

  private WordDiscoverer.Result explain(List<String> words, int threads) throws IOException {
    return new WordDiscoverer(DiscoverOptions.DEFAULT, ReaderOptions.DEFAULT, threads,
        128L << 20, tmp)
        .withExplanations(words)
        .discover(List.of(CorpusInput.file(LAWS)), null, new ByteCounter(), m -> { }, m -> { });
  }

  /** One string a stage, on the bundled legal sample (figures read from a run, then checked). */
  @Test
  void explain_lawsSample_namesTheStageThatDecided() throws IOException {
    // In this order every run (Map.of iterates in an order that changes from JVM to JVM).
    Map<String, Stage> table = new java.util.LinkedHashMap<>();
    table.put("国务院", Stage.KEPT);
    table.put("的", Stage.INPUT);
    table.put("，好", Stage.INPUT);
    table.put("本法", Stage.COUNT);
    table.put("社会主义", Stage.CUT);
    table.put("人民法院", Stage.COHESION);
    table.put("委员", Stage.ENTROPY);
    table.put("不动产登记", Stage.REDUNDANCY);
    table.put("并在", Stage.GAIN);
    List<String> words = new ArrayList<>(table.keySet());
    WordDiscoverer.Result r = explain(words);
    assertEquals(words.size(), r.explanations().size());
    for (int i = 0; i < words.size(); i++) {
      Explanation e = r.explanations().get(i);
      assertEquals(words.get(i), e.word());
      assertEquals(table.get(e.word()), e.stage(), e.toString());
    }
    Explanation kept = byWord(r, "国务院");
    assertEquals("国务院", r.words().get(kept.index()).word());
    assertEquals(r.words().get(kept.index()).count(), kept.count());
    Explanation rare = byWord(r, "本法");
    assertEquals(-1, rare.ngramCount(), "seen once at most: no count on record");
    assertTrue(rare.reason().contains("min count 2"), rare.reason());
    Explanation cut = byWord(r, "社会主义");
    assertTrue(cut.ngramCount() >= r.minCount() && cut.fragments() < r.minCount(), cut.toString());
    assertTrue(cut.reason().contains("社会|主义"), cut.reason());
    Explanation window = byWord(r, "人民法院");
    assertTrue(window.reason().contains("人民法"), window.reason());
    Explanation entropy = byWord(r, "委员");
    assertTrue(entropy.rightEntropy() < DiscoverOptions.DEFAULT.minEntropy(), entropy.toString());
    Explanation gain = byWord(r, "并在");
    Matcher m = Pattern.compile("saves (-?[0-9.]+) nats a use .* below ([0-9.]+)")
        .matcher(gain.reason());
    assertTrue(m.find(), gain.reason());
    assertTrue(Double.parseDouble(m.group(1)) < Double.parseDouble(m.group(2)), gain.reason());
  }

  /**
   * A word dropped for its function word at one end says so, with the bar it missed; kept words
   * show the bar they passed.
   */
  @Test
  void explain_glueDroppedByTheGlueBar_namesTheFunctionWord() throws IOException {
    WordDiscoverer.Result r = explain(List.of("向市", "或者", "国务院"));
    Explanation glue = byWord(r, "向市");
    assertEquals(Stage.GAIN, glue.stage(), glue.toString());
    Matcher m = Pattern.compile("saves (-?[0-9.]+) nats a use .* below 4\\.25 \\(--min-gain"
        + " 3\\.00 \\+ --glue-gain 1\\.25, as it begins with the function word 向\\)")
        .matcher(glue.reason());
    assertTrue(m.find(), glue.reason());
    double saved = Double.parseDouble(m.group(1));
    assertTrue(saved >= 3.0 && saved < 4.25, "between the plain and the glue bar: " + saved);
    Explanation strong = byWord(r, "或者");
    assertEquals(Stage.KEPT, strong.stage(), strong.toString());
    assertTrue(strong.reason().contains("the gain test asks 4.25 (--min-gain 3.00 + --glue-gain"
        + " 1.25, as it begins with the function word 或)"), strong.reason());
    Explanation plain = byWord(r, "国务院");
    assertTrue(plain.reason().contains("the gain test asks 5.00 (--min-gain 3.00 + --gain-step"
        + " 2.00 a unit beyond 2)"), plain.reason());
  }

  /** 次修正 follows 一, 二, 三 (第一次修正) nearly always: the measure-word test says so. */
  @Test
  void explain_measureWordGlue_namesTheWordAndTheShare() throws IOException {
    Explanation e = byWord(explain(List.of("次修正")), "次修正");
    assertEquals(Stage.NUMBER, e.stage(), e.toString());
    Matcher m = Pattern.compile("a measure word glued to the word 修正: it follows a number in"
        + " ([0-9]+)% of its occurrences, more than --number-glue 0\\.50").matcher(e.reason());
    assertTrue(m.find(), e.reason());
    assertTrue(Integer.parseInt(m.group(1)) > 50, e.reason());
  }

  /** 期满后: the word 期满 is seen without 后 more often than with it. */
  @Test
  void explain_suffixGlue_namesTheWordTheSuffixAndTheUses() throws IOException {
    Explanation e = byWord(explain(List.of("期满后")), "期满后");
    assertEquals(Stage.SUFFIX, e.stage(), e.toString());
    Matcher m = Pattern.compile("a phrase: the word 期满 is followed by the suffix 后 in"
        + " ([0-9]+)% of its occurrences \\(([0-9,]+) of ([0-9,]+)\\), less than --suffix-glue"
        + " 0\\.50")
        .matcher(e.reason());
    assertTrue(m.find(), e.reason());
    long together = Long.parseLong(m.group(2).replace(",", ""));
    long all = Long.parseLong(m.group(3).replace(",", ""));
    assertTrue(together > 0 && 2 * together < all, e.reason());
    assertEquals((int) Math.floor(100.0 * together / all), Integer.parseInt(m.group(1)));
  }

  /** Seeded random substrings of the corpus: "kept" exactly when the list has the string. */
  @Test
  void explain_randomSubstrings_keptExactlyWhenListed() throws IOException {
    String text = Files.readString(LAWS, StandardCharsets.UTF_8);
    List<String> runs = new ArrayList<>();
    Matcher m = Pattern.compile("[\\u4e00-\\u9fff]{2,}").matcher(text);
    while (m.find()) {
      runs.add(m.group());
    }
    Random random = new Random(20261126L);
    Set<String> asked = new LinkedHashSet<>();
    while (asked.size() < 300) {
      String run = runs.get(random.nextInt(runs.size()));
      int n = 2 + random.nextInt(Math.min(6, run.length()) - 1);
      int from = random.nextInt(run.length() - n + 1);
      asked.add(run.substring(from, from + n));
    }
    WordDiscoverer.Result r = explain(new ArrayList<>(asked));
    Set<String> listed = new java.util.HashSet<>();
    r.words().forEach(w -> listed.add(w.word()));
    Set<Stage> seen = java.util.EnumSet.noneOf(Stage.class);
    for (Explanation e : r.explanations()) {
      seen.add(e.stage());
      assertEquals(listed.contains(e.word()), e.stage() == Stage.KEPT, e.toString());
      assertNotEquals("", e.reason());
      if (e.stage() == Stage.COUNT) {
        assertTrue(e.ngramCount() < r.minCount(), e.toString());
      }
      if (e.stage() == Stage.KEPT) {
        assertEquals(e.word(), r.words().get(e.index()).word());
      }
    }
    assertTrue(seen.size() >= 5, "a random sample meets most stages: " + seen);
  }

  @Test
  void explain_twoWordsOnTheLawsSample_doesNotChangeTheList() throws IOException {
    WordDiscoverer.Result with = explain(List.of("国务院", "社会主义"));
    WordDiscoverer.Result without = WordDiscovererTest.discover(LAWS, 2, DiscoverOptions.DEFAULT,
        tmp);
    assertEquals(without.words(), with.words());
    assertEquals(List.of(), without.explanations());
  }

  /**
   * 中华人民共和国 is cut out whole 204 times in the legal sample but its window 人民共 (3.28 nats)
   * misses the 3-unit bar: kept under the default --isolated (204 >= 25 x the min count 2, and
   * 3.28 reaches --min-pmi), dropped at cohesion, naming the window, with --isolated 0.
   */
  @Test
  void explain_oftenIsolatedFragment_keptUnlessIsolatedIsOff() throws IOException {
    List<String> words = List.of("中华人民共和国");
    Explanation on = explain(words).explanations().get(0);
    assertEquals(Stage.KEPT, on.stage(), on.toString());
    assertEquals(204, on.fragments());
    DiscoverOptions off = Settings.defaults().isolated(0).build();
    WordDiscoverer.Result r = new WordDiscoverer(off, ReaderOptions.DEFAULT, 2, 128L << 20, tmp)
        .withExplanations(words)
        .discover(List.of(CorpusInput.file(LAWS)), null, new ByteCounter(), m -> { }, m -> { });
    Explanation e = r.explanations().get(0);
    assertEquals(Stage.COHESION, e.stage(), e.toString());
    assertTrue(e.reason().startsWith("its window 人民共 is not cohesive enough: 3.28 nats, below"
        + " 4.00"), e.reason());
  }

  @Test
  void explain_theSameWordAskedTwice_sameExplanationBothTimes() throws IOException {
    List<String> words = List.of("委员", "并在", "本法", "国务院", "法院");
    List<String> twice = new ArrayList<>(words);
    twice.addAll(words);
    List<Explanation> e = explain(twice).explanations();
    for (int i = 0; i < words.size(); i++) {
      assertEquals(e.get(i), e.get(i + words.size()), words.get(i));
    }
    assertEquals(Stage.ENTROPY, e.get(0).stage());
    assertEquals(Stage.GAIN, e.get(1).stage());
  }

  @Test
  void explain_oneOrManyThreads_identicalExplanations() throws IOException {
    List<String> words = List.of("国务院", "社会主义", "人民法院", "委员", "不动产登记", "三十",
        "十六", "法院", "应当");
    assertEquals(explain(words, 1).explanations(), explain(words, 3).explanations());
  }

  private static Explanation byWord(WordDiscoverer.Result r, String word) {
    return r.explanations().stream().filter(e -> e.word().equals(word)).findFirst().orElseThrow();
  }
}
