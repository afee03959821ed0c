package dev.ciku.spark;

import dev.ciku.cli.OutputOptions;
import dev.ciku.output.OutputFormat;
import java.util.EnumSet;
import picocli.CommandLine.Option;

/**
 * How a job writes its rows: {@code --format} and {@code --no-header}, with the one check (and
 * message) of a format, the CLI's ({@link OutputOptions#format(String, EnumSet)}). Each job lists
 * its formats in its help through {@link JobHelp}.
 *
 * <p>A picocli mixin: picocli fills the fields while parsing, and the methods read them (nothing
 * is cached). Not thread-safe; one instance per job run, used on the driver's thread.
 */
final class RowsOptions {
  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "tsv",
      description = "Output format: tsv (default) or one of the others this job lists.")
  String format;

  @Option(names = "--no-header", description = "No header line in TSV output.")
  boolean noHeader;

  /** The format asked for, if {@code allowed} holds it; otherwise a usage error naming them. */
  OutputFormat format(EnumSet<OutputFormat> allowed) {
    return OutputOptions.format(format, allowed);
  }

  /** Whether TSV rows start with their header line (no {@code --no-header}). */
  boolean header() {
    return !noHeader;
  }
}
