package dev.ciku.segment;

import dev.ciku.corpus.Chunks;
import dev.ciku.score.WordTrie;
import it.unimi.dsi.fastutil.longs.LongArrayList;

/**
 * The refinement pass of vocabulary learning: the corpus, read back block by block from
 * {@link SymbolBlocks}, segmented by unigram maximum probability over a {@link WordTrie}, and the
 * words used (and, in merging rounds, adjacent word pairs) counted.
 *
 * <p>Cost: one pass over the corpus's blocks, each block's ranges segmented on {@code threads}
 * threads. Memory: one count per trie node a thread, Viterbi work arrays as long as the longest
 * clause, and one long per adjacent word pair of a block while pairs are counted. The trie is
 * read by all threads and must not change during {@link #count}; one count at a time.
 */
final class ViterbiCounts {
  private final SymbolBlocks corpus;
  private final int threads;
  private final int maxLength;

  /**
   * @param corpus the symbols, clause ends as -1
   * @param threads threads a block is segmented on (the counts do not depend on it)
   * @param maxLength longest word in symbols: longer adjacent pairs are not counted
   */
  ViterbiCounts(SymbolBlocks corpus, int threads, int maxLength) {
    this.corpus = corpus;
    this.threads = threads;
    this.maxLength = maxLength;
  }

  /**
   * Segments the whole corpus with the trie's current counts and counts the words used, block by
   * block; each block is cut at clause ends into one range per thread. Clauses are segmented
   * alone and pairs appended in corpus order, so the result depends on neither blocks nor
   * threads. The trie's scores are computed first ({@link WordTrie#computeScores}).
   *
   * @param wordPairs where the adjacent word pairs of the segmentation are counted (pairs of at
   *     most {@code maxLength} symbols together), or null not to count them
   * @return the uses of each trie node, indexed by node
   */
  double[] count(WordTrie trie, PairCounts wordPairs) {
    trie.computeScores(1.0);
    // One count array a thread, added to across blocks (counts are whole numbers: exact sums).
    double[][] counts = new double[threads][trie.nodes()];
    // The adjacent word pairs of a block, one key per occurrence and a list a thread, are
    // counted into wordPairs after each block: it holds distinct pairs (growing with the
    // vocabulary, not the corpus) plus one block's occurrences.
    LongArrayList[] pairLists = new LongArrayList[counts.length];
    for (int t = 0; wordPairs != null && t < pairLists.length; t++) {
      pairLists[t] = new LongArrayList();
    }
    corpus.forEach((block, length) -> {
      block(trie, block, length, pairLists, counts);
      if (wordPairs != null) {
        LongArrayList all = pairLists[0];
        for (int t = 1; t < pairLists.length; t++) {
          all.addAll(pairLists[t]);
          pairLists[t].clear();
        }
        wordPairs.addOccurrences(all.elements(), all.size());
        all.clear();
      }
    });
    double[] sum = counts[0];
    for (int t = 1; t < counts.length; t++) {
      for (int i = 0; i < sum.length; i++) {
        sum[i] += counts[t][i];
      }
    }
    return sum;
  }

  /** Segments one block, {@code counts.length} ranges at once, thread t adding to counts[t]. */
  private void block(WordTrie trie, int[] block, int length,
      LongArrayList[] pairLists, double[][] counts) {
    int ranges = counts.length;
    int[] bounds = new int[ranges + 1];
    bounds[ranges] = length;
    for (int t = 1; t < ranges; t++) {
      int b = (int) ((long) length * t / ranges);
      while (b < length && block[b] >= 0) {
        b++;
      }
      bounds[t] = Math.min(length, b + 1);
    }
    // One chunk a range: a failure in any is rethrown here, not lost with its thread.
    Chunks.run(ranges, ranges,
        t -> range(trie, block, bounds[t], bounds[t + 1], pairLists[t], counts[t]));
  }

  private void range(WordTrie trie, int[] block, int from, int to,
      LongArrayList wordPairs, double[] used) {
    int cap = 1024;
    double[] best = new double[cap + 1];
    int[] back = new int[cap + 1];
    int[] backNode = new int[cap + 1];
    int[] ends = new int[cap];
    int[] nodes = new int[cap];
    int start = from;
    for (int i = from; i <= to; i++) {
      if (i == to || block[i] < 0) {
        int len = i - start;
        if (len > 0) {
          if (len > cap) {
            cap = Integer.highestOneBit(len) * 2;
            best = new double[cap + 1];
            back = new int[cap + 1];
            backNode = new int[cap + 1];
            ends = new int[cap];
            nodes = new int[cap];
          }
          int k = trie.bestPath(block, start, i, best, back, backNode, ends, nodes);
          int prevNode = -1;
          for (int e = 0; e < k; e++) {
            int node = nodes[e];
            if (node > 0) {
              used[node]++;
            }
            if (wordPairs != null && prevNode > 0 && node > 0
                && trie.depth(prevNode) + trie.depth(node) <= maxLength) {
              wordPairs.add(((long) prevNode << 32) | node);
            }
            prevNode = node;
          }
        }
        start = i + 1;
      }
    }
  }
}
