package dev.ciku.domain;

import dev.ciku.corpus.ByteCounter;
import dev.ciku.corpus.CorpusInput;
import dev.ciku.corpus.LatinCase;
import dev.ciku.corpus.LogNumbers;
import dev.ciku.corpus.Params;
import dev.ciku.corpus.ReaderOptions;
import dev.ciku.corpus.UnitTable;
import dev.ciku.count.CountOptions;
import dev.ciku.discover.DiscoverOptions;
import dev.ciku.discover.DiscoveredWord;
import dev.ciku.discover.Explanation;
import dev.ciku.discover.WordDiscoverer;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Comparative domain-term mining: the words discovered in a domain corpus ({@link WordDiscoverer},
 * so terms longer than the counting order come out whole), minus stopwords, generic heads and
 * numbers ({@link TermFilter}), words with a boundary entropy below {@link #TERM_MIN_ENTROPY}
 * on either side and measure words glued to a word ({@link MeasureGlue}: 个油 of 这个油),
 * contrasted with a reference ({@link ReferenceCounts}) and ranked.
 *
 * <p>Each term gets six scores ({@link TermScores}): the smoothed domain share, signed G²
 * keyness, weirdness, C-value, character specificity and residual IDF (burstiness over the lines
 * of the domain corpus, from {@link TermOccurrences}); the ranking score is chosen by
 * {@link Rank}. The default, {@link Rank#COMBINED}, ranks first the terms at least
 * {@link TermRanking#SPECIFIC} times more frequent (relatively) in the domain than in the
 * reference (fewer times when the reference shares the domain's strongest words:
 * {@link TermRanking#specificGate}), by {@code G² · charSpecificity · √max(0, residual IDF)},
 * then all others by G²: specificity as a
 * gate, keyness (which grows with frequency) as the order, damped for terms made of everyday
 * characters and for terms spread over the corpus like boilerplate. It measured best at P@500 on
 * both the legal and the car benchmarks among the variants tried (benchmarks/RESULTS.md).
 *
 * <p>Cost: one word discovery (two passes over the domain corpus), one more pass counting the
 * candidates ({@link TermOccurrences}) and the reference look-ups (hash look-ups for a profile;
 * one pass over the reference for a corpus). Not thread-safe.
 */
public final class DomainTermMiner {
  /** Ranking scores. */
  public enum Rank {
    /**
     * Weirdness-gated G², damped by character specificity and burstiness (the default; see
     * {@link DomainTermMiner#combined}).
     */
    COMBINED,
    /** Weirdness-gated G² alone (the default before character specificity and burstiness). */
    GATED_G2,
    /** The smoothed domain share of article 6540 (missing counts fixed). */
    SHARE,
    /** Signed log-likelihood keyness. */
    G2,
    /** Weirdness ratio. */
    WEIRDNESS,
    /** C-value. */
    CVALUE,
    /** Domain count only (no contrast). */
    COUNT;

    /**
     * Whether it ranks in two tiers split by the weirdness gate
     * ({@link TermRanking#specificGate}).
     */
    public boolean tiered() {
      return this == COMBINED || this == GATED_G2;
    }

    /**
     * The ranking called {@code name} ({@code --rank}): case ignored, words joined by '-' or '_'
     * ({@code gated-g2}, {@code GATED_G2}).
     *
     * @throws IllegalArgumentException for any other name, naming the choices
     */
    public static Rank named(String name) {
      for (Rank r : values()) {
        if (r.name().equalsIgnoreCase(name.replace('-', '_'))) {
          return r;
        }
      }
      throw new IllegalArgumentException("--rank must be combined, gated-g2, share, g2, weirdness,"
          + " cvalue or count, not '" + name + "'");
    }
  }

  /** Where the reference counts come from, given the candidate terms. */
  @FunctionalInterface
  public interface ReferenceSource {
    ReferenceCounts counts(Set<String> terms) throws IOException;
  }

  /** How the candidates occur in the domain corpus, given the strings to count. */
  @FunctionalInterface
  public interface OccurrenceSource {
    TermOccurrences count(String[] strings) throws IOException;
  }

  /**
   * Settings.
   *
   * @param minEntropy smallest left and right boundary entropy of a term, in nats (applied after
   *     discovery, whose own threshold is usually lower)
   * @param measureGlue a term that begins with a measure word and follows a number or a
   *     determiner in more than this share of its occurrences is dropped ({@link MeasureGlue};
   *     {@code --measure-glue}); 1 switches this off
   */
  public record Options(DiscoverOptions discover, Rank rank, TermFilter filter,
      double minEntropy, double measureGlue) {
    /**
     * The default term entropy floor, {@link DomainTermMiner#TERM_MIN_ENTROPY}, and measure-word
     * glue share, {@link MeasureGlue#SHARE}.
     */
    public Options(DiscoverOptions discover, Rank rank, TermFilter filter) {
      this(discover, rank, filter, TERM_MIN_ENTROPY, MeasureGlue.SHARE);
    }
  }

  /**
   * The default smallest boundary entropy of a term on each side, in nats: a term should be free
   * to follow and precede at least about e different neighbours. Drops fragments cut out of a
   * longer unit (院管辖 out of 法院管辖, 解协议 out of 调解协议).
   */
  public static final double TERM_MIN_ENTROPY = 1.0;

  /**
   * What a run produced.
   *
   * @param explanations one for each string given to {@link #withExplanations}, in that order
   *     (none if none was given)
   */
  public record Result(List<DomainTerm> terms, long domainPositions, long referencePositions,
      int candidates, int filtered, List<TermExplanation> explanations) {}

  private final Options options;
  private final MeasureGlue glue;
  private final ReaderOptions readerOptions;
  private final int threads;
  private final long memory;
  private final Path tempDir;
  /** Nanosecond clock of the progress lines' times ({@link #withClock}). */
  private final LongSupplier clock;
  /** The strings to explain ({@link #withExplanations}). */
  private final List<String> explain;

  /**
   * Unit positions of a domain corpus below which its list is mostly everyday words: a car
   * forum of 20 KB (about 6,000 units) gives P@50 0.18 against the domain lexicons, 100 KB
   * (30,000 units) 0.28, the whole 1.7 MB 0.34.
   */
  public static final long SMALL_CORPUS = 20_000;

  /**
   * A miner with these settings; nothing is read until {@link #mine}.
   *
   * @param options discovery's settings, the ranking, the term filter and the entropy floor
   * @param readerOptions how the domain corpus is read (encoding, format, normalisation)
   * @param threads worker threads of discovery (1 or more; the result does not depend on it);
   *     the passes that count the candidates' occurrences and a reference corpus run on one
   * @param memory discovery's counting budget in bytes ({@link CountOptions#MIN_MEMORY} or more),
   *     beyond which work spills to {@code tempDir}
   * @param tempDir where temporary files go
   * @throws IllegalArgumentException if {@code threads}, {@code memory} or the measure-word glue
   *     share is out of range
   * @throws java.io.UncheckedIOException if the bundled measure words cannot be read
   */
  public DomainTermMiner(Options options, ReaderOptions readerOptions, int threads, long memory,
      Path tempDir) {
    this.options = Objects.requireNonNull(options, "options");
    this.glue = MeasureGlue.of(options.measureGlue());
    this.readerOptions = Objects.requireNonNull(readerOptions, "readerOptions");
    this.threads = (int) Params.atLeast("threads", threads, 1);
    this.memory = Params.atLeast("memory", memory, CountOptions.MIN_MEMORY);
    this.tempDir = Objects.requireNonNull(tempDir, "tempDir");
    this.clock = System::nanoTime;
    this.explain = List.of();
  }

  private DomainTermMiner(DomainTermMiner from, LongSupplier clock, List<String> explain) {
    this.options = from.options;
    this.glue = from.glue;
    this.readerOptions = from.readerOptions;
    this.threads = from.threads;
    this.memory = from.memory;
    this.tempDir = from.tempDir;
    this.clock = clock;
    this.explain = explain;
  }

  /**
   * A miner like this one whose progress lines (and its discovery's) time the run by
   * {@code nanoTime} instead of {@link System#nanoTime} (tests pass a stepping clock); the terms
   * do not depend on it. This one is unchanged.
   */
  public DomainTermMiner withClock(LongSupplier nanoTime) {
    return new DomainTermMiner(this, java.util.Objects.requireNonNull(nanoTime, "nanoTime"),
        explain);
  }

  /**
   * A miner like this one that also explains, in {@link Result#explanations()}, what the run did
   * with each of these strings: the discovery stage that dropped it, the domain stage (filter,
   * term entropy, measure-word glue), or its rank ({@code ciku domain --explain}). This one is
   * unchanged. Costs discovery one more read of the rare grams and one more boundary-entropy
   * pass (see {@link WordDiscoverer#withExplanations}); the terms do not depend on it.
   */
  public DomainTermMiner withExplanations(List<String> words) {
    return new DomainTermMiner(this, clock, List.copyOf(words));
  }

  /**
   * Mines the terms of {@code corpus} (readable twice, see {@link dev.ciku.corpus.Spool}).
   */
  public Result mine(List<CorpusInput> corpus, ReferenceSource reference, ByteCounter bytes,
      Consumer<String> warnings, Consumer<String> info) throws IOException {
    WordDiscoverer.Result found = new WordDiscoverer(options.discover(), readerOptions, threads,
        memory, tempDir).withClock(clock).withExplanations(explain)
        .discover(corpus, null, bytes, warnings, info);
    String small = smallCorpusWarning(found.positions());
    if (small != null) {
      warnings.accept(small);
    }
    // Discovery has read the whole corpus and warned about it: the second pass stays silent.
    long[] lines = {0};
    Result result = mine(found, reference, strings -> {
      TermOccurrences occ = TermOccurrences.count(strings, corpus, readerOptions, bytes, m -> { });
      lines[0] = occ.documents();
      return occ;
    }, info);
    String oneLine = oneLineWarning(found.positions(), lines[0], options.rank());
    if (oneLine != null) {
      warnings.accept(oneLine);
    }
    return result;
  }

  /**
   * A warning for a domain corpus of one line ranked by {@link Rank#COMBINED}, or null: residual
   * IDF compares the lines holding a term with chance, so over one line it is never positive,
   * every term of the first tier scores 0 and that tier is ordered by count alone. Not for a
   * corpus below {@link #SMALL_CORPUS}, whose own warning says that already.
   *
   * @param lines the lines of the domain corpus ({@link TermOccurrences#documents})
   */
  public static String oneLineWarning(long positions, long lines, Rank rank) {
    if (rank != Rank.COMBINED || lines > 1 || positions < SMALL_CORPUS) {
      return null;
    }
    return String.format(Locale.ROOT, "the domain corpus is one line (%,d units): ridf, measured"
        + " over its lines, is 0 for every term, so the first tier of --rank combined scores 0"
        + " and is ordered by count; give one document a line, or --rank gated-g2", positions);
  }

  /**
   * A warning for a domain corpus of {@code positions} unit positions, or null if it has none or
   * {@link #SMALL_CORPUS} or more: its list is then mostly everyday words.
   */
  public static String smallCorpusWarning(long positions) {
    if (positions <= 0 || positions >= SMALL_CORPUS) {
      return null;
    }
    return String.format(Locale.ROOT, "the domain corpus has only %,d units (fewer than %,d):"
        + " its list is mostly everyday words and terms tied at score 0 (too few lines for"
        + " ridf); give it more text", positions, SMALL_CORPUS);
  }

  /**
   * Mines the terms among words already discovered (for example by the Spark job, whose
   * discovery runs on a cluster): filter, reference counts, scores, ranking.
   */
  public Result mine(WordDiscoverer.Result found, ReferenceSource reference,
      OccurrenceSource occurrences, Consumer<String> info) throws IOException {
    long t0 = clock.getAsLong();
    List<DiscoveredWord> words = new ArrayList<>();
    int filtered = 0;
    for (DiscoveredWord w : found.words()) {
      if (w.word().length() < 2) {
        continue;
      }
      if (options.filter().rejects(w.word()) || w.minEntropy() < options.minEntropy()) {
        filtered++;
        continue;
      }
      words.add(w);
    }
    Set<String> terms = new LinkedHashSet<>();
    for (DiscoveredWord w : words) {
      terms.add(w.word());
    }
    UnitTable units = UnitTable.of(LatinCase.KEEP);
    for (DiscoveredWord w : words) {
      List<String> u = TermUnits.split(w.word(), units);
      if (u != null) {
        for (String unit : u) {
          if (TermRanking.isHan(unit)) {
            terms.add(unit);
          }
        }
      }
    }
    ReferenceCounts ref = reference.counts(terms);
    info.accept(ref.describe());
    long t1 = clock.getAsLong();
    TermOccurrences occ = occurrences.count(terms.toArray(new String[0]));
    info.accept(String.format(Locale.ROOT, "%,d strings counted in %,d lines (%.1f s)",
        terms.size(), occ.documents(), (clock.getAsLong() - t1) / 1e9));
    if (glue.enabled()) {
      int before = words.size();
      words.removeIf(w -> glue.isGlue(w.word(), occ.count(w.word()), occ.afterQuantity(w.word())));
      filtered += before - words.size();
      info.accept("measure-word glue removed " + LogNumbers.count(before - words.size(), "term"));
    }
    TermRanking.Ranked scored = TermRanking.ranked(words, ref, occ, found.positions(),
        options.rank());
    List<DomainTerm> out = scored.terms();
    double gate = scored.gate();
    if (gate < TermRanking.SPECIFIC && options.rank().tiered()) {
      info.accept(String.format(Locale.ROOT, "the reference shares the domain's strongest words"
          + " (the %d with the highest G2 have a median weirdness below %.0f): the first tier's"
          + " weirdness gate is their lower quartile, %.1f, not %.0f", TermRanking.STRONGEST,
          TermRanking.SPECIFIC / 2, gate, TermRanking.SPECIFIC));
    }
    info.accept(String.format(Locale.ROOT, "%,d terms scored, %,d more candidates dropped before"
        + " scoring (filter, --term-entropy, measure-word glue) (%.1f s)", out.size(), filtered,
        (clock.getAsLong() - t0) / 1e9));
    return new Result(out, found.positions(), ref.positions(), found.words().size(), filtered,
        explain(found, out, ref, occ, gate));
  }

  /**
   * What the run did with each string of {@code found.explanations()}: the discovery stage that
   * dropped it, the first domain stage that did (the same tests, in the same order, as
   * {@link #mine(WordDiscoverer.Result, ReferenceSource, OccurrenceSource, Consumer)}), or its
   * rank in {@code out} and, for the tiered rankings, its tier under {@code gate}.
   */
  private List<TermExplanation> explain(WordDiscoverer.Result found, List<DomainTerm> out,
      ReferenceCounts ref, TermOccurrences occ, double gate) {
    List<TermExplanation> result = new ArrayList<>(found.explanations().size());
    Object2IntOpenHashMap<String> rank = new Object2IntOpenHashMap<>();
    for (int i = 0; i < out.size() && !found.explanations().isEmpty(); i++) {
      rank.put(out.get(i).term(), i + 1);
    }
    for (Explanation e : found.explanations()) {
      if (e.stage() != Explanation.Stage.KEPT) {
        result.add(new TermExplanation(e.word(), e.stage().label(), 0, 0, -1, e.cohesion(),
            e.leftEntropy(), e.rightEntropy(), Double.NaN, "discovery: " + e.reason()));
        continue;
      }
      DiscoveredWord w = found.words().get(e.index());
      String term = w.word();
      String rejection = options.filter().rejection(term);
      long count = occ.count(term);
      long after = occ.afterQuantity(term);
      String stage;
      String reason;
      int r = rank.getInt(term);
      if (term.length() < 2) {
        stage = "input";
        reason = "a term has 2 or more characters";
      } else if (rejection != null) {
        stage = TermExplanation.FILTER;
        reason = "the term filter drops it: " + rejection;
      } else if (w.minEntropy() < options.minEntropy()) {
        stage = TermExplanation.ENTROPY;
        reason = String.format(Locale.ROOT, "its boundary entropy %.2f (%s) is below"
            + " --term-entropy %.2f", w.minEntropy(),
            w.leftEntropy() <= w.rightEntropy() ? "left" : "right", options.minEntropy());
      } else if (glue.isGlue(term, count, after)) {
        stage = TermExplanation.MEASURE;
        reason = String.format(Locale.ROOT, "a measure word glued to a word: %,d of its %,d"
            + " occurrences (%.0f%%) follow a number or a determiner, more than --measure-glue"
            + " %.2f", after, count, 100.0 * after / count, options.measureGlue());
      } else {
        if (r == 0) {
          throw new IllegalStateException("a term past every stage is not ranked: " + term);
        }
        DomainTerm t = out.get(r - 1);
        String tier = !options.rank().tiered() ? ""
            : TermRanking.firstTier(t.g2(), t.weirdness(), gate)
            ? String.format(Locale.ROOT, ", first tier (weirdness %.1f, at least the gate %.1f)",
                t.weirdness(), gate)
            : String.format(Locale.ROOT, ", second tier (weirdness %.1f, below the gate %.1f)",
                t.weirdness(), gate);
        result.add(new TermExplanation(term, TermExplanation.KEPT, r, t.domainCount(),
            t.referenceCount(), w.cohesion(), w.leftEntropy(), w.rightEntropy(), t.score(),
            String.format(Locale.ROOT, "kept: ranked %,d of %,d by --rank %s%s; G2 %.1f,"
                + " char_spec %.3f, ridf %.3f", r, out.size(),
                options.rank().name().toLowerCase(Locale.ROOT).replace('_', '-'), tier,
                t.g2(), t.charSpecificity(), t.residualIdf())));
        continue;
      }
      long refCount = stage.equals(TermExplanation.MEASURE) ? ref.count(term) : -1;
      result.add(new TermExplanation(term, stage, 0, w.count(), refCount, w.cohesion(),
          w.leftEntropy(), w.rightEntropy(), Double.NaN, reason));
    }
    return result;
  }
}
