package dev.ciku.cli;

import dev.ciku.output.Output;
import dev.ciku.output.OutputFormat;
import dev.ciku.output.RowWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** Options for commands that write rows: format, header, output file. */
public final class OutputOptions {
  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "tsv",
      description = "Output format: tsv (default) or jsonl; some commands also take json or dict.")
  String format;

  @Option(names = "--no-header", description = "No header line in TSV output.")
  boolean noHeader;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write to FILE (atomically: complete or not at all) instead of standard output;"
          + " a FIFO, a device or /dev/fd/N is written in place.")
  Path output;

  /** The requested format, checked against what the command supports. */
  public OutputFormat format(EnumSet<OutputFormat> allowed) {
    OutputFormat f;
    try {
      f = OutputFormat.valueOf(format.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      f = null;
    }
    if (f == null || !allowed.contains(f)) {
      throw new CikuException(CikuException.USAGE, "--format must be one of "
          + allowed.toString().toLowerCase(Locale.ROOT).replaceAll("[\\[\\] ]", "")
          + ", not '" + format + "'");
    }
    return f;
  }

  /** Opens the destination. */
  public Output open() throws IOException {
    return Output.open(output);
  }

  /** A row writer over {@code out}. */
  public RowWriter rows(Output out, OutputFormat f, List<String> columns) {
    return new RowWriter(out.writer(), f, columns, !noHeader);
  }
}
