package dev.ciku.cli;

import dev.ciku.corpus.BinaryData;
import dev.ciku.corpus.CorpusInput;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The inputs and their encoding: options of every command that reads text. Commands that read a
 * corpus for counting add {@link FormatOptions}.
 *
 * <p>A picocli mixin: picocli fills the fields while parsing, and the methods read them (nothing
 * is cached). Not thread-safe; one instance per command run, used on its thread.
 * {@link #corpus} walks the directories named (one file-status call per entry).
 */
public final class InputOptions {
  @Parameters(paramLabel = "INPUT", arity = "0..*",
      description = "Files or directories (read recursively, in sorted order, skipping hidden"
          + " files and directories, names starting with '.', and binary files, with a NUL byte"
          + " in their first 8 KB: a binary file named, or binary data on standard input, is"
          + " refused); gzip data (.gz, or"
          + " recognised by its first bytes) is decompressed."
          + " Pipes, FIFOs and <(...) are read as streams. '-' or nothing reads standard input"
          + " (which one argument at most may read).")
  @PathArguments.Paths
  List<String> inputs = new ArrayList<>();

  @Option(names = "--encoding", paramLabel = "CHARSET",
      description = "Input encoding: UTF-8 (default; a BOM is recognised, not read as text, in"
          + " any encoding; an input without a BOM whose first block, 64 KB or what a pipe has"
          + " sent, is clearly not UTF-8 is read in the encoding auto detects in it, with a"
          + " warning), GB18030, GBK, Big5, ... (used as given, UTF-8 included), or auto"
          + " (detected per input from its first 64 KB: a BOM, UTF-8, UTF-16 without a BOM,"
          + " GB18030 or Big5). Malformed bytes are replaced and reported, never fatal.")
  String encoding;

  /** Whether {@code --encoding auto} asks to detect each input's encoding. */
  public boolean detectCharset() {
    return isAuto(encoding);
  }

  /**
   * Whether no {@code --encoding} was given: inputs are read as UTF-8, but one whose first block
   * is clearly not UTF-8 in the encoding detected in it ({@link dev.ciku.corpus.Utf8Fallback}).
   */
  public boolean fallback() {
    return encoding == null;
  }

  /** The charset of {@code --encoding} (UTF-8 for {@code auto}, which detects it per input). */
  public Charset charset() {
    return charset(encoding);
  }

  /**
   * Whether {@code encoding}, a value of {@code --encoding} (null if none was given), asks for
   * detection ({@code auto}).
   */
  public static boolean isAuto(String encoding) {
    return encoding != null && encoding.equalsIgnoreCase("auto");
  }

  /**
   * The charset named by {@code encoding}, a value of {@code --encoding} (UTF-8 for {@code auto}
   * and for null, none given); an unknown name is a usage error. The Spark jobs' option uses it
   * too.
   */
  public static Charset charset(String encoding) {
    if (encoding == null || isAuto(encoding)) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(encoding);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new CikuException(CikuException.USAGE, "unknown encoding '" + encoding + "'");
    }
  }

  /**
   * The inputs named on the command line, expanded (none: standard input); standard input named
   * by more than one of them is a usage error ({@link InputChecks}). How many files each
   * directory gives, and the entries skipped in it, are logged as info; a binary file skipped in
   * a directory, or a directory without input files, as a warning; a binary file named is bad
   * data ({@link CorpusInput#expand}).
   */
  public List<CorpusInput> corpus(Log log) throws IOException {
    new InputChecks().corpus(inputs, true).check();
    if (inputs.isEmpty() && stdinIsTerminal()) {
      // Typed text is read, but a user who forgot the file would see nothing happen.
      log.info("no INPUT given: reading standard input, the terminal (end it with Ctrl-D)");
    }
    return CorpusInput.expand(inputs, binaryData(), log::info, log::warn);
  }

  /** How binary files are told from text files in the encoding these options read. */
  public BinaryData binaryData() {
    return new BinaryData(charset(), detectCharset(), fallback());
  }

  /** Whether the launcher reported standard input to be a terminal. */
  static boolean stdinIsTerminal() {
    return Boolean.getBoolean("ciku.stdin.tty");
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
