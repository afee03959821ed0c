package dev.ciku.store;

import dev.ciku.corpus.LatinCase;
import java.util.Objects;

/**
 * How the text of a store was normalised before counting: how the case of Latin letters was
 * treated (folded by default, {@code --lowercase}, {@code --keep-case}), whether traditional Han
 * characters were folded to simplified ({@code --simplify}). Counts made one way cannot be mixed
 * with text read another way. Immutable.
 *
 * @param latinCase how Latin letters were compared and written
 * @param simplify traditional Han characters were simplified
 */
public record Normalization(LatinCase latinCase, boolean simplify) {
  /**
   * Text counted as it is, case kept: every store written before the case of Latin letters was
   * folded by default (which recorded neither setting, or only {@code --lowercase} and
   * {@code --simplify}).
   */
  public static final Normalization NONE = new Normalization(LatinCase.KEEP, false);

  public Normalization {
    Objects.requireNonNull(latinCase, "latinCase");
  }

  /** The settings as options: "with --simplify and with --keep-case". */
  public String describe() {
    return (simplify ? "with" : "without") + " --simplify and "
        + (latinCase == LatinCase.FOLD ? "without --lowercase or --keep-case"
        : "with " + latinCase.options());
  }
}
