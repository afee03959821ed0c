package dev.ciku.discover;

import dev.ciku.corpus.HanCharacters;
import dev.ciku.corpus.Params;
import dev.ciku.corpus.Quantities;
import dev.ciku.corpus.UnitTable;
import dev.ciku.count.GramIndex;
import dev.ciku.count.Grams;
import java.util.List;

/**
 * Measure words glued to the word after them ({@code --number-glue}): in 3人死亡, 12枚金牌 and
 * 6.3级地震 the cut pass isolates 人死亡, 枚金牌 and 级地震, whose left neighbours are numbers of
 * every size, so their left entropy is high and they pass as words. They are a measure word
 * that belongs with the number (3人, PKU's 3 人) and a word (死亡, 金牌, 地震).
 *
 * <p>The test ({@link #isGlue}): a word of 3 or more units whose first unit is a measure word
 * (the one-character Han entries of {@code dict/measure-words.txt}: 个 人 名 枚 颗 辆 艘 级 号 次
 * 元 米 年 ...), that follows a number in more than {@code share} of its occurrences and whose
 * rest (all but the first unit) is a word. A number is a Latin unit of digits (with {@code .}
 * or {@code ,}: 6.3, 1,000) or a Han character that ends one: 零 〇 一 二 三 四 五 六 七 八 九 十
 * 百 千 万 亿 两 and 几 数 多 余 半 (十多人, 数百枚). A word that begins with a numeral (万亿元,
 * 亿美元) is a number expression and one that begins with another character (平方米, 迪拉姆) is
 * not glue, whatever precedes it; 2-unit words (亿元, 人次) are left alone too. The discoverer
 * also drops a word that ends in a number unit followed by glue (3人死亡, 致3人死亡).
 *
 * <p>Immutable once built; thread-safe.
 */
final class NumberGlue {
  private final double share;
  private final HanCharacters measureWords;
  /** For each Latin unit (by id − {@link UnitTable#LATIN_BASE}): whether it is a number. */
  private final boolean[] numberLatin;

  private NumberGlue(double share, HanCharacters measureWords, boolean[] numberLatin) {
    this.share = share;
    this.measureWords = measureWords;
    this.numberLatin = numberLatin;
  }

  /**
   * The measure words of {@code dict/measure-words.txt} (read once per JVM) if {@code share}
   * switches the test on, else none; an unreadable list throws
   * {@link java.io.UncheckedIOException}. Read before the corpus is counted, so that it fails
   * early.
   */
  static HanCharacters measureWords(double share) {
    return share < 1 ? Quantities.measureWords() : HanCharacters.of("");
  }

  /**
   * The test with the given share ({@code --number-glue}; 1 switches it off) and measure words,
   * over the Latin units of {@code units}, read now (on the calling thread). Cost: one pass over
   * the Latin units.
   */
  static NumberGlue of(double share, HanCharacters measureWords, UnitTable units) {
    Params.share("--number-glue", share);
    if (share >= 1) {
      return new NumberGlue(share, measureWords, new boolean[0]);
    }
    List<String> latin = units.latinKeys();
    boolean[] number = new boolean[latin.size()];
    for (int i = 0; i < number.length; i++) {
      number[i] = Quantities.isNumberText(latin.get(i));
    }
    return new NumberGlue(share, measureWords, number);
  }

  /** Whether the test runs ({@code share < 1}). */
  boolean enabled() {
    return share < 1;
  }

  /** The share of occurrences after a number above which a word is glue. */
  double share() {
    return share;
  }

  /** Whether {@code id} is a Latin unit of digits (3, 2025, 6.3, 1,000). */
  boolean isNumberUnit(int id) {
    int k = id - UnitTable.LATIN_BASE;
    return k >= 0 && k < numberLatin.length && numberLatin[k];
  }

  /**
   * Where {@code w} has its last number unit with 3 or more units after it (the place of 3 in
   * 致3人死亡), or -1: a word ending in a number and glue has its number there.
   */
  int numberBeforeGlue(int[] w) {
    for (int p = w.length - 4; p >= 0; p--) {
      if (isNumberUnit(w[p])) {
        return p;
      }
    }
    return -1;
  }

  /** Whether {@code id}, as a left neighbour, ends a number (traditional 兩 萬 億 as 两 万 亿). */
  boolean endsNumber(int id) {
    return UnitTable.isLatinId(id) ? isNumberUnit(id) : Quantities.endsNumber(id);
  }

  /**
   * Whether the word {@code u} is a measure word glued to a word: 3 or more units, a measure word
   * first, after a number in more than the share of its occurrences ({@code afterNumber}), and
   * {@code restIsWord} (its units but the first are a word).
   */
  boolean isGlue(int[] u, double afterNumber, boolean restIsWord) {
    return enabled() && u.length >= 3 && afterNumber > share && restIsWord
        && measureWords.contains(u[0]);
  }

  /**
   * The test on a final list, after re-estimation (so that it changes no count: dropped before,
   * 人死亡 would hand its uses to 人, and the gain test would then drop 本人 and 家人): a living
   * word that {@link #isGlue is glue}, its rest a living word (人死亡), given the share of each
   * word's occurrences after a number ({@code afterNumber}); then a living word that ends in a
   * number unit followed by such glue (3人死亡, 致3人死亡). Returns which words are glue. Every
   * word is judged against the same living words, so the order of the list does not matter.
   */
  boolean[] glued(int[][] words, double[] afterNumber, LivingWords living) {
    boolean[] glued = new boolean[living.size()];
    GramIndex dropped = new GramIndex(16);
    for (int i = 0; i < living.size(); i++) {
      int[] w = words[i];
      // The look-ups of the rest only for the few words that follow numbers that often.
      if (living.isAlive(i) && afterNumber[i] > share
          && isGlue(w, afterNumber[i], living.find(w, 1, w.length) >= 0)) {
        glued[i] = true;
        if (w.length <= Grams.MAX_ORDER) {
          dropped.accept(Grams.hi(w, 0, w.length), Grams.lo(w, 0, w.length), 1);
        }
      }
    }
    for (int i = 0; i < living.size(); i++) {
      if (living.isAlive(i) && !glued[i] && endsInGlue(words[i], dropped)) {
        glued[i] = true;
      }
    }
    return glued;
  }

  /**
   * Whether {@code w} ends in a number unit followed by glue of {@code dropped}: 3人死亡, and
   * 致3人死亡 or 发生6.3级地震.
   */
  private boolean endsInGlue(int[] w, GramIndex dropped) {
    int p = numberBeforeGlue(w);
    int n = w.length - p - 1;
    return p >= 0 && n <= Grams.MAX_ORDER && dropped.get(w, p + 1, n) != 0;
  }
}
