package dev.ciku.segment;

import dev.ciku.corpus.ByteCounter;
import dev.ciku.corpus.ClauseScanner;
import dev.ciku.corpus.ClauseSink;
import dev.ciku.corpus.CorpusInput;
import dev.ciku.corpus.CorpusReader;
import dev.ciku.corpus.FunctionWords;
import dev.ciku.corpus.LatinCase;
import dev.ciku.corpus.LogNumbers;
import dev.ciku.corpus.Params;
import dev.ciku.corpus.ReaderOptions;
import dev.ciku.corpus.UnitTable;
import dev.ciku.count.CountOptions;
import dev.ciku.score.WordTrie;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.io.IOException;
import java.nio.file.Path;
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
 *       occurrence (the length term is the long-word down-weighting the author mentions), plus
 *       {@code glueGain} for a word with a one-character function word at exactly one end
 *       (他说, 这一, 买了: {@link FunctionWords#edge}); otherwise its count goes to its
 *       sub-words.</li>
 *   <li><b>Refine</b> (Viterbi re-estimation, hard EM): segment the whole corpus with the
 *       vocabulary, re-count the words actually used; in the first {@code mergeRounds} rounds
 *       also count adjacent word pairs of that segmentation and add a pair as a new word when
 *       merging it saves code length by the same test as de-redundancy (exact F, same
 *       length-dependent margin; this brings in words the cut pass leaves in pieces, such as
 *       服务员, 一系列 and 中共中央 of the bundled vocabulary, though not 为了, whose merge saves
 *       less than the margin); drop words used fewer than {@code minCount} times, and repeat while the
 *       bits per character keep falling (at most {@code maxIterations} rounds). The vocabulary
 *       of the round with the fewest bits per character is kept (the last of equals): a round
 *       that makes them worse is undone.</li>
 * </ol>
 *
 * <p>A corpus without symbols (punctuation only, empty) gives an empty vocabulary and NaN bits.
 *
 * <p>Memory: the corpus is not held. It is written once as one int per symbol into
 * {@link SymbolBlocks} — blocks of 4 M symbols (16 MB), all but the last spilled to a temporary
 * file — and each pass reads it back a block at a time. The two tables that grow with the corpus
 * are bounded by the memory budget given to the constructor, each on its own (they never live at
 * once): the distinct fragments of the cut pass ({@link FragmentTable}) and the adjacent word
 * pairs of a merging round ({@link PairCounts}); beyond it each writes sorted runs to the
 * temporary directory and merges them at the end, and the fragments enter the candidates' trie in
 * one canonical order either way, so the result does not depend on the budget. Not budgeted: the
 * blocks (one of 16 to 32 MB, and one more read back from the file), a block's word-pair
 * occurrences (12 bytes an occurrence), the symbol counts and the symbol-pair map (bounded by the
 * symbols of the alphabet, squared, and in practice far fewer: 908,298 pairs for the 35 M symbols
 * of bench-mixed), the word pairs kept for merging (those seen at least {@code minCount} times)
 * and the word trie with a count per node a thread: they grow with the vocabulary, not the
 * corpus, and every refinement pass needs the whole trie at once. Time:
 * one read, then a few linear passes over the blocks (about 10–15 s for bench-mixed on an idle
 * 2-core machine). An instance learns once (it
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
   * @param glueGain extra nats per occurrence for a word with a one-character function word at
   *     exactly one end ({@link FunctionWords#edge}: 他说, 这一, 买了; not 以及); 0 turns this off
   * @param threads threads for the refinement passes
   */
  public record Config(long minPairCount, double minPmi, long minCount, int maxLength,
      double minGain, double lengthGain, double lengthPower, int maxIterations, int mergeRounds,
      double fragmentShare, double glueGain, int threads) {
    /** The defaults of {@code ciku vocab}. */
    public static final Config DEFAULT =
        new Config(3, 1.0, 3, 8, 1.5, 3.0, 1.0, 5, 3, 0.15, 0.75, 2);

    public Config {
      Params.atLeast("--min-pair-count", minPairCount, 1);
      Params.finite("--min-pmi", minPmi);
      Params.atLeast("--min-count", minCount, 1);
      Params.between("--max-length", maxLength, 1, 127);
      Params.finite("--min-gain", minGain);
      Params.finite("--length-gain", lengthGain);
      Params.finite("--length-power", lengthPower);
      Params.atLeast("--iterations", maxIterations, 0);
      Params.atLeast("--merge-rounds", mergeRounds, 0);
      Params.atLeast("--threads", threads, 1);
      Params.nonNegative("--glue-gain", glueGain);
      if (!(fragmentShare >= 0 && fragmentShare < 1)) {
        throw new IllegalArgumentException("--fragment-share must be in [0, 1), got "
            + fragmentShare);
      }
    }
  }

  /**
   * What {@link #learn} found.
   *
   * @param vocabulary the learned words (all of them, sorted later on output)
   * @param symbols symbols (characters; a Latin run counts as one) in the corpus
   * @param bitsBefore bits per symbol with every symbol a word
   * @param distinctSymbols distinct symbols in the corpus: the words of that first stage
   * @param bitsPerRound bits per symbol after de-redundancy (index 0) and after each refinement
   *     (the segmentation of that round, before its rare words are dropped)
   * @param wordsPerRound words (single symbols included) the vocabulary of each stage holds
   * @param keptStage the index in {@code bitsPerRound} of the stage whose vocabulary is the
   *     result (-1 when there is no stage: a corpus without symbols)
   */
  public record Result(Vocabulary vocabulary, long symbols, double bitsBefore, int distinctSymbols,
      double[] bitsPerRound, int[] wordsPerRound, int keptStage) {
    /** Bits per symbol of the kept stage. */
    public double bitsAfter() {
      return keptStage < 0 ? bitsBefore : bitsPerRound[keptStage];
    }
  }

  /**
   * The memory budget of the constructors that take none: 256 MB, {@code ciku vocab}'s default
   * in a JVM heap of 1 GB or more.
   */
  public static final long DEFAULT_MEMORY = 256L << 20;

  private final Config config;
  private final Consumer<String> log;
  private final Path tempDir;
  private final long memory;
  private final SymbolBlocks corpus;
  private final ViterbiCounts viterbi;
  private final WordSelection selection;

  /**
   * A learner that spills to {@code java.io.tmpdir}, within {@link #DEFAULT_MEMORY}.
   */
  public VocabularyLearner(Config config, Consumer<String> log) {
    this(config, log, Path.of(System.getProperty("java.io.tmpdir")));
  }

  /** A learner that spills to {@code tempDir}, within {@link #DEFAULT_MEMORY}. */
  public VocabularyLearner(Config config, Consumer<String> log, Path tempDir) {
    this(config, log, tempDir, DEFAULT_MEMORY);
  }

  /**
   * A learner that spills the corpus beyond one block (4 M symbols), and its fragment table and
   * pair counts beyond {@code memory} bytes each, to {@code tempDir}. The result does not depend
   * on {@code memory}.
   *
   * @throws IllegalArgumentException if {@code memory} is under
   *     {@link CountOptions#MIN_MEMORY} (16 MB)
   */
  public VocabularyLearner(Config config, Consumer<String> log, Path tempDir, long memory) {
    this(config, log, tempDir, Params.atLeast("memory", memory, CountOptions.MIN_MEMORY),
        SymbolBlocks.DEFAULT_BLOCK);
  }

  /**
   * As above, with any budget (tests: a few KB spill on a sample) and blocks of
   * {@code blockSize} symbols; the results depend on neither.
   */
  VocabularyLearner(Config config, Consumer<String> log, Path tempDir, long memory,
      int blockSize) {
    this.config = config;
    this.log = log;
    this.tempDir = tempDir;
    this.memory = memory;
    this.corpus = new SymbolBlocks(tempDir, blockSize);
    this.viterbi = new ViterbiCounts(corpus, config.threads(), config.maxLength());
    // Read before the corpus, so an unreadable dict/stopwords.txt fails before the work.
    this.selection = new WordSelection(config, config.glueGain() > 0 ? FunctionWords.bundled()
        : FunctionWords.of(""), log);
  }

  /**
   * Units (Han characters and Latin/digit runs) below which a learned vocabulary knows too few
   * words to segment general text (SIGHAN PKU F1 0.55 learned from 100 KB of news, about 33,000
   * units; 0.68 from 1 MB, 0.805 from the whole 30 MB; the bundled vocabulary 0.834).
   */
  public static final long SMALL_CORPUS = 200_000;
  private final long[] unitCounts = new long[Symbols.LIMIT];
  private final Long2IntOpenHashMap pairs = new Long2IntOpenHashMap();
  private long units;
  private long pairTotal;

  /** Reads the corpus once and learns a vocabulary. */
  public Result learn(List<CorpusInput> inputs, ReaderOptions options, ByteCounter bytes,
      Consumer<String> warnings) throws IOException {
    try (corpus) {
      read(inputs, options, bytes, warnings);
      return learnFromCorpus();
    }
  }

  private static long key(int a, int b) {
    return ((long) a << 21) | b;
  }

  private void read(List<CorpusInput> inputs, ReaderOptions options, ByteCounter bytes,
      Consumer<String> warnings) throws IOException {
    // Every Latin run is written A or 0 (Symbols.latinClass), whatever its case: the table keeps
    // case, which costs nothing here and changes no symbol.
    UnitTable table = UnitTable.of(LatinCase.KEEP);
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
          corpus.add(id);
          unitCounts[id]++;
          units++;
          if (i + 1 < length) {
            pairs.addTo(key(id, symbolOf(u[i + 1], table, latinClass[0], known)), 1);
            pairTotal++;
          }
        }
      }
      if (end) {
        corpus.add(-1);
      }
    };
    ClauseScanner scanner = new ClauseScanner(table, LatinCase.KEEP, options.simplify(), sink);
    new CorpusReader(options, bytes, warnings).read(inputs, scanner);
    corpus.finish();
    log.accept("read " + LogNumbers.count(units, "symbol") + " in "
        + LogNumbers.count(scanner.clauses(), "clause") + "; "
        + LogNumbers.count(pairs.size(), "distinct pair"));
    if (units > 0 && units < SMALL_CORPUS) {
      warnings.accept(String.format(java.util.Locale.ROOT, "the corpus has only %,d units (Han"
          + " characters and Latin/digit runs; fewer than %,d): a vocabulary learned from it knows"
          + " too few words to segment general text as well as the bundled one; use it for text"
          + " like its corpus", units, SMALL_CORPUS));
    }
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
    if (units == 0) {
      return new Result(new Vocabulary(), 0, Double.NaN, 0, new double[0], new int[0], -1);
    }
    double bitsBefore = codeLengthOfUnits() / units / Math.log(2);
    log.accept(String.format(java.util.Locale.ROOT, "bits per char with single characters: %.4f", bitsBefore));
    WordTrie trie = candidates();
    log.accept(String.format(java.util.Locale.ROOT, "%,d candidate words after pruning", trie.words()));
    selection.deRedundancy(trie);
    List<Double> bits = new ArrayList<>();
    List<Integer> words = new ArrayList<>();
    double b = CodeLength.of(trie) / units / Math.log(2);
    bits.add(b);
    words.add(trie.words());
    log.accept(String.format(java.util.Locale.ROOT, "after de-redundancy: %,d words, %.4f bits per char (counts from fragments)",
        trie.words(), b));
    double prev = Double.POSITIVE_INFINITY;
    // The best refinement round so far (fewest bits; the last of equals) and a copy of its
    // counts (one double per trie node). De-redundancy counts come from fragments, not from a
    // segmentation, so its bits are not compared: it is the result only without refinement.
    int best = 0;
    double bestBits = Double.POSITIVE_INFINITY;
    double[] bestCounts = null;
    for (int round = 1; round <= config.maxIterations(); round++) {
      boolean merging = round <= config.mergeRounds();
      try (PairCounts wordPairs = merging
          ? new PairCounts(config.threads(), memory, tempDir) : null) {
        double[] used = viterbi.count(trie, wordPairs);
        for (int n = 1; n < trie.nodes(); n++) {
          trie.setCount(n, used[n]);
        }
        if (merging) {
          wordPairs.finish(config.minCount());
          if (wordPairs.runs() > 0) {
            log.accept(String.format(java.util.Locale.ROOT, "refinement %d: adjacent word pairs"
                + " counted in %,d runs spilled to %s", round, wordPairs.runs(),
                wordPairs.tempDir()));
          }
          selection.mergePairs(trie, wordPairs);
        }
      }
      double now = CodeLength.of(trie) / units / Math.log(2);
      int before = trie.words();
      for (int n = 1; n < trie.nodes(); n++) {
        if (trie.depth(n) > 1 && trie.count(n) > 0 && trie.count(n) < config.minCount()) {
          trie.setCount(n, 0);
        }
      }
      bits.add(now);
      words.add(trie.words());
      log.accept(String.format(java.util.Locale.ROOT, "refinement %d: %,d words used, %.4f bits per char; %,d kept",
          round, before, now, trie.words()));
      if (now <= bestBits) {
        best = round;
        bestBits = now;
        bestCounts = counts(trie);
      }
      if (round > config.mergeRounds() && now > prev - 1e-4) {
        break;
      }
      prev = now;
    }
    if (best > 0 && best < bits.size() - 1) {
      for (int n = 1; n < trie.nodes(); n++) {
        trie.setCount(n, n < bestCounts.length ? bestCounts[n] : 0);
      }
      log.accept(String.format(java.util.Locale.ROOT,
          "refinement %d had the fewest bits per char: its %,d words are kept", best,
          trie.words()));
    }
    Vocabulary v = new Vocabulary();
    for (int n = 1; n < trie.nodes(); n++) {
      if (trie.count(n) > 0) {
        v.add(Symbols.text(trie, n), Math.round(trie.count(n)));
      }
    }
    double[] bp = bits.stream().mapToDouble(Double::doubleValue).toArray();
    int[] wp = words.stream().mapToInt(Integer::intValue).toArray();
    int distinct = 0;
    for (long c : unitCounts) {
      distinct += c > 0 ? 1 : 0;
    }
    return new Result(v, units, bitsBefore, distinct, bp, wp, best);
  }

  /** A copy of the counts of the trie's nodes. */
  private static double[] counts(WordTrie trie) {
    double[] c = new double[trie.nodes()];
    for (int n = 1; n < c.length; n++) {
      c[n] = trie.count(n);
    }
    return c;
  }

  /**
   * The cut pass: fragments between weakly bound pairs, counted; those seen at least the minimum
   * count become candidate words, the symbols of the others count as single words.
   */
  private WordTrie candidates() {
    WordTrie trie = new WordTrie(Symbols.LIMIT);
    try (FragmentTable fragments = new FragmentTable(memory, tempDir)) {
      corpus.forEach((block, length) -> {
        // Every block ends with a clause end, so no fragment spans two blocks.
        int start = 0;
        for (int i = 0; i < length; i++) {
          int s = block[i];
          if (s < 0) {
            start = i + 1;
            continue;
          }
          boolean last = block[i + 1] < 0 || !strong(s, block[i + 1]);
          if (last) {
            addFragment(fragments, block, start, i + 1);
            start = i + 1;
          }
        }
      });
      // In the fragments' canonical order, spilled or not: the trie's node ids, which break
      // ties later, do not depend on the budget.
      long distinct = fragments.forEachSorted((symbols, from, len, c) -> {
        if (len == 1 || c >= config.minCount()) {
          int node = trie.insert(symbols, from, from + len);
          trie.setCount(node, trie.count(node) + c);
        } else {
          for (int i = from; i < from + len; i++) {
            int node = trie.insert(symbols, i, i + 1);
            trie.setCount(node, trie.count(node) + c);
          }
        }
      });
      String where = corpus.spilledToDisk() ? String.format(java.util.Locale.ROOT,
          " (corpus read back in %,d blocks from a temporary file)", corpus.blocks()) : "";
      String spilled = fragments.runs() > 0 ? String.format(java.util.Locale.ROOT,
          "; counted in %,d runs spilled to %s", fragments.runs(), fragments.tempDir()) : "";
      log.accept(String.format(java.util.Locale.ROOT, "%,d distinct fragments%s%s", distinct,
          where, spilled));
    }
    return trie;
  }

  private void addFragment(FragmentTable fragments, int[] block, int from, int to) {
    if (to - from <= config.maxLength()) {
      fragments.add(block, from, to - from);
      return;
    }
    int cut = from + 1;
    double worst = Double.POSITIVE_INFINITY;
    for (int i = from; i + 1 < to; i++) {
      int c = pairs.get(key(block[i], block[i + 1]));
      double p = pmi(block[i], block[i + 1], Math.max(c, 1));
      if (p < worst) {
        worst = p;
        cut = i + 1;
      }
    }
    addFragment(fragments, block, from, cut);
    addFragment(fragments, block, cut, to);
  }

  private double codeLengthOfUnits() {
    double s = 0;
    for (long c : unitCounts) {
      s += CodeLength.xlogx(c);
    }
    return CodeLength.xlogx(units) - s;
  }
}
