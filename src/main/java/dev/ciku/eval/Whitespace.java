package dev.ciku.eval;

/**
 * Whitespace as the independent scoring scripts see it (Python's {@code str.isspace}): Java's
 * whitespace, every space separator (U+00A0, U+2007, U+202F and U+3000 too), line and paragraph
 * separators, U+0085 and the information separators U+001C..U+001F. Stateless; thread-safe.
 */
final class Whitespace {
  private Whitespace() {}

  /** Whether {@code cp} is whitespace. */
  static boolean isSpace(int cp) {
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85
        || (cp >= 0x1C && cp <= 0x1F);
  }

  /**
   * The first whitespace-separated field of {@code s} ({@code s.split()[0]} in Python), or ""
   * if it holds none.
   */
  static String firstField(String s) {
    String t = strip(s);
    for (int i = 0; i < t.length(); ) {
      int cp = t.codePointAt(i);
      if (isSpace(cp)) {
        return t.substring(0, i);
      }
      i += Character.charCount(cp);
    }
    return t;
  }

  /** {@code s} without whitespace at either end, as Python's {@code str.strip()}. */
  static String strip(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && isSpace(s.codePointAt(from))) {
      from += Character.charCount(s.codePointAt(from));
    }
    while (to > from && isSpace(s.codePointBefore(to))) {
      to -= Character.charCount(s.codePointBefore(to));
    }
    return s.substring(from, to);
  }
}
