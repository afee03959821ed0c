package dev.ciku.corpus;

/**
 * How the letters of Latin units are compared and written: one of the three settings of every
 * command that reads a corpus into units.
 *
 * <ul>
 *   <li>{@link #FOLD} (the default): {@code CPU}, {@code cpu} and {@code Cpu} are one unit, whose
 *       occurrences are counted together, written in its most frequent form in the input (ties:
 *       the form first by {@link String#compareTo}); see {@link UnitTable}.</li>
 *   <li>{@link #LOWER} ({@code --lowercase}): one unit too, written lower-case (the reader
 *       lower-cases Latin letters as it reads).</li>
 *   <li>{@link #KEEP} ({@code --keep-case}): compared and written as they are; {@code CPU} and
 *       {@code cpu} are two units.</li>
 * </ul>
 *
 * <p>Letters are folded by {@link UnitPolicy#toLowerLatin}, after the full-width forms are made
 * half-width. Immutable; thread-safe.
 */
public enum LatinCase {
  /** Compared without case, written in the most frequent form (the default). */
  FOLD,
  /** Compared without case, written lower-case ({@code --lowercase}). */
  LOWER,
  /** Compared and written as they are ({@code --keep-case}). */
  KEEP;

  /** What is wrong with giving both {@code --keep-case} and {@code --lowercase}. */
  public static final String BOTH_GIVEN = "--keep-case and --lowercase exclude each other:"
      + " --lowercase folds case and writes Latin units lower-case, --keep-case keeps their case"
      + " (give one, or neither to fold case and write each unit's most frequent form)";

  /**
   * The setting of the options {@code --lowercase} and {@code --keep-case}.
   *
   * @throws IllegalArgumentException with {@link #BOTH_GIVEN} if both are given
   */
  public static LatinCase of(boolean lowercase, boolean keepCase) {
    if (lowercase && keepCase) {
      throw new IllegalArgumentException(BOTH_GIVEN);
    }
    return lowercase ? LOWER : keepCase ? KEEP : FOLD;
  }

  /**
   * Whether units, and the words a user gives (lexicons, {@code --explain}, references), are
   * compared with their Latin letters folded: all but {@link #KEEP}.
   */
  public boolean folds() {
    return this != KEEP;
  }

  /** The options that give this setting, as a message names them. */
  public String options() {
    return switch (this) {
      case FOLD -> "neither --lowercase nor --keep-case";
      case LOWER -> "--lowercase";
      case KEEP -> "--keep-case";
    };
  }
}
