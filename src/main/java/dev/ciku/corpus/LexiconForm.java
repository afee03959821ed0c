package dev.ciku.corpus;

/**
 * The form in which a word is compared with the words of a lexicon ({@code discover --known},
 * {@code --new-only}, {@code eval words --fold}): traditional characters folded to simplified
 * ones ({@link Simplified}), so a simplified lexicon knows the words of a traditional text and
 * the other way round; full-width ASCII made half-width, and Latin letters lower-cased when asked
 * ({@link UnitPolicy#normalizeText}); and 著 as 着 in a word of two or more characters: the
 * character table keeps 著, a simplified character too (著名), but traditional text writes the
 * particle 着 so (隨著, 朝著 are 随着, 朝着). Alone, 著 stays itself: not the stopword 着, so 原著
 * is no function-word glue.
 *
 * <p>Cost: O(length), and no copy when nothing changes; the first call loads the bundled
 * character table. Stateless; thread-safe.
 */
public final class LexiconForm {
  private LexiconForm() {}

  /** The compared form of {@code word}; {@code lowercase}: Latin letters lower-cased too. */
  public static String of(String word, boolean lowercase) {
    String k = UnitPolicy.normalizeText(Simplified.bundled().fold(word), lowercase);
    return k.length() > 1 && k.indexOf('著') >= 0 ? k.replace('著', '着') : k;
  }
}
