package dev.ciku.segment;

import dev.ciku.corpus.FunctionWords;
import dev.ciku.score.WordTrie;
import it.unimi.dsi.fastutil.ints.IntArrays;
import java.util.function.Consumer;

/**
 * The minimum-entropy tests that decide which words a learned vocabulary keeps: de-redundancy
 * (a word stays only where it saves enough code length over its sub-words) and pair merging (two
 * adjacent words of a segmentation become one where that saves enough). Both use the exact
 * change of {@link CodeLength} against a bar that grows with the word's length.
 *
 * <p>Config in final fields; each method changes the trie it is given and is not thread-safe
 * with other users of that trie.
 */
final class WordSelection {
  private final VocabularyLearner.Config config;
  private final FunctionWords functionWords;
  private final Consumer<String> log;

  /**
   * @param functionWords the one-character function words of the {@code glueGain} bar (none
   *     when it is 0)
   * @param log progress lines
   */
  WordSelection(VocabularyLearner.Config config, FunctionWords functionWords,
      Consumer<String> log) {
    this.config = config;
    this.functionWords = functionWords;
    this.log = log;
  }

  /**
   * De-redundancy, longest words first (then rarer first): a word of 2+ symbols is taken out and
   * segmented with the rest; it stays only if removing it would lengthen the code by more than
   * its bar a use ({@code minGain + lengthGain·(len − 2)^lengthPower}, plus {@code glueGain} for
   * function-word glue); otherwise its count goes to its sub-words. Cost: one best-path search a
   * word, in a total order, so the result does not depend on the trie's layout.
   */
  void deRedundancy(WordTrie trie) {
    int[] order = new int[trie.nodes()];
    int n = 0;
    for (int i = 1; i < trie.nodes(); i++) {
      if (trie.count(i) > 0 && trie.depth(i) > 1) {
        order[n++] = i;
      }
    }
    // longest first, then rarer first; ties by node id for determinism (a total order, so the
    // unstable sort gives one result)
    IntArrays.quickSort(order, 0, n, (x, y) -> {
      int d = Integer.compare(trie.depth(y), trie.depth(x));
      if (d != 0) {
        return d;
      }
      int c = Double.compare(trie.count(x), trie.count(y));
      return c != 0 ? c : Integer.compare(x, y);
    });
    int[] word = new int[config.maxLength()];
    double[] best = new double[config.maxLength() + 1];
    int[] back = new int[config.maxLength() + 1];
    int[] ends = new int[config.maxLength()];
    int[] subNodes = new int[config.maxLength()];
    int[] mult = new int[config.maxLength()];
    double[] subCounts = new double[config.maxLength()];
    int removed = 0;
    for (int idx = 0; idx < n; idx++) {
      int node = order[idx];
      double cw = trie.count(node);
      int len = trie.depth(node);
      trie.path(node, word);
      double nKept = trie.total();
      trie.setCount(node, 0);
      int k = trie.bestPathLive(word, 0, len, best, back, ends);
      int distinct = 0;
      int from = 0;
      for (int e = 0; e < k; e++) {
        int sub = trie.node(word, from, ends[e]);
        from = ends[e];
        int j = 0;
        while (j < distinct && subNodes[j] != sub) {
          j++;
        }
        if (j == distinct) {
          subNodes[distinct] = sub;
          mult[distinct++] = 0;
        }
        mult[j]++;
      }
      for (int j = 0; j < distinct; j++) {
        subCounts[j] = subNodes[j] >= 0 ? trie.count(subNodes[j]) : 0;
      }
      double delta = CodeLength.saved(nKept, cw, subCounts, mult, distinct);
      double need = config.minGain() + config.lengthGain() * Math.pow(len - 2, config.lengthPower())
          + glue(word, len);
      if (delta > need * cw) {
        trie.setCount(node, cw);
      } else {
        removed++;
        from = 0;
        for (int e = 0; e < k; e++) {
          int sub = trie.insert(word, from, ends[e]);
          from = ends[e];
          trie.setCount(sub, trie.count(sub) + cw);
        }
      }
    }
    log.accept(String.format(java.util.Locale.ROOT, "de-redundancy removed %,d of %,d multi-character words", removed, n));
  }

  /** {@code glueGain} if the word {@code symbols[0..len)} has a function word at one end only. */
  private double glue(int[] symbols, int len) {
    return config.glueGain() > 0 && functionWords.edge(symbols, len) >= 0 ? config.glueGain() : 0;
  }


  /**
   * Adds adjacent word pairs of the segmentation as new words when merging them saves enough
   * code length (the same test as de-redundancy, applied bottom-up), pair by pair in key order.
   *
   * @param wordPairs the pairs' counts, {@link PairCounts#finish finished} with the minimum count
   *     (a pair seen fewer times is skipped here all the same)
   */
  void mergePairs(WordTrie trie, PairCounts wordPairs) {
    int[] a = new int[config.maxLength()];
    int[] ab = new int[2 * config.maxLength()];
    double[] subCounts = new double[2];
    int[] mult = new int[2];
    int added = 0;
    for (int ki = 0; ki < wordPairs.size(); ki++) {
      int c = wordPairs.count(ki);
      if (c < config.minCount()) {
        continue;
      }
      long key = wordPairs.key(ki);
      int na = (int) (key >>> 32);
      int nb = (int) key;
      int la = trie.depth(na);
      int lb = trie.depth(nb);
      if (la + lb > config.maxLength()) {
        continue;
      }
      trie.path(na, a);
      System.arraycopy(a, 0, ab, 0, la);
      trie.path(nb, a);
      System.arraycopy(a, 0, ab, la, lb);
      int existing = trie.node(ab, 0, la + lb);
      if (existing > 0 && trie.count(existing) > 0) {
        continue;
      }
      int distinct;
      if (na == nb) {
        subCounts[0] = trie.count(na) - 2.0 * c;
        mult[0] = 2;
        distinct = 1;
      } else {
        subCounts[0] = trie.count(na) - c;
        subCounts[1] = trie.count(nb) - c;
        mult[0] = 1;
        mult[1] = 1;
        distinct = 2;
      }
      if (subCounts[0] < 0 || (distinct == 2 && subCounts[1] < 0)) {
        continue;
      }
      double saved = CodeLength.saved(trie.total() - c, c, subCounts, mult, distinct);
      int len = la + lb;
      // A word of 2+ symbols hardly ever used apart from its neighbour is a fragment of the pair.
      double share = config.fragmentShare() * c;
      boolean fragment = (la > 1 && subCounts[0] <= share)
          || (distinct == 2 && lb > 1 && subCounts[1] <= share);
      double need = (fragment ? config.minGain()
          : config.minGain() + config.lengthGain() * Math.pow(len - 2, config.lengthPower()))
          + glue(ab, len);
      if (saved > need * c) {
        int node = trie.insert(ab, 0, len);
        trie.setCount(node, c);
        trie.setCount(na, subCounts[0]);
        if (distinct == 2) {
          trie.setCount(nb, subCounts[1]);
        }
        added++;
      }
    }
    log.accept(String.format(java.util.Locale.ROOT, "merged %,d adjacent word pairs into new words", added));
  }
}
