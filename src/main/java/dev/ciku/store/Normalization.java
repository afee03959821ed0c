package dev.ciku.store;

/**
 * How the text of a store was normalised before counting: Latin letters lower-cased
 * ({@code --lowercase}), traditional Han characters folded to simplified ({@code --simplify}).
 * Counts made one way cannot be mixed with text read another way. Immutable.
 *
 * @param lowercase Latin letters were lower-cased
 * @param simplify traditional Han characters were simplified
 */
public record Normalization(boolean lowercase, boolean simplify) {
  /** Text counted as it is (and every store written before the setting was recorded). */
  public static final Normalization NONE = new Normalization(false, false);

  /** The settings as options: "with --simplify and without --lowercase". */
  public String describe() {
    return (simplify ? "with" : "without") + " --simplify and "
        + (lowercase ? "with" : "without") + " --lowercase";
  }
}
