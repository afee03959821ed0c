package dev.ciku.score;

import java.util.Arrays;

/**
 * A trie over int symbols with a count per word, and the unigram maximum-probability
 * (minimum-information) segmentation of symbol sequences over it. Its users choose the symbols:
 * {@code ciku segment} and {@code vocab} use characters and Latin classes
 * ({@code dev.ciku.segment.Symbols}), discovery's re-estimation uses unit ids
 * ({@link dev.ciku.corpus.UnitTable}).
 *
 * <p>Layout: children of the root are a direct array indexed by symbol; deeper edges live in
 * one open-addressing table keyed by {@code parent << 21 | symbol}, each key beside its child so
 * that a step reads one cache line. Node 0 is the root. Each node has a count ({@code 0} = not a
 * word) and, after {@link #computeScores}, a score {@code ln(count) − ln(total)} (NaN for a
 * non-word, which is all {@link #bestPath} reads of a node). Memory: 4 bytes a symbol of the
 * alphabet for the root array (1 MB for characters, 8 MB for every unit id) plus about 60
 * bytes a node with its edge.
 *
 * <p>Not thread-safe while words are added or counts changed; once built and scored, the
 * read-only methods ({@link #bestPath}, {@link #node}, {@link #count}) may be called from many
 * threads as long as each passes its own work arrays.
 */
public final class WordTrie {
  private static final long EMPTY = -1L;

  private final int[] rootChild;
  /** Slot {@code h}: the key at {@code 2h}, the child node at {@code 2h + 1}. */
  private long[] table;
  private int mask;
  private int edges;

  private double[] counts;
  private double[] scores;
  private int[] depth;
  private int[] parent;
  private int[] symbol;
  private int nodes = 1;
  private int maxDepth;
  private int words;
  private double total;
  private double unknownScore;

  /**
   * A trie over the symbols {@code 0..symbolLimit)}, e.g. {@link dev.ciku.corpus.UnitTable} ids
   * with {@code UnitTable.MAX_ID} (the root array then takes 4 bytes per possible symbol).
   *
   * @throws IllegalArgumentException if {@code symbolLimit} is not in {@code 1..2^21}
   */
  public WordTrie(int symbolLimit) {
    if (symbolLimit < 1 || symbolLimit > 1 << 21) {
      throw new IllegalArgumentException("symbol limit must be in 1..2^21, got " + symbolLimit);
    }
    rootChild = new int[symbolLimit];
    Arrays.fill(rootChild, -1);
    table = emptyTable(1 << 12);
    mask = (1 << 12) - 1;
    counts = new double[1 << 12];
    scores = new double[1 << 12];
    depth = new int[1 << 12];
    parent = new int[1 << 12];
    symbol = new int[1 << 12];
  }

  /** The child of {@code node} by {@code symbol}, or -1. */
  public int child(int node, int symbol) {
    if (node == 0) {
      return rootChild[symbol];
    }
    long key = ((long) node << 21) | symbol;
    int h = mix(key) & mask;
    while (true) {
      long k = table[2 * h];
      if (k == key) {
        return (int) table[2 * h + 1];
      }
      if (k == EMPTY) {
        return -1;
      }
      h = (h + 1) & mask;
    }
  }

  /** The node of {@code s[from..to)}, or -1 if it is not a path of the trie. */
  public int node(int[] s, int from, int to) {
    int node = 0;
    for (int i = from; i < to && node >= 0; i++) {
      node = child(node, s[i]);
    }
    return node;
  }

  /** Adds the path {@code s[from..to)} (count unchanged) and returns its node. */
  public int insert(int[] s, int from, int to) {
    int node = 0;
    for (int i = from; i < to; i++) {
      int c = child(node, s[i]);
      if (c < 0) {
        c = newNode(i - from + 1, node, s[i]);
        if (node == 0) {
          rootChild[s[i]] = c;
        } else {
          put(((long) node << 21) | s[i], c);
        }
      }
      node = c;
    }
    return node;
  }

  private int newNode(int d, int up, int sym) {
    if (nodes == counts.length) {
      int n = counts.length * 2;
      counts = Arrays.copyOf(counts, n);
      scores = Arrays.copyOf(scores, n);
      depth = Arrays.copyOf(depth, n);
      parent = Arrays.copyOf(parent, n);
      symbol = Arrays.copyOf(symbol, n);
    }
    scores[nodes] = Double.NaN;
    depth[nodes] = d;
    parent[nodes] = up;
    symbol[nodes] = sym;
    maxDepth = Math.max(maxDepth, d);
    return nodes++;
  }

  private static long[] emptyTable(int slots) {
    long[] t = new long[2 * slots];
    for (int h = 0; h < slots; h++) {
      t[2 * h] = EMPTY;
    }
    return t;
  }

  private void put(long key, int value) {
    if ((edges + 1) * 2 > mask + 1) {
      rehash(2 * (mask + 1));
    }
    place(table, mask, key, value);
    edges++;
  }

  private static void place(long[] t, int mask, long key, long value) {
    int h = mix(key) & mask;
    while (t[2 * h] != EMPTY) {
      h = (h + 1) & mask;
    }
    t[2 * h] = key;
    t[2 * h + 1] = value;
  }

  private void rehash(int slots) {
    long[] old = table;
    table = emptyTable(slots);
    mask = slots - 1;
    for (int i = 0; i < old.length; i += 2) {
      if (old[i] != EMPTY) {
        place(table, mask, old[i], old[i + 1]);
      }
    }
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 29) ^ (h >>> 41));
  }

  /** Count of the word ending at {@code node} (0 if the node is not a word). */
  public double count(int node) {
    return counts[node];
  }

  /**
   * Sets the count of the word at {@code node}; 0 makes it a non-word (its score becomes NaN at
   * once; other scores change at the next {@link #computeScores}).
   */
  public void setCount(int node, double count) {
    double old = counts[node];
    if (old > 0) {
      words--;
      total -= old;
    }
    counts[node] = count;
    if (count > 0) {
      words++;
      total += count;
    } else {
      scores[node] = Double.NaN;
    }
  }

  /** Length in symbols of the word at {@code node}. */
  public int depth(int node) {
    return depth[node];
  }

  /** The symbols of the path to {@code node}, written into {@code out} (length {@link #depth}). */
  public void path(int node, int[] out) {
    for (int i = depth[node] - 1; i >= 0; i--) {
      out[i] = symbol[node];
      node = parent[node];
    }
  }

  /** Number of nodes (node ids are {@code 0..nodes())}). */
  public int nodes() {
    return nodes;
  }

  /** Number of words (nodes with a positive count). */
  public int words() {
    return words;
  }

  /** Sum of all counts. */
  public double total() {
    return total;
  }

  /** Longest path in symbols. */
  public int maxDepth() {
    return maxDepth;
  }

  /**
   * Sets every word's score to {@code ln(count) − ln(total)}; a symbol that is no word scores as
   * a word of count {@code unknownCount}. Call again after counts change.
   */
  public void computeScores(double unknownCount) {
    double lt = Math.log(total);
    for (int i = 0; i < nodes; i++) {
      scores[i] = counts[i] > 0 ? Math.log(counts[i]) - lt : Double.NaN;
    }
    unknownScore = Math.log(unknownCount) - lt;
  }

  /** Score of the word at {@code node} (NaN if not a word); valid after {@link #computeScores}. */
  public double score(int node) {
    return scores[node];
  }

  /**
   * Minimum-information segmentation of {@code s[from..to)} with the scores of
   * {@link #computeScores}. Writes the word end offsets (relative to {@code from}, ascending,
   * the last equal to {@code to − from}) into {@code ends} and returns their number. Every
   * single symbol is a possible word, so nothing is ever lost.
   *
   * @param best work array of at least {@code to − from + 1} doubles
   * @param back work array of at least {@code to − from + 1} ints
   * @param ends output, at least {@code to − from} ints
   */
  public int bestPath(int[] s, int from, int to, double[] best, int[] back, int[] ends) {
    return bestPath(s, from, to, best, back, null, ends, null);
  }

  /**
   * {@link #bestPath} that also writes the node of each word into {@code nodes} (for a single
   * symbol: its node, which may have count 0, or -1 if it has none), using {@code backNode} (at
   * least {@code to − from + 1} ints) as work space; both may be null.
   */
  public int bestPath(int[] s, int from, int to, double[] best, int[] back, int[] backNode,
      int[] ends, int[] nodes) {
    int n = to - from;
    best[0] = 0;
    for (int i = 1; i <= n; i++) {
      best[i] = Double.NEGATIVE_INFINITY;
    }
    for (int i = 0; i < n; i++) {
      double base = best[i];
      int first = rootChild[s[from + i]];
      double single = first >= 0 ? scores[first] : Double.NaN;
      single = single == single ? single : unknownScore;
      if (base + single > best[i + 1]) {
        best[i + 1] = base + single;
        back[i + 1] = i;
        if (backNode != null) {
          backNode[i + 1] = first;
        }
      }
      int node = first;
      int lim = Math.min(n, i + maxDepth);
      for (int j = i + 1; j < lim && node >= 0; j++) {
        node = child(node, s[from + j]);
        // A non-word's score is NaN, and NaN is never greater.
        if (node >= 0) {
          double v = base + scores[node];
          if (v > best[j + 1]) {
            best[j + 1] = v;
            back[j + 1] = i;
            if (backNode != null) {
              backNode[j + 1] = node;
            }
          }
        }
      }
    }
    int k = 0;
    for (int i = n; i > 0; i = back[i]) {
      if (nodes != null) {
        nodes[k] = backNode[i];
      }
      ends[k++] = i;
    }
    for (int a = 0, b = k - 1; a < b; a++, b--) {
      int t = ends[a];
      ends[a] = ends[b];
      ends[b] = t;
      if (nodes != null) {
        t = nodes[a];
        nodes[a] = nodes[b];
        nodes[b] = t;
      }
    }
    return k;
  }

  /**
   * Like {@link #bestPath} but with scores computed on the fly from the current counts and
   * {@code total} (used while counts change, e.g. during de-redundancy); words of count 0 are
   * skipped, unknown single symbols score as count 1.
   */
  public int bestPathLive(int[] s, int from, int to, double[] best, int[] back, int[] ends) {
    int n = to - from;
    double lt = Math.log(total);
    best[0] = 0;
    for (int i = 1; i <= n; i++) {
      best[i] = Double.NEGATIVE_INFINITY;
    }
    for (int i = 0; i < n; i++) {
      double base = best[i];
      int node = rootChild[s[from + i]];
      double single = (node >= 0 && counts[node] > 0 ? Math.log(counts[node]) : 0) - lt;
      if (base + single > best[i + 1]) {
        best[i + 1] = base + single;
        back[i + 1] = i;
      }
      for (int j = i + 1; j < n && node >= 0; j++) {
        node = child(node, s[from + j]);
        if (node >= 0 && counts[node] > 0) {
          double v = base + Math.log(counts[node]) - lt;
          if (v > best[j + 1]) {
            best[j + 1] = v;
            back[j + 1] = i;
          }
        }
      }
    }
    int k = 0;
    for (int i = n; i > 0; i = back[i]) {
      ends[k++] = i;
    }
    for (int a = 0, b = k - 1; a < b; a++, b--) {
      int t = ends[a];
      ends[a] = ends[b];
      ends[b] = t;
    }
    return k;
  }
}
