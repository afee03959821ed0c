package dev.ciku.discover;

import dev.ciku.corpus.LatinCase;
import dev.ciku.corpus.Quantities;
import dev.ciku.corpus.UnitPolicy;
import dev.ciku.corpus.UnitTable;

/**
 * Recognises number expressions among candidate words: quantities, ordinals and counts, which a
 * user asking for new words or domain terms does not want (2006年, 三个月, 第六十四条, 一万元以上).
 * Stateless; thread-safe.
 */
public final class NumberExpressions {
  private NumberExpressions() {}

  private static final String NUMERALS = "〇零一二三四五六七八九十百千万亿两余几";
  /** Numerals of a magnitude or an approximate count: 万件, 亿欧元, 余人, 两个月, 几个月. */
  private static final String LARGE = "百千万亿两余几";
  /** Units of legal texts (第一编, 第三目) beyond the measure words of dict/measure-words.txt. */
  private static final String MEASURES = "编目";
  /** The last characters of two-character measures whose first is not a measure word. */
  private static final String COMPOUND_ENDS = "次元箱";
  /** Bounds after a quantity: 一万元以上, 三日以内, 十年左右. */
  private static final String[] BOUNDS = {"以上", "以下", "以内", "之内", "左右"};

  /**
   * Whether {@code word} holds a number written in digits: a Latin unit, as the corpus reader
   * cuts them ({@link UnitTable#toUnits}), of digits without a letter (2006年, 3个, 1.5亿, 2018).
   * A unit with letters is a name, not a number (5G, H7N9, A380, iPhone7, COVID-19, Windows10).
   * Cost: a small unit table a call.
   */
  public static boolean hasDigits(String word) {
    UnitTable units = UnitTable.of(LatinCase.KEEP);
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

  /**
   * A number written in Chinese numerals with 第 before it or a measure word after it (or both):
   * 第六十四条, 第二章, 第三, 三十日, 十八届, 亿件, 余人 (the measure words of
   * {@code dict/measure-words.txt} too), possibly followed by a bound (一万元以上, 三日以内, 十年左右).
   * The measure may also be 个 and a measure word (三个月, 两个人), or, after a numeral of
   * magnitude or an approximate one (百 千 万 亿 两 余 几), one ending in 次, 元 or 箱 (万剂次,
   * 亿欧元, 万标箱; not 二次元). Numerals alone (十五五, 五十) and numerals before any other
   * character (三星, 四川, 万科, 余村, 二维码, 余志成, 千禧年) are not.
   */
  public static boolean isChinese(String word) {
    for (String bound : BOUNDS) {
      if (word.length() > bound.length() + 1 && word.endsWith(bound)) {
        return isChinese(word.substring(0, word.length() - bound.length()));
      }
    }
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
    // One more character before the measure word: 个 after any numeral (三个月, 几个人), or, after
    // a numeral of magnitude, the first of a compound measure ending in 次, 元 or 箱 (万剂次,
    // 亿欧元, 万标箱, 余艘次). Other compounds would take names led by the surnames 万 and 余
    // (余志成, 万国成) and words such as 千禧年, 万圣节, 百家号, 千层面, 两面人, 二次元.
    if (!measure || from != 0 || numerals != to - 1 || numerals == 0) {
      return false;
    }
    return word.charAt(to - 1) == '个' || (LARGE.indexOf(word.charAt(numerals - 1)) >= 0
        && COMPOUND_ENDS.indexOf(word.charAt(word.length() - 1)) >= 0);
  }

  /**
   * The tail of a count whose number was cut off: 个 and a measure of at most three characters,
   * one ending in a measure word (个月, 个小时, 个工作日, from 3个月 and the like) or 百分点;
   * a longer word is a compound (个体工商户). Words such
   * as 个人 and 个体 are of this form too: callers that keep general words look them up first.
   */
  public static boolean isCountTail(String word) {
    return word.length() >= 2 && word.length() <= 4 && word.charAt(0) == '个'
        && (isMeasure(word.charAt(word.length() - 1)) || word.endsWith("百分点"));
  }

  private static boolean isMeasure(char c) {
    return MEASURES.indexOf(c) >= 0 || Quantities.measureWords().contains(c);
  }
}
