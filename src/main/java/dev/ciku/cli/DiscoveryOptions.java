package dev.ciku.cli;

import dev.ciku.discover.DiscoverOptions;
import picocli.CommandLine.Option;

/**
 * The options of new-word discovery, shared by every command that discovers words
 * ({@code discover}, {@code domain}, and the Spark jobs): a picocli mixin. The de-redundancy
 * threshold is not here, because its default differs by command.
 *
 * <p>A picocli mixin: picocli fills the fields while parsing, and the methods read them (nothing
 * is cached). Not thread-safe; one instance per command run, used on its thread.
 */
public final class DiscoveryOptions {
  @Option(names = {"-n", "--order"}, paramLabel = "N", defaultValue = "4",
      description = "n-gram order counted, 3..6 (default: ${DEFAULT-VALUE}); cohesive grams have"
          + " up to N-1 units.")
  int order;

  @Option(names = "--min-count", paramLabel = "C", defaultValue = "0",
      description = "Smallest count of a word (default 0: max(2, round(sqrt(units)/1500)), which"
          + " grows with the corpus).")
  long minCount;

  @Option(names = "--min-pmi", paramLabel = "NATS", defaultValue = "2.0",
      description = "Cohesion threshold of 2-unit grams, in nats (default: ${DEFAULT-VALUE}).")
  double minPmi;

  @Option(names = "--pmi-step", paramLabel = "NATS", defaultValue = "2.0",
      description = "Added to the cohesion threshold per extra unit (default: ${DEFAULT-VALUE}).")
  double pmiStep;

  @Option(names = "--min-entropy", paramLabel = "NATS", defaultValue = "0.5",
      description = "Smallest left and right boundary entropy of a word (default: ${DEFAULT-VALUE}).")
  double minEntropy;

  @Option(names = "--max-length", paramLabel = "UNITS", defaultValue = "12",
      description = "Longest word in units (default: ${DEFAULT-VALUE}).")
  int maxLength;

  @Option(names = "--pair-pmi", paramLabel = "NATS", defaultValue = "1.0",
      description = "2-unit words whose cohesion is below --min-pmi but at least this are"
          + " admitted if both boundary entropies reach --pair-entropy (default: ${DEFAULT-VALUE}).")
  double pairPmi;

  @Option(names = "--pair-entropy", paramLabel = "NATS", defaultValue = "2.5",
      description = "Boundary entropy such a pair needs on both sides (default: ${DEFAULT-VALUE}).")
  double pairEntropy;

  /**
   * The discovery settings these flags describe, with the given de-redundancy threshold.
   *
   * @throws CikuException (usage) if a value is out of range
   */
  public DiscoverOptions toOptions(double redundancy) {
    return CikuException.usage(() -> new DiscoverOptions(order, minCount, minPmi, pmiStep,
        minEntropy, maxLength, pairPmi, pairEntropy, redundancy));
  }
}
