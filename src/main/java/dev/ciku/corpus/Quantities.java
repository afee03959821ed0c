package dev.ciku.corpus;

/**
 * The words of a quantity as a word's left neighbour: numbers (3, 6.3, 十, 两), determiners
 * (这 那 每 ...) and the measure words that follow them (个 款 次 号 ...). A candidate that begins
 * with a measure word and mostly follows a number or a determiner is that measure word glued to
 * the word after it (个油 of 这个油 and 11个油, 枚金牌 of 12枚金牌): {@code ciku discover
 * --number-glue} and {@code ciku domain --measure-glue} drop such candidates.
 *
 * <p>Characters are compared simplified (這 as 这, 兩 as 两). Stateless; thread-safe.
 */
public final class Quantities {
  /** Han characters that end a number: the numerals and 几 数 多 余 半 (十多, 数百, 三千余). */
  private static final HanCharacters NUMBER_ENDS =
      HanCharacters.of("零〇一二三四五六七八九十百千万亿两几数多余半");
  /**
   * Han determiners before a measure word: 这个, 那款, 哪辆, 每次, 某项, 各类, 该条, 此项. Not 本
   * (本条, 本项), which ends too many words (日本, 成本) to tell a determiner.
   */
  private static final HanCharacters DETERMINERS = HanCharacters.of("这那哪每某各该此");
  /** The bundled list of measure words. */
  public static final String MEASURE_WORDS_FILE = "dict/measure-words.txt";

  /** The bundled measure words, {@link #MEASURE_WORDS_FILE}. */
  private static final LoadOnce<HanCharacters> MEASURE_WORDS =
      new LoadOnce<>(() -> HanCharacters.load(MEASURE_WORDS_FILE));

  private Quantities() {}

  /**
   * The measure words of {@code dict/measure-words.txt}: its one-character Han entries (个 人 名
   * 枚 款 级 次 元 米 年 ...), read once per JVM; an unreadable list throws
   * {@link java.io.UncheckedIOException} (and is read again on the next call).
   */
  public static HanCharacters measureWords() {
    return MEASURE_WORDS.get();
  }

  /** Whether the Han unit {@code id} ends a number (a numeral, or 几 数 多 余 半). */
  public static boolean endsNumber(int id) {
    return NUMBER_ENDS.contains(id);
  }

  /** Whether the Han unit {@code id} is a determiner (这 那 哪 每 某 各 该 此). */
  public static boolean isDeterminer(int id) {
    return DETERMINERS.contains(id);
  }

  /**
   * Whether {@code text} is a number: a digit first, then digits, {@code .} and {@code ,} (3,
   * 2025, 6.3, 1,000); any script's digits.
   */
  public static boolean isNumberText(CharSequence text) {
    if (text.length() == 0 || !Character.isDigit(Character.codePointAt(text, 0))) {
      return false;
    }
    for (int i = 0; i < text.length(); ) {
      int cp = Character.codePointAt(text, i);
      if (!Character.isDigit(cp) && cp != '.' && cp != ',') {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }
}
