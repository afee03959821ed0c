package dev.ciku.cli;

import dev.ciku.corpus.InputFormat;
import dev.ciku.corpus.LatinCase;
import dev.ciku.corpus.ReaderOptions;
import dev.ciku.corpus.Simplified;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * How a corpus's text is found in its lines and normalised: options of the commands that count
 * (not of {@code segment}, which writes its input back as it is).
 *
 * <p>A picocli mixin: picocli fills the fields while parsing, and the methods read them (nothing
 * is cached). Not thread-safe; one instance per command run, used on its thread.
 */
public final class FormatOptions {
  /**
   * The options that say how a corpus is read, as the user types them: its encoding (of
   * {@link InputOptions}) and where its text is in its lines; not {@code --lowercase},
   * {@code --keep-case} and {@code --simplify}, which say how the text is normalised, as a store
   * records too. A run that
   * reads no corpus ({@code count --merge}, {@code discover --counts} without INPUT) has no use
   * for them.
   */
  static final List<String> READING_OPTIONS =
      List.of("--encoding", "--input-format", "--field", "--column", "--skip-header");

  @Option(names = "--input-format", paramLabel = "FORMAT", defaultValue = "plain",
      description = "plain (a line is text), jsonl (text in --field), tsv or csv (text in --column;"
          + " CSV as RFC 4180: a quote at the start of a field opens a quoted field, which may"
          + " span lines; one still open after 65,536 characters ends at the next line break,"
          + " with a warning). Lines without that text are skipped, counted in a warning.")
  String inputFormat;

  @Option(names = "--field", paramLabel = "NAME",
      description = "JSON field holding the text, with --input-format jsonl (default: text).")
  String field;

  @Option(names = "--column", paramLabel = "N",
      description = "1-based column holding the text, with --input-format tsv or csv (default: 1).")
  Integer column;

  @Option(names = "--skip-header",
      description = "With --input-format tsv or csv: the first line (record) of each input is a"
          + " header; skip it.")
  boolean skipHeader;

  @Option(names = "--lowercase", description = "Write Latin units lower-case (cpu): they are"
      + " compared without case, as by default, and lower-cased as they are read.")
  boolean lowercase;

  @Option(names = "--keep-case", description = "Compare Latin units with their case, as written:"
      + " CPU and cpu are two units. By default they are one, counted together and written in"
      + " their most frequent form in the input (CPU if it is seen more often than cpu; a tie"
      + " goes to the form first in code point order, CPU). Not with --lowercase.")
  boolean keepCase;

  @Option(names = "--simplify", description = "Fold traditional Han characters to simplified"
      + " ones before counting (這個 and 这个 become one string, written 这个).")
  boolean simplify;

  /** The files of ciku's dict/ that reading with these options needs: --simplify's t2s table. */
  String[] bundledData() {
    return simplify ? new String[] {Simplified.RESOURCE} : new String[0];
  }

  /**
   * How Latin letters are treated: {@code --lowercase}, {@code --keep-case} or the default,
   * folding case ({@link LatinCase}); both options are a usage error.
   */
  public LatinCase latinCase() {
    return latinCase(lowercase, keepCase);
  }

  /**
   * The setting of {@code --lowercase} and {@code --keep-case} as given (to the CLI's commands
   * or the Spark jobs): both are a usage error with {@link LatinCase#BOTH_GIVEN}.
   */
  public static LatinCase latinCase(boolean lowercase, boolean keepCase) {
    if (lowercase && keepCase) {
      throw new CikuException(CikuException.USAGE, LatinCase.BOTH_GIVEN);
    }
    return LatinCase.of(lowercase, keepCase);
  }

  /** Whether traditional Han characters are folded to simplified ones ({@code --simplify}). */
  public boolean simplify() {
    return simplify;
  }

  /** The reader options these flags describe, for the inputs of {@code input}. */
  public ReaderOptions readerOptions(InputOptions input) {
    return readerOptions(input.charset(), input.detectCharset(), input.fallback());
  }

  /**
   * The reader options these flags describe, for inputs read in {@code charset} (detected per
   * input if {@code detectCharset}; falling back from UTF-8 if {@code fallback}): an unknown
   * format, or an option that does not go with the format, is a usage error. The Spark jobs,
   * which mix these options in, decide the encoding per file themselves.
   */
  public ReaderOptions readerOptions(java.nio.charset.Charset charset, boolean detectCharset,
      boolean fallback) {
    LatinCase latinCase = latinCase();
    InputFormat f;
    try {
      f = InputFormat.valueOf(inputFormat.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CikuException(CikuException.USAGE,
          "unknown --input-format '" + inputFormat + "' (plain, jsonl, tsv, csv)");
    }
    boolean columns = f == InputFormat.TSV || f == InputFormat.CSV;
    if (field != null && f != InputFormat.JSONL) {
      throw new CikuException(CikuException.USAGE, "--field needs --input-format jsonl");
    }
    if (column != null && !columns) {
      throw new CikuException(CikuException.USAGE, "--column needs --input-format tsv or csv");
    }
    if (column != null && column < 1) {
      throw new CikuException(CikuException.USAGE, "--column must be 1 or more");
    }
    if (skipHeader && !columns) {
      throw new CikuException(CikuException.USAGE,
          "--skip-header needs --input-format tsv or csv");
    }
    return new ReaderOptions(charset, f, field == null ? "text" : field,
        column == null ? 1 : column, latinCase, detectCharset, simplify, skipHeader, fallback);
  }
}
