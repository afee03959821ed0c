package dev.ciku.discover;

import java.util.Locale;

/**
 * Why a string is, or is not, in the word list of {@link WordDiscoverer}: the first stage that
 * dropped it, the statistics that decided and a sentence saying so. Made only for the strings a
 * user asks about ({@code ciku discover --explain}).
 *
 * @param word the string asked about, as given
 * @param stage {@link Stage#KEPT}, or the stage that dropped it
 * @param ngramCount occurrences of the string in the corpus (-1 if it is longer than the counting
 *     order, or not a string of units)
 * @param fragments times the cut pass isolated it as a fragment (for a pair admitted below the cut
 *     threshold, its n-gram count; -1 if the cut pass never ran)
 * @param count its count in the word list (uses in the last segmentation), 0 if dropped
 * @param cohesion minimum-split PMI in nats, as the word list reports it (NaN if unknown)
 * @param leftEntropy left boundary entropy in nats (NaN if not computed)
 * @param rightEntropy right boundary entropy in nats (NaN if not computed)
 * @param index position in {@link WordDiscoverer.Result#words()} if kept, else -1
 * @param reason one line in English: what decided
 */
public record Explanation(String word, Stage stage, long ngramCount, long fragments, long count,
    double cohesion, double leftEntropy, double rightEntropy, int index, String reason) {

  /** The stages of discovery, in the order a string meets them. */
  public enum Stage {
    /** In the word list. */
    KEPT,
    /** Not a word by construction: punctuation, a single character, too long, unseen units. */
    INPUT,
    /** Seen fewer than the min count times. */
    COUNT,
    /** Seen often enough, but the cut pass rarely isolates it. */
    CUT,
    /** A window of it is not cohesive (backtracking), or it is an expression of Latin units. */
    COHESION,
    /** A boundary entropy below its bar. */
    ENTROPY,
    /** A measure word glued to a word after numbers ({@code --number-glue}: 人死亡 of 3人死亡). */
    NUMBER,
    /** A phrase suffix glued to a word ({@code --suffix-glue}: 会谈后, 车间里). */
    SUFFIX,
    /** Removed by de-redundancy. */
    REDUNDANCY,
    /** Re-estimation: its segmentation used it fewer than the min count times. */
    USE,
    /** Re-estimation: it saves too little code length over its parts (the gain test). */
    GAIN,
    /** Listed by {@code --known} or {@code --new-only}. */
    KNOWN,
    /** Kept, but ranked beyond {@code --top}: not printed. */
    TOP;

    /** The lower-case name written in the output. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The same explanation with another stage and reason (e.g. a kept word the filter drops). */
  public Explanation with(Stage newStage, String newReason) {
    return new Explanation(word, newStage, ngramCount, fragments, count, cohesion, leftEntropy,
        rightEntropy, index, newReason);
  }
}
