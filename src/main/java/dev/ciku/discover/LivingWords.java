package dev.ciku.discover;

import dev.ciku.count.GramIndex;
import dev.ciku.count.Grams;

/**
 * The living words of a list, looked up by their units, for the tests on the final list
 * ({@link NumberGlue#glued}, {@link SuffixGlue#phrases}) that ask whether a part of a word is a
 * word itself. Word {@code i} is living while {@code alive[i]} is true: the array is shared, not
 * copied, so the words one test takes out are no longer found by the next.
 *
 * <p>Cost: one gram-index entry a word of up to 6 units living when made (longer words are never
 * found); a look-up is one hash probe. Not thread-safe while {@code alive} changes.
 */
final class LivingWords {
  private final GramIndex byUnits;
  private final boolean[] alive;

  private LivingWords(GramIndex byUnits, boolean[] alive) {
    this.byUnits = byUnits;
    this.alive = alive;
  }

  /**
   * The words {@code words[i]}, {@code i < alive.length} (distinct unit strings; later entries of
   * {@code words} are ignored), for which {@code alive[i]}; the array is read again at each
   * look-up.
   */
  static LivingWords of(int[][] words, boolean[] alive) {
    GramIndex byUnits = new GramIndex(alive.length + 16);
    for (int i = 0; i < alive.length; i++) {
      int n = alive[i] ? words[i].length : 0;
      if (alive[i] && n <= Grams.MAX_ORDER) {
        byUnits.accept(Grams.hi(words[i], 0, n), Grams.lo(words[i], 0, n), i + 1);
      }
    }
    return new LivingWords(byUnits, alive);
  }

  /** Number of words of the list, living or not. */
  int size() {
    return alive.length;
  }

  /** Whether word {@code i} is living. */
  boolean isAlive(int i) {
    return alive[i];
  }

  /**
   * The number of the living word {@code w[from..to)}, or -1 if it is no word, no longer
   * living, or longer than 6 units.
   */
  int find(int[] w, int from, int to) {
    int n = to - from;
    int i = n <= Grams.MAX_ORDER ? (int) byUnits.get(w, from, n) - 1 : -1;
    return i >= 0 && alive[i] ? i : -1;
  }
}
