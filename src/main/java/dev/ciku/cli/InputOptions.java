package dev.ciku.cli;

import dev.ciku.corpus.CorpusInput;
import dev.ciku.corpus.InputFormat;
import dev.ciku.corpus.ReaderOptions;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Options shared by every command that reads a corpus. */
public final class InputOptions {
  @Parameters(paramLabel = "INPUT", arity = "0..*",
      description = "Files or directories (read recursively, in sorted order); .gz is decompressed."
          + " '-' or nothing reads standard input.")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8",
      description = "Input encoding: UTF-8 (default; a BOM is skipped), GB18030, GBK, Big5, ..."
          + " Malformed bytes are replaced and reported, never fatal.")
  String encoding;

  @Option(names = "--input-format", paramLabel = "FORMAT", defaultValue = "plain",
      description = "plain (a line is text), jsonl (text in --field), tsv or csv (text in --column).")
  String inputFormat;

  @Option(names = "--field", paramLabel = "NAME", defaultValue = "text",
      description = "JSON field holding the text, with --input-format jsonl (default: ${DEFAULT-VALUE}).")
  String field;

  @Option(names = "--column", paramLabel = "N", defaultValue = "1",
      description = "1-based column holding the text, with --input-format tsv or csv.")
  int column;

  @Option(names = "--lowercase", description = "Lower-case Latin letters before counting.")
  boolean lowercase;

  /** The reader options these flags describe. */
  public ReaderOptions readerOptions() {
    Charset cs;
    try {
      cs = Charset.forName(encoding);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new CikuException(CikuException.USAGE, "unknown encoding '" + encoding + "'");
    }
    InputFormat f;
    try {
      f = InputFormat.valueOf(inputFormat.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CikuException(CikuException.USAGE,
          "unknown --input-format '" + inputFormat + "' (plain, jsonl, tsv, csv)");
    }
    if (column < 1) {
      throw new CikuException(CikuException.USAGE, "--column must be 1 or more");
    }
    return new ReaderOptions(cs, f, field, column, lowercase);
  }

  /** The inputs named on the command line, expanded. */
  public List<CorpusInput> corpus() throws IOException {
    return CorpusInput.expand(inputs);
  }

  /** Total stored size of the inputs, or -1 if any is unknown (standard input). */
  public static long totalSize(List<CorpusInput> inputs) {
    long total = 0;
    for (CorpusInput in : inputs) {
      if (in.size() < 0) {
        return -1;
      }
      total += in.size();
    }
    return total;
  }
}
