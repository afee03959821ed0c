package dev.ciku.cli;

import dev.ciku.output.Output;
import dev.ciku.output.OutputFormat;
import dev.ciku.output.RowWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * How a command's rows are written: {@code --format} and {@code --no-header}. Part of
 * {@link OutputOptions}; mixed in alone by {@code count}, whose {@code -o} is a store, not rows,
 * and by the Spark jobs. Each command says which formats it takes ({@link Formats}): its help
 * lists them ({@link OptionTexts}) and {@link #format(Formats)} accepts them, with one message
 * for all.
 *
 * <p>A picocli mixin: picocli fills the fields while parsing, and the methods read them (nothing
 * is cached). Not thread-safe; one instance per command run, used on its thread.
 */
public final class RowOptions implements OptionTexts.Own {
  // Each command's help lists its own formats (OptionTexts); this text is for none.
  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "tsv",
      description = "Output format: tsv (default) or jsonl.")
  String format;

  @Option(names = "--no-header", description = "No header line in TSV output.")
  boolean noHeader;

  /** The command's {@code --format} text, or null for the one its formats give. */
  private final String formatText;

  /** The options, {@code --format} described by the formats of the command. */
  public RowOptions() {
    this(null);
  }

  /**
   * The options, {@code --format} described by {@code formatText} instead: for rows that are
   * not the command's only output (the Spark count job's {@code --tsv} rows beside its store).
   */
  public RowOptions(String formatText) {
    this.formatText = formatText;
  }

  /**
   * A command with these options: the formats its {@code --format} takes, which its help lists
   * ({@link #describe}) and {@link #format(Formats)} accepts.
   */
  public interface Formats {
    /** The formats the command's {@code --format} takes. */
    EnumSet<OutputFormat> formats();

    /** What the help adds after the list of formats ("" for nothing). */
    default String formatNote() {
      return "";
    }
  }

  /** The {@code --format} help of {@code command}: its formats, then its note. */
  static String help(Formats command) {
    return "Output format: " + describe(command.formats()) + "." + command.formatNote();
  }

  /** "tsv (default), jsonl or dict (...)": the formats, in enum order, each explained. */
  static String describe(EnumSet<OutputFormat> formats) {
    List<String> parts = new ArrayList<>();
    for (OutputFormat f : formats) {
      parts.add(switch (f) {
        case TSV -> "tsv (default)";
        case JSONL -> "jsonl (one JSON object a line)";
        case JSON -> "json (one JSON object)";
        case DICT -> "dict ('word count' lines, a segmenter dictionary)";
      });
    }
    int last = parts.size() - 1;
    return last == 0 ? parts.get(0)
        : String.join(", ", parts.subList(0, last)) + " or " + parts.get(last);
  }

  /** The requested format, checked against the formats of {@code command}. */
  public OutputFormat format(Formats command) {
    return format(command.formats());
  }

  /** The requested format, checked against what the command supports. */
  public OutputFormat format(EnumSet<OutputFormat> allowed) {
    return format(format, allowed);
  }

  /**
   * The format {@code name} given to {@code --format}, checked against {@code allowed}: a usage
   * error naming them if it is not one. The one check of every command's option (the Spark jobs'
   * too).
   */
  static OutputFormat format(String name, EnumSet<OutputFormat> allowed) {
    OutputFormat f = parseFormat(name, allowed);
    if (f == null) {
      throw new CikuException(CikuException.USAGE, "--format must be one of "
          + allowed.toString().toLowerCase(Locale.ROOT).replaceAll("[\\[\\] ]", "")
          + ", not '" + name + "'");
    }
    return f;
  }

  /** The format named {@code name} (in any case) if {@code allowed} holds it, else null. */
  private static OutputFormat parseFormat(String name, EnumSet<OutputFormat> allowed) {
    OutputFormat f;
    try {
      f = OutputFormat.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
    return allowed.contains(f) ? f : null;
  }

  /** Whether TSV output starts with its header line (no {@code --no-header}). */
  public boolean header() {
    return !noHeader;
  }

  /** A row writer over {@code out}. */
  public RowWriter rows(Output out, OutputFormat f, List<String> columns) {
    return new RowWriter(out.writer(), f, columns, !noHeader);
  }

  @Override
  public Map<String, String> texts() {
    return OptionTexts.text("format", formatText);
  }
}
