package dev.ciku.corpus;

import it.unimi.dsi.fastutil.ints.IntAVLTreeSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

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
  private final int[] sorted;
  private final Simplified simplified = Simplified.bundled();

  private FunctionWords(int[] sorted) {
    this.sorted = sorted;
  }

  private static final LoadOnce<FunctionWords> BUNDLED = new LoadOnce<>(FunctionWords::load);

  /**
   * The one-character Han stopwords of the bundled list (loaded once per JVM); an unreadable list
   * throws {@link UncheckedIOException} (and is read again on the next call).
   */
  public static FunctionWords bundled() {
    return BUNDLED.get();
  }

  /** The Han characters of {@code characters} as function words (tests; "" for none). */
  public static FunctionWords of(String characters) {
    int[] cps = characters.codePoints().map(Simplified.bundled()::codePoint).sorted().distinct()
        .toArray();
    return new FunctionWords(cps);
  }

  /** Whether the unit with id {@code unit} (a code point, or a Latin unit) is a function word. */
  public boolean contains(int unit) {
    return !UnitTable.isLatinId(unit)
        && Arrays.binarySearch(sorted, simplified.codePoint(unit)) >= 0;
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
    return sorted.length;
  }

  private static FunctionWords load() {
    String name = "dict/stopwords.txt";
    Simplified simplified = Simplified.bundled();
    IntAVLTreeSet chars = new IntAVLTreeSet();
    try (InputStream in = BundledData.open(name)) {
      if (in == null) {
        throw new IllegalStateException("the bundled data file " + name + " is missing");
      }
      try (TextLines lines = TextLines.of(in, name, m -> { })) {
        String line;
        while ((line = lines.readLine()) != null) {
          String word = Fields.word(line);
          if (word != null && word.codePointCount(0, word.length()) == 1
              && UnitPolicy.isHan(word.codePointAt(0))) {
            chars.add(simplified.codePoint(word.codePointAt(0)));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled data file " + name, e);
    }
    return new FunctionWords(chars.toIntArray());
  }
}
