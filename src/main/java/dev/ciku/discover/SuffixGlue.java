package dev.ciku.discover;

import dev.ciku.corpus.HanCharacters;
import dev.ciku.corpus.LoadOnce;
import dev.ciku.corpus.Params;

/**
 * Phrase suffixes glued to a word ({@code --suffix-glue}): localisers and reporting verbs attach
 * to a whole word or phrase from the right (车间里, 框架下, 会谈后, 考察时, 警方称, 报道说), and
 * when a word often comes before the same one, the cut pass isolates the pair and it passes
 * cohesion, entropy and the gain test as a word. PKU and MSR segment them as two words
 * (车间 里, 会谈 后).
 *
 * <p>The test ({@link #isGlue}): a word of 3 or more units whose last unit is a phrase suffix
 * (the one-character Han entries of {@code dict/phrase-suffixes.txt}: 上 下 里 内 外 前 后 中 时
 * 称 说), whose rest (all but the last unit) is a word of the list, and which stands for fewer
 * than {@code share} of the rest's occurrences, with the suffix or without: the rest is mostly a
 * word on its own, and the suffix one of its many right neighbours. (With counts by use, as
 * after re-estimation, the rest's occurrences are its uses and the word's; with n-gram counts,
 * the rest's count holds the word's already.) A word whose rest rarely stands
 * alone (马德里, 过程中 in a legal corpus) stays.
 *
 * <p>Immutable; thread-safe.
 */
final class SuffixGlue {
  /** The bundled list of phrase suffixes. */
  static final String FILE = "dict/phrase-suffixes.txt";

  private static final LoadOnce<HanCharacters> BUNDLED =
      new LoadOnce<>(() -> HanCharacters.load(FILE));

  private final double share;
  private final HanCharacters suffixes;

  private SuffixGlue(double share, HanCharacters suffixes) {
    this.share = share;
    this.suffixes = suffixes;
  }

  /**
   * The suffixes of {@code dict/phrase-suffixes.txt} (read once per JVM) if {@code share}
   * switches the test on, else none; an unreadable list throws
   * {@link java.io.UncheckedIOException}. Read before the corpus is counted, so that it fails
   * early.
   */
  static HanCharacters suffixes(double share) {
    return share > 0 ? BUNDLED.get() : HanCharacters.of("");
  }

  /**
   * The test with the given share ({@code --suffix-glue}; 0 switches it off) and suffixes.
   *
   * @throws IllegalArgumentException if {@code share} is not in [0, 1]
   */
  static SuffixGlue of(double share, HanCharacters suffixes) {
    return new SuffixGlue(Params.share("--suffix-glue", share), suffixes);
  }

  /** Whether the test runs ({@code share > 0}). */
  boolean enabled() {
    return share > 0;
  }

  /** The share of the uses below which a word is glue. */
  double share() {
    return share;
  }

  /** Whether the word {@code u} may be glue: 3 or more units, the last a phrase suffix. */
  boolean endsInSuffix(int[] u) {
    return enabled() && u.length >= 3 && suffixes.contains(u[u.length - 1]);
  }

  /**
   * Whether the word {@code u}, seen {@code count} times, is its rest glued to a phrase suffix:
   * it {@link #endsInSuffix}, its rest is a word seen {@code restCount} times in all (with the
   * suffix or without; 0 if the rest is no word), and {@code count < share · restCount}.
   */
  boolean isGlue(int[] u, long count, long restCount) {
    return endsInSuffix(u) && restCount > 0 && count < share * (double) restCount;
  }

  /**
   * The test on a final list, after re-estimation and the measure-word test: a living word that
   * {@link #endsInSuffix} and whose rest (of up to 6 units) is a living word seen often enough
   * on its own is a phrase ({@link #isGlue}). Returns which words are, and puts the count of
   * each tested word's rest, with the suffix or without, in {@code restCounts}. {@code byUse}:
   * the counts are uses of the cut corpus (a word's are not its rest's), not n-gram counts (a
   * store alone: its rest's count holds the word's). Every word is judged against the same
   * living words, so the order of the list does not matter.
   */
  boolean[] phrases(int[][] words, long[] counts, LivingWords living, boolean byUse,
      long[] restCounts) {
    boolean[] phrases = new boolean[living.size()];
    for (int i = 0; i < living.size(); i++) {
      int[] w = words[i];
      if (living.isAlive(i) && endsInSuffix(w)) {
        int rest = living.find(w, 0, w.length - 1);
        restCounts[i] = rest < 0 ? 0 : counts[rest] + (byUse ? counts[i] : 0);
        phrases[i] = isGlue(w, counts[i], restCounts[i]);
      }
    }
    return phrases;
  }
}
