package dev.ciku.domain;

import dev.ciku.corpus.HanCharacters;
import dev.ciku.corpus.Params;
import dev.ciku.corpus.Quantities;

/**
 * Measure words glued to the word after them, among a domain's candidates
 * ({@code ciku domain --measure-glue}): a forum writes 这个油, 11个油, 这款车 and 两款车, so the cut
 * leaves 个油 and 款车 with many different left neighbours, and they pass as words; a law's 第三次会议通过
 * and 第5号公布 leave 次会议通过 and 号公布. Each is a measure word that belongs with the number or
 * determiner before it and a word (油, 车) or phrase after it.
 *
 * <p>The test ({@link #isGlue}): a term whose first character is a measure word (one of
 * {@link Quantities#measureWords}: 个 款 次 号 项 升 年 ...) and that follows a number or a
 * determiner ({@link Quantities#endsNumber}, {@link Quantities#isDeterminer}: 11, 十, 两, 这, 每
 * ...) in more than {@code share} of its occurrences. Unlike {@code ciku discover
 * --number-glue}, whose word list serves as a segmenter's vocabulary (PKU writes 人次 and 亿元
 * as words), two-character terms are tested too and the rest need not be a word: a measure word
 * with a number is a quantity, never a domain term. Terms such as 轮胎, 座椅 and 本田 begin with
 * a measure word but seldom follow a number or a determiner (2 % of 轮胎's occurrences in a car
 * forum, against 94 % of 个油's).
 *
 * <p>Immutable; thread-safe.
 */
public final class MeasureGlue {
  /** The default share: more than half the occurrences after a number or a determiner. */
  public static final double SHARE = 0.5;

  private final double share;
  private final HanCharacters measureWords;

  private MeasureGlue(double share, HanCharacters measureWords) {
    this.share = share;
    this.measureWords = measureWords;
  }

  /**
   * The test with {@code share} ({@code --measure-glue}; 1 switches it off) and the bundled
   * measure words (read now unless it is off; an unreadable list throws
   * {@link java.io.UncheckedIOException}).
   *
   * @throws IllegalArgumentException if {@code share} is not in [0, 1]
   */
  public static MeasureGlue of(double share) {
    Params.share("--measure-glue", share);
    return new MeasureGlue(share, share < 1 ? Quantities.measureWords() : HanCharacters.of(""));
  }

  /** Whether the test runs ({@code share < 1}). */
  public boolean enabled() {
    return share < 1;
  }

  /**
   * Whether {@code term} is a measure word glued to a word: its first character a measure word,
   * and more than the share of its {@code count} occurrences after a number or a determiner
   * ({@code afterQuantity}, from {@link TermOccurrences#afterQuantity}).
   */
  public boolean isGlue(String term, long count, long afterQuantity) {
    return enabled() && count > 0 && !term.isEmpty()
        && afterQuantity > share * count && measureWords.contains(term.codePointAt(0));
  }
}
