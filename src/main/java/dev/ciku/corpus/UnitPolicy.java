package dev.ciku.corpus;

/**
 * The one place that decides what a <em>unit</em> and a <em>clause</em> are. Every algorithm in
 * ciku counts over the units this policy produces, so changing it changes every result.
 *
 * <h2>Normalisation (applied to each code point before classification)</h2>
 * <ul>
 *   <li>Full-width ASCII forms U+FF01..U+FF5E become their half-width counterparts (Ａ→A, １→1).</li>
 *   <li>The ideographic space U+3000 becomes an ASCII space.</li>
 *   <li>Latin letters are compared without case by default: the {@link UnitTable} makes one
 *       unit of {@code CPU} and {@code cpu}, written in its most frequent form
 *       ({@link LatinCase}); {@code --lowercase} lower-cases them as they are read,
 *       {@code --keep-case} keeps them apart.</li>
 *   <li>Optionally, traditional Han characters are folded to simplified ones ({@code --simplify},
 *       {@link Simplified}); otherwise units keep their script, and only lexicon, vocabulary and
 *       reference look-ups compare folded forms.</li>
 * </ul>
 *
 * <h2>Units</h2>
 * <ul>
 *   <li>A <b>Han unit</b> is one Han code point: CJK Unified Ideographs and their extensions A..H,
 *       the CJK compatibility ideographs (BMP and supplement), and U+3007 〇 (used in dates).</li>
 *   <li>A <b>Latin unit</b> is a maximal run of ASCII letters and digits and Latin-script letters
 *       (é, ß); a single {@code -} or {@code .} between two such characters joins them, so
 *       {@code iPhone7}, {@code 5G}, {@code COVID-19}, {@code 3.5} and {@code 12306} are one unit
 *       each. A run longer than {@link #MAX_LATIN_LENGTH} characters (hashes, base64, URLs glued
 *       together) is not a word candidate: it is treated as a boundary.</li>
 * </ul>
 *
 * <h2>Invisible code points</h2>
 * Code points that change how text is drawn, not what it says, are skipped as if absent, so they
 * neither split a clause nor become part of a unit ({@link #isInvisible}): variation selectors
 * (U+FE00..U+FE0F, U+E0100..U+E01EF: {@code 葛\uFE00城} counts as 葛城), the zero-width space,
 * non-joiner and joiner (U+200B..U+200D, which scraped pages put between characters), the word
 * joiner U+2060, U+FEFF inside a text and the soft hyphen U+00AD.
 *
 * <p>A combining mark of the BMP (general category Mn or Me, {@link #isCombiningMark}) directly
 * after a Latin letter or digit belongs to the Latin unit, so {@code cafe\u0301s} is one unit,
 * kept decomposed as written; anywhere else (after a Han character, a joiner or a boundary) it is
 * skipped like the invisible code points. The emoji keycap U+20E3 is no such mark but a symbol:
 * in 步骤1️⃣打开 the digit 1 is a unit and the clause ends after it.
 *
 * <h2>Clauses</h2>
 * A clause is a maximal sequence of units. Everything that is not part of a unit — punctuation,
 * whitespace, line ends, symbols, emoji, kana, hangul, control characters, the replacement
 * character of malformed input — is a hard boundary: no n-gram, word or fragment ever crosses it.
 *
 * <p>A <b>URL</b> — {@code http:}, {@code https:} or {@code ftp:} (any case) after a boundary,
 * directly followed by printable ASCII ({@code http://...}, and Weibo's old
 * {@code http:t.cn/...}), up to the first other character (whitespace, a Han character,
 * full-width punctuation) — is one boundary: neither its scheme nor its host, path or query
 * becomes a unit ({@code 看http://t.cn/A6x转发} gives the clauses 看 and 转发). Followed by
 * anything else ({@code http: 协议}), {@code http} is an ordinary unit.
 *
 * <p>An <b>HTML character reference</b> left in scraped text — {@code &}, an optional {@code #},
 * a Latin run of at most {@link #MAX_ENTITY_LENGTH} characters and {@code ;} ({@code &amp;},
 * {@code &quot;}, {@code &#183;}, {@code &#x27;}) — is one boundary: {@code amp} or {@code 183}
 * is not a unit, nor {@code quot} in the twice-escaped {@code &amp;quot;}. It is not decoded.
 *
 * <p>All methods are static, allocation-free and thread-safe.
 */
public final class UnitPolicy {
  /** U+20E3 COMBINING ENCLOSING KEYCAP, the last code point of a keycap emoji (1️⃣). */
  private static final int KEYCAP = 0x20E3;

  /** Latin runs longer than this are treated as a boundary, not as a unit. */
  public static final int MAX_LATIN_LENGTH = 32;
  /** Longest name or number of an HTML character reference that is skipped ({@code &hellip;}). */
  public static final int MAX_ENTITY_LENGTH = 10;

  private UnitPolicy() {}

  /**
   * True if {@code latin} (a Latin run being read) is a URL scheme: {@code http}, {@code https}
   * or {@code ftp}, in any case, in half- or full-width forms.
   */
  public static boolean isUrlScheme(CharSequence latin) {
    return sameLetters(latin, "http") || sameLetters(latin, "https") || sameLetters(latin, "ftp");
  }

  /** True if {@code latin} is {@code amp} in any case (so "&amp;quot;" is escaped twice). */
  public static boolean isAmp(CharSequence latin) {
    return sameLetters(latin, "amp");
  }

  /**
   * {@code s} equals the lower-case ASCII word {@code lower}, ignoring case, full-width forms
   * compared as their half-width ones ({@link #normalize}).
   */
  private static boolean sameLetters(CharSequence s, String lower) {
    int n = lower.length();
    if (s.length() != n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if ((normalize(s.charAt(i)) | 0x20) != lower.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** True for the characters a URL runs on: printable ASCII other than the space. */
  public static boolean isUrlChar(int cp) {
    return cp > 0x20 && cp < 0x7F;
  }

  /**
   * True for the invisible code points skipped as if absent (class comment): variation
   * selectors, zero-width space, non-joiner and joiner, word joiner, U+FEFF, soft hyphen.
   */
  public static boolean isInvisible(int cp) {
    if (cp < 0xFE00) {
      // Two comparisons for a Han character of the BMP: this runs on every code point read.
      return cp <= 0x2060 && (cp == 0xAD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060);
    }
    return cp <= 0xFE0F || cp == 0xFEFF || (cp >= 0xE0100 && cp <= 0xE01EF);
  }

  /**
   * True for combining marks of the BMP (general category Mn or Me) that are not
   * {@linkplain #isInvisible invisible}: U+0301 in a decomposed é, U+20DD. Not U+20E3, the keycap
   * that makes an emoji of a digit (1️⃣, 1 U+FE0F U+20E3): a symbol, so a clause boundary.
   */
  public static boolean isCombiningMark(int cp) {
    if (cp < 0x300 || cp >= 0x10000 || cp == KEYCAP || isInvisible(cp)) {
      return false;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
  }

  /** Maps full-width ASCII to half-width and U+3000 to a space; other code points unchanged. */
  public static int normalize(int cp) {
    if (cp >= 0xFF01 && cp <= 0xFF5E) {
      return cp - 0xFEE0;
    }
    if (cp == 0x3000) {
      return ' ';
    }
    return cp;
  }

  /** True for the Han code points listed in the class comment. */
  public static boolean isHan(int cp) {
    if (cp < 0x3007) {
      return false;
    }
    if (cp < 0x10000) {
      return (cp >= 0x4E00 && cp <= 0x9FFF)
          || (cp >= 0x3400 && cp <= 0x4DBF)
          || (cp >= 0xF900 && cp <= 0xFAFF)
          || cp == 0x3007;
    }
    return (cp >= 0x20000 && cp <= 0x2FA1F) || (cp >= 0x30000 && cp <= 0x323AF);
  }

  /** True for characters that make up a Latin unit: ASCII letters and digits, Latin letters. */
  public static boolean isLatin(int cp) {
    if (cp < 0x80) {
      return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    }
    if (cp < 0xC0 || cp > 0x24F) {
      return false;
    }
    return cp != 0xD7 && cp != 0xF7;
  }

  /** True for the characters that may join two Latin characters inside one Latin unit. */
  public static boolean isLatinJoiner(int cp) {
    return cp == '-' || cp == '.';
  }

  /**
   * {@code text} as the corpus reader writes it: full-width ASCII made half-width
   * ({@link #normalize}), Latin letters lower-cased if {@code lowercase} ({@link #toLowerLatin}).
   * For words typed by a user (lexicons, {@code --explain}). Cost: O(length); {@code text}
   * itself when nothing changes.
   */
  public static String normalizeText(String text, boolean lowercase) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (normalize(cp) != cp || (lowercase && toLowerLatin(cp) != cp)) {
        StringBuilder sb = new StringBuilder(text.length()).append(text, 0, i);
        for (int j = i; j < text.length(); ) {
          int c = normalize(text.codePointAt(j));
          sb.appendCodePoint(lowercase ? toLowerLatin(c) : c);
          j += Character.charCount(text.codePointAt(j));
        }
        return sb.toString();
      }
      i += Character.charCount(cp);
    }
    return text;
  }

  /**
   * Lower-cases a Latin code point (ASCII and Latin-1/Extended-A/B letters); others unchanged,
   * and so are the capitals whose lower case is no Latin letter ({@link #isLatin}: Ə, Ɛ, Ⱥ,
   * whose ə, ɛ, ⱥ are IPA or Latin Extended-C letters), so that a lower-cased unit is still one
   * unit when it is read again (a profile's gram, a lexicon word).
   */
  public static int toLowerLatin(int cp) {
    if (cp >= 'A' && cp <= 'Z') {
      return cp + 32;
    }
    if (cp >= 0xC0) {
      int lower = Character.toLowerCase(cp);
      return isLatin(lower) ? lower : cp;
    }
    return cp;
  }
}
