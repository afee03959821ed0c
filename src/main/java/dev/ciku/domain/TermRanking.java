package dev.ciku.domain;

import dev.ciku.corpus.LatinCase;
import dev.ciku.corpus.UnitPolicy;
import dev.ciku.corpus.UnitTable;
import dev.ciku.discover.DiscoveredWord;
import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks domain-term candidates against reference counts: each term's six scores
 * ({@link TermScores}: smoothed share, signed G², weirdness, C-value, character specificity,
 * residual IDF) and the ranking score {@link DomainTermMiner.Rank} chooses, in two tiers split by
 * a weirdness gate for the tiered rankings ({@link #specificGate}). Stateless; thread-safe.
 */
public final class TermRanking {
  private TermRanking() {}

  /**
   * Scores and ranks candidate words against reference counts.
   *
   * @param occ exact and per-line counts of the words and of their Han characters in the domain
   * @param domainPositions size of the domain corpus in unit positions
   */
  public static List<DomainTerm> rank(List<DiscoveredWord> words, ReferenceCounts ref,
      TermOccurrences occ, long domainPositions, DomainTermMiner.Rank rank) {
    return ranked(words, ref, occ, domainPositions, rank).terms();
  }

  /** The ranked terms and the first tier's weirdness gate they were ranked with. */
  record Ranked(List<DomainTerm> terms, double gate) {}

  /**
   * As {@link #rank}, with the gate. Cost: each word split into units once (one unit table for
   * all), hash look-ups of its inner strings for the C-value, one sort.
   */
  static Ranked ranked(List<DiscoveredWord> words, ReferenceCounts ref,
      TermOccurrences occ, long domainPositions, DomainTermMiner.Rank rank) {
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
    double[] g2s = new double[n];
    double[] weirdness = new double[n];
    for (int i = 0; i < n; i++) {
      g2s[i] = TermScores.g2(d[i], r[i], bigD, bigR);
      weirdness[i] = TermScores.weirdness(d[i], r[i], bigD, bigR);
    }
    double gate = specificGate(g2s, weirdness);
    // Splits the terms as written (each unit's text as it is in the term).
    UnitTable table = UnitTable.of(LatinCase.KEEP);
    List<List<String>> split = new ArrayList<>(n);
    for (DiscoveredWord w : words) {
      split.add(TermUnits.split(w.word(), table));
    }
    // C-value: frequency and number of the longer candidates containing each candidate.
    long[] nestedSum = new long[n];
    int[] nestedCount = new int[n];
    IntOpenHashSet seen = new IntOpenHashSet();
    for (int i = 0; i < n; i++) {
      List<String> u = split.get(i);
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
    double[] logRatios = new double[64];
    for (int i = 0; i < n; i++) {
      DiscoveredWord w = words.get(i);
      List<String> u = split.get(i);
      int han = 0;
      if (u != null) {
        if (u.size() > logRatios.length) {
          logRatios = new double[u.size()];
        }
        for (String unit : u) {
          if (isHan(unit)) {
            logRatios[han++] = TermScores.logCharRatio(occ.count(unit), ref.count(unit), bigD,
                bigR);
          }
        }
      }
      double spec = TermScores.charSpecificity(logRatios, han);
      double ridf = TermScores.residualIdf(occ.count(w.word()), occ.lines(w.word()),
          occ.documents());
      double share = TermScores.share(d[i], r[i], scale, alpha, m);
      double g2 = g2s[i];
      double weird = weirdness[i];
      double cv = TermScores.cValue(w.units(), d[i], nestedSum[i], nestedCount[i]);
      double score = switch (rank) {
        case COMBINED -> combined(g2, weird, gate, spec, ridf);
        case GATED_G2 -> gatedG2(g2, weird, gate);
        case SHARE -> share;
        case G2 -> g2;
        case WEIRDNESS -> weird;
        case CVALUE -> cv;
        case COUNT -> d[i];
      };
      out.add(new DomainTerm(w.word(), w.units(), d[i], r[i], share, g2, weird, cv, spec,
          ridf, score));
    }
    out.sort(Comparator.comparingDouble(DomainTerm::score).reversed()
        .thenComparing(Comparator.comparingLong(DomainTerm::domainCount).reversed())
        .thenComparing(DomainTerm::term));
    return new Ranked(out, gate);
  }

  /**
   * The weirdness a term needs to be ranked in the first tier of
   * {@link DomainTermMiner.Rank#COMBINED} and {@link DomainTermMiner.Rank#GATED_G2}, unless the
   * domain's strongest terms are less weird ({@link #specificGate}).
   */
  public static final double SPECIFIC = 20;

  /** How many terms, those with the highest G², stand for the domain's strongest vocabulary. */
  public static final int STRONGEST = 20;

  /**
   * The weirdness gate of the first tier: {@link #SPECIFIC}, unless the median weirdness of the
   * {@link #STRONGEST} terms with the highest G² is below half of it; then their lower quartile
   * (the 5th lowest of 20), so that most of them are in the first tier. Such a reference shares
   * the domain's everyday words (hotel reviews against the bundled profile, which holds reviews
   * too: 酒店 7.3, 房间 7.5, 早餐 6.5, 前台 5.3, 入住 5.0), so a gate of 20 would admit only strings
   * the reference lacks, mostly seen 2-5 times (typos, names, phrases), and rank the domain's own
   * vocabulary below them; the median itself would leave half of the strongest terms out. With
   * a median of half the gate or more, the gate stays (car forum: median 848; laws: 12.8, where
   * a lower gate measured worse). Of terms tied in G², the less weird are
   * taken first, so the gate does not depend on the order of the terms. Cost: one sort of the
   * term indices.
   *
   * @param g2 each term's signed G² ({@link TermScores#g2})
   * @param weirdness each term's weirdness ({@link TermScores#weirdness}), in the same order
   */
  public static double specificGate(double[] g2, double[] weirdness) {
    int[] order = java.util.stream.IntStream.range(0, g2.length).filter(i -> g2[i] > 0)
        .toArray();
    IntArrays.quickSort(order, (a, b) -> g2[a] != g2[b] ? Double.compare(g2[b], g2[a])
        : Double.compare(weirdness[a], weirdness[b]));
    if (order.length == 0) {
      return SPECIFIC;
    }
    double[] w = new double[Math.min(STRONGEST, order.length)];
    for (int i = 0; i < w.length; i++) {
      w[i] = weirdness[order[i]];
    }
    Arrays.sort(w);
    double median = w.length % 2 == 1 ? w[w.length / 2]
        : (w[w.length / 2 - 1] + w[w.length / 2]) / 2;
    return median < SPECIFIC / 2 ? w[(w.length + 3) / 4 - 1] : SPECIFIC;
  }

  /**
   * The default ranking score: {@code G² · charSpecificity · √max(0, residualIdf)} for a term of
   * the first tier ({@code weirdness ≥ gate} and {@code G² > 0}); otherwise as {@link #gatedG2},
   * below every term of the first tier.
   */
  static double combined(double g2, double weirdness, double gate, double charSpecificity,
      double residualIdf) {
    if (firstTier(g2, weirdness, gate)) {
      return g2 * charSpecificity * Math.sqrt(Math.max(0, residualIdf));
    }
    return gatedG2(g2, weirdness, gate);
  }

  /**
   * {@code G²} for a term of the first tier ({@code weirdness ≥ gate} and {@code G² > 0});
   * otherwise {@code −1/(1+G²)} for {@code G² ≥ 0} and {@code G² − 1} below, so every term of the
   * second tier scores below every term of the first and both tiers are ordered by G².
   */
  static double gatedG2(double g2, double weirdness, double gate) {
    if (firstTier(g2, weirdness, gate)) {
      return g2;
    }
    return g2 >= 0 ? -1 / (1 + g2) : g2 - 1;
  }

  /** Whether a term is of the first tier: {@code weirdness ≥ gate} and {@code G² > 0}. */
  static boolean firstTier(double g2, double weirdness, double gate) {
    return weirdness >= gate && g2 > 0;
  }

  /** Whether {@code unit} is one Han character. */
  static boolean isHan(String unit) {
    int cp = unit.codePointAt(0);
    return unit.length() == Character.charCount(cp) && UnitPolicy.isHan(cp);
  }
}
