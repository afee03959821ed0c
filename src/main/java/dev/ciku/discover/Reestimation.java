package dev.ciku.discover;

import dev.ciku.corpus.Chunks;
import dev.ciku.corpus.UnitTable;
import dev.ciku.count.GramIndex;
import dev.ciku.count.Grams;
import dev.ciku.score.WordTrie;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2LongMap;
import it.unimi.dsi.fastutil.longs.Long2LongMaps;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2LongMap;
import it.unimi.dsi.fastutil.objects.Object2LongMaps;
import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Re-estimation of the discovered words by segmenting the cut corpus with them, so that the
 * vocabulary is consistent with the way a segmenter uses it (ALGORITHMS.md §7, minimum entropy).
 *
 * <p>The cut pass already left the corpus as a table of distinct fragments with counts; a
 * fragment is segmented once and its words weighted by its count, which gives the same counts
 * as segmenting every occurrence (the unigram segmentation never crosses a cut). Each round:
 * <ol>
 *   <li>segment every fragment by unigram maximum probability ({@link WordTrie#bestPath}) over
 *       the words and every single unit (with its count: initially the unit's n-gram count, then
 *       its count as a single-unit token);</li>
 *   <li>recount: a word's count becomes the number of times the segmentation uses it; a word used
 *       fewer than {@code minCount} times is dropped;</li>
 *   <li>prune (minimum entropy): a word that does not save {@code minGain + gainStep · (len − 2)}
 *       nats a use (plus {@code glueGain} if it has a function word at one end:
 *       {@link GainBar}) over its best segmentation into the other words and single units is
 *       dropped — glue such as 并在, 是一, 等方面, whose parts are frequent free tokens — and
 *       the round is segmented again without it;</li>
 *   <li>merge (all rounds but the last): two adjacent Han tokens {@code a b} seen together at
 *       least {@code minCount} times become the word {@code ab} when their association
 *       {@code ln(c(ab)·N / (c(a)·c(b)))} (N = tokens) reaches {@code mergePmi + mergeStep ·
 *       (len(ab) − 2)} nats. This brings in words whose characters are so bound to their
 *       neighbours that the cut never isolates them, and the length term keeps function-word
 *       glue out.</li>
 * </ol>
 *
 * <p>Cost: the fragment table is copied into flat arrays once (about 16 bytes a distinct fragment
 * plus 4 a unit); each round is one Viterbi pass over the distinct fragments (O(units · L) trie
 * steps; two when the gain test drops words, which itself costs O(words · L²) trie steps), split
 * over the given number of threads, and, in merge rounds, a hash table of adjacent word pairs
 * per thread. No corpus pass. The result
 * does not depend on the order in which the tables are iterated (counts are exact integer sums,
 * and merged words, summed by string, enter the trie in string order), so it is the same at any
 * thread count. The trie is read-only while the threads segment. Not
 * thread-safe; one run per instance at a time.
 */
final class Reestimation {
  private final int rounds;
  private final double mergePmi;
  private final double mergeStep;
  private final long minCount;
  private final int maxLength;
  private final int threads;
  private final GainBar gainBar;
  /** Slices of the trie's nodes that the gain test splits over the threads. */
  private static final int PRUNE_SLICES = 16;

  /**
   * One word after re-estimation.
   *
   * @param units unit ids
   * @param count uses in the last segmentation
   * @param origin index of the input word it is, or -1 for a word made by merging
   */
  record Word(int[] units, long count, int origin) {}

  /** Why a word left the vocabulary during {@link #run}, if it did. */
  enum Drop {
    /** Never dropped (kept, or never a word of this run). */
    NONE,
    /** A segmentation used it fewer than the min count times. */
    USE,
    /** The gain test dropped it. */
    GAIN
  }

  /**
   * What happened to one word during the last {@link #run}.
   *
   * @param drop why it was dropped, or {@link Drop#NONE}
   * @param uses uses in the segmentation that dropped it, for {@link Drop#USE}
   * @param round 1-based round of the drop (0 if none)
   * @param merged whether re-estimation made the word by merging two adjacent words
   * @param gain nats a use the word saved at its last gain test, which for {@link Drop#GAIN} is
   *     the test that dropped it (NaN if never tested)
   */
  record Fate(Drop drop, long uses, int round, boolean merged, double gain) {}

  private Nodes last;

  /**
   * @param rounds segmentation passes (at least 1); merging happens after all but the last
   * @param mergePmi association threshold of a 2-unit merge, in nats
   * @param mergeStep added to the threshold per unit beyond 2
   * @param minCount smallest count of a kept word and of a merged pair
   * @param maxLength longest merged word, in units
   * @param gainBar the nats a use a word must save over its best segmentation into the other
   *     words and single units to be kept
   * @param threads threads that segment (the result does not depend on it)
   */
  Reestimation(int rounds, double mergePmi, double mergeStep, long minCount, int maxLength,
      GainBar gainBar, int threads) {
    if (rounds < 1) {
      throw new IllegalArgumentException("rounds must be 1 or more, got " + rounds);
    }
    this.rounds = rounds;
    this.mergePmi = mergePmi;
    this.mergeStep = mergeStep;
    this.minCount = Math.max(1, minCount);
    this.maxLength = maxLength;
    this.gainBar = gainBar;
    this.threads = Math.max(1, threads);
  }

  /**
   * Re-estimates the live words.
   *
   * @param words unit ids of each word (single Latin units and words of 2+ units)
   * @param counts the words' counts before re-estimation
   * @param alive which words take part
   * @param fragments the counted fragments of the cut pass, every kind segmented
   * @param notFragments entries of {@code fragments.shortFragments()} that are not fragments
   *     (skipped)
   * @param index n-gram counts; its single units give the units' counts
   * @return the words kept or made, in no particular order
   */
  List<Word> run(int[][] words, long[] counts, boolean[] alive, CutFragments fragments,
      GramIndex notFragments, GramIndex index) {
    CutTable t = new CutTable(fragments, notFragments);
    Nodes nodes = new Nodes();
    int[] one = new int[1];
    index.forEachUnit((hi, lo, c) -> {
      one[0] = Grams.unit(hi, lo, 0);
      int node = nodes.trie.insert(one, 0, 1);
      nodes.grow();
      nodes.trie.setCount(node, c);
      nodes.latin[node] = UnitTable.isLatinId(one[0]);
    });
    for (int i = 0; i < words.length; i++) {
      if (alive[i]) {
        int node = nodes.add(words[i], words[i].length, counts[i]);
        nodes.origin[node] = i;
      }
    }
    // Single-unit fragments: a unit's count minus its occurrences inside longer fragments.
    long[] inside = new long[nodes.trie.nodes()];
    for (int f = 0; f < t.size; f++) {
      for (int i = t.start[f]; i < t.start[f + 1]; i++) {
        int node = nodes.trie.child(0, t.units[i]);
        if (node >= 0) {
          inside[node] += t.count[f];
        }
      }
    }
    long[] singles = new long[inside.length];
    for (int node = 1; node < inside.length; node++) {
      if (nodes.trie.depth(node) == 1) {
        singles[node] = Math.max(0, (long) nodes.trie.count(node) - inside[node]);
      }
    }
    last = nodes;
    for (int r = 0; r < rounds; r++) {
      boolean merging = r < rounds - 1;
      Slice[] slices = round(t, nodes, singles, merging, r + 1);
      if (gainBar.enabled() && prune(nodes, total(slices[0].next), r + 1) > 0) {
        slices = round(t, nodes, singles, merging, r + 1);
      }
      if (merging) {
        merge(slices, slices[0].next, total(slices[0].next), nodes);
      }
    }
    List<Word> out = new ArrayList<>();
    WordTrie trie = nodes.trie;
    for (int node = 1; node < trie.nodes(); node++) {
      if (nodes.word[node] && trie.count(node) > 0) {
        int[] u = new int[trie.depth(node)];
        trie.path(node, u);
        out.add(new Word(u, (long) trie.count(node), nodes.origin[node]));
      }
    }
    return out;
  }

  /**
   * What the last {@link #run} did with the word {@code units}: why it was dropped, if it was,
   * and whether re-estimation made it by merging. A string that was never a word of the run
   * gets {@link Drop#NONE} and {@code merged} false.
   */
  Fate fate(int[] units) {
    if (last == null) {
      throw new IllegalStateException("fate() before run()");
    }
    int node = last.trie.node(units, 0, units.length);
    if (node < 0 || !last.word[node]) {
      return new Fate(Drop.NONE, 0, 0, false, Double.NaN);
    }
    return new Fate(last.drop[node], last.droppedUses[node], last.dropRound[node],
        last.origin[node] < 0, last.gain[node]);
  }

  /**
   * One segmentation pass over the table on all threads; sets every word's count to its uses
   * (0 below the min count) and every single unit's to its uses as a single token. Returns the
   * slices (their {@code next} holds the summed uses, single units included).
   */
  private Slice[] round(CutTable t, Nodes nodes, long[] singles, boolean merging, int r) {
    WordTrie trie = nodes.trie;
    trie.computeScores(1.0);
    Slice[] slices = new Slice[threads];
    for (int i = 0; i < threads; i++) {
      slices[i] = new Slice(t, nodes, maxLength, merging, i, threads);
    }
    runAll(slices);
    long[] next = slices[0].next;
    for (int i = 1; i < threads; i++) {
      for (int node = 0; node < next.length; node++) {
        next[node] += slices[i].next[node];
      }
    }
    for (int node = 1; node < next.length && node < singles.length; node++) {
      next[node] += singles[node];
    }
    for (int node = 1; node < next.length; node++) {
      if (nodes.word[node]) {
        if (next[node] < minCount && trie.count(node) > 0) {
          nodes.drop(node, Drop.USE, r);
          nodes.droppedUses[node] = next[node];
        }
        trie.setCount(node, next[node] >= minCount ? next[node] : 0);
      } else if (trie.depth(node) == 1) {
        trie.setCount(node, next[node]);
      }
    }
    return slices;
  }

  private static long total(long[] next) {
    long total = 0;
    for (int node = 1; node < next.length; node++) {
      total += next[node];
    }
    return total;
  }

  /**
   * Drops the words of 2+ units that save less than {@link GainBar#bar} nats a use over their
   * best segmentation into the other words and single units, all with their
   * counts of the last round ({@code ln p(w) − Σ ln p(v_i)}, {@code p = count / total}; a unit
   * never used alone counts as used once). All words are judged against the same counts, so the
   * result does not depend on their order. Returns the number dropped.
   */
  private int prune(Nodes nodes, double total, int r) {
    WordTrie trie = nodes.trie;
    double lnTotal = Math.log(total);
    int size = trie.nodes();
    IntArrayList[] drops = new IntArrayList[PRUNE_SLICES];
    // Each slice tests its own nodes against counts nobody changes until all are done: the same
    // drops at any thread count. Slices, not threads, so that the work stays balanced.
    Chunks.run(PRUNE_SLICES, threads, slice -> {
      IntArrayList drop = new IntArrayList();
      int[] u = new int[Math.max(1, trie.maxDepth())];
      double[] best = new double[u.length + 1];
      int to = (int) ((long) size * (slice + 1) / PRUNE_SLICES);
      for (int node = Math.max(1, (int) ((long) size * slice / PRUNE_SLICES)); node < to; node++) {
        int n = trie.depth(node);
        if (n < 2 || !nodes.word[node] || trie.count(node) <= 0) {
          continue;
        }
        trie.path(node, u);
        double gain = gain(trie, node, u, n, best, lnTotal);
        nodes.gain[node] = gain;
        if (gain < gainBar.bar(u, n)) {
          drop.add(node);
          nodes.drop(node, Drop.GAIN, r);
        }
      }
      drops[slice] = drop;
    });
    int dropped = 0;
    for (IntArrayList drop : drops) {
      for (int i = 0; i < drop.size(); i++) {
        trie.setCount(drop.getInt(i), 0);
      }
      dropped += drop.size();
    }
    return dropped;
  }

  /**
   * The nats a use the word {@code node} ({@code u[0..n)}) saves over its best segmentation into
   * the other words and single units: {@code ln p(w) − Σ ln p(v_i)}; {@code best}: scratch of
   * {@code n + 1} entries. Reads the trie only.
   */
  private static double gain(WordTrie trie, int node, int[] u, int n, double[] best,
      double lnTotal) {
    best[0] = 0;
    for (int i = 1; i <= n; i++) {
      best[i] = Double.NEGATIVE_INFINITY;
    }
    for (int i = 0; i < n; i++) {
      int first = trie.child(0, u[i]);
      double single = Math.log(Math.max(1, first >= 0 ? trie.count(first) : 0)) - lnTotal;
      best[i + 1] = Math.max(best[i + 1], best[i] + single);
      int next = first;
      for (int j = i + 1; j < n && next >= 0; j++) {
        next = trie.child(next, u[j]);
        if (next >= 0 && next != node && trie.count(next) > 0) {
          best[j + 1] = Math.max(best[j + 1], best[i] + Math.log(trie.count(next)) - lnTotal);
        }
      }
    }
    return Math.log(trie.count(node)) - lnTotal - best[n];
  }

  /**
   * Makes the merged words of a round. Each slice's pair table is read in place, on all threads
   * (a pair seen by several slices is summed once, by the first slice that has it): copying one
   * open-addressing table into another in table order would cluster badly. The trie and the
   * counts are only read until the merged words, summed by string, enter the trie.
   */
  private void merge(Slice[] slices, long[] next, long total, Nodes nodes) {
    double lnTotal = Math.log(total);
    @SuppressWarnings("unchecked")
    Object2LongOpenHashMap<String>[] found = new Object2LongOpenHashMap[slices.length];
    Chunks.run(slices.length, threads, s -> {
      Object2LongOpenHashMap<String> made = new Object2LongOpenHashMap<>();
      for (Long2LongMap.Entry e : Long2LongMaps.fastIterable(slices[s].pairs)) {
        long key = e.getLongKey();
        boolean seen = false;
        long n = e.getLongValue();
        for (int o = 0; o < slices.length && !seen; o++) {
          if (o < s) {
            seen = slices[o].pairs.containsKey(key);
          } else if (o > s) {
            n += slices[o].pairs.get(key);
          }
        }
        if (!seen) {
          consider(key, n, lnTotal, next, nodes, made);
        }
      }
      found[s] = made;
    });
    // A word made from two pairs (丄 + 丄丄 and 丄丄 + 丄) has the uses of both, whichever slices
    // found them. Words are added in key order, whatever order the tables gave them: the same
    // trie at any thread count.
    Object2LongOpenHashMap<String> made = found[0];
    for (int s = 1; s < found.length; s++) {
      for (Object2LongMap.Entry<String> e : Object2LongMaps.fastIterable(found[s])) {
        made.addTo(e.getKey(), e.getLongValue());
      }
    }
    String[] keys = made.keySet().toArray(new String[0]);
    Arrays.sort(keys);
    for (String k : keys) {
      int[] u = CutFragments.units(k);
      nodes.add(u, u.length, made.getLong(k));
    }
  }

  private void consider(long key, long n, double lnTotal, long[] next, Nodes nodes,
      Object2LongOpenHashMap<String> made) {
    WordTrie trie = nodes.trie;
    if (n < minCount) {
      return;
    }
    int a = (int) (key >>> 32);
    int b = (int) key;
    int la = trie.depth(a);
    int len = la + trie.depth(b);
    double pmi = Math.log(n) + lnTotal - Math.log(next[a]) - Math.log(next[b]);
    if (pmi < mergePmi + mergeStep * (len - 2)) {
      return;
    }
    int[] u = new int[len];
    trie.path(a, u);
    int[] ub = new int[len - la];
    trie.path(b, ub);
    System.arraycopy(ub, 0, u, la, ub.length);
    int node = trie.node(u, 0, len);
    if (node >= 0 && nodes.word[node] && trie.count(node) > 0) {
      return;
    }
    made.addTo(CutFragments.key(u), n);
  }

  private static void runAll(Slice[] slices) {
    Chunks.run(slices.length, slices.length, i -> slices[i].run());
  }

  /**
   * One thread's share of a round: segments the table entries {@code first, first + stride,
   * first + 2·stride, ...} with the (read-only) trie and counts word uses and, when merging,
   * adjacent Han word pairs. Every stride-th entry, not a contiguous range: the cost of an entry
   * varies with its kind (a long stretch walks the trie deeper than a short fragment), and the
   * kinds lie in blocks, so contiguous ranges left one thread working alone.
   */
  private static final class Slice implements Runnable {
    private final CutTable t;
    private final Nodes nodes;
    private final int maxLength;
    private final int first;
    private final int stride;
    final long[] next;
    final Long2LongOpenHashMap pairs;

    Slice(CutTable t, Nodes nodes, int maxLength, boolean merging, int first, int stride) {
      this.t = t;
      this.nodes = nodes;
      this.maxLength = maxLength;
      this.first = first;
      this.stride = stride;
      this.next = new long[nodes.trie.nodes()];
      // Sized for about one pair a fragment, so that it seldom rehashes while it fills.
      this.pairs = merging ? new Long2LongOpenHashMap(Math.max(16, t.size / stride)) : null;
    }

    @Override
    public void run() {
      WordTrie trie = nodes.trie;
      int cap = Math.max(16, t.longest + 1);
      double[] best = new double[cap];
      int[] back = new int[cap];
      int[] backNode = new int[cap];
      int[] ends = new int[cap];
      int[] path = new int[cap];
      for (int f = first; f < t.size; f += stride) {
        long c = t.count[f];
        int k = trie.bestPath(t.units, t.start[f], t.start[f + 1], best, back, backNode, ends,
            path);
        for (int i = 0; i < k; i++) {
          if (path[i] >= 0) {
            next[path[i]] += c;
          }
        }
        if (pairs != null) {
          for (int i = 0; i + 1 < k; i++) {
            int a = path[i];
            int b = path[i + 1];
            if (a >= 0 && b >= 0 && !nodes.latin[a] && !nodes.latin[b]
                && trie.depth(a) + trie.depth(b) <= maxLength) {
              pairs.addTo(((long) a << 32) | b, c);
            }
          }
        }
      }
    }
  }

  /** The trie of words and single units, with per-node flags. */
  private static final class Nodes {
    final WordTrie trie = new WordTrie(UnitTable.MAX_ID);
    boolean[] word = new boolean[1 << 12];
    boolean[] latin = new boolean[1 << 12];
    int[] origin = filled(new int[1 << 12]);
    Drop[] drop = filledDrops(new Drop[1 << 12]);
    long[] droppedUses = new long[1 << 12];
    int[] dropRound = new int[1 << 12];
    double[] gain = filledNaN(new double[1 << 12]);

    /**
     * Records the drop of a word (its count becomes 0, so it is not used or tested again unless
     * a merge makes it anew, which {@link #add} records).
     */
    void drop(int node, Drop why, int round) {
      drop[node] = why;
      dropRound[node] = round;
    }

    /** Inserts a word (a candidate, or a merge), flags it and sets its count; returns its node. */
    int add(int[] u, int n, long count) {
      int node = trie.insert(u, 0, n);
      grow();
      boolean hasLatin = false;
      for (int i = 0; i < n; i++) {
        hasLatin |= UnitTable.isLatinId(u[i]);
      }
      word[node] = true;
      latin[node] = hasLatin;
      drop[node] = Drop.NONE;
      if (n > 1 || trie.count(node) == 0) {
        trie.setCount(node, count);
      }
      return node;
    }

    void grow() {
      int need = trie.nodes();
      if (need > word.length) {
        int size = Math.max(need, word.length * 2);
        word = Arrays.copyOf(word, size);
        latin = Arrays.copyOf(latin, size);
        int old = origin.length;
        origin = Arrays.copyOf(origin, size);
        Arrays.fill(origin, old, size, -1);
        drop = Arrays.copyOf(drop, size);
        Arrays.fill(drop, old, size, Drop.NONE);
        droppedUses = Arrays.copyOf(droppedUses, size);
        dropRound = Arrays.copyOf(dropRound, size);
        gain = Arrays.copyOf(gain, size);
        Arrays.fill(gain, old, size, Double.NaN);
      }
    }

    private static int[] filled(int[] a) {
      Arrays.fill(a, -1);
      return a;
    }

    private static double[] filledNaN(double[] a) {
      Arrays.fill(a, Double.NaN);
      return a;
    }

    private static Drop[] filledDrops(Drop[] a) {
      Arrays.fill(a, Drop.NONE);
      return a;
    }
  }
}
