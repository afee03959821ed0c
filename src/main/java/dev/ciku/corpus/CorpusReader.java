package dev.ciku.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * Streams a corpus into a {@link ClauseScanner}: opens each input in order, decodes it, skips a
 * UTF-8 byte-order mark, replaces malformed or unmappable bytes by U+FFFD (a boundary) while
 * counting them, and for JSON-lines and TSV/CSV inputs extracts the text field of each line.
 *
 * <p>Plain text is never held by the line: memory stays bounded whatever the line length. JSON
 * and column formats hold one line at a time; a CSV record whose quoted field spans lines (RFC
 * 4180) is one record, but a line break ends it once it holds {@value #MAX_RECORD} characters
 * (so an unbalanced quote cannot swallow the rest of the input). Lines that lack their text (not
 * a JSON object, no such field or column) are skipped and counted in one warning per input.
 *
 * <p>Not thread-safe; one reader per scan. Allocates its buffers once per instance.
 */
public final class CorpusReader {
  private static final int BUFFER = 1 << 16;
  /** Characters after which a line break ends a CSV record even inside quotes. */
  static final int MAX_RECORD = BUFFER;

  private final ReaderOptions options;
  private final ByteCounter bytes;
  private final Consumer<String> warnings;
  private final ByteBuffer in = ByteBuffer.allocate(BUFFER);
  private final CharBuffer out = CharBuffer.allocate(BUFFER);
  private final StringBuilder line = new StringBuilder();
  private long malformed;
  // Per input, for formats with fields: quote state, header to skip, lines skipped.
  private boolean inQuote;
  private boolean headerPending;
  private long notObjects;
  private long lacking;
  private long cutRecords;

  /**
   * @param options how to decode and parse inputs
   * @param bytes receives the number of stored bytes read, for progress display
   * @param warnings receives one message per input with malformed input (first line, count)
   */
  public CorpusReader(ReaderOptions options, ByteCounter bytes, Consumer<String> warnings) {
    this.options = options;
    this.bytes = bytes;
    this.warnings = warnings;
  }

  /** Reads every input in order into {@code scanner}, then calls {@link ClauseScanner#finish}. */
  public void read(List<CorpusInput> inputs, ClauseScanner scanner) throws IOException {
    for (CorpusInput input : inputs) {
      try (InputStream stream = input.open(bytes)) {
        readOne(input, stream, scanner);
      }
    }
    scanner.finish();
  }

  /** Malformed or unmappable byte sequences replaced so far, over all inputs. */
  public long malformed() {
    return malformed;
  }

  private void readOne(CorpusInput input, InputStream raw, ClauseScanner scanner)
      throws IOException {
    Encodings.Sniffed resolved = Encodings.open(raw, options.charset(), options.detectCharset());
    Charset charset = resolved.charset();
    InputStream stream = resolved.stream();
    CharsetDecoder decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    boolean utf8 = charset.equals(StandardCharsets.UTF_8);
    in.clear();
    out.clear();
    line.setLength(0);
    inQuote = false;
    headerPending = options.skipHeader();
    notObjects = 0;
    lacking = 0;
    cutRecords = 0;
    long fileMalformed = 0;
    long firstBadLine = -1;
    long lineNo = 1;
    boolean first = true;
    boolean eof = false;
    while (true) {
      if (!eof) {
        int n = stream.read(in.array(), in.position(), in.remaining());
        if (n < 0) {
          eof = true;
        } else {
          in.position(in.position() + n);
        }
      }
      in.flip();
      if (first && utf8) {
        if (in.remaining() < 3 && !eof) {
          in.compact();
          continue;
        }
        if (in.remaining() >= 3 && (in.get(0) & 0xFF) == 0xEF && (in.get(1) & 0xFF) == 0xBB
            && (in.get(2) & 0xFF) == 0xBF) {
          in.position(3);
        }
      }
      first = false;
      while (true) {
        CoderResult r = decoder.decode(in, out, eof);
        lineNo += drain(scanner);
        if (r.isError()) {
          in.position(in.position() + r.length());
          fileMalformed++;
          if (firstBadLine < 0) {
            firstBadLine = lineNo;
          }
          out.put('\uFFFD');
          continue;
        }
        if (r.isOverflow()) {
          continue;
        }
        break;
      }
      if (eof) {
        decoder.flush(out);
        drain(scanner);
        break;
      }
      in.compact();
    }
    if (options.format() != InputFormat.PLAIN && line.length() > 0) {
      extract(scanner);
      line.setLength(0);
    }
    // An input that does not end with a line break still ends its last line and clause.
    scanner.finish();
    if (fileMalformed > 0) {
      malformed += fileMalformed;
      warnings.accept(DecodingReader.warning(input.name(), fileMalformed, firstBadLine)
          + hint(charset, options.detectCharset()));
    }
    if (notObjects > 0 || lacking > 0) {
      warnings.accept(input.name() + ": " + skipped() + "; skipped");
    }
    if (cutRecords > 0) {
      warnings.accept(input.name() + ": " + cutRecords + " quoted field(s) still open after "
          + MAX_RECORD + " characters ended at a line break (is a quote unbalanced?)");
    }
  }

  /** What the lines skipped in this input lacked. */
  private String skipped() {
    StringBuilder b = new StringBuilder();
    if (notObjects > 0) {
      b.append(notObjects).append(notObjects == 1 ? " line is" : " lines are")
          .append(" not a JSON object");
    }
    if (lacking > 0) {
      b.append(b.length() > 0 ? ", " : "").append(lacking)
          .append(lacking == 1 ? " line lacks" : " lines lack")
          .append(options.format() == InputFormat.JSONL
              ? " a string field '" + options.field() + "'"
              : " column " + options.column());
    }
    return b.toString();
  }

  /** What to tell the user about the encoding after a malformed-bytes warning. */
  public static String hint(Charset charset, boolean detected) {
    return detected
        ? " (read as " + charset.name() + ", detected; give --encoding if that is wrong)"
        : " (is --encoding right? --encoding auto detects GB18030, Big5 and UTF-16)";
  }

  /** Passes decoded characters on; returns the number of line breaks seen. */
  private int drain(ClauseScanner scanner) {
    out.flip();
    char[] a = out.array();
    int from = out.position();
    int to = out.limit();
    int newlines = 0;
    if (options.format() == InputFormat.PLAIN) {
      for (int i = from; i < to; i++) {
        if (a[i] == '\n') {
          newlines++;
        }
      }
      // Keep a trailing high surrogate for the next round.
      if (to > from && Character.isHighSurrogate(a[to - 1])) {
        scanner.chars(a, from, to - 1);
        out.position(to - 1);
      } else {
        scanner.chars(a, from, to);
        out.position(to);
      }
    } else {
      boolean csv = options.format() == InputFormat.CSV;
      for (int i = from; i < to; i++) {
        char c = a[i];
        if (c == '\n') {
          newlines++;
          if (inQuote) {
            if (line.length() < MAX_RECORD) {
              line.append(c);
              continue;
            }
            cutRecords++;
            inQuote = false;
          }
          extract(scanner);
          line.setLength(0);
        } else {
          if (c == '"' && csv) {
            // RFC 4180: a doubled quote inside a quoted field toggles twice.
            inQuote = !inQuote;
          }
          line.append(c);
        }
      }
      out.position(to);
    }
    out.compact();
    return newlines;
  }

  private void extract(ClauseScanner scanner) {
    int end = line.length();
    if (end > 0 && line.charAt(end - 1) == '\r') {
      line.setLength(end - 1);
    }
    CharSequence text = switch (options.format()) {
      case JSONL -> JsonField.extract(line, options.field());
      case TSV -> Columns.tsv(line, options.column());
      case CSV -> Columns.csv(line, options.column());
      case PLAIN -> line;
    };
    if (headerPending) {
      headerPending = false;
      return;
    }
    if (text != null) {
      scanner.text(text);
    } else if (!isBlank(line)) {
      if (options.format() == InputFormat.JSONL && !JsonField.isObject(line)) {
        notObjects++;
      } else {
        lacking++;
      }
    }
    scanner.endLine();
  }

  private static boolean isBlank(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isWhitespace(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
