package dev.ciku.segment;

import dev.ciku.corpus.ByteCounter;
import dev.ciku.corpus.ClauseScanner;
import dev.ciku.corpus.ClauseSink;
import dev.ciku.corpus.CorpusInput;
import dev.ciku.corpus.CorpusReader;
import dev.ciku.corpus.ReaderOptions;
import dev.ciku.corpus.UnitTable;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Learns a segmentation vocabulary from raw text by the minimum-entropy principle (Su Jianlin,
 * 最小熵原理（二）): words are kept only where they lower the information needed to write the
 * corpus down word by word.
 *
 * <ol>
 *   <li><b>Count</b> symbols ({@link Symbols}) and adjacent symbol pairs inside clauses.</li>
 *   <li><b>Cut</b> between two adjacent symbols when the pair occurs fewer than
 *       {@code minPairCount} times or its PMI {@code ln(p_ab / (p_a p_b))} is below
 *       {@code minPmi} nats; fragments longer than {@code maxLength} are cut again at their
 *       weakest pair.</li>
 *   <li><b>Count</b> the fragments; <b>prune</b> those seen fewer than {@code minCount} times
 *       (their symbols count as single words).</li>
 *   <li><b>De-redundancy</b>, longest first: take the word out, segment it with the rest, and
 *       compute the exact change of the corpus code length {@code T = N ln N − Σ c ln c} (nats;
 *       {@code T / chars} is the L of §1.3, and {@code ΔT = −N·F} with the exact F of §7.1) when
 *       its occurrences are written as its sub-words instead. It stays only if removing it would
 *       lengthen the code by more than {@code minGain + lengthGain·(len − 2)^lengthPower} nats per
 *       occurrence (the length term is the long-word down-weighting the author mentions);
 *       otherwise its count goes to its sub-words.</li>
 *   <li><b>Refine</b> (Viterbi re-estimation, hard EM): segment the whole corpus with the
 *       vocabulary, re-count the words actually used; in the first {@code mergeRounds} rounds
 *       also count adjacent word pairs of that segmentation and add a pair as a new word when
 *       merging it saves code length by the same test as de-redundancy (exact F, same
 *       length-dependent margin; this brings back words such as 为了 that rarely stand alone
 *       as a fragment); drop words used fewer than {@code minCount} times, and repeat while the
 *       bits per character keep falling (at most {@code maxIterations} rounds).</li>
 * </ol>
 *
 * <p>Memory: the corpus is held as one int per symbol (4 bytes a character) plus the pair table
 * and the fragment table: about 0.5 GB peak RSS for the 116 MB (39.6 M character) benchmark
 * corpus, 0.65 GB for general-reference. Time: one read, then a few linear passes over the int
 * array (about 10–15 s for bench-mixed on an idle 2-core machine). An instance learns once (it
 * keeps the counts of its corpus); it is not thread-safe; the refinement passes use
 * {@code threads} threads and the result does not depend on their number.
 */
public final class VocabularyLearner {
  /**
   * Parameters.
   *
   * @param minPairCount cut between pairs seen fewer times
   * @param minPmi cut between pairs with a lower PMI (nats)
   * @param minCount keep fragments and words seen at least this often
   * @param maxLength longest word in symbols
   * @param minGain nats per occurrence a 2-symbol word must save to stay
   * @param lengthGain extra nats per occurrence for a word of 3 symbols
   * @param lengthPower the extra grows as {@code (len − 2)^lengthPower}
   * @param maxIterations refinement rounds at most
   * @param mergeRounds in the first this many refinement rounds, adjacent words of the
   *     segmentation are merged into a new word when that saves enough code length
   * @param fragmentShare a merge of two adjacent words where one of 2+ symbols is used apart
   *     from the other in at most this share of the pair's occurrences (中华人民共 + 和国,
   *     中 + 共中央) needs only {@code minGain}, not the extra of a long word: such a word is a
   *     fragment of the pair; 0 turns this off
   * @param threads threads for the refinement passes
   */
  public record Config(long minPairCount, double minPmi, long minCount, int maxLength,
      double minGain, double lengthGain, double lengthPower, int maxIterations, int mergeRounds,
      double fragmentShare, int threads) {
    /** The defaults of {@code ciku vocab}. */
    public static final Config DEFAULT = new Config(3, 1.0, 3, 8, 1.5, 3.0, 1.0, 5, 3, 0.15, 2);

    public Config {
      if (minPairCount < 1 || minCount < 1 || maxLength < 1 || maxIterations < 0 || mergeRounds < 0
          || threads < 1) {
        throw new IllegalArgumentException("vocabulary parameters must be positive");
      }
      if (!(fragmentShare >= 0 && fragmentShare < 1)) {
        throw new IllegalArgumentException("--fragment-share must be in [0, 1), got "
            + fragmentShare);
      }
      if (maxLength > 127) {
        throw new IllegalArgumentException("--max-length must be at most 127");
      }
    }
  }

  /**
   * What {@link #learn} found.
   *
   * @param vocabulary the learned words (all of them, sorted later on output)
   * @param symbols symbols (characters; a Latin run counts as one) in the corpus
   * @param bitsBefore bits per symbol with every symbol a word
   * @param bitsPerRound bits per symbol after de-redundancy (index 0) and after each refinement
   * @param wordsPerRound words (multi-symbol included) after each stage
   */
  public record Result(Vocabulary vocabulary, long symbols, double bitsBefore,
      double[] bitsPerRound, int[] wordsPerRound) {
    /** Bits per symbol at the end. */
    public double bitsAfter() {
      return bitsPerRound.length == 0 ? bitsBefore : bitsPerRound[bitsPerRound.length - 1];
    }
  }

  private final Config config;
  private final Consumer<String> log;

  public VocabularyLearner(Config config, Consumer<String> log) {
    this.config = config;
    this.log = log;
  }

  private int[] corpus;
  private int corpusLength;
  private final long[] unitCounts = new long[Symbols.LIMIT];
  private final Long2IntOpenHashMap pairs = new Long2IntOpenHashMap();
  private long units;
  private long pairTotal;

  /** Reads the corpus once and learns a vocabulary. */
  public Result learn(List<CorpusInput> inputs, ReaderOptions options, ByteCounter bytes,
      Consumer<String> warnings) throws IOException {
    read(inputs, options, bytes, warnings);
    return learnFromCorpus();
  }

  /** Learns from symbol clauses given directly (for tests): each array is one clause. */
  public Result learn(List<int[]> clauses) {
    IntArrayList all = new IntArrayList();
    for (int[] c : clauses) {
      for (int i = 0; i < c.length; i++) {
        unitCounts[c[i]]++;
        if (i + 1 < c.length) {
          pairs.addTo(key(c[i], c[i + 1]), 1);
        }
        all.add(c[i]);
      }
      units += c.length;
      pairTotal += Math.max(0, c.length - 1);
      all.add(-1);
    }
    corpus = all.elements();
    corpusLength = all.size();
    return learnFromCorpus();
  }

  private static long key(int a, int b) {
    return ((long) a << 21) | b;
  }

  private void read(List<CorpusInput> inputs, ReaderOptions options, ByteCounter bytes,
      Consumer<String> warnings) throws IOException {
    UnitTable table = new UnitTable();
    IntArrayList all = new IntArrayList(1 << 20);
    int[][] latinClass = {new int[256]};
    int[] known = {0};
    ClauseSink sink = (u, length, owned, start, end) -> {
      // A continuation chunk repeats the look-ahead of the previous one: only owned units are
      // stored and counted, so every clause is stored exactly once.
      for (int i = 0; i < length; i++) {
        int id = u[i];
        if (id >= UnitTable.LATIN_BASE) {
          int k = id - UnitTable.LATIN_BASE;
          while (known[0] <= k) {
            if (known[0] == latinClass[0].length) {
              latinClass[0] = Arrays.copyOf(latinClass[0], known[0] * 2);
            }
            latinClass[0][known[0]] = Symbols.latinClass(table.text(UnitTable.LATIN_BASE + known[0]));
            known[0]++;
          }
          id = latinClass[0][k];
        }
        if (i < owned) {
          all.add(id);
          unitCounts[id]++;
          units++;
          if (i + 1 < length) {
            pairs.addTo(key(id, symbolOf(u[i + 1], table, latinClass[0], known)), 1);
            pairTotal++;
          }
        }
      }
      if (end) {
        all.add(-1);
      }
    };
    ClauseScanner scanner = new ClauseScanner(table, false, options.simplify(), sink);
    new CorpusReader(options, bytes, warnings).read(inputs, scanner);
    corpus = all.elements();
    corpusLength = all.size();
    log.accept(String.format(java.util.Locale.ROOT, "read %,d symbols in %,d clauses; %,d distinct pairs",
        units, scanner.clauses(), pairs.size()));
  }

  private static int symbolOf(int id, UnitTable table, int[] latinClass, int[] known) {
    if (id < UnitTable.LATIN_BASE) {
      return id;
    }
    int k = id - UnitTable.LATIN_BASE;
    return k < known[0] ? latinClass[k] : Symbols.latinClass(table.text(id));
  }

  private boolean strong(int a, int b) {
    int c = pairs.get(key(a, b));
    if (c < config.minPairCount()) {
      return false;
    }
    return pmi(a, b, c) >= config.minPmi();
  }

  private double pmi(int a, int b, int c) {
    return Math.log((double) c / pairTotal)
        - Math.log((double) unitCounts[a] / units) - Math.log((double) unitCounts[b] / units);
  }

  private boolean used;

  private Result learnFromCorpus() {
    if (used) {
      throw new IllegalStateException("a VocabularyLearner learns once; make a new one");
    }
    used = true;
    double bitsBefore = codeLengthOfUnits() / units / Math.log(2);
    log.accept(String.format(java.util.Locale.ROOT, "bits per char with single characters: %.4f", bitsBefore));
    FragmentTable fragments = new FragmentTable(corpus);
    int start = 0;
    for (int i = 0; i < corpusLength; i++) {
      int s = corpus[i];
      if (s < 0) {
        start = i + 1;
        continue;
      }
      boolean last = i + 1 >= corpusLength || corpus[i + 1] < 0 || !strong(s, corpus[i + 1]);
      if (last) {
        addFragment(fragments, start, i + 1);
        start = i + 1;
      }
    }
    log.accept(String.format(java.util.Locale.ROOT, "%,d distinct fragments", fragments.size()));
    WordTrie trie = new WordTrie();
    for (int f = 0; f < fragments.capacity(); f++) {
      int len = fragments.length(f);
      if (len == 0) {
        continue;
      }
      int pos = fragments.position(f);
      long c = fragments.count(f);
      if (len == 1 || c >= config.minCount()) {
        int node = trie.insert(corpus, pos, pos + len);
        trie.setCount(node, trie.count(node) + c);
      } else {
        for (int i = pos; i < pos + len; i++) {
          int node = trie.insert(corpus, i, i + 1);
          trie.setCount(node, trie.count(node) + c);
        }
      }
    }
    fragments = null;
    log.accept(String.format(java.util.Locale.ROOT, "%,d candidate words after pruning", trie.words()));
    deRedundancy(trie);
    List<Double> bits = new ArrayList<>();
    List<Integer> words = new ArrayList<>();
    double b = codeLength(trie) / units / Math.log(2);
    bits.add(b);
    words.add(trie.words());
    log.accept(String.format(java.util.Locale.ROOT, "after de-redundancy: %,d words, %.4f bits per char (counts from fragments)",
        trie.words(), b));
    double prev = Double.POSITIVE_INFINITY;
    for (int round = 1; round <= config.maxIterations(); round++) {
      boolean merging = round <= config.mergeRounds();
      LongArrayList wordPairs = merging ? new LongArrayList() : null;
      double[] used = viterbiCounts(trie, wordPairs);
      for (int n = 1; n < trie.nodes(); n++) {
        trie.setCount(n, used[n]);
      }
      if (merging) {
        mergePairs(trie, wordPairs);
      }
      double now = codeLength(trie) / units / Math.log(2);
      int before = trie.words();
      for (int n = 1; n < trie.nodes(); n++) {
        if (trie.depth(n) > 1 && trie.count(n) > 0 && trie.count(n) < config.minCount()) {
          trie.setCount(n, 0);
        }
      }
      bits.add(now);
      words.add(before);
      log.accept(String.format(java.util.Locale.ROOT, "refinement %d: %,d words used, %.4f bits per char; %,d kept",
          round, before, now, trie.words()));
      if (round > config.mergeRounds() && now > prev - 1e-4) {
        break;
      }
      prev = now;
    }
    Vocabulary v = new Vocabulary();
    for (int n = 1; n < trie.nodes(); n++) {
      if (trie.count(n) > 0) {
        v.add(trie.text(n), Math.round(trie.count(n)));
      }
    }
    double[] bp = bits.stream().mapToDouble(Double::doubleValue).toArray();
    int[] wp = words.stream().mapToInt(Integer::intValue).toArray();
    return new Result(v, units, bitsBefore, bp, wp);
  }

  private void addFragment(FragmentTable fragments, int from, int to) {
    if (to - from <= config.maxLength()) {
      fragments.add(from, to - from);
      return;
    }
    int cut = from + 1;
    double worst = Double.POSITIVE_INFINITY;
    for (int i = from; i + 1 < to; i++) {
      int c = pairs.get(key(corpus[i], corpus[i + 1]));
      double p = pmi(corpus[i], corpus[i + 1], Math.max(c, 1));
      if (p < worst) {
        worst = p;
        cut = i + 1;
      }
    }
    addFragment(fragments, from, cut);
    addFragment(fragments, cut, to);
  }

  private void deRedundancy(WordTrie trie) {
    int[] order = new int[trie.nodes()];
    int n = 0;
    for (int i = 1; i < trie.nodes(); i++) {
      if (trie.count(i) > 0 && trie.depth(i) > 1) {
        order[n++] = i;
      }
    }
    // longest first, then rarer first; ties by node id for determinism
    Integer[] boxed = new Integer[n];
    for (int i = 0; i < n; i++) {
      boxed[i] = order[i];
    }
    Arrays.sort(boxed, (x, y) -> {
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
      int node = boxed[idx];
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
      double delta = codeLengthSaved(nKept, cw, subCounts, mult, distinct);
      double need = config.minGain() + config.lengthGain() * Math.pow(len - 2, config.lengthPower());
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

  /**
   * Exact code length (nats) that keeping a word saves: {@code T(without) − T(with)}, where
   * {@code T = N ln N − Σ c ln c} is the information needed to write the corpus word by word.
   * With the word, the total is {@code total} and its sub-words have {@code subCounts}; without
   * it, its {@code count} occurrences are written as its sub-words ({@code mult[j]} times
   * sub-word {@code j} each). For two sub-words this equals {@code N'·F_ab} of §7.1 with
   * {@code N'} the total without the word; positive when the word lowers the code length.
   */
  static double codeLengthSaved(double total, double count, double[] subCounts, int[] mult,
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

  private static double xlogx(double x) {
    return x > 0 ? x * Math.log(x) : 0;
  }

  private double codeLengthOfUnits() {
    double s = 0;
    for (long c : unitCounts) {
      s += xlogx(c);
    }
    return xlogx(units) - s;
  }

  private static double codeLength(WordTrie trie) {
    double s = 0;
    for (int n = 1; n < trie.nodes(); n++) {
      s += xlogx(trie.count(n));
    }
    return xlogx(trie.total()) - s;
  }

  /**
   * Adds adjacent word pairs of the segmentation as new words when merging them saves enough
   * code length (the same test as de-redundancy, applied bottom-up).
   */
  private void mergePairs(WordTrie trie, LongArrayList wordPairs) {
    // adjacent word pairs, one key per occurrence: sort, then each run is one pair and its count
    long[] all = wordPairs.elements();
    int total = wordPairs.size();
    Arrays.parallelSort(all, 0, total);
    long[] keys = new long[16];
    int[] keyCounts = new int[16];
    int nk = 0;
    for (int i = 0; i < total; ) {
      int j = i + 1;
      while (j < total && all[j] == all[i]) {
        j++;
      }
      if (j - i >= config.minCount()) {
        if (nk == keys.length) {
          keys = Arrays.copyOf(keys, nk * 2);
          keyCounts = Arrays.copyOf(keyCounts, nk * 2);
        }
        keys[nk] = all[i];
        keyCounts[nk++] = j - i;
      }
      i = j;
    }
    wordPairs.clear();
    wordPairs.trim();
    int[] a = new int[config.maxLength()];
    int[] ab = new int[2 * config.maxLength()];
    double[] subCounts = new double[2];
    int[] mult = new int[2];
    int added = 0;
    for (int ki = 0; ki < nk; ki++) {
      long key = keys[ki];
      int c = keyCounts[ki];
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
      double saved = codeLengthSaved(trie.total() - c, c, subCounts, mult, distinct);
      int len = la + lb;
      // A word of 2+ symbols hardly ever used apart from its neighbour is a fragment of the pair.
      double share = config.fragmentShare() * c;
      boolean fragment = (la > 1 && subCounts[0] <= share)
          || (distinct == 2 && lb > 1 && subCounts[1] <= share);
      double need = fragment ? config.minGain()
          : config.minGain() + config.lengthGain() * Math.pow(len - 2, config.lengthPower());
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

  /** Segments the whole corpus with the current scores and counts the words used. */
  private double[] viterbiCounts(WordTrie trie, LongArrayList wordPairs) {
    trie.computeScores(1.0);
    int threads = config.threads();
    int[] bounds = new int[threads + 1];
    bounds[threads] = corpusLength;
    for (int t = 1; t < threads; t++) {
      int b = (int) ((long) corpusLength * t / threads);
      while (b < corpusLength && corpus[b] >= 0) {
        b++;
      }
      bounds[t] = Math.min(corpusLength, b + 1);
    }
    double[][] counts = new double[threads][];
    LongArrayList[] pairMaps = new LongArrayList[threads];
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      int ti = t;
      pairMaps[t] = wordPairs == null ? null : new LongArrayList();
      workers[t] = new Thread(() -> counts[ti] = viterbiRange(trie, bounds[ti], bounds[ti + 1], pairMaps[ti]));
      workers[t].start();
    }
    for (Thread w : workers) {
      try {
        w.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted");
      }
    }
    if (wordPairs != null) {
      for (LongArrayList m : pairMaps) {
        wordPairs.addAll(m);
        m.clear();
        m.trim();
      }
    }
    double[] sum = counts[0];
    for (int t = 1; t < threads; t++) {
      for (int i = 0; i < sum.length; i++) {
        sum[i] += counts[t][i];
      }
    }
    return sum;
  }

  private double[] viterbiRange(WordTrie trie, int from, int to, LongArrayList wordPairs) {
    double[] used = new double[trie.nodes()];
    int maxLength = config.maxLength();
    int cap = 1024;
    double[] best = new double[cap + 1];
    int[] back = new int[cap + 1];
    int[] backNode = new int[cap + 1];
    int[] ends = new int[cap];
    int[] nodes = new int[cap];
    int start = from;
    for (int i = from; i <= to; i++) {
      if (i == to || corpus[i] < 0) {
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
          int k = trie.bestPath(corpus, start, i, best, back, backNode, ends, nodes);
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
    return used;
  }

  /**
   * Counts fragments of the corpus array without copying them: a fragment is keyed by its first
   * occurrence (position, length) and compared symbol by symbol. Open addressing, linear probing.
   */
  static final class FragmentTable {
    private final int[] corpus;
    private int[] pos = new int[1 << 16];
    private byte[] len = new byte[1 << 16];
    private long[] count = new long[1 << 16];
    private int[] hashes = new int[1 << 16];
    private int mask = (1 << 16) - 1;
    private int size;

    FragmentTable(int[] corpus) {
      this.corpus = corpus;
    }

    void add(int from, int length) {
      int h = hash(from, length);
      int i = h & mask;
      while (len[i] != 0) {
        if (hashes[i] == h && len[i] == length && same(pos[i], from, length)) {
          count[i]++;
          return;
        }
        i = (i + 1) & mask;
      }
      pos[i] = from;
      len[i] = (byte) length;
      count[i] = 1;
      hashes[i] = h;
      if (++size * 2 > pos.length) {
        grow();
      }
    }

    private boolean same(int a, int b, int length) {
      for (int k = 0; k < length; k++) {
        if (corpus[a + k] != corpus[b + k]) {
          return false;
        }
      }
      return true;
    }

    private int hash(int from, int length) {
      long h = length;
      for (int k = 0; k < length; k++) {
        h = h * 0x100000001B3L + corpus[from + k];
      }
      h *= 0x9E3779B97F4A7C15L;
      return (int) (h ^ (h >>> 32));
    }

    private void grow() {
      int[] op = pos;
      byte[] ol = len;
      long[] oc = count;
      int[] oh = hashes;
      int n = op.length * 2;
      pos = new int[n];
      len = new byte[n];
      count = new long[n];
      hashes = new int[n];
      mask = n - 1;
      for (int j = 0; j < op.length; j++) {
        if (ol[j] != 0) {
          int i = oh[j] & mask;
          while (len[i] != 0) {
            i = (i + 1) & mask;
          }
          pos[i] = op[j];
          len[i] = ol[j];
          count[i] = oc[j];
          hashes[i] = oh[j];
        }
      }
    }

    int size() {
      return size;
    }

    int capacity() {
      return pos.length;
    }

    int length(int slot) {
      return len[slot];
    }

    int position(int slot) {
      return pos[slot];
    }

    long count(int slot) {
      return count[slot];
    }
  }
}
