package dev.ciku.cli;

import dev.ciku.output.Output;
import dev.ciku.output.OutputFormat;
import dev.ciku.output.RowWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Mixin;

/**
 * Options for commands that write rows: format and header ({@link RowOptions}), output file
 * ({@link OutputFileOption}); and the checks of the row options that every command and the
 * Spark jobs share ({@link #checkTop}, {@link #sortsByCount}).
 *
 * <p>A picocli mixin: picocli fills the fields while parsing, and the methods read them (nothing
 * is cached). Not thread-safe; one instance per command run, used on its thread. The static
 * checks are stateless and thread-safe.
 */
public final class OutputOptions {
  @Mixin RowOptions rows;
  @Mixin OutputFileOption file;

  /** The requested format, checked against the formats of {@code command}. */
  OutputFormat format(RowOptions.Formats command) {
    return rows.format(command);
  }

  /** The requested format, checked against what the command supports. */
  public OutputFormat format(EnumSet<OutputFormat> allowed) {
    return rows.format(allowed);
  }

  /**
   * Refuses (usage) a negative {@code --top}, the number of rows a command prints (0: all); the
   * one check, and message, of every command's {@code --top} ({@link TopOption}) and the Spark
   * jobs'.
   */
  public static int checkTop(int top) {
    if (top < 0) {
      throw new CikuException(CikuException.USAGE, "--top must be 0 or more");
    }
    return top;
  }

  /**
   * Whether {@code count}'s {@code --sort KEY} ranks by count (true) or lists in gram order
   * (false); any other key is a usage error. The CLI's and the Spark job's one parser.
   */
  public static boolean sortsByCount(String key) {
    return switch (key.toLowerCase(Locale.ROOT)) {
      case "count" -> true;
      case "ngram" -> false;
      default -> throw new CikuException(CikuException.USAGE,
          "--sort must be count or ngram, not '" + key + "'");
    };
  }

  /** The file given to {@code -o}, or null for standard output. */
  public Path path() {
    return file.path();
  }

  /** Opens the destination. */
  public Output open() throws IOException {
    return file.open();
  }

  /** Whether TSV output starts with its header line (no {@code --no-header}). */
  public boolean header() {
    return rows.header();
  }

  /** A row writer over {@code out}. */
  public RowWriter rows(Output out, OutputFormat f, List<String> columns) {
    return rows.rows(out, f, columns);
  }
}
