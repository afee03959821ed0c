package dev.ciku.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * Streams a corpus into a {@link ClauseScanner}: opens each input in order, decodes it, skips a
 * byte-order mark (U+FEFF as an input's first character, in any encoding), replaces malformed or
 * unmappable bytes by U+FFFD (a boundary) while counting them, and for JSON-lines and TSV/CSV
 * inputs extracts the text field of each line.
 *
 * <p>Plain text is never held by the line: memory stays bounded whatever the line length. JSON and
 * column formats hold one record at a time, and only when it does not lie whole in the decoded
 * buffer: a record that does is read where it lies. A {@link RecordField} finds the text in it,
 * which the scanner reads where it lies too unless it holds escapes or doubled quotes. CSV follows
 * RFC 4180 as Python's {@code csv} module reads it: a quote is special only at the start of a field
 * (inside an unquoted field it is an ordinary character); a record whose quoted field spans lines
 * is one record, but a line break ends it once it holds {@value #MAX_RECORD} characters and the
 * next line starts a new record (so an unbalanced quote cannot swallow the rest of the input); both
 * that and a quoted field still open at the end of an input are warned about, with the line where
 * the quote opened. Lines that lack their text (not a JSON object, no such field or column) are
 * skipped and counted in one warning per input; if no line of any input holds it, the field or
 * column given is taken for a mistake and the read fails ({@link MalformedDataException}, with
 * the start of the first such line, which shows what the records hold).
 *
 * <p>An input read as UTF-8 only because no encoding was given ({@link ReaderOptions#fallback})
 * has its first block decoded before any of it is passed on: if that block is clearly not UTF-8
 * and another encoding is detected in it ({@link Utf8Fallback}), the input is read in that one
 * from its first byte, with a warning.
 *
 * <p>Not thread-safe; one reader per scan. Allocates its buffers once per instance (the record
 * and field buffers grow to the longest record held), nothing per record.
 */
public final class CorpusReader {
  private static final int BUFFER = 1 << 16;
  /** Characters after which a line break ends a CSV record even inside quotes. */
  static final int MAX_RECORD = CsvRecords.MAX_RECORD;
  /** The longest record held: the largest array a JVM allocates. */
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  private final ReaderOptions options;
  private final ByteCounter bytes;
  private final Consumer<String> warnings;
  private final ByteBuffer in = ByteBuffer.allocate(BUFFER);
  private final CharBuffer out = CharBuffer.allocate(BUFFER);
  /** Finds the text of a record; null for plain text. */
  private final RecordField field;
  /** The record read so far, when it began in an earlier buffer: {@code record[0..held)}. */
  private char[] record = new char[1024];
  private int held;
  /** No character of the current input has been passed on yet (a byte-order mark may come). */
  private boolean markPending;
  private long malformed;
  /** Where CSV records end (RFC 4180); null for other formats. */
  private final CsvRecords csv;
  // Per input: line breaks read; for formats with fields: header to skip, records without the
  // text.
  private long newlines;
  private boolean headerPending;
  private SkippedRecords skipped;
  /** Over all inputs: records with their text and without. */
  private final SkippedRecords allRecords;

  /**
   * @param options how to decode and parse inputs
   * @param bytes receives the number of stored bytes read, for progress display
   * @param warnings receives one message per input with malformed input (first line, count)
   */
  public CorpusReader(ReaderOptions options, ByteCounter bytes, Consumer<String> warnings) {
    this.options = options;
    this.bytes = bytes;
    this.warnings = warnings;
    this.field = RecordField.of(options);
    this.csv = options.format() == InputFormat.CSV ? new CsvRecords() : null;
    this.allRecords = field == null ? null : new SkippedRecords(options);
  }

  /** Reads every input in order into {@code scanner}, then calls {@link ClauseScanner#finish}. */
  public void read(List<CorpusInput> inputs, ClauseScanner scanner) throws IOException {
    for (CorpusInput input : inputs) {
      try (InputStream stream = input.open(bytes)) {
        readOne(input, stream, scanner);
      }
    }
    scanner.finish();
    if (allRecords != null) {
      allRecords.check(inputs.size() == 1 ? inputs.get(0).name() : "the inputs");
    }
    if (scanner.latinRefused() > 0) {
      warnings.accept(String.format(java.util.Locale.ROOT, "%,d Latin/digit runs were read as"
          + " boundaries, not units: the corpus holds more than %,d distinct ones (numbers, codes),"
          + " the most a unit table can number; they are not counted", scanner.latinRefused(),
          UnitTable.MAX_LATIN));
    }
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
    CharsetDecoder decoder = Encodings.strictDecoder(charset);
    in.clear();
    out.clear();
    held = 0;
    markPending = true;
    newlines = 0;
    if (csv != null) {
      csv.reset();
    }
    headerPending = options.skipHeader();
    skipped = field == null ? null : new SkippedRecords(options);
    long fileMalformed = 0;
    long firstBadLine = -1;
    boolean eof = false;
    // The bytes in 'in' are ready to decode (flipped): the first block, read below.
    boolean decoding = false;
    boolean detected = options.detectCharset();
    if (options.fallback() && charset.equals(StandardCharsets.UTF_8)) {
      // Read by default: the first block is decoded before any of it is passed on, so that the
      // input can be read again from its first byte in another encoding.
      Utf8Fallback.Block block = Utf8Fallback.readFirst(stream, in.array(), in.capacity(),
          input.isStream());
      eof = block.whole();
      in.limit(Math.max(block.length(), 0)).position(0);
      decoding = true;
      Utf8Fallback.Decoded d = Utf8Fallback.decode(decoder, in, out, eof);
      Charset other = Utf8Fallback.decide(in, out, d, eof);
      if (other != null) {
        charset = other;
        decoder = Encodings.strictDecoder(other);
        detected = true;
        in.position(0);
        out.clear();
        warnings.accept(Utf8Fallback.warning(input.name(), other));
      } else {
        fileMalformed = d.malformed();
        if (d.firstBad() >= 0) {
          firstBadLine = lineBreaks(out.array(), 0, d.firstBad()) + 1;
        }
        drain(scanner);
      }
    }
    int unitBytes = Encodings.codeUnitBytes(charset);
    while (true) {
      if (!decoding) {
        if (!eof) {
          int n = stream.read(in.array(), in.position(), in.remaining());
          if (n < 0) {
            eof = true;
          } else {
            in.position(in.position() + n);
          }
        }
        in.flip();
      }
      decoding = false;
      while (true) {
        CoderResult r = decoder.decode(in, out, eof);
        drain(scanner);
        if (r.isError()) {
          in.position(in.position() + Encodings.replacedBytes(in, r.length(), unitBytes));
          fileMalformed++;
          if (firstBadLine < 0) {
            firstBadLine = newlines + 1;
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
    // A quoted field open at the end: the record holds the rest of the input.
    String openQuote = csv == null ? null
        : csv.openWarning(input.name(), held > 0 && record[held - 1] == '\n');
    if (field != null && held > 0) {
      int n = held;
      held = 0;
      record(record, 0, n, scanner);
    }
    // An input that does not end with a line break still ends its last line and clause.
    scanner.finish();
    if (fileMalformed > 0) {
      malformed += fileMalformed;
      warnings.accept(DecodingReader.warning(input.name(), fileMalformed, firstBadLine)
          + hint(charset, detected));
    }
    if (skipped != null) {
      allRecords.add(skipped);
      warn(skipped.warning(input.name()));
    }
    if (csv != null) {
      warn(csv.cutWarning(input.name()));
      warn(openQuote);
    }
  }

  /** Passes {@code warning} on unless it is null. */
  private void warn(String warning) {
    if (warning != null) {
      warnings.accept(warning);
    }
  }

  private static long lineBreaks(char[] a, int from, int to) {
    long n = 0;
    for (int i = from; i < to; i++) {
      if (a[i] == '\n') {
        n++;
      }
    }
    return n;
  }

  /** What to tell the user about the encoding after a malformed-bytes warning. */
  public static String hint(Charset charset, boolean detected) {
    return detected
        ? " (read as " + charset.name() + ", detected; give --encoding if that is wrong)"
        : " (is --encoding right? --encoding auto detects GB18030, Big5 and UTF-16)";
  }

  /** Passes decoded characters on, counting their line breaks. */
  private void drain(ClauseScanner scanner) {
    out.flip();
    if (markPending && out.hasRemaining()) {
      // The first character of an input: U+FEFF there is a byte-order mark in any encoding
      // (UTF-8's, or the one a named UTF-16LE/BE or GB18030 decoder passes on), not text.
      markPending = false;
      if (out.get(out.position()) == '\uFEFF') {
        out.position(out.position() + 1);
      }
    }
    char[] a = out.array();
    int from = out.position();
    int to = out.limit();
    if (options.format() == InputFormat.PLAIN) {
      int breaks = 0;
      for (int i = from; i < to; i++) {
        if (a[i] == '\n') {
          breaks++;
        }
      }
      newlines += breaks;
      // Keep a trailing high surrogate for the next round.
      if (to > from && Character.isHighSurrogate(a[to - 1])) {
        scanner.chars(a, from, to - 1);
        out.position(to - 1);
      } else {
        scanner.chars(a, from, to);
        out.position(to);
      }
    } else if (options.format() == InputFormat.CSV) {
      drainCsv(a, from, to, scanner);
    } else {
      drainLines(a, from, to, scanner);
    }
    out.compact();
  }

  /** Passes on the lines ending in {@code a[from..to)} and holds the start of the next one. */
  private void drainLines(char[] a, int from, int to, ClauseScanner scanner) {
    int start = from;
    for (int i = from; i < to; i++) {
      if (a[i] == '\n') {
        newlines++;
        endRecord(a, start, i, scanner);
        start = i + 1;
      }
    }
    hold(a, start, to);
    out.position(to);
  }

  /**
   * Passes on the CSV records ending in {@code a[from..to)} and holds the start of the next one:
   * a line break ends a record unless a quoted field is open (and shorter than {@value
   * #MAX_RECORD} characters with the record).
   */
  private void drainCsv(char[] a, int from, int to, ClauseScanner scanner) {
    int start = from;
    for (int end = csv.recordEnd(a, start, to, held); end >= 0;
        end = csv.recordEnd(a, start, to, held)) {
      endRecord(a, start, end, scanner);
      start = end + 1;
    }
    newlines = csv.lineBreaks();
    hold(a, start, to);
    out.position(to);
  }

  /** Ends the record whose last chars are {@code a[from..to)} (the line break excluded). */
  private void endRecord(char[] a, int from, int to, ClauseScanner scanner) {
    if (held == 0) {
      record(a, from, to, scanner);
      return;
    }
    hold(a, from, to);
    int n = held;
    held = 0;
    record(record, 0, n, scanner);
  }

  /** Appends {@code a[from..to)} to the record held. */
  private void hold(char[] a, int from, int to) {
    int n = to - from;
    if (n == 0) {
      return;
    }
    if (held + (long) n > record.length) {
      if (held + (long) n > MAX_ARRAY) {
        throw new OutOfMemoryError("a record of more than " + MAX_ARRAY + " characters");
      }
      char[] grown = new char[(int) Math.min(MAX_ARRAY, Math.max(held + (long) n,
          2L * record.length))];
      System.arraycopy(record, 0, grown, 0, held);
      record = grown;
    }
    System.arraycopy(a, from, record, held, n);
    held += n;
  }

  /**
   * Reads the text of the record {@code a[from..to)} (a trailing carriage return dropped) into
   * {@code scanner} and ends its line, or counts what it lacks; skips it if it is the header.
   */
  private void record(char[] a, int from, int to, ClauseScanner scanner) {
    if (to > from && a[to - 1] == '\r') {
      to--;
    }
    if (headerPending) {
      headerPending = false;
      return;
    }
    int found = field.find(a, from, to);
    if (found == RecordField.TEXT) {
      scanner.field(field.chars(), field.start(), field.end());
    }
    skipped.count(found, a, from, to);
    scanner.endLine();
  }
}
