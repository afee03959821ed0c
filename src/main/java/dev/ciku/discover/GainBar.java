package dev.ciku.discover;

import dev.ciku.corpus.FunctionWords;
import java.util.Locale;

/**
 * The bar of the gain test of re-estimation ({@link Reestimation}): the nats a use a word must
 * save over its best segmentation into the other words and single units, {@code minGain +
 * gainStep · (len − 2)}, plus {@code glueGain} when the word has a one-character function word
 * at one of its ends ({@link FunctionWords#edge}: 他说, 这一, 很大, 买了 are phrases of free
 * tokens more often than words, so they must show more evidence; 以及, 但是, with a function word
 * at both ends, are compound function words and take the plain bar).
 *
 * <p>Immutable; thread-safe. {@link #bar} costs two binary searches at most.
 */
final class GainBar {
  private final double minGain;
  private final double gainStep;
  private final double glueGain;
  private final FunctionWords functionWords;

  /**
   * @param minGain bar of a 2-unit word, in nats; 0 switches the test off
   * @param gainStep added per unit beyond 2
   * @param glueGain added for a word with a function word at one end (0: none)
   * @param functionWords the function words
   */
  GainBar(double minGain, double gainStep, double glueGain, FunctionWords functionWords) {
    this.minGain = minGain;
    this.gainStep = gainStep;
    this.glueGain = glueGain;
    this.functionWords = functionWords;
  }

  /** The test of {@code options}, with the bundled function words if it uses them. */
  static GainBar of(DiscoverOptions options) {
    return new GainBar(options.minGain(), options.gainStep(), options.glueGain(),
        options.glueGain() > 0 ? FunctionWords.bundled() : FunctionWords.of(""));
  }

  /** Whether the test runs at all ({@code minGain > 0}). */
  boolean enabled() {
    return minGain > 0;
  }

  /** The nats a use the word {@code units[0..n)} must save to be kept. */
  double bar(int[] units, int n) {
    double bar = minGain + gainStep * (n - 2);
    return glueGain > 0 && functionWords.edge(units, n) >= 0 ? bar + glueGain : bar;
  }

  /**
   * How {@link #bar} of the word {@code units} is made, for {@code --explain}: "4.25 (--min-gain
   * 3.00 + --glue-gain 1.25, as it begins with the function word 这)".
   */
  String describe(int[] units) {
    int n = units.length;
    StringBuilder s = new StringBuilder(num(bar(units, n))).append(" (--min-gain ")
        .append(num(minGain));
    if (n > 2) {
      s.append(" + --gain-step ").append(num(gainStep)).append(" a unit beyond 2");
    }
    int edge = glueGain > 0 ? functionWords.edge(units, n) : -1;
    if (edge >= 0) {
      s.append(" + --glue-gain ").append(num(glueGain)).append(", as it ")
          .append(functionWords.contains(units[0]) ? "begins" : "ends")
          .append(" with the function word ").appendCodePoint(edge);
    }
    return s.append(')').toString();
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
