package dev.ciku.cli;

import dev.ciku.corpus.Params;
import dev.ciku.domain.MeasureGlue;
import picocli.CommandLine.Option;

/**
 * The term floors of domain-term mining that apply after discovery, shared by {@code domain}
 * and its Spark job: the boundary entropy a term needs and the measure-word glue share. A
 * picocli mixin: picocli fills the fields while parsing, and the methods read them. Not
 * thread-safe; one instance per command run, used on its thread.
 */
public final class TermOptions {
  @Option(names = "--term-entropy", paramLabel = "NATS", defaultValue = "1.0",
      description = "Smallest left and right boundary entropy of a term (default:"
          + " ${DEFAULT-VALUE}; discovery's own --min-entropy applies first).")
  double termEntropy;

  @Option(names = "--measure-glue", paramLabel = "SHARE", defaultValue = "0.5",
      description = "A term that begins with a measure word (those of dict/measure-words.txt: 个"
          + " 款 次 号 项 升 ...) and follows a number or a determiner (11, 十, 两, 这, 那, 每 ...) in"
          + " more than this share of its occurrences is a measure word glued to a word (个油 of"
          + " 这个油 and 11个油, 款车 of 这款车, 号公布 of 第5号公布): it leaves the list, with"
          + " --no-filter too (1: off; default: ${DEFAULT-VALUE}).")
  double measureGlue;

  /**
   * Checks both settings.
   *
   * @throws CikuException (usage) naming the option: a negative entropy, a share outside [0, 1]
   */
  public void check() {
    CikuException.usage(() -> Params.nonNegative("--term-entropy", termEntropy));
    CikuException.usage(() -> MeasureGlue.of(measureGlue));
  }

  /** The term entropy floor in nats ({@code --term-entropy}). */
  public double termEntropy() {
    return termEntropy;
  }

  /** The measure-word glue share ({@code --measure-glue}; 1: off). */
  public double measureGlue() {
    return measureGlue;
  }
}
