package dev.ciku.cli;

import dev.ciku.output.Output;
import dev.ciku.output.OutputFormat;
import dev.ciku.output.RowWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Options for commands that write rows: format, header, output file.
 *
 * <p>A picocli mixin: picocli fills the fields while parsing, and the methods read them (nothing
 * is cached). Not thread-safe; one instance per command run, used on its thread.
 */
public final class OutputOptions {
  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "tsv",
      description = "Output format: tsv (default) or jsonl.")
  String format;

  @Option(names = "--no-header", description = "No header line in TSV output.")
  boolean noHeader;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write to FILE (atomically: complete or not at all) instead of standard output;"
          + " a FIFO, a device or /dev/fd/N is written in place; /dev/stdout, /dev/stderr (or the"
          + " file they are redirected to) as standard output or error.")
  Path output;

  /**
   * A command with these options: the formats its {@code --format} takes, which its help lists
   * ({@link #describeFormats}) and {@link #format} accepts.
   */
  interface Formats {
    EnumSet<OutputFormat> formats();

    /** What the help adds after the list of formats ("" for nothing). */
    default String formatNote() {
      return "";
    }
  }

  /**
   * Makes the {@code --format} help of every command under {@code cl} that is {@link Formats}
   * list exactly its formats (through a resource bundle of that command: the annotation's text is
   * the same for every command that mixes these options in).
   */
  static void describeFormats(CommandLine cl) {
    if (cl.getCommand() instanceof Formats f) {
      String text = "Output format: " + describe(f.formats()) + "." + f.formatNote();
      cl.getCommandSpec().resourceBundle(new ListResourceBundle() {
        @Override
        protected Object[][] getContents() {
          return new Object[][] {{"format", text}};
        }
      });
    }
    for (CommandLine sub : cl.getSubcommands().values()) {
      describeFormats(sub);
    }
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
  OutputFormat format(Formats command) {
    return format(command.formats());
  }

  /** The requested format, checked against what the command supports. */
  public OutputFormat format(EnumSet<OutputFormat> allowed) {
    return format(format, allowed);
  }

  /**
   * The format {@code name} given to {@code --format}, checked against {@code allowed}: a usage
   * error naming them if it is not one. The one check of the CLI's and the Spark jobs' option.
   */
  public static OutputFormat format(String name, EnumSet<OutputFormat> allowed) {
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

  /**
   * Refuses (usage) a negative {@code --top}, the number of rows a command prints (0: all); the
   * one check, and message, of every command's {@code --top}.
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

  /** Opens the destination. */
  public Output open() throws IOException {
    return Output.open(output);
  }

  /** Whether TSV output starts with its header line (no {@code --no-header}). */
  public boolean header() {
    return !noHeader;
  }

  /** A row writer over {@code out}. */
  public RowWriter rows(Output out, OutputFormat f, List<String> columns) {
    return new RowWriter(out.writer(), f, columns, !noHeader);
  }
}
