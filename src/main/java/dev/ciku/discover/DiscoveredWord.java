package dev.ciku.discover;

/**
 * One discovered word with its statistics.
 *
 * @param word the text
 * @param units number of units
 * @param count occurrences as a fragment of the cut corpus (the frequency to give a segmenter)
 * @param cohesion minimum-split PMI in nats ({@link dev.ciku.score.Cohesion}); for words longer
 *     than the counting order, the minimum over its windows
 * @param leftEntropy left boundary entropy in nats
 * @param rightEntropy right boundary entropy in nats
 * @param score ranking score (see {@link WordDiscoverer})
 */
public record DiscoveredWord(String word, int units, long count, double cohesion,
    double leftEntropy, double rightEntropy, double score) {

  /** The smaller of the two boundary entropies. */
  public double minEntropy() {
    return Math.min(leftEntropy, rightEntropy);
  }
}
