package dev.ciku.discover;

import dev.ciku.corpus.ByteCounter;
import dev.ciku.corpus.ClauseRecording;
import dev.ciku.corpus.CorpusInput;
import dev.ciku.corpus.FunctionWords;
import dev.ciku.corpus.HanCharacters;
import dev.ciku.corpus.LogNumbers;
import dev.ciku.corpus.ParallelClauses;
import dev.ciku.corpus.Params;
import dev.ciku.corpus.Quantities;
import dev.ciku.corpus.ReaderOptions;
import dev.ciku.corpus.UnitTable;
import dev.ciku.count.CountOptions;
import dev.ciku.count.CountSummary;
import dev.ciku.count.GramIndex;
import dev.ciku.count.GramSource;
import dev.ciku.count.Grams;
import dev.ciku.count.NgramCounter;
import dev.ciku.count.SpilledGrams;
import dev.ciku.score.BoundaryEntropy;
import dev.ciku.score.BoundaryEntropyPass;
import dev.ciku.score.Cohesion;
import dev.ciku.store.NgramStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * New-word discovery from raw text: the cut-and-backtrack method (articles 4256/6920) with exact
 * counts, followed by boundary-entropy filtering and ranking.
 *
 * <ol>
 *   <li><b>Count</b> every n-gram of 1..order units exactly ({@link NgramCounter}), or read them
 *       from a store.</li>
 *   <li><b>Cohesive set G</b>: grams of 2..order-1 units seen at least {@code minCount} times
 *       whose {@link Cohesion minimum-split PMI} reaches a threshold that grows with length.</li>
 *   <li><b>Cut</b>: a second pass over the corpus keeps a gap between two units when some G-gram
 *       covers both, and cuts everywhere else; the fragments are counted. Words longer than the
 *       counting order come out whole.</li>
 *   <li><b>Backtrack</b>: a fragment of 3 or more units is kept only if it is itself in G or,
 *       when longer than G's grams, every window of G's length is. A fragment with two or more
 *       Latin/digit units (a date such as 2018年5月24日, a version string) is an expression,
 *       not a word, and is dropped; one such unit is fine (2000年, iPhone7手机).</li>
 *   <li><b>Score</b>: fragments seen at least {@code minCount} times get cohesion and left/right
 *       boundary entropy ({@link BoundaryEntropy}); those below {@code minEntropy} are
 *       dropped.</li>
 *   <li><b>De-redundancy</b> ({@link Redundancy}): a word of 3+ units that saves less than
 *       {@code redundancy · (units - 1)} nats of code length over its best segmentation into the
 *       other words is removed and its count given to those words (not with a store alone:
 *       n-gram counts already include it).</li>
 *   <li><b>Re-estimation</b> ({@link Reestimation}): the cut corpus is segmented with the words
 *       and single units; counts become uses, strongly associated neighbours are merged and
 *       words that do not save {@code minGain} nats a use (more for longer words) are dropped.
 *       The rest are ranked by {@code score = ln(count) · min(Hl, Hr)}.</li>
 *   <li><b>Measure-word glue</b> ({@link NumberGlue}, {@code --number-glue}): a word that begins
 *       with a measure word, follows a number in most of its occurrences and whose rest is a
 *       word of the list (人死亡 of 3人死亡) leaves the list, as does a word ending in a number
 *       followed by such glue; after re-estimation, so no count changes.</li>
 *   <li><b>Phrase-suffix glue</b> ({@link SuffixGlue}, {@code --suffix-glue}): a word that ends
 *       in a localiser or a reporting verb (上 下 里 内 外 前 后 中 时 称 说), whose rest is a word
 *       of the list used more often without it (会谈后, 车间里, 警方称) leaves the list; also
 *       after re-estimation.</li>
 * </ol>
 *
 * <p>Without a corpus (a store only) there is no cut pass: the candidates are G's grams with
 * their n-gram counts, de-redundancy hands no counts on and there is no re-estimation (it
 * segments the cut corpus). Single Latin units with a letter ({@code iPhone7}, {@code 5G}) are
 * candidates too; single Han characters never are.
 *
 * <p>Cost: one counting pass over the corpus, one cutting pass over the clauses the counting pass
 * recorded in a temporary file ({@link ClauseRecording}, 4 bytes a unit: the corpus is read and
 * decoded once), and hash look-ups in between. Memory: the counting budget, then an index of the
 * single units and of the grams seen at least the min count (every look-up needs only those);
 * the other grams seen twice or more are written to temporary files ({@link SpilledGrams}, 24
 * bytes a gram) and read back by the two boundary-entropy passes. A store is split the same
 * way. The cut pass's distinct fragments are held too ({@link CutFragments}: 40-80 bytes a
 * distinct fragment of up to 6 units, 4 bytes a unit of a longer one, once per cutting thread
 * until summed, and once more as re-estimation's {@link CutTable}): on the news corpus 174 k
 * short and 60 k long fragments, 0.6 M units of 9.1 M. Not thread-safe; one run per instance at
 * a time.
 */
public final class WordDiscoverer {
  private final DiscoverOptions options;
  private final GainBar gainBar;
  /** The measure words of {@code --number-glue} (none when it is off). */
  private final HanCharacters measureWords;
  /** The phrase suffixes of {@code --suffix-glue} (none when it is off). */
  private final HanCharacters suffixes;
  private final ReaderOptions readerOptions;
  private final int threads;
  private final long memory;
  private final Path tempDir;
  /** The cut pass run elsewhere ({@link #withCutPass}), or null: this instance cuts. */
  private final CutPass cutPass;
  /** The strings to explain ({@link #withExplanations}); none by default. */
  private final List<String> explain;
  /** Nanosecond clock of the progress lines' times ({@link #withClock}). */
  private final LongSupplier clock;

  /**
   * A discoverer with these settings; it reads the word lists its options need (stopwords,
   * measure words, phrase suffixes) now, so that an unreadable list fails before any counting.
   *
   * @param options the thresholds and stages of discovery
   * @param readerOptions how the corpus is read (encoding, format, normalisation)
   * @param threads worker threads for counting, cutting and scoring (1 or more; the result does
   *     not depend on it)
   * @param memory the counting budget in bytes ({@link CountOptions#MIN_MEMORY} or more), beyond
   *     which sorted runs and rare grams spill to {@code tempDir}
   * @param tempDir where temporary files go (spilled runs, the recorded clauses)
   * @throws IllegalArgumentException if {@code threads} or {@code memory} is out of range
   */
  public WordDiscoverer(DiscoverOptions options, ReaderOptions readerOptions, int threads,
      long memory, Path tempDir) {
    this.options = Objects.requireNonNull(options, "options");
    this.readerOptions = Objects.requireNonNull(readerOptions, "readerOptions");
    this.threads = (int) Params.atLeast("threads", threads, 1);
    this.memory = Params.atLeast("memory", memory, CountOptions.MIN_MEMORY);
    this.tempDir = Objects.requireNonNull(tempDir, "tempDir");
    // Read now (dict/stopwords.txt, dict/measure-words.txt, dict/phrase-suffixes.txt), so an
    // unreadable list fails before the corpus is counted.
    this.gainBar = GainBar.of(options);
    this.measureWords = NumberGlue.measureWords(options.numberGlue());
    this.suffixes = SuffixGlue.suffixes(options.suffixGlue());
    this.cutPass = null;
    this.explain = List.of();
    this.clock = System::nanoTime;
  }

  /**
   * The files of ciku's {@code dict/} that discovery with {@code options} reads (a command that
   * runs it must not write over them): the stopwords of the glue gain, the measure words of the
   * measure-word glue and the phrase suffixes of the phrase-suffix glue, each when its stage is
   * on.
   */
  public static List<String> bundledData(DiscoverOptions options) {
    List<String> names = new ArrayList<>();
    if (options.glueGain() > 0) {
      names.add(FunctionWords.FILE);
    }
    if (options.numberGlue() < 1) {
      names.add(Quantities.MEASURE_WORDS_FILE);
    }
    if (options.suffixGlue() > 0) {
      names.add(SuffixGlue.FILE);
    }
    return names;
  }

  /**
   * A copy of {@code from} with another cut pass, strings to explain and clock (the lists not
   * read again).
   */
  private WordDiscoverer(WordDiscoverer from, CutPass cutPass, List<String> explain,
      LongSupplier clock) {
    this.options = from.options;
    this.readerOptions = from.readerOptions;
    this.threads = from.threads;
    this.memory = from.memory;
    this.tempDir = from.tempDir;
    this.gainBar = from.gainBar;
    this.measureWords = from.measureWords;
    this.suffixes = from.suffixes;
    this.cutPass = cutPass;
    this.explain = explain;
    this.clock = clock;
  }

  /**
   * A discoverer like this one that runs the cut pass through {@code pass} instead of reading the
   * corpus itself; used with a store and an empty corpus list. This one is unchanged. Cost: a
   * copy of the settings (the word lists are shared).
   */
  public WordDiscoverer withCutPass(CutPass pass) {
    return new WordDiscoverer(this, Objects.requireNonNull(pass, "pass"), explain, clock);
  }

  /**
   * A discoverer like this one that also explains, in {@link Result#explanations()}, what the run
   * did with each of these strings (kept, or the stage that dropped it and why). This one is
   * unchanged. Costs the run one more read of the rare grams and one more boundary-entropy pass.
   */
  public WordDiscoverer withExplanations(List<String> words) {
    return new WordDiscoverer(this, cutPass, List.copyOf(words), clock);
  }

  /**
   * A discoverer like this one whose progress lines ({@code info} of {@link #discover}) time the
   * run by {@code nanoTime} instead of {@link System#nanoTime} (tests pass a stepping clock); the
   * words do not depend on it. This one is unchanged.
   */
  public WordDiscoverer withClock(LongSupplier nanoTime) {
    return new WordDiscoverer(this, cutPass, explain,
        Objects.requireNonNull(nanoTime, "nanoTime"));
  }

  /**
   * What a run produced.
   *
   * @param words the words, best first
   * @param positions unit positions counted
   * @param minCount the min count used
   * @param cohesiveGrams size of the cohesive set G
   * @param fragments fragments the cut pass made
   * @param explanations one for each string given to {@link #withExplanations}, in that order
   */
  public record Result(List<DiscoveredWord> words, long positions, long minCount, int cohesiveGrams,
      long fragments, List<Explanation> explanations) {}

  /**
   * Discovers words.
   *
   * @param corpus the corpus, read once (standard input is fine); may be empty
   *     when {@code store} is given
   * @param store n-gram counts to use instead of counting {@code corpus}, or null
   * @param bytes progress counter
   * @param warnings messages about the input
   * @param info progress messages
   */
  public Result discover(List<CorpusInput> corpus, NgramStore store, ByteCounter bytes,
      Consumer<String> warnings, Consumer<String> info) throws IOException {
    long t0 = clock.getAsLong();
    boolean record = store == null && cutPass == null && !corpus.isEmpty();
    try (ClauseRecording recording = record ? ClauseRecording.create(tempDir) : null) {
      return discover(corpus, store, recording, bytes, warnings, info, t0);
    }
  }

  private Result discover(List<CorpusInput> corpus, NgramStore store, ClauseRecording recording,
      ByteCounter bytes, Consumer<String> warnings, Consumer<String> info, long t0)
      throws IOException {
    // Filled at once when the count is done (SpilledGrams#finish), each table sized for its grams.
    GramIndex index = new GramIndex(16);
    try (SpilledGrams spill = new SpilledGrams(index, threads, this::minCount, tempDir)) {
      Counts counts = store != null ? counts(store, spill, index, warnings)
          : count(corpus, recording, bytes, warnings, spill, index);
      // With a store the corpus is read by the cut pass only: its warnings come from there.
      return discover(corpus, counts, recording, bytes, store != null ? warnings : m -> { },
          info, t0);
    }
  }

  /**
   * Discovery once the counts are there; {@code t0}: when the run started (for progress lines);
   * {@code cutWarnings}: where warnings about the corpus go if the cut pass reads it.
   */
  private Result discover(List<CorpusInput> corpus, Counts counts, ClauseRecording recording,
      ByteCounter bytes, Consumer<String> cutWarnings, Consumer<String> info, long t0)
      throws IOException {
    GramIndex index = counts.index;
    long positions = counts.positions;
    long minCount = minCount(positions);
    info.accept(String.format(java.util.Locale.ROOT,
        "%s: %,d unit positions, %,d grams seen %s or more; min count %d (%.1f s)",
        counts.store != null ? "read" : "counted", positions, counts.grams, times(counts.seen),
        minCount, seconds(t0)));
    double lnN = Math.log(Math.max(2, positions));
    int gMax = counts.order - 1;
    Explainer ex = explain.isEmpty() ? null : new Explainer(explain, options, gainBar);
    if (ex != null) {
      ex.counted(counts.units, index, counts.all, counts.order, minCount, lnN);
    }

    CohesiveScan scan = CohesiveScan.of(index, counts.units, gMax, minCount, lnN, options,
        threads);
    GramIndex g = scan.cohesive();
    info.accept(String.format(java.util.Locale.ROOT, "%,d cohesive grams (%.1f s)", g.size(),
        seconds(t0)));

    CutFragments f = new CutFragments();
    // A store without a corpus has no cut pass; no corpus and no store (an empty directory) has
    // an empty one.
    boolean cut = cutPass != null || counts.store == null || !corpus.isEmpty();
    if (cutPass != null) {
      CutPass.Read read = cutPass.cut(g, gMax, options.maxLength(), counts.units, f);
      if (counts.store != null && read != null) {
        long total = read.otherPositions();
        for (long c : read.counts()) {
          total += c;
        }
        // With the positions equal, a unit the store lacks cannot occur without another unit
        // occurring less: that one is named.
        sameCorpus(counts, total,
            () -> UnitTally.mismatch(read.counts(), index, counts.seen, counts.units));
      }
    } else if (cut) {
      List<UnitTally> tallies = counts.store != null ? new ArrayList<>() : null;
      long read = cut(corpus, recording, bytes, cutWarnings, counts.units, g, gMax, f, tallies);
      if (counts.store != null) {
        sameCorpus(counts, read, () -> UnitTally.mismatch(tallies, index, counts.seen,
            counts.units));
      }
    } else {
      // A store alone: the candidates are G's grams with their n-gram counts.
      g.forEach((hi, lo, one) -> f.shortFragments().accept(hi, lo, index.get(hi, lo)));
    }
    // Distinct fragments before the pairs of --pair-pmi join the table, which are no fragments.
    long distinct = (long) f.shortFragments().size() + f.longFragments().size()
        + f.segmentOnly().size();
    GramIndex addedPairs = scan.admitPairs(f.shortFragments());
    if (ex != null) {
      ex.cut(g, gMax, cut, f.shortFragments(), f.longFragments());
    }
    if (cut) {
      info.accept(String.format(java.util.Locale.ROOT,
          "cut: %,d fragments, %,d distinct (%.1f s)", f.count(), distinct, seconds(t0)));
    } else {
      info.accept(String.format(java.util.Locale.ROOT, "no cut pass (a store alone): %,d"
          + " candidates, the cohesive grams and %,d pairs admitted by --pair-pmi (%.1f s)",
          f.shortFragments().size(), addedPairs.size(), seconds(t0)));
    }

    WordTable words = Candidates.of(f, g, gMax, minCount, scan.wordLikeLatin(), index, lnN,
        options, threads);
    int candidates = words.units.length;
    NumberGlue glue = NumberGlue.of(options.numberGlue(), measureWords, counts.units);
    words.measure(counts.entropies(threads), addedPairs, glue, options);
    if (ex != null) {
      ex.candidates(words.units, words.alive);
    }
    if (options.redundancy() > 0) {
      // N-gram counts (a store alone) already hold a removed word's occurrences: none handed on.
      int removed = Redundancy.prune(words.units, words.counts, words.alive, options.redundancy(),
          cut);
      info.accept("de-redundancy removed " + LogNumbers.count(removed, "word"));
    }
    if (ex != null) {
      ex.deRedundant(words.alive);
    }
    if (options.reestimation() > 0 && cut) {
      words = reestimate(words, f, addedPairs, counts, minCount, info, t0, ex, glue);
    }
    SuffixGlue suffixGlue = SuffixGlue.of(options.suffixGlue(), suffixes);
    LivingWords living = glue.enabled() || suffixGlue.enabled()
        ? LivingWords.of(words.units, words.alive) : null;
    if (glue.enabled()) {
      boolean[] glued = glue.glued(words.units, words.afterNumber, living);
      info.accept("measure-word glue removed "
          + LogNumbers.count(words.remove(glued), "word"));
      if (ex != null) {
        ex.glued(words.units, glued, words.afterNumber, glue);
      }
    }
    if (suffixGlue.enabled()) {
      long[] restCounts = new long[words.units.length];
      boolean[] phrases = suffixGlue.phrases(words.units, words.counts, living, cut, restCounts);
      info.accept("phrase-suffix glue removed "
          + LogNumbers.count(words.remove(phrases), "word"));
      if (ex != null) {
        ex.suffixed(words.units, phrases, words.counts, restCounts, suffixGlue);
      }
    }
    List<DiscoveredWord> out = words.ranked(counts.units, index, counts.order, lnN, threads);
    info.accept(String.format(java.util.Locale.ROOT, "scored %,d candidates (%.1f s)", candidates,
        seconds(t0)));
    List<Explanation> explained = ex == null ? List.of()
        : ex.finish(out, counts.entropies(threads));
    return new Result(out, positions, minCount, g.size(), f.count(), explained);
  }

  /**
   * What counting gives discovery: the unit table, the counts of the single units and of the
   * grams seen at least the min count ({@code index}: every other look-up needs only those),
   * every gram ({@code all}: the index and the grams spilled to disk, read in passes by the
   * boundary entropies), their number, the totals.
   */
  private record Counts(UnitTable units, GramIndex index, GramSource all, long grams,
      long positions, int order, long seen, Path store) {

    /**
     * Counts whose frequent grams are in {@code index} and the others in {@code spill}; {@code
     * seen}: the count of the rarest grams held (rarer ones were pruned); {@code store}: the store
     * they were read from, or null if they were counted here.
     */
    static Counts of(UnitTable units, GramIndex index, SpilledGrams spill, long positions,
        int order, long seen, Path store) {
      spill.finish();
      GramSource all = (part, parts, sink) -> {
        index.forEach(part, parts, sink);
        spill.forEach(part, parts, sink);
      };
      return new Counts(units, index, all, index.size() + spill.size(), positions, order, seen,
          store);
    }

    /** The boundary entropies of these counts, a pass on {@code threads} threads. */
    BoundaryEntropyPass entropies(int threads) {
      return new BoundaryEntropyPass(index, all, order, threads);
    }
  }

  /** "once", "twice", "3 times". */
  private static String times(long n) {
    return n <= 1 ? "once" : n == 2 ? "twice" : n + " times";
  }

  /**
   * Checks that discovery can use {@code store}: it holds grams of 3 units or more (every order
   * of discovery is 3 or more). Callers check before they warn about a store that is refused.
   *
   * @throws IllegalArgumentException if it holds shorter grams only, saying how to count one
   */
  public static void requireDiscoverable(NgramStore store) {
    if (store.order() < 3) {
      throw new IllegalArgumentException("the store holds " + (store.order() == 1
          ? "single units only" : "grams of up to " + store.order() + " units")
          + "; discovery needs grams of 3 units or more (count with -n 3 or more)");
    }
  }

  /**
   * The counts of a store, grams longer than the order left out, split as counting does. A store
   * of a lower order than asked for is used at its own order, with a warning.
   */
  private Counts counts(NgramStore store, SpilledGrams spill, GramIndex index,
      Consumer<String> warnings) {
    requireDiscoverable(store);
    int order = Math.min(options.order(), store.order());
    if (order < options.order()) {
      warnings.accept("the store holds grams of up to " + store.order() + " units: discovering at"
          + " order " + order + ", not " + options.order() + " (count with -n "
          + options.order() + " or more for that)");
    }
    if (store.minCount() > 2) {
      // Boundary entropy is exact only when every gram seen twice is there (README, count).
      warnings.accept(store.path() + " was counted with --min-count " + store.minCount()
          + ": the grams seen 2.." + (store.minCount() - 1) + " times are missing, so they"
          + " cannot be cohesive or words, and the boundary entropies of the others lose those"
          + " neighbours (fewer, different words); count with --min-count 2 (the default) for"
          + " discover");
    }
    spill.counted(new long[] {0, store.positions(1)});
    // A store counted with --min-count 1 (to merge shards exactly) also holds the grams and
    // units seen once, which counting the corpus leaves out: they are left out here too, so
    // that the store gives the words the corpus gives.
    store.forEach((hi, lo, c) -> {
      if (c >= 2 && Grams.length(hi, lo) <= order) {
        spill.accept(hi, lo, c);
      }
    });
    return Counts.of(store.units(), index, spill, store.positions(1), order,
        Math.max(2, store.minCount()), store.path());
  }

  /**
   * Counts the corpus (grams seen twice or more: the single units and those that reach the min
   * count into the index, the others to disk), recording its clauses for the cut pass.
   */
  private Counts count(List<CorpusInput> corpus, ClauseRecording recording, ByteCounter bytes,
      Consumer<String> warnings, SpilledGrams spill, GramIndex index) throws IOException {
    UnitTable units = UnitTable.of(readerOptions);
    CountSummary s = new NgramCounter(new CountOptions(options.order(), 2, threads, memory,
        tempDir), readerOptions).count(corpus, units, bytes, warnings, spill, recording);
    return Counts.of(units, index, spill, s.positions(1), options.order(), 2, null);
  }

  /**
   * Refuses (IllegalArgumentException) a store that was not counted from the corpus the cut pass
   * read: the same corpus has the same unit positions and the same count of every unit, whatever
   * its files are called or how it is split ({@code --lowercase}/{@code --simplify}, which would
   * change the units, are checked before). {@code units} describes the first unit whose counts
   * differ, or gives null; it is asked only when the positions agree.
   */
  private static void sameCorpus(Counts counts, long read,
      java.util.function.Supplier<String> units) {
    String other = read != counts.positions ? String.format(java.util.Locale.ROOT,
        "%,d unit positions there, %,d here", counts.positions, read) : units.get();
    if (other != null) {
      throw new IllegalArgumentException("the store " + counts.store + " was counted from"
          + " another corpus: " + other + "; count this corpus with 'ciku count -o', or give"
          + " --counts without INPUT");
    }
  }

  private long minCount(long positions) {
    return options.minCount() > 0 ? options.minCount() : Thresholds.minCount(positions);
  }

  /**
   * The cut pass on all threads, over the recorded clauses if there are, else the corpus; returns
   * the unit positions read from the corpus (-1 when the recording was replayed). When
   * {@code tallies} is not null, the units read are also counted, into one {@link UnitTally} a
   * thread added to it.
   */
  private long cut(List<CorpusInput> corpus, ClauseRecording recording, ByteCounter bytes,
      Consumer<String> warnings, UnitTable units, GramIndex g, int gMax, CutFragments f,
      List<UnitTally> tallies) throws IOException {
    List<Cutter> cutters = new ArrayList<>();
    cutters.add(new Cutter(g, gMax, options.maxLength()));
    for (int i = 1; i < threads; i++) {
      cutters.add(cutters.get(0).another());
    }
    List<? extends ParallelClauses.Worker> workers = cutters;
    if (tallies != null) {
      cutters.forEach(c -> tallies.add(new UnitTally(c)));
      workers = tallies;
    }
    long read = -1;
    if (recording != null) {
      ParallelClauses.replay(recording, bytes, workers);
    } else {
      // The written forms are those of the counts (a store's table is frozen already): reading
      // the corpus again must not count its Latin forms a second time.
      units.freeze();
      read = ParallelClauses.run(corpus, readerOptions, units, bytes, warnings, workers).units();
    }
    for (Cutter c : cutters) {
      f.addAll(c.fragments());
    }
    return read;
  }

  /**
   * The living words after {@link Reestimation} (counts by use, merged words added if they pass
   * the entropy bar), all alive.
   */
  private WordTable reestimate(WordTable in, CutFragments f, GramIndex addedPairs, Counts counts,
      long minCount, Consumer<String> info, long t0, Explainer ex, NumberGlue glue) {
    Reestimation reestimation = new Reestimation(options.reestimation(), options.mergePmi(),
        options.mergeStep(), minCount, options.maxLength(), gainBar, threads);
    List<Reestimation.Word> re = reestimation.run(in.units, in.counts, in.alive, f, addedPairs,
        counts.index);
    if (ex != null) {
      ex.reestimated(reestimation);
    }
    List<int[]> made = new ArrayList<>();
    for (Reestimation.Word w : re) {
      if (w.origin() < 0) {
        made.add(w.units());
      }
    }
    double[] mhl = new double[made.size()];
    double[] mhr = new double[made.size()];
    double[] man = new double[made.size()];
    counts.entropies(threads).of(made.toArray(new int[0][]), mhl, mhr,
        glue.enabled() ? man : null, glue::endsNumber);
    int n = 0;
    int kept = 0;
    int merged = 0;
    int[][] w2 = new int[re.size()][];
    long[] c2 = new long[re.size()];
    double[] hl2 = new double[re.size()];
    double[] hr2 = new double[re.size()];
    double[] an2 = new double[re.size()];
    int j = 0;
    for (Reestimation.Word w : re) {
      int o = w.origin();
      double hl = o >= 0 ? in.hls[o] : mhl[j];
      double hr = o >= 0 ? in.hrs[o] : mhr[j];
      double an = o >= 0 ? in.afterNumber[o] : man[j];
      if (o < 0) {
        j++;
        if (Math.min(hl, hr) < options.minEntropy()) {
          if (ex != null) {
            ex.mergedBelowEntropy(w.units(), hl, hr);
          }
          continue;
        }
        merged++;
      } else {
        kept++;
      }
      w2[n] = w.units();
      c2[n] = w.count();
      hl2[n] = hl;
      hr2[n] = hr;
      an2[n++] = an;
    }
    info.accept(String.format(java.util.Locale.ROOT,
        "re-estimation: %,d words, %,d of them kept from before it and %,d made by merging"
        + " (%.1f s)", kept + merged, kept, merged, seconds(t0)));
    boolean[] alive = new boolean[n];
    Arrays.fill(alive, true);
    return new WordTable(w2, c2, hl2, hr2, alive, Arrays.copyOf(an2, n));
  }

  private double seconds(long t0) {
    return (clock.getAsLong() - t0) / 1e9;
  }
}
