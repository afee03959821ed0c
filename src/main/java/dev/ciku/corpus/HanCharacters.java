package dev.ciku.corpus;

import it.unimi.dsi.fastutil.ints.IntAVLTreeSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * A set of Han characters, with traditional forms counted as their simplified ones (這 as 这):
 * the one-character Han entries of a word list of {@code dict/} ({@code stopwords.txt} for
 * {@link FunctionWords}, {@code measure-words.txt} for the measure words of
 * {@code ciku discover --number-glue}).
 *
 * <p>Immutable; thread-safe. {@link #contains} costs one binary search.
 */
public final class HanCharacters {
  private final int[] sorted;
  private final Simplified simplified = Simplified.bundled();

  private HanCharacters(int[] sorted) {
    this.sorted = sorted;
  }

  /** The Han characters of {@code characters} (tests; "" for none). */
  public static HanCharacters of(String characters) {
    Simplified simplified = Simplified.bundled();
    int[] cps = characters.codePoints().filter(UnitPolicy::isHan).map(simplified::codePoint)
        .sorted().distinct().toArray();
    return new HanCharacters(cps);
  }

  /**
   * The one-character Han entries of the word list {@code name} of {@code dict/} (beside the jar,
   * else the bundled one; {@link Fields#word} of each line). An unreadable list throws
   * {@link UncheckedIOException}; a missing one {@link IllegalStateException}.
   */
  public static HanCharacters load(String name) {
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
    return new HanCharacters(chars.toIntArray());
  }

  /** Whether the unit with id {@code unit} (a code point, or a Latin unit) is in the set. */
  public boolean contains(int unit) {
    return !UnitTable.isLatinId(unit)
        && Arrays.binarySearch(sorted, simplified.codePoint(unit)) >= 0;
  }

  /** Number of characters. */
  public int size() {
    return sorted.length;
  }
}
