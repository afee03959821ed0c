package dev.ciku.segment;

import dev.ciku.score.WordTrie;

/**
 * The code length of a corpus written word by word, {@code T = N ln N − Σ c ln c} nats (Su
 * Jianlin, 最小熵原理（二）, §1.3 and §7.1), and what keeping a word saves of it. Stateless;
 * thread-safe.
 */
final class CodeLength {
  private CodeLength() {}

  /**
   * Exact code length (nats) that keeping a word saves: {@code T(without) − T(with)}, where
   * {@code T = N ln N − Σ c ln c} is the information needed to write the corpus word by word.
   * With the word, the total is {@code total} and its sub-words have {@code subCounts}; without
   * it, its {@code count} occurrences are written as its sub-words ({@code mult[j]} times
   * sub-word {@code j} each). For two sub-words this equals {@code N'·F_ab} of §7.1 with
   * {@code N'} the total without the word; positive when the word lowers the code length.
   */
  static double saved(double total, double count, double[] subCounts, int[] mult,
      int distinct) {
    int k = 0;
    for (int j = 0; j < distinct; j++) {
      k += mult[j];
    }
    double without = total + (k - 1) * count;
    double delta = xlogx(without) - xlogx(total) + xlogx(count);
    for (int j = 0; j < distinct; j++) {
      delta -= xlogx(subCounts[j] + mult[j] * count) - xlogx(subCounts[j]);
    }
    return delta;
  }

  static double xlogx(double x) {
    return x > 0 ? x * Math.log(x) : 0;
  }

  /** {@code T = N ln N − Σ c ln c} of the trie's counts (nats). */
  static double of(WordTrie trie) {
    double s = 0;
    for (int n = 1; n < trie.nodes(); n++) {
      s += xlogx(trie.count(n));
    }
    return xlogx(trie.total()) - s;
  }
}
