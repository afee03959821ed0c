package dev.ciku.corpus;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The lines of an auxiliary UTF-8 text file (a word list, lexicon, stopword list, vocabulary,
 * gold or predicted segmentation), read alike everywhere: {@code -} is standard input; pipes and
 * FIFOs are read as streams ({@link InputFiles}); gzip data is decompressed (recognised by its
 * magic bytes); a leading byte-order mark is skipped (a UTF-16 or UTF-32 one makes the file
 * read in that encoding, {@link Encodings#open}); a file without one whose first block is
 * clearly not UTF-8 (a GBK word list) is read in the encoding detected in it, as a corpus read
 * without {@code --encoding} is ({@link Utf8Fallback}), with a warning at once; malformed bytes
 * become U+FFFD and, on
 * {@link #close}, one warning names the file with their count and first line; a NUL byte, which
 * no text file holds, is an error instead (an n-gram store or other binary file given by
 * mistake), with no warning about the bytes before it, as soon as it is decoded (a binary file
 * without line breaks, such as {@code /dev/zero}, is not read whole into one line first).
 *
 * <p>Cost: one buffered decoding pass and one String per line. Not thread-safe.
 */
public final class TextLines implements Closeable {
  /** The argument that names standard input. */
  public static final String STDIN = "-";

  private static final int BUFFER = 1 << 16;

  private final String name;
  private final DecodingReader decoder;
  private final BufferedReader lines;
  private final Consumer<String> warnings;
  /** A NUL byte was read: the file is binary data, reported as an error instead. */
  private boolean binary;
  private boolean first = true;
  private long lineNo;

  private TextLines(Encodings.Sniffed in, String name, boolean stream,
      Consumer<String> warnings) {
    this.name = name;
    this.decoder = in.charset().equals(StandardCharsets.UTF_8)
        ? new DecodingReader(in.stream(), new Utf8Fallback.Input(name, stream, warnings, true),
            BUFFER, false)
        : new DecodingReader(in.stream(), in.charset(), BUFFER);
    this.lines = new BufferedReader(new NulWatch(decoder), BUFFER);
    this.warnings = warnings;
  }

  /** Whether {@code arg} names standard input: {@code -}. */
  public static boolean isStdin(Path arg) {
    return arg.toString().equals(STDIN);
  }

  /**
   * Opens {@code file}, or standard input (left open) if it is {@code -}.
   *
   * @param warnings receives the malformed-bytes warning, if any
   */
  public static TextLines open(Path file, Consumer<String> warnings) throws IOException {
    if (isStdin(file)) {
      InputStream stdin = new java.io.FilterInputStream(System.in) {
        @Override
        public void close() {}
      };
      return of(InputFiles.named(stdin, "<stdin>", false), "<stdin>", true, warnings);
    }
    String name = file.toString();
    if (java.nio.file.Files.isDirectory(file)) {
      throw new java.nio.file.NoSuchFileException(name, null, "is a directory, not a file");
    }
    return of(InputFiles.open(file, name), name, InputFiles.isStream(file), warnings);
  }

  /**
   * Reads {@code in} (closed by {@link #close}), named {@code name} in messages, as a stream: its
   * first block is what its first read returns and whatever more is waiting.
   */
  public static TextLines of(InputStream in, String name, Consumer<String> warnings)
      throws IOException {
    return of(in, name, true, warnings);
  }

  private static TextLines of(InputStream in, String name, boolean stream,
      Consumer<String> warnings) throws IOException {
    return new TextLines(Encodings.open(InputFiles.refuseTar(InputFiles.gunzipIfMagic(in, name),
        name), StandardCharsets.UTF_8, false), name, stream, warnings);
  }

  /**
   * The next line without its line break (a BOM removed from the first), or null at the end.
   *
   * @throws MalformedDataException if the line holds a NUL character: the file is binary data
   *     (an n-gram store, say), not text
   */
  public String readLine() throws IOException {
    String line;
    try {
      line = lines.readLine();
    } catch (NulException e) {
      // The error says what the file is; its malformed bytes need no warning of their own.
      binary = true;
      throw new MalformedDataException(name, e.line, "binary data (a NUL byte), not text: is"
          + " it the right file?");
    }
    if (first) {
      first = false;
      line = stripBom(line);
    }
    if (line != null) {
      lineNo++;
    }
    return line;
  }

  /** A NUL character was decoded, on line {@code line} (1-based). */
  private static final class NulException extends IOException {
    private static final long serialVersionUID = 1L;
    final long line;

    NulException(long line) {
      super("a NUL byte on line " + line);
      this.line = line;
    }
  }

  /**
   * The decoded characters, as they come; a NUL character among them is a {@link NulException}
   * naming its line, counted as {@link BufferedReader#readLine} counts them (a line ends at LF,
   * CR or CR LF). Cost: one pass over the characters.
   */
  private static final class NulWatch extends java.io.FilterReader {
    private long line = 1;
    private boolean afterCr;

    NulWatch(java.io.Reader in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      char[] c = new char[1];
      return read(c, 0, 1) < 0 ? -1 : c[0];
    }

    @Override
    public int read(char[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      for (int i = off; i < off + n; i++) {
        char c = b[i];
        if (c == '\0') {
          throw new NulException(line);
        }
        if (c == '\r' || c == '\n' && !afterCr) {
          line++;
        }
        afterCr = c == '\r';
      }
      return n;
    }
  }

  /** The number of the line {@link #readLine} returned last (1 for the first; 0 before). */
  public long lineNumber() {
    return lineNo;
  }

  /** {@code line} without a leading U+FEFF (a byte-order mark); null stays null. */
  public static String stripBom(String line) {
    return line != null && !line.isEmpty() && line.charAt(0) == '\uFEFF' ? line.substring(1)
        : line;
  }

  /** The name of the input in messages: the path as given, or {@code <stdin>}. */
  public String name() {
    return name;
  }

  /** Malformed byte sequences replaced so far. */
  public long malformed() {
    return decoder.malformed();
  }

  /** Closes the input and reports malformed bytes, if any. */
  @Override
  public void close() throws IOException {
    lines.close();
    if (decoder.malformed() > 0 && !binary) {
      warnings.accept(DecodingReader.warning(name, decoder.malformed(), decoder.firstBadLine()));
    }
  }
}
