package dev.ciku.corpus;

/**
 * The one-character function words of Chinese (的 了 着 是 在 这 很 都 他 ...): the Han entries
 * of one character of ciku's bundled stopword list ({@code dict/stopwords.txt}). A candidate
 * word with one of them at exactly one end (他说, 这一, 很大, 党的, 买了) is usually a phrase of free
 * tokens rather than a word, so the gain tests of {@code ciku discover} and {@code ciku vocab}
 * ask it for more evidence ({@code --glue-gain}). Traditional forms count as their simplified
 * ones (這 as 这).
 *
 * <p>Immutable; thread-safe. {@link #contains} costs one binary search over about 70 entries.
 */
public final class FunctionWords {
  private final HanCharacters characters;

  private FunctionWords(HanCharacters characters) {
    this.characters = characters;
  }

  /** The bundled list, whose one-character lines are the function words. */
  public static final String FILE = "dict/stopwords.txt";

  private static final LoadOnce<FunctionWords> BUNDLED =
      new LoadOnce<>(() -> new FunctionWords(HanCharacters.load(FILE)));

  /**
   * The one-character Han stopwords of the bundled list (loaded once per JVM); an unreadable list
   * throws {@link java.io.UncheckedIOException} (and is read again on the next call).
   */
  public static FunctionWords bundled() {
    return BUNDLED.get();
  }

  /** The Han characters of {@code characters} as function words (tests; "" for none). */
  public static FunctionWords of(String characters) {
    return new FunctionWords(HanCharacters.of(characters));
  }

  /** Whether the unit with id {@code unit} (a code point, or a Latin unit) is a function word. */
  public boolean contains(int unit) {
    return characters.contains(unit);
  }

  /**
   * The function word that a word of units {@code units[0..n)} has at exactly one of its ends
   * (这一, 买了), or -1: none at either end, or one at both (以及, 但是, 由于 are compound
   * function words, not a function word glued to another word).
   */
  public int edge(int[] units, int n) {
    if (n < 2) {
      return -1;
    }
    boolean first = contains(units[0]);
    boolean last = contains(units[n - 1]);
    if (first == last) {
      return -1;
    }
    return first ? units[0] : units[n - 1];
  }

  /** Number of function words. */
  public int size() {
    return characters.size();
  }
}
