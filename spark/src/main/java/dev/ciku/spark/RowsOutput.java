package dev.ciku.spark;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where and how the {@code stats}, {@code discover} and {@code domain} jobs write their rows: a
 * file on the driver ({@code -o}) or standard output, and {@link RowsOptions}.
 *
 * <p>A picocli mixin: picocli fills the fields while parsing. Not thread-safe; one instance per
 * job run, used on the driver's thread.
 */
final class RowsOutput {
  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write to FILE on the driver (atomically: complete or not at all) instead"
          + " of standard output.")
  Path output;

  @Mixin RowsOptions rows;
}
