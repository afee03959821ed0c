package dev.ciku.discover;

import dev.ciku.corpus.UnitPolicy;
import dev.ciku.corpus.UnitTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Decides which discovered words a user does not want to see: words of known lexicons
 * ({@code --known}), and with {@code --new-only} the bundled general lexicon and stopwords, plus
 * function-word glue — a word that begins or ends with a one-character Han stopword (他的, 是在, 的一):
 * such strings are frequent juxtapositions of two words, not new words — and number expressions
 * (words with a number of digits: 2006年, 3个, 1.5亿; not names such as 5G, H7N9 or iPhone7;
 * Chinese numerals after 第 or before a measure word:
 * 第六十四条, 第二章, 三十日, 十八届, 亿件, 余人, 万标箱; not 十五五 or 三星). A word of ASCII letters is also looked up
 * in lower case, so
 * the English function words of the stopword list (the, of, and) go whatever their case.
 * Immutable; thread-safe.
 */
public final class WordFilter {
  /** The words of {@code --known}. */
  private final Lexicon known;
  /** With {@code --new-only}: the bundled general lexicon; else empty. */
  private final Lexicon bundled;
  /** With {@code --new-only}: the bundled stopwords; else empty. */
  private final Lexicon stopwords;

  private WordFilter(Lexicon known, Lexicon bundled, Lexicon stopwords) {
    this.known = known;
    this.bundled = bundled;
    this.stopwords = stopwords;
  }

  /**
   * @param lexicons user lexicon files
   * @param newOnly also drop the bundled lexicon, stopwords and function-word glue
   * @param lowercase the corpus was read with {@code --lowercase}: lexicon words are compared
   *     with their Latin letters lower-cased too
   */
  public static WordFilter create(List<Path> lexicons, boolean newOnly, boolean lowercase)
      throws IOException {
    return create(lexicons, newOnly, lowercase, m -> { });
  }

  /**
   * As {@link #create(List, boolean, boolean)}; {@code warnings} receives malformed-bytes
   * warnings.
   */
  public static WordFilter create(List<Path> lexicons, boolean newOnly, boolean lowercase,
      java.util.function.Consumer<String> warnings) throws IOException {
    Lexicon known = new Lexicon(lowercase);
    for (Path p : lexicons) {
      known.addFile(p, warnings);
    }
    Lexicon bundled = new Lexicon(lowercase);
    Lexicon stop = new Lexicon();
    if (newOnly) {
      if (!bundled.addResource("/dict/known-words.txt.gz")
          || !stop.addResource("/dict/stopwords.txt")) {
        throw new IOException("the bundled lexicon is missing from the jar");
      }
    }
    return new WordFilter(known, bundled, stop);
  }

  /** True if {@code word} should be reported. */
  public boolean accepts(String word) {
    return rejection(word) == null;
  }

  /**
   * Why {@code word} is not reported, as a phrase for {@code --explain} ("listed by --known", "a
   * number expression (--new-only)", ...), or null if it is reported.
   */
  public String rejection(String word) {
    if (known.contains(word)) {
      return "listed by --known";
    }
    if (bundled.contains(word)) {
      return "a word of ciku's general lexicon (--new-only: dict/known-words.txt.gz)";
    }
    if (stopwords.contains(word) || (stopwords.size() > 0 && isAsciiLetters(word)
        && stopwords.contains(word.toLowerCase(java.util.Locale.ROOT)))) {
      return "a stopword (--new-only: dict/stopwords.txt)"; // The, OF too
    }
    if (stopwords.size() == 0 || word.isEmpty()) {
      return null;
    }
    if (hasNumber(word) || isChineseNumberExpression(word)) {
      return "a number expression (--new-only)";
    }
    int first = word.codePointAt(0);
    int last = word.codePointBefore(word.length());
    // Glue is judged on Han characters only: "a" and "i" are stopwords, not so app or img.
    for (int c : new int[] {first, last}) {
      String one = new String(Character.toChars(c));
      if (UnitPolicy.isHan(c) && stopwords.contains(one)) {
        return "function-word glue: it " + (c == first ? "begins" : "ends") + " with the"
            + " stopword " + one + " (--new-only)";
      }
    }
    return null;
  }

  /**
   * Whether {@code word} holds a number: a Latin unit, as the corpus reader cuts them
   * ({@link UnitTable#toUnits}), of digits without a letter (2006年, 3个, 1.5亿, 2018). A unit
   * with letters is a name, not a number (5G, H7N9, A380, iPhone7, COVID-19, Windows10), and
   * stays. Cost: a small unit table a call.
   */
  static boolean hasNumber(String word) {
    UnitTable units = new UnitTable();
    int[] ids = units.toUnits(word, true);
    if (ids == null) {
      return false;
    }
    for (int id : ids) {
      if (UnitTable.isLatinId(id) && units.text(id).chars()
          .allMatch(c -> (c >= '0' && c <= '9') || UnitPolicy.isLatinJoiner(c))) {
        return true;
      }
    }
    return false;
  }

  private static final String NUMERALS = "〇零一二三四五六七八九十百千万亿两余几";
  /** Numerals of a magnitude or an approximate count: 万件, 亿欧元, 余人, 两个月, 几个月. */
  private static final String LARGE = "百千万亿两余几";
  /** Units of legal texts (第一编, 第三目) beyond the measure words of dict/measure-words.txt. */
  private static final String MEASURES = "编目";

  /**
   * A number written in Chinese numerals with 第 before it or a measure word after it (or both):
   * 第六十四条, 第二章, 第三, 三十日, 十八届, 亿件, 余人 (the measure words of
   * {@code dict/measure-words.txt} too). After a numeral of magnitude or an approximate one
   * (百 千 万 亿 两 余 几) the measure may be two characters: 个 and a measure word (两个月) or
   * one ending in 次, 元 or 箱 (万剂次, 亿欧元, 万标箱). Numerals alone (十五五, 五十) and numerals
   * before any other character (三星, 四川, 万科, 余村, 二维码, 余志成, 千禧年) are not.
   */
  static boolean isChineseNumberExpression(String word) {
    int from = word.startsWith("第") ? 1 : 0;
    int to = word.length();
    boolean measure = to - from >= 2 && isMeasure(word.charAt(to - 1));
    if (measure) {
      to--;
    }
    if (to <= from || (from == 0 && !measure)) {
      return false;
    }
    int numerals = from;
    while (numerals < to && NUMERALS.indexOf(word.charAt(numerals)) >= 0) {
      numerals++;
    }
    if (numerals == to) {
      return true;
    }
    // One more character before the measure word, after a numeral of magnitude: a compound
    // measure, 个 and a measure word (两个月, 几个人) or one ending in 次, 元 or 箱 (万剂次,
    // 亿欧元, 万标箱, 余艘次). Other compounds would take names led by the surnames 万 and 余
    // (余志成, 万国成) and words such as 千禧年, 万圣节, 百家号, 千层面, 两面人.
    if (!measure || from != 0 || numerals != to - 1 || numerals == 0
        || LARGE.indexOf(word.charAt(numerals - 1)) < 0) {
      return false;
    }
    char last = word.charAt(word.length() - 1);
    return word.charAt(to - 1) == '个' || COMPOUND_ENDS.indexOf(last) >= 0;
  }

  /** The last characters of two-character measures whose first is not a measure word. */
  private static final String COMPOUND_ENDS = "次元箱";

  private static boolean isMeasure(char c) {
    return MEASURES.indexOf(c) >= 0 || NumberGlue.measureWords(0).contains(c);
  }

  private static boolean isAsciiLetters(String word) {
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if ((c | 0x20) < 'a' || (c | 0x20) > 'z') {
        return false;
      }
    }
    return !word.isEmpty();
  }
}
