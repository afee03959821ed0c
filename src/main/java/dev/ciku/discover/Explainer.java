package dev.ciku.discover;

import dev.ciku.corpus.UnitPolicy;
import dev.ciku.corpus.UnitTable;
import dev.ciku.count.GramIndex;
import dev.ciku.count.GramSource;
import dev.ciku.count.Grams;
import dev.ciku.discover.Explanation.Stage;
import dev.ciku.score.BoundaryEntropyPass;
import dev.ciku.score.Cohesion;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import dev.ciku.count.SequenceTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Follows the strings a user asks about through one run of {@link WordDiscoverer} and says, for
 * each, which stage dropped it and on what figures ({@code ciku discover --explain}). The
 * discoverer hands it each stage's result as the stage ends; nothing is recorded for the other
 * strings, so a normal run does not pay for it.
 *
 * <p>Cost: one more read of the grams below the min count (their exact counts) and one more
 * boundary-entropy pass, both for the asked strings only; a scan of the candidate list. Not
 * thread-safe; one run per instance.
 */
final class Explainer {
  private final List<String> asked;
  private final DiscoverOptions options;
  private final GainBar gainBar;
  private final int size;
  private UnitTable unitTable;
  private GramIndex index;
  private int order;
  private long minCount;
  private double lnN;
  private int[][] units;
  private long[] ngram;
  private GramIndex g;
  private int gMax;
  private boolean cutRan;
  private long[] fragments;
  private final int[] candidate;
  /** For each string asked, the first one with the same units (itself if none before). */
  private final int[] slot;
  /** The first string asked for each string of units, by {@link CutFragments#key}. */
  private final Object2IntOpenHashMap<String> byKey = new Object2IntOpenHashMap<>();
  private boolean[] entropyPassed;
  private NumberGlue glue;
  private SuffixGlue suffixGlue;
  private boolean[] redundancyPassed;
  private Reestimation reestimation;
  private final double[] mergedLeft;
  private final double[] mergedRight;
  /** For a word the measure-word test dropped: its share after numbers (else NaN). */
  private final double[] glued;
  /** For a word the phrase-suffix test dropped: its count, and its rest's in all (else -1). */
  private final long[] suffixUses;
  private final long[] restUses;
  private List<DiscoveredWord> out;

  /**
   * @param asked the strings to explain, as the user wrote them
   * @param options the run's settings (the reasons quote their thresholds)
   * @param gainBar the run's gain test (the reasons quote its bar)
   */
  Explainer(List<String> asked, DiscoverOptions options, GainBar gainBar) {
    this.asked = List.copyOf(asked);
    this.options = options;
    this.gainBar = gainBar;
    this.size = asked.size();
    this.candidate = new int[size];
    Arrays.fill(candidate, -1);
    this.slot = new int[size];
    for (int q = 0; q < size; q++) {
      slot[q] = q;
    }
    byKey.defaultReturnValue(-1);
    this.mergedLeft = filledNaN(size);
    this.mergedRight = filledNaN(size);
    this.glued = filledNaN(size);
    this.suffixUses = new long[size];
    this.restUses = new long[size];
    Arrays.fill(suffixUses, -1);
  }

  /**
   * Counting is done: resolves the strings to units and finds their exact n-gram counts (the
   * index holds the grams at or above the min count, {@code all} every gram seen twice or more).
   */
  void counted(UnitTable table, GramIndex gramIndex, GramSource all, int countedOrder,
      long min, double logN) {
    this.unitTable = table;
    this.index = gramIndex;
    this.order = countedOrder;
    this.minCount = min;
    this.lnN = logN;
    units = new int[size][];
    ngram = new long[size];
    Arrays.fill(ngram, -1);
    GramIndex wanted = new GramIndex(16);
    for (int q = 0; q < size; q++) {
      units[q] = table.toUnits(asked.get(q), false);
      int[] u = units[q];
      if (u == null || u.length == 0) {
        continue;
      }
      // Strings with the same units (asked twice, or in full and half width) share a slot.
      String k = CutFragments.key(u);
      if (!byKey.containsKey(k)) {
        byKey.put(k, q);
      }
      slot[q] = byKey.getInt(k);
      if (u.length > countedOrder || slot[q] != q) {
        continue;
      }
      long c = gramIndex.get(u, 0, u.length);
      if (c > 0) {
        ngram[q] = c;
      } else {
        wanted.accept(Grams.hi(u, 0, u.length), Grams.lo(u, 0, u.length), q + 1);
      }
    }
    if (wanted.size() > 0) {
      all.forEach(0, 1, (hi, lo, c) -> {
        long q = wanted.get(hi, lo);
        if (q > 0) {
          ngram[(int) q - 1] = c;
        }
      });
    }
    for (int q = 0; q < size; q++) {
      ngram[q] = ngram[slot[q]];
    }
  }

  /**
   * The cut pass is done (or did not run: a store without a corpus), and pairs below the cut
   * threshold were admitted into {@code shortFragments}.
   */
  void cut(GramIndex cohesive, int cohesiveMax, boolean ran, GramIndex shortFragments,
      SequenceTable longFragments) {
    this.g = cohesive;
    this.gMax = cohesiveMax;
    this.cutRan = ran;
    fragments = new long[size];
    Arrays.fill(fragments, -1);
    for (int q = 0; q < size; q++) {
      int[] u = units[q];
      if (!ran || u == null || u.length < 2) {
        continue;
      }
      fragments[q] = u.length <= Grams.MAX_ORDER ? shortFragments.get(u, 0, u.length)
          : longFragments.get(u, 0, u.length);
    }
  }

  /** The candidates and which of them passed the entropy bars. */
  void candidates(int[][] cands, boolean[] alive) {
    for (int i = 0; i < cands.length; i++) {
      int q = byKey.getInt(CutFragments.key(cands[i]));
      if (q >= 0) {
        candidate[q] = i;
      }
    }
    for (int q = 0; q < size; q++) {
      candidate[q] = candidate[slot[q]];
    }
    entropyPassed = alive.clone();
  }

  /** De-redundancy is done: which candidates are still alive. */
  void deRedundant(boolean[] alive) {
    redundancyPassed = alive.clone();
  }

  /** Re-estimation ran; {@code r} can say what it did with each word. */
  void reestimated(Reestimation r) {
    this.reestimation = r;
  }

  /**
   * The measure-word test ran on the final words: {@code dropped} marks those it dropped,
   * {@code shares} their shares after numbers.
   */
  void glued(int[][] words, boolean[] dropped, double[] shares, NumberGlue test) {
    this.glue = test;
    forAsked(words, dropped, (q, i) -> glued[q] = shares[i]);
  }

  /**
   * The phrase-suffix test ran on the final words: {@code dropped} marks those it dropped,
   * {@code uses} their counts and {@code rests} their rests' counts, with the suffix or without.
   */
  void suffixed(int[][] words, boolean[] dropped, long[] uses, long[] rests, SuffixGlue test) {
    this.suffixGlue = test;
    forAsked(words, dropped, (q, i) -> {
      suffixUses[q] = uses[i];
      restUses[q] = rests[i];
    });
  }

  /** What to note for the string asked {@code q}, which is word {@code i} of a list. */
  private interface AskedWord {
    void note(int q, int i);
  }

  /** Calls {@code action} for each word of {@code words} marked in {@code marked} and asked. */
  private void forAsked(int[][] words, boolean[] marked, AskedWord action) {
    for (int i = 0; i < marked.length; i++) {
      if (marked[i]) {
        int q = byKey.getInt(CutFragments.key(words[i]));
        if (q >= 0) {
          action.note(q, i);
        }
      }
    }
  }

  /** A word made by merging was dropped for its boundary entropies. */
  void mergedBelowEntropy(int[] word, double left, double right) {
    int q = byKey.getInt(CutFragments.key(word));
    if (q >= 0) {
      mergedLeft[q] = left;
      mergedRight[q] = right;
    }
  }

  /**
   * The explanations, in the order asked.
   *
   * @param words the word list, best first
   * @param entropies computes boundary entropies (one pass over the grams)
   */
  List<Explanation> finish(List<DiscoveredWord> words, BoundaryEntropyPass entropies) {
    this.out = words;
    Object2IntOpenHashMap<String> rank = new Object2IntOpenHashMap<>();
    rank.defaultReturnValue(-1);
    for (int i = 0; i < words.size(); i++) {
      rank.put(words.get(i).word(), i);
    }
    List<int[]> measurable = new ArrayList<>();
    for (int[] u : units) {
      if (measurable(u)) {
        measurable.add(u);
      }
    }
    int[][] ws = measurable.toArray(new int[0][]);
    double[] hl = new double[ws.length];
    double[] hr = new double[ws.length];
    if (ws.length > 0) {
      entropies.of(ws, hl, hr);
    }
    for (int q = 0; q < size; q++) {
      mergedLeft[q] = mergedLeft[slot[q]];
      mergedRight[q] = mergedRight[slot[q]];
      glued[q] = glued[slot[q]];
      suffixUses[q] = suffixUses[slot[q]];
      restUses[q] = restUses[slot[q]];
    }
    List<Explanation> result = new ArrayList<>(size);
    int m = 0;
    for (int q = 0; q < size; q++) {
      int[] u = units[q];
      double left = Double.NaN;
      double right = Double.NaN;
      if (measurable(u)) {
        // A string seen once at most has no neighbours on record.
        boolean unseen = u.length <= order && ngram[q] < 0;
        left = unseen ? Double.NaN : hl[m];
        right = unseen ? Double.NaN : hr[m];
        m++;
      }
      result.add(explain(q, u, left, right, rank));
    }
    return result;
  }

  /** Strings whose boundary entropies are reported: words of 2+ units and Latin units. */
  private boolean measurable(int[] u) {
    return u != null && u.length > 0 && u.length <= options.maxLength()
        && (u.length >= 2 || UnitTable.isLatinId(u[0]));
  }

  private Explanation explain(int q, int[] u, double left, double right,
      Object2IntOpenHashMap<String> rank) {
    String word = asked.get(q);
    if (u == null || u.length == 0) {
      return row(q, Stage.INPUT, Double.NaN, left, right, -1, 0, inputProblem(word));
    }
    StringBuilder text = new StringBuilder();
    for (int id : u) {
      unitTable.append(text, id);
    }
    double coh = cohesion(u);
    int at = rank.getInt(text.toString());
    if (at >= 0) {
      DiscoveredWord d = out.get(at);
      return row(q, Stage.KEPT, d.cohesion(), d.leftEntropy(), d.rightEntropy(), at, d.count(),
          keptReason(u));
    }
    int n = u.length;
    if (n == 1 && !UnitTable.isLatinId(u[0])) {
      return row(q, Stage.INPUT, coh, left, right, -1, 0, "a single character is never a word");
    }
    if (n == 1 && candidate[q] < 0) {
      if (ngram[q] < minCount) {
        return row(q, Stage.COUNT, coh, left, right, -1, 0, seen(q));
      }
      return row(q, Stage.INPUT, coh, left, right, -1, 0,
          "a Latin/digit unit is a word only if it has a letter and two or more characters");
    }
    if (n > options.maxLength()) {
      return row(q, Stage.INPUT, coh, left, right, -1, 0,
          "longer than --max-length " + options.maxLength());
    }
    Reestimation.Fate fate = reestimation == null ? null : reestimation.fate(u);
    int c = candidate[q];
    if (c < 0 && fate != null && fate.merged()) {
      return afterMerge(q, coh, left, right, fate);
    }
    if (c < 0) {
      return notCandidate(q, u, coh, left, right);
    }
    if (!entropyPassed[c]) {
      return row(q, Stage.ENTROPY, coh, left, right, -1, 0, entropyProblem(left, right));
    }
    if (!redundancyPassed[c]) {
      return row(q, Stage.REDUNDANCY, coh, left, right, -1, 0, String.format(Locale.ROOT,
          "de-redundancy: it saves less than --redundancy %s nats a unit beyond the first over"
              + " its best split into other words%s",
          num(options.redundancy()), cutRan ? ", so its count went to them" : ""));
    }
    if (fate != null && fate.drop() != Reestimation.Drop.NONE) {
      return dropped(q, coh, left, right, fate);
    }
    if (!Double.isNaN(glued[q])) {
      return row(q, Stage.NUMBER, coh, left, right, -1, 0, glueProblem(u, glued[q]));
    }
    if (suffixUses[q] >= 0) {
      return row(q, Stage.SUFFIX, coh, left, right, -1, 0, suffixProblem(u, q));
    }
    return row(q, Stage.KEPT, coh, left, right, -1, 0, "found but not in the list");
  }

  private String keptReason(int[] u) {
    Reestimation.Fate fate = reestimation == null ? null : reestimation.fate(u);
    String reason = fate != null && fate.merged()
        ? "kept: made in re-estimation by merging two adjacent words" : "kept";
    if (fate != null && !Double.isNaN(fate.gain())) {
      reason += String.format(Locale.ROOT, "; it saves %s nats a use over its best segmentation"
          + " into other words and single characters; the gain test asks %s", num(fate.gain()),
          gainBar.describe(u));
    }
    return reason;
  }

  private Explanation afterMerge(int q, double coh, double left, double right,
      Reestimation.Fate fate) {
    if (fate.drop() != Reestimation.Drop.NONE) {
      Explanation e = dropped(q, coh, left, right, fate);
      return e.with(e.stage(), e.reason() + "; it had been made by merging two adjacent words");
    }
    if (!Double.isNaN(glued[q])) {
      return row(q, Stage.NUMBER, coh, left, right, -1, 0, "made in re-estimation by merging two"
          + " adjacent words, but " + glueProblem(units[q], glued[q]));
    }
    if (suffixUses[q] >= 0) {
      return row(q, Stage.SUFFIX, coh, left, right, -1, 0, "made in re-estimation by merging two"
          + " adjacent words, but " + suffixProblem(units[q], q));
    }
    return row(q, Stage.ENTROPY, coh, mergedLeft[q], mergedRight[q], -1, 0, String.format(
        Locale.ROOT, "made in re-estimation by merging two adjacent words, but its boundary"
            + " entropies %s / %s nats are not both at least --min-entropy %s",
        num(mergedLeft[q]), num(mergedRight[q]), num(options.minEntropy())));
  }

  private Explanation dropped(int q, double coh, double left, double right,
      Reestimation.Fate fate) {
    if (fate.drop() == Reestimation.Drop.USE) {
      return row(q, Stage.USE, coh, left, right, -1, 0, String.format(Locale.ROOT,
          "re-estimation round %d: the segmentation used it %d times, fewer than the min count"
              + " %d", fate.round(), fate.uses(), minCount));
    }
    return row(q, Stage.GAIN, coh, left, right, -1, 0, String.format(Locale.ROOT,
        "re-estimation round %d: it saves %s nats a use over its best segmentation into other"
            + " words and single characters, below %s", fate.round(), num(fate.gain()),
        gainBar.describe(units[q])));
  }

  private Explanation notCandidate(int q, int[] u, double coh, double left, double right) {
    int n = u.length;
    if (n <= order && ngram[q] < minCount) {
      return row(q, Stage.COUNT, coh, left, right, -1, 0, seen(q));
    }
    int latin = 0;
    for (int id : u) {
      latin += UnitTable.isLatinId(id) ? 1 : 0;
    }
    if (latin > 1) {
      return row(q, Stage.COHESION, coh, left, right, -1, 0,
          "two or more Latin/digit units: an expression (a date, an amount), not a word");
    }
    if (!cutRan) {
      if (n > gMax) {
        return row(q, Stage.INPUT, coh, left, right, -1, 0, "without a corpus the candidates"
            + " are the store's cohesive grams, of up to " + gMax + " units");
      }
      return row(q, Stage.COHESION, coh, left, right, -1, 0, notCohesive(u, 0, n));
    }
    if (fragments[q] < minCount) {
      return row(q, Stage.CUT, coh, left, right, -1, 0, cutProblem(q, u));
    }
    double relaxed = Backtrack.relaxedBar(options, fragments[q], minCount);
    int i = Backtrack.failingWindow(u, n, g, gMax, relaxed, index, lnN);
    if (i >= 0) {
      int w = Math.min(n, gMax);
      String why = Double.isNaN(relaxed) ? notCohesive(u, i, w) : notCohesive(u, i, w, relaxed,
          String.format(Locale.ROOT, "--min-pmi %s: isolated %d times, at least --isolated %d"
              + " times the min count", num(options.pmiBase()), fragments[q],
              options.isolated()));
      return row(q, Stage.COHESION, coh, left, right, -1, 0, why);
    }
    return row(q, Stage.COHESION, coh, left, right, -1, 0, "not a candidate");
  }

  private String cutProblem(int q, int[] u) {
    String head = String.format(Locale.ROOT, "the cut pass isolated it %d times, fewer than the"
        + " min count %d: ", fragments[q], minCount);
    for (int gap = 1; gap < u.length; gap++) {
      if (!covered(u, gap)) {
        return head + "no cohesive gram inside it spans the gap " + text(u, 0, gap) + "|"
            + text(u, gap, u.length) + ", so it is cut there unless a gram with a neighbour"
            + " spans it";
      }
    }
    return head + "cohesive grams with its neighbours glue it to them, so it is mostly cut out"
        + " inside longer fragments";
  }

  /** Whether a G-gram inside {@code u} spans the gap before unit {@code gap}. */
  private boolean covered(int[] u, int gap) {
    for (int from = Math.max(0, gap - gMax + 1); from < gap; from++) {
      for (int len = gap - from + 1; len <= gMax && from + len <= u.length; len++) {
        if (g.get(u, from, len) != 0) {
          return true;
        }
      }
    }
    return false;
  }

  private String notCohesive(int[] u, int from, int n) {
    return notCohesive(u, from, n, options.pmiThreshold(n), String.format(Locale.ROOT,
        "--min-pmi %s + --pmi-step %s a unit beyond 2", num(options.pmiBase()),
        num(options.pmiStep())));
  }

  /** "its window X is not cohesive enough: P nats, below BAR (WHY)". */
  private String notCohesive(int[] u, int from, int n, double bar, String why) {
    long c = index.get(u, from, n);
    double pmi = c > 0 ? Cohesion.minSplitPmi(u, from, n, c, index, lnN)
        : Double.NaN;
    String which = from == 0 && n == u.length ? "it" : "its window " + text(u, from, from + n);
    return String.format(Locale.ROOT, "%s is not cohesive enough: %s nats, below %s (%s)", which,
        num(pmi), num(bar), why);
  }

  /** Why the phrase-suffix test dropped {@code u} (asked as string {@code q}). */
  private String suffixProblem(int[] u, int q) {
    long together = suffixUses[q];
    long all = restUses[q];
    return String.format(Locale.ROOT, "a phrase: the word %s is followed by the suffix %s in %d%%"
        + " of its occurrences (%,d of %,d), less than --suffix-glue %s",
        text(u, 0, u.length - 1), text(u, u.length - 1, u.length),
        (int) Math.floor(100.0 * together / all), together, all, num(suffixGlue.share()));
  }

  /**
   * Why the measure-word test dropped {@code u}: glue itself (its share after numbers), or it
   * ends in a number followed by glue.
   */
  private String glueProblem(int[] u, double share) {
    int p = glue.numberBeforeGlue(u);
    if (p >= 0) {
      return "it ends in a number followed by the measure-word glue " + text(u, p + 1, u.length)
          + " (--number-glue)";
    }
    return String.format(Locale.ROOT, "a measure word glued to the word %s: it follows a number"
        + " in %d%% of its occurrences, more than --number-glue %s", text(u, 1, u.length),
        (int) Math.floor(share * 100), num(glue.share()));
  }

  private String entropyProblem(double left, double right) {
    double min = Math.min(left, right);
    if (min < options.minEntropy()) {
      return String.format(Locale.ROOT, "its %s entropy %s nats is below --min-entropy %s",
          left <= right ? "left" : "right", num(min), num(options.minEntropy()));
    }
    return String.format(Locale.ROOT, "a pair the cut never isolates (or below --min-pmi %s) is"
        + " admitted with its n-gram count if its cohesion reaches --pair-pmi %s and both boundary"
        + " entropies reach --pair-entropy %s; its smaller entropy is %s", num(options.pmiBase()),
        num(options.pairPmi()), num(options.pairEntropy()), num(min));
  }

  private String seen(int q) {
    if (ngram[q] < 0) {
      return String.format(Locale.ROOT, "seen once at most; a word needs the min count %d",
          minCount);
    }
    return String.format(Locale.ROOT, "seen %d times, fewer than the min count %d", ngram[q],
        minCount);
  }

  private static String inputProblem(String word) {
    if (word.isEmpty()) {
      return "empty";
    }
    for (int i = 0; i < word.length(); ) {
      int cp = UnitPolicy.normalize(word.codePointAt(i));
      if (!UnitPolicy.isHan(cp) && !UnitPolicy.isLatin(cp) && !UnitPolicy.isLatinJoiner(cp)) {
        return "has a character that is neither Han nor a Latin letter or digit; words never do";
      }
      i += Character.charCount(word.codePointAt(i));
    }
    return "has a Latin/digit unit the corpus does not have";
  }

  /** Cohesion as the word list reports it, when every count it needs is exact. */
  private double cohesion(int[] u) {
    int n = u.length;
    if (n < 2) {
      return Double.NaN;
    }
    int w = Math.min(n, order);
    for (int i = 0; i + w <= n; i++) {
      if (index.get(u, i, w) < minCount) {
        return Double.NaN;
      }
    }
    return Cohesion.ofWord(u, index, lnN, order);
  }

  private Explanation row(int q, Stage stage, double coh, double left, double right, int at,
      long count, String reason) {
    return new Explanation(asked.get(q), stage, ngram[q], fragments == null ? -1 : fragments[q],
        count, coh, left, right, at, reason);
  }

  private String text(int[] u, int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to; i++) {
      unitTable.append(sb, u[i]);
    }
    return sb.toString();
  }

  private static String num(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static double[] filledNaN(int n) {
    double[] a = new double[n];
    Arrays.fill(a, Double.NaN);
    return a;
  }
}
