package dev.ciku.domain;

/**
 * Termhood and specificity scores of a candidate term, as pure functions. Notation: {@code d} the
 * term's count in the domain corpus, {@code r} its count in the reference, {@code D} and
 * {@code R} the sizes of the two corpora in unit positions.
 *
 * <p>All methods are static and thread-safe.
 */
public final class TermScores {
  /** Pseudo-count added to the reference count in {@link #weirdness}. */
  public static final double WEIRDNESS_SMOOTHING = 0.5;

  private TermScores() {}

  /**
   * The smoothed domain share of article 6540 (ALGORITHMS.md §11.1), with missing counts read as
   * 0: {@code (d + α·m) / (d + r·D/R + m)}. The reference count is first rescaled to the domain's
   * size ({@code r·D/R}); {@code α} is the domain's share of all candidate occurrences and
   * {@code m} the mean candidate total (see {@link #shareAlpha} and {@link #shareMean}), so a
   * rare word is pulled toward the global share α. For a given {@code d} the share is largest
   * when {@code r = 0}: a word absent from the reference is the most specific, where the
   * published code ranked it last (its NaN bug). Range (0, 1].
   */
  public static double share(long d, long r, double scale, double alpha, double m) {
    return (d + alpha * m) / (d + r * scale + m);
  }

  /** {@code α = Σd / Σ(d + r·scale)} over the candidates, the prior share of {@link #share}. */
  public static double shareAlpha(long[] d, long[] r, double scale) {
    double sd = 0;
    double st = 0;
    for (int i = 0; i < d.length; i++) {
      sd += d[i];
      st += d[i] + r[i] * scale;
    }
    return st > 0 ? sd / st : 0.5;
  }

  /** {@code m = mean(d + r·scale)} over the candidates, the pseudo-count of {@link #share}. */
  public static double shareMean(long[] d, long[] r, double scale) {
    if (d.length == 0) {
      return 1;
    }
    double st = 0;
    for (int i = 0; i < d.length; i++) {
      st += d[i] + r[i] * scale;
    }
    return st / d.length;
  }

  /**
   * Signed log-likelihood keyness (Dunning's G², as in Rayson and Garside's corpus comparison):
   * with expected counts {@code E1 = D(d+r)/(D+R)} and {@code E2 = R(d+r)/(D+R)},
   * {@code G² = 2 [d ln(d/E1) + r ln(r/E2)]}, where {@code 0 ln 0 = 0} (so {@code r = 0} needs no
   * smoothing). The sign is negative when the term is relatively more frequent in the
   * reference ({@code d/D < r/R}). Large positive values are domain-specific and frequent.
   */
  public static double g2(long d, long r, long bigD, long bigR) {
    double total = (double) bigD + bigR;
    double e1 = bigD * (double) (d + r) / total;
    double e2 = bigR * (double) (d + r) / total;
    double g = 2 * (xlog(d, e1) + xlog(r, e2));
    return (double) d * bigR >= (double) r * bigD ? g : -g;
  }

  private static double xlog(long x, double e) {
    return x == 0 ? 0 : x * Math.log(x / e);
  }

  /**
   * Weirdness (Ahmad et al.): the ratio of relative frequencies, with the reference count
   * smoothed by {@link #WEIRDNESS_SMOOTHING} so absent words get a finite, maximal value:
   * {@code (d/D) / ((r + 0.5)/R)}.
   */
  public static double weirdness(long d, long r, long bigD, long bigR) {
    return ((double) d / bigD) / ((r + WEIRDNESS_SMOOTHING) / bigR);
  }

  /**
   * C-value termhood of nested terms (Frantzi, Ananiadou and Mima): for a term of {@code n}
   * units with frequency {@code f}, {@code log2(n) · f} if no longer candidate contains it, else
   * {@code log2(n) · (f − S/k)} where the {@code k} longer candidates containing it have total
   * frequency {@code S}. A term mostly seen inside longer terms (人民 inside 人民法院) scores low.
   */
  public static double cValue(int n, long f, long nestedSum, int nestedCount) {
    double lg = Math.log(Math.max(2, n)) / Math.log(2);
    return nestedCount == 0 ? lg * f : lg * (f - (double) nestedSum / nestedCount);
  }

  /**
   * Character specificity: the geometric mean, over the Han characters of a term, of each
   * character's own weirdness {@code ((c_D + 0.5)/D) / ((c_R + 0.5)/R)}, where {@code c_D} and
   * {@code c_R} are the character's counts in the domain and the reference. Terms built from the
   * domain's own morphemes (罪, 诉, 押 in law; 刹, 胎 in cars) score above compounds of everyday
   * characters that are specific only as a whole (市和区, 所需费用). 1 for a term without Han
   * characters (no evidence either way).
   *
   * @param logRatios the natural logarithms of the characters' weirdness, {@code n} of them
   */
  public static double charSpecificity(double[] logRatios, int n) {
    if (n == 0) {
      return 1;
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += logRatios[i];
    }
    return Math.exp(sum / n);
  }

  /** The natural logarithm of one character's weirdness, for {@link #charSpecificity}. */
  public static double logCharRatio(long domainCount, long referenceCount, long bigD, long bigR) {
    return Math.log(((domainCount + WEIRDNESS_SMOOTHING) / bigD)
        / ((referenceCount + WEIRDNESS_SMOOTHING) / bigR));
  }

  /**
   * Residual IDF (Church and Gale), in bits: how much rarer across documents a term is than a
   * Poisson model of its frequency predicts, {@code log2(N (1 − e^{−f/N}) / df)} for {@code f}
   * occurrences in {@code df} of {@code N} documents. Content terms cluster (an article about
   * mortgages says 抵押权 several times), so their residual IDF is positive; boilerplate and
   * function phrases (违反本条例, 必要时, 任何单位) are spread like chance, near 0. Returns 0 when
   * {@code df} or {@code N} is 0.
   */
  public static double residualIdf(long f, long df, long n) {
    if (df <= 0 || n <= 0 || f <= 0) {
      return 0;
    }
    double expected = n * -Math.expm1(-(double) f / n);
    return Math.log(expected / df) / Math.log(2);
  }
}
