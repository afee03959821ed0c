package dev.ciku.domain;

import dev.ciku.corpus.ByteCounter;
import dev.ciku.corpus.CorpusInput;
import dev.ciku.corpus.ReaderOptions;
import dev.ciku.discover.DiscoverOptions;
import dev.ciku.discover.DiscoveredWord;
import dev.ciku.discover.WordDiscoverer;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Comparative domain-term mining: the words discovered in a domain corpus ({@link WordDiscoverer},
 * so terms longer than the counting order come out whole), minus stopwords and generic heads
 * ({@link TermFilter}), contrasted with a reference ({@link ReferenceCounts}) and ranked.
 *
 * <p>Each term gets four scores ({@link TermScores}): the smoothed domain share, signed G²
 * keyness, weirdness and C-value; the ranking score is chosen by {@link Rank}. The default,
 * {@link Rank#COMBINED}, ranks first the terms at least {@link #SPECIFIC} times more frequent
 * (relatively) in the domain than in the reference (weirdness ≥ 20), by G², then all others by
 * G²: specificity as a gate, keyness (which grows with frequency) as the order. It measured best
 * at P@500 on both the legal and the car benchmarks among the variants tried
 * (benchmarks/RESULTS.md).
 *
 * <p>Cost: one word discovery (two passes over the domain corpus) plus the reference look-ups
 * (hash look-ups for a profile; one pass over the reference for a corpus). Not thread-safe.
 */
public final class DomainTermMiner {
  /** Ranking scores. */
  public enum Rank {
    /** Weirdness-gated G² (the default; see {@link DomainTermMiner#combined}). */
    COMBINED,
    /** The smoothed domain share of article 6540 (missing counts fixed). */
    SHARE,
    /** Signed log-likelihood keyness. */
    G2,
    /** Weirdness ratio. */
    WEIRDNESS,
    /** C-value. */
    CVALUE,
    /** Domain count only (no contrast). */
    COUNT
  }

  /** Where the reference counts come from, given the candidate terms. */
  @FunctionalInterface
  public interface ReferenceSource {
    ReferenceCounts counts(Set<String> terms) throws IOException;
  }

  /** Settings. */
  public record Options(DiscoverOptions discover, Rank rank, TermFilter filter) {}

  /** What a run produced. */
  public record Result(List<DomainTerm> terms, long domainPositions, long referencePositions,
      int candidates, int filtered) {}

  private final Options options;
  private final ReaderOptions readerOptions;
  private final int threads;
  private final long memory;
  private final Path tempDir;

  public DomainTermMiner(Options options, ReaderOptions readerOptions, int threads, long memory,
      Path tempDir) {
    this.options = options;
    this.readerOptions = readerOptions;
    this.threads = threads;
    this.memory = memory;
    this.tempDir = tempDir;
  }

  /**
   * Mines the terms of {@code corpus} (readable twice, see {@link dev.ciku.corpus.Spool}).
   */
  public Result mine(List<CorpusInput> corpus, ReferenceSource reference, ByteCounter bytes,
      Consumer<String> warnings, Consumer<String> info) throws IOException {
    WordDiscoverer.Result found = new WordDiscoverer(options.discover(), readerOptions, threads,
        memory, tempDir).discover(corpus, null, bytes, warnings, info);
    return mine(found, reference, info);
  }

  /**
   * Mines the terms among words already discovered (for example by the Spark job, whose
   * discovery runs on a cluster): filter, reference counts, scores, ranking.
   */
  public Result mine(WordDiscoverer.Result found, ReferenceSource reference, Consumer<String> info)
      throws IOException {
    long t0 = System.nanoTime();
    List<DiscoveredWord> words = new ArrayList<>();
    int filtered = 0;
    for (DiscoveredWord w : found.words()) {
      if (w.word().length() < 2) {
        continue;
      }
      if (options.filter().rejects(w.word())) {
        filtered++;
        continue;
      }
      words.add(w);
    }
    Set<String> terms = new HashSet<>();
    for (DiscoveredWord w : words) {
      terms.add(w.word());
    }
    ReferenceCounts ref = reference.counts(terms);
    info.accept(ref.describe());
    List<DomainTerm> out = score(words, ref, found.positions(), options.rank());
    info.accept(String.format(Locale.ROOT, "%,d terms scored, %,d dropped by the filter (%.1f s)",
        out.size(), filtered, (System.nanoTime() - t0) / 1e9));
    return new Result(out, found.positions(), ref.positions(), found.words().size(), filtered);
  }

  /**
   * Scores and ranks candidate words against reference counts.
   *
   * @param domainPositions size of the domain corpus in unit positions
   */
  public static List<DomainTerm> score(List<DiscoveredWord> words, ReferenceCounts ref,
      long domainPositions, Rank rank) {
    int n = words.size();
    long bigD = Math.max(1, domainPositions);
    long bigR = Math.max(1, ref.positions());
    long[] d = new long[n];
    long[] r = new long[n];
    Object2IntOpenHashMap<String> index = new Object2IntOpenHashMap<>(n);
    index.defaultReturnValue(-1);
    for (int i = 0; i < n; i++) {
      d[i] = words.get(i).count();
      r[i] = ref.count(words.get(i).word());
      index.put(words.get(i).word(), i);
    }
    double scale = (double) bigD / bigR;
    double alpha = TermScores.shareAlpha(d, r, scale);
    double m = TermScores.shareMean(d, r, scale);
    // C-value: frequency and number of the longer candidates containing each candidate.
    long[] nestedSum = new long[n];
    int[] nestedCount = new int[n];
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < n; i++) {
      List<String> u = TermUnits.split(words.get(i).word());
      if (u == null || u.size() < 3) {
        continue;
      }
      seen.clear();
      StringBuilder sb = new StringBuilder();
      for (int a = 0; a < u.size(); a++) {
        sb.setLength(0);
        sb.append(u.get(a));
        for (int b = a + 1; b < u.size(); b++) {
          sb.append(u.get(b));
          if (a == 0 && b == u.size() - 1) {
            break;
          }
          int j = index.getInt(sb.toString());
          if (j >= 0 && seen.add(j)) {
            nestedSum[j] += d[i];
            nestedCount[j]++;
          }
        }
      }
    }
    List<DomainTerm> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      DiscoveredWord w = words.get(i);
      double share = TermScores.share(d[i], r[i], scale, alpha, m);
      double g2 = TermScores.g2(d[i], r[i], bigD, bigR);
      double weird = TermScores.weirdness(d[i], r[i], bigD, bigR);
      double cv = TermScores.cValue(w.units(), d[i], nestedSum[i], nestedCount[i]);
      double score = switch (rank) {
        case COMBINED -> combined(g2, weird);
        case SHARE -> share;
        case G2 -> g2;
        case WEIRDNESS -> weird;
        case CVALUE -> cv;
        case COUNT -> d[i];
      };
      out.add(new DomainTerm(w.word(), w.units(), d[i], r[i], share, g2, weird, cv, score));
    }
    out.sort(Comparator.comparingDouble(DomainTerm::score).reversed()
        .thenComparing(Comparator.comparingLong(DomainTerm::domainCount).reversed())
        .thenComparing(DomainTerm::term));
    return out;
  }

  /** The weirdness a term needs to be ranked in the first tier of {@link Rank#COMBINED}. */
  public static final double SPECIFIC = 20;

  /**
   * The default ranking score: {@code G²} when {@code weirdness ≥ 20} (then {@code G² > 0});
   * otherwise {@code −1/(1+G²)} for {@code G² ≥ 0} and {@code G² − 1} below, so every term of
   * the second tier scores below every term of the first and both tiers are ordered by G².
   */
  static double combined(double g2, double weirdness) {
    if (weirdness >= SPECIFIC) {
      return g2;
    }
    return g2 >= 0 ? -1 / (1 + g2) : g2 - 1;
  }
}
