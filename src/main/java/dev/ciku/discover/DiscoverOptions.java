package dev.ciku.discover;

import dev.ciku.corpus.Params;

/**
 * Settings of {@link WordDiscoverer}. Zero or negative values mean "adapt to the corpus" where
 * noted.
 *
 * @param order n-gram order counted (3..6); the cohesive set G holds grams up to {@code order - 1}
 *     units, so that boundary entropy of every G-gram is exact
 * @param minCount smallest fragment count of a word; 0 adapts to corpus size (see
 *     {@link Thresholds#minCount})
 * @param pmiBase cohesion threshold in nats for 2-unit grams; each extra unit adds
 *     {@code pmiStep} (thresholds grow with length because long grams are over-estimated)
 * @param pmiStep increase of the threshold per extra unit
 * @param minEntropy smallest boundary entropy (min of left and right, nats) of a reported word
 * @param maxLength longest word, in units
 * @param pairPmi 2-unit grams below the cut threshold {@code pmiBase} but at or above this one
 *     are candidates too (with their n-gram count), if both boundary entropies reach
 *     {@code pairEntropy}
 * @param pairEntropy smallest boundary entropy of such a pair, in nats
 * @param redundancy de-redundancy threshold in nats per unit beyond the first; 0 switches the
 *     step off
 * @param reestimation segmentation rounds of the re-estimation step ({@link Reestimation}); 0
 *     switches it off
 * @param mergePmi association a pair of adjacent words needs to be merged into a 2-unit word
 *     during re-estimation, in nats
 * @param mergeStep added to {@code mergePmi} per unit of the merged word beyond 2
 * @param minGain nats a use a 2-unit word must save over its best segmentation into the other
 *     words and single units to survive re-estimation; 0 switches the test off
 * @param gainStep added to {@code minGain} per unit beyond 2
 * @param isolated a fragment the cut pass isolated at least this many times the min count passes
 *     backtracking when each of its windows reaches the cohesion bar of pairs ({@code pmiBase})
 *     instead of the bar of its length: being cut out whole that often is evidence of its own
 *     (中华人民共和国, whose window 人民共 misses the 3-unit bar); 0 switches this off
 * @param glueGain added to the bar of the gain test for a word with a one-character function
 *     word at exactly one end ({@link dev.ciku.corpus.FunctionWords#edge}: 他说, 这一, 很大, 买了;
 *     not 以及, with one at both); 0 switches this off
 * @param numberGlue a word of 3+ units after a number in more than this share of its
 *     occurrences, whose first unit is a Han non-numeral and whose rest is a word, is a measure
 *     word glued to a word and dropped (人死亡, 枚金牌; {@link NumberGlue}); 1 switches this off
 * @param suffixGlue a word of 3+ units that ends in a phrase suffix (a localiser or a reporting
 *     verb) and whose rest is a word is dropped when it stands for fewer than this share of the
 *     rest's occurrences, with the suffix or without (会谈后, 车间里, 警方称; {@link SuffixGlue});
 *     0 switches this off
 */
public record DiscoverOptions(int order, long minCount, double pmiBase, double pmiStep,
    double minEntropy, int maxLength, double pairPmi, double pairEntropy, double redundancy,
    int reestimation, double mergePmi, double mergeStep, double minGain, double gainStep,
    int isolated, double glueGain, double numberGlue, double suffixGlue) {

  /** Default rounds of re-estimation of {@code ciku discover}. */
  public static final int REESTIMATION = 3;
  /** Default merge threshold for 2 units, in nats. */
  public static final double MERGE_PMI = 2.5;
  /** Default merge threshold increase per extra unit, in nats. */
  public static final double MERGE_STEP = 4.0;
  /** Default saving a use of a 2-unit word must bring during re-estimation, in nats. */
  public static final double MIN_GAIN = 3.0;
  /** Default increase of {@link #MIN_GAIN} per extra unit, in nats. */
  public static final double GAIN_STEP = 2.0;
  /** Default {@link #isolated}: fragments cut out whole 25 times the min count. */
  public static final int ISOLATED = 25;
  /** Default {@link #glueGain}, in nats. */
  public static final double GLUE_GAIN = 1.25;
  /** Default {@link #numberGlue}: more than half the occurrences after a number. */
  public static final double NUMBER_GLUE = 0.5;
  /** Default {@link #suffixGlue}: the word is less used than its rest alone. */
  public static final double SUFFIX_GLUE = 0.5;

  /** The defaults of {@code ciku discover}, measured best on the SIGHAN protocol (see benchmarks/RESULTS.md). */
  public static final DiscoverOptions DEFAULT = new DiscoverOptions(4, 0, 2.0, 2.0, 0.5, 12, 1.0,
      2.5, 6.0, REESTIMATION, MERGE_PMI, MERGE_STEP, MIN_GAIN, GAIN_STEP, ISOLATED,
      GLUE_GAIN, NUMBER_GLUE, SUFFIX_GLUE);

  /**
   * Settings without re-estimation, the {@link #isolated} rule, {@link #glueGain},
   * {@link #numberGlue} and {@link #suffixGlue}, as {@code ciku domain} uses them (its term lists were measured so; its
   * own term filter drops numbers).
   */
  public DiscoverOptions(int order, long minCount, double pmiBase, double pmiStep,
      double minEntropy, int maxLength, double pairPmi, double pairEntropy, double redundancy) {
    this(order, minCount, pmiBase, pmiStep, minEntropy, maxLength, pairPmi, pairEntropy,
        redundancy, 0, MERGE_PMI, MERGE_STEP, MIN_GAIN, GAIN_STEP, 0, 0, 1, 0);
  }

  /** Checks every setting; messages name the command-line option of each. */
  public DiscoverOptions {
    Params.between("--order", order, 3, 6);
    Params.atLeast("--min-count", minCount, 0);
    Params.finite("--min-pmi", pmiBase);
    Params.finite("--pmi-step", pmiStep);
    Params.nonNegative("--min-entropy", minEntropy);
    Params.between("--max-length", maxLength, 2, 64);
    Params.finite("--pair-pmi", pairPmi);
    Params.nonNegative("--pair-entropy", pairEntropy);
    Params.nonNegative("--redundancy", redundancy);
    Params.between("--reestimate", reestimation, 0, 10);
    Params.finite("--merge-pmi", mergePmi);
    Params.finite("--merge-step", mergeStep);
    Params.nonNegative("--min-gain", minGain);
    Params.nonNegative("--gain-step", gainStep);
    Params.between("--isolated", isolated, 0, 1_000_000);
    Params.nonNegative("--glue-gain", glueGain);
    Params.share("--number-glue", numberGlue);
    Params.share("--suffix-glue", suffixGlue);
  }

  /** Cohesion threshold for a gram of {@code n} units. */
  public double pmiThreshold(int n) {
    return pmiBase + pmiStep * (n - 2);
  }
}
