package dev.ciku.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A slow, independent restatement of the unit policy for tests: drop invisible code points,
 * blank out URLs and character references, drop combining marks that follow no Latin character,
 * normalise the whole string, then find Han characters and Latin runs with a regular expression.
 * Anything else splits clauses.
 */
final class ReferenceUnits {
  private static final String LATIN = "[A-Za-z0-9\\u00C0-\\u024F&&[^\\u00D7\\u00F7]]";
  /**
   * A combining mark of the BMP but the emoji keycap U+20E3 (a symbol); only those kept by
   * {@link #dropMarks} reach the pattern.
   */
  private static final String MARK = "[\\p{Mn}\\p{Me}&&[\\x{0}-\\x{FFFF}]&&[^\\u20E3]]";
  private static final String LATIN_OR_MARK = "(?:" + LATIN + "|" + MARK + ")";
  private static final Pattern TOKEN = Pattern.compile(
      "(" + LATIN + LATIN_OR_MARK + "*(?:[-.]" + LATIN + LATIN_OR_MARK + "*)*)"
          + "|([\\u3007\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF"
          + "\\x{20000}-\\x{2FA1F}\\x{30000}-\\x{323AF}])");

  private static final Pattern LATIN_CHAR = Pattern.compile(LATIN);
  private static final Pattern MARK_CHAR = Pattern.compile(MARK);
  /** Invisible code points, written out rather than taken from {@link UnitPolicy}. */
  private static final Pattern INVISIBLE = Pattern.compile(
      "[\\u00AD\\u200B-\\u200D\\u2060\\uFE00-\\uFE0F\\uFEFF\\x{E0100}-\\x{E01EF}]");
  private static final String[] SCHEMES = {"https", "http", "ftp"};

  private ReferenceUnits() {}

  private static boolean latin(int cp) {
    return LATIN_CHAR.matcher(new String(Character.toChars(cp))).matches();
  }

  private static int normal(int cp) {
    return cp >= 0xFF01 && cp <= 0xFF5E ? cp - 0xFEE0 : cp == 0x3000 ? ' ' : cp;
  }

  /** Finds a span to blank out: its end when one starts at {@code i}, else -1. */
  private interface Span {
    int end(int[] raw, int i);
  }

  /** {@code raw} with every span {@code span} finds replaced by one space, left to right. */
  private static int[] blank(int[] raw, Span span) {
    int n = raw.length;
    int[] out = new int[n];
    int k = 0;
    int i = 0;
    while (i < n) {
      int end = span.end(raw, i);
      if (end < 0) {
        out[k++] = raw[i++];
      } else {
        out[k++] = ' ';
        i = end;
      }
    }
    return java.util.Arrays.copyOf(out, k);
  }

  /**
   * {@code raw} with every HTML character reference replaced by one space: ASCII '&', an optional
   * ASCII '#', a Latin run (with joiners, compared after normalisation) of at most
   * {@link UnitPolicy#MAX_ENTITY_LENGTH} characters, ASCII ';'. Right after {@code &amp;} a
   * reference may start without its '&' (twice-escaped text, {@code &amp;quot;}).
   */
  static int[] blankEntities(int[] raw) {
    boolean[] afterAmp = {false};
    return blank(raw, (r, i) -> {
      int n = r.length;
      boolean after = afterAmp[0];
      afterAmp[0] = false;
      if (r[i] != '&' && !after) {
        return -1;
      }
      int j = r[i] == '&' ? i + 1 : i;
      if (j < n && r[j] == '#') {
        j++;
      }
      int start = j;
      boolean needLatin = true; // LATIN+ ([-.] LATIN+)*
      while (j < n) {
        int c = normal(r[j]);
        if (latin(c)) {
          needLatin = false;
        } else if ((c == '-' || c == '.') && !needLatin) {
          needLatin = true;
        } else {
          break;
        }
        j++;
      }
      if (j == start || needLatin || j - start > UnitPolicy.MAX_ENTITY_LENGTH || j >= n
          || r[j] != ';') {
        return -1;
      }
      StringBuilder name = new StringBuilder();
      for (int q = start; q < j; q++) {
        name.appendCodePoint(Character.toLowerCase(normal(r[q])));
      }
      afterAmp[0] = name.toString().equals("amp");
      return j + 1;
    });
  }

  /**
   * {@code raw} with every URL replaced by one space: a scheme (letters compared after
   * normalisation, in any case) that does not continue a Latin run (directly or over one joiner),
   * then ASCII ':', then every printable ASCII code point (at least one) up to the first other.
   */
  static int[] blankUrls(int[] raw) {
    return blank(raw, (r, i) -> {
      int n = r.length;
      // Combining marks before the scheme either continue a Latin run or are dropped: look past
      // them.
      int p = beforeMarks(r, i - 1);
      int q = p < 0 ? -1 : beforeMarks(r, p - 1);
      boolean free = p < 0 || (!latin(normal(r[p]))
          && !((normal(r[p]) == '-' || normal(r[p]) == '.') && q >= 0 && latin(normal(r[q]))));
      for (String scheme : SCHEMES) {
        int m = scheme.length();
        if (!free || i + m + 2 > n) {
          continue;
        }
        boolean match = true;
        for (int j = 0; j < m && match; j++) {
          match = Character.toLowerCase(normal(r[i + j])) == scheme.charAt(j);
        }
        if (match && r[i + m] == ':' && r[i + m + 1] > 0x20 && r[i + m + 1] < 0x7F) {
          int end = i + m + 2;
          while (end < n && r[end] > 0x20 && r[end] < 0x7F) {
            end++;
          }
          return end;
        }
      }
      return -1;
    });
  }

  private static boolean matches(Pattern p, int cp) {
    return p.matcher(new String(Character.toChars(cp))).matches();
  }

  /**
   * {@code raw} without the combining marks that do not follow a Latin character or a mark kept
   * before them (compared after normalisation).
   */
  static int[] dropMarks(int[] raw) {
    int[] out = new int[raw.length];
    int k = 0;
    boolean afterLatin = false;
    for (int cp : raw) {
      boolean mark = matches(MARK_CHAR, cp);
      if (mark && !afterLatin) {
        continue;
      }
      out[k++] = cp;
      afterLatin = mark || latin(normal(cp));
    }
    return java.util.Arrays.copyOf(out, k);
  }

  /** The index of the last code point at or before {@code i} that is not a mark, or -1. */
  private static int beforeMarks(int[] r, int i) {
    while (i >= 0 && matches(MARK_CHAR, r[i])) {
      i--;
    }
    return i;
  }

  /** The clauses of {@code text}, each a list of unit strings. */
  static List<List<String>> clauses(String text, boolean lowercase) {
    int[] visible = text.codePoints().filter(cp -> !matches(INVISIBLE, cp)).toArray();
    StringBuilder norm = new StringBuilder();
    for (int cp : dropMarks(blankEntities(blankUrls(visible)))) {
      norm.appendCodePoint(normal(cp));
    }
    List<List<String>> out = new ArrayList<>();
    List<String> current = new ArrayList<>();
    Matcher m = TOKEN.matcher(norm);
    int last = 0;
    while (m.find()) {
      boolean gap = m.start() > last;
      String unit = m.group();
      boolean tooLong = m.group(1) != null && unit.length() > UnitPolicy.MAX_LATIN_LENGTH;
      if ((gap || tooLong) && !current.isEmpty()) {
        out.add(current);
        current = new ArrayList<>();
      }
      if (!tooLong) {
        if (m.group(1) != null && lowercase) {
          StringBuilder sb = new StringBuilder();
          unit.codePoints().forEach(c -> sb.appendCodePoint(Character.toLowerCase(c)));
          unit = sb.toString();
        }
        current.add(unit);
      }
      last = m.end();
    }
    if (!current.isEmpty()) {
      out.add(current);
    }
    return out;
  }
}
