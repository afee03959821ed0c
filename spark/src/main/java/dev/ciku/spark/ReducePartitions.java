package dev.ciku.spark;

import dev.ciku.cli.CikuException;
import picocli.CommandLine.Option;

/**
 * {@code --reduce-partitions}: a picocli mixin of the jobs that shuffle ({@code count},
 * {@code discover}, {@code domain}); {@code stats} sums its partitions on the driver and has no
 * reduce to size. Filled by picocli; not thread-safe (driver only).
 */
final class ReducePartitions {
  @Option(names = "--reduce-partitions", paramLabel = "R", defaultValue = "0",
      description = "Reduce partitions (0: as many as input partitions).")
  int reducePartitions;

  /** Reduce partitions (0: as many as input partitions); a negative count is a usage error. */
  int value() {
    CikuException.usage(
        () -> dev.ciku.corpus.Params.atLeast("--reduce-partitions", reducePartitions, 0));
    return reducePartitions;
  }
}
