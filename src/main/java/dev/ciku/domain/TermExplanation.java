package dev.ciku.domain;

/**
 * Why a string is, or is not, in the term list of {@link DomainTermMiner}: the discovery stage
 * that dropped it (as {@code ciku discover --explain} names them: input, count, cut, cohesion,
 * entropy, redundancy), else the domain stage (filter, term entropy, measure), else its rank.
 * Made only for the strings a user asks about ({@code ciku domain --explain}).
 *
 * @param term the string asked about, as given (normalised as the corpus is read)
 * @param stage {@link #KEPT}, a discovery stage's label, {@link #FILTER}, {@link #ENTROPY} or
 *     {@link #MEASURE}
 * @param rank 1-based rank in the term list if kept, else 0
 * @param domainCount the discovery count (fragments the cut pass left whole) if discovery kept
 *     it, else 0
 * @param referenceCount its count in the reference if it was looked up (a term that reached the
 *     reference stage), else -1
 * @param cohesion minimum-split PMI in nats (NaN if unknown)
 * @param leftEntropy left boundary entropy in nats (NaN if not computed)
 * @param rightEntropy right boundary entropy in nats (NaN if not computed)
 * @param score the ranking score if kept, else NaN
 * @param reason one line in English: what decided
 */
public record TermExplanation(String term, String stage, int rank, long domainCount,
    long referenceCount, double cohesion, double leftEntropy, double rightEntropy, double score,
    String reason) {
  /** In the term list. */
  public static final String KEPT = "kept";
  /** Dropped by the stopword, generic-head and number filter ({@link TermFilter}). */
  public static final String FILTER = "filter";
  /** A boundary entropy below the term floor ({@code --term-entropy}). */
  public static final String ENTROPY = "term-entropy";
  /** A measure word glued to a word ({@link MeasureGlue}, {@code --measure-glue}). */
  public static final String MEASURE = "measure";
  /** Kept, but ranked beyond {@code --top}: not printed. */
  public static final String TOP = "top";

  /** The same explanation with another stage and reason (a kept term beyond {@code --top}). */
  public TermExplanation with(String newStage, String newReason) {
    return new TermExplanation(term, newStage, rank, domainCount, referenceCount, cohesion,
        leftEntropy, rightEntropy, score, newReason);
  }
}
