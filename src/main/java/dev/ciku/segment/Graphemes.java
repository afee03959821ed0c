package dev.ciku.segment;

import dev.ciku.corpus.UnitPolicy;

/**
 * The parts of Unicode's extended grapheme clusters (UAX #29) that a segmenter must not cut:
 * combining marks, variation selectors, emoji skin-tone modifiers and tag characters attach to the
 * character before them, a zero-width joiner glues the characters on both sides (👨‍👩‍👧), and two
 * regional indicators make one flag (🇨🇳). So an emoji, an accented letter written with a combining
 * accent or a Han character with an ideographic variation selector stays one token.
 *
 * <p>Static, allocation-free, thread-safe.
 */
final class Graphemes {
  static final char ZWJ = '\u200D';

  private Graphemes() {}

  /** True for a code point that attaches to the character before it. */
  static boolean isExtender(int cp) {
    if (cp < 0x0300 || (cp >= 0x4E00 && cp <= 0x9FFF)) {
      return false; // Latin-1 and the CJK unified ideographs hold no extender: most text stops here
    }
    if ((cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0x1F3FB && cp <= 0x1F3FF)
        || (cp >= 0xE0020 && cp <= 0xE007F) || (cp >= 0xE0100 && cp <= 0xE01EF)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }

  /** True for a regional indicator symbol (half of a flag). */
  static boolean isRegionalIndicator(int cp) {
    return cp >= 0x1F1E6 && cp <= 0x1F1FF;
  }

  /**
   * The end of the cluster whose base character ends at {@code i}: {@code i} moved over the
   * extenders that follow and over each zero-width joiner with the character after it (and that
   * character's extenders). Never beyond {@code to}; a lone surrogate is not read as part of a
   * pair.
   */
  static int clusterEnd(char[] text, int i, int to) {
    while (i < to) {
      int cp = codePointAt(text, i, to);
      if (cp == ZWJ && i + 1 < to && !Character.isWhitespace(codePointAt(text, i + 1, to))) {
        i += 1;
        i += Character.charCount(codePointAt(text, i, to));
      } else if (isExtender(cp) || UnitPolicy.isInvisible(cp)) {
        // Invisible code points (a zero-width space between two characters of a word) stay with
        // the character before them, as counting skips them.
        i += Character.charCount(cp);
      } else {
        break;
      }
    }
    return i;
  }

  /** The code point at {@code i}, a lone surrogate as itself. */
  static int codePointAt(char[] text, int i, int to) {
    char c = text[i];
    if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text[i + 1])) {
      return Character.toCodePoint(c, text[i + 1]);
    }
    return c;
  }
}
