package dev.ciku.spark;

import dev.ciku.corpus.CsvRecords;
import dev.ciku.corpus.InputFormat;
import dev.ciku.corpus.ReaderOptions;
import dev.ciku.corpus.RecordField;
import dev.ciku.corpus.SkippedRecords;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The texts of the records of one split of a JSON-lines, TSV or CSV input, as the CLI's reader
 * finds them ({@link RecordField}): one string per record, the record's text, or "" for a record
 * without it (which still ends a line, as in the CLI, so {@code stats} counts it), the header
 * left out with {@code --skip-header}. A split that starts its file also drops a byte-order mark
 * (U+FEFF first) and, with {@code --skip-header}, the first record. CSV records are put together
 * from the lines of a whole file ({@link CsvRecords}, which ends them as the CLI does): each line
 * then comes with its line feed, if it has one, and keeps its carriage returns; a record's last
 * carriage return is dropped, as the CLI drops it. JSON and TSV lines come without line ends.
 * Once the lines are read, {@link #skipped} and {@link #warnings} say what the CLI would warn of,
 * and the records are handed to the end action given, once: a split read in part never is.
 *
 * <p>Cost: one pass over the lines; a record's characters are copied into a buffer that grows to
 * the longest record (a CSV record is held whole, as in the CLI), and its text is made a string.
 * Not thread-safe: one per task.
 */
final class Records implements Iterator<String> {
  private final Iterator<String> lines;
  private final String name;
  private final RecordField field;
  private final CsvRecords csv;
  private final SkippedRecords skipped;
  private boolean headerPending;
  private boolean markPending;
  private char[] record = new char[1024];
  /** CSV: the characters of the record read so far, {@code record[0..held)}. */
  private int held;
  /** CSV: whether the last line read ended with a line feed. */
  private boolean broken;
  private String next;
  private boolean done;
  /** Called once the last line has been read. */
  private final java.util.function.Consumer<Records> atEnd;

  /**
   * @param lines the split's lines, decoded (see the class comment for their ends)
   * @param options the format, field or column and header setting (not plain text)
   * @param fileStart whether the split starts its file (a CSV split always does)
   * @param name the file's name in warnings
   * @param atEnd called with these records once the last line has been read (then {@link
   *     #skipped} and {@link #warnings} are final), never if the lines are not read to the end
   */
  Records(Iterator<String> lines, ReaderOptions options, boolean fileStart, String name,
      java.util.function.Consumer<Records> atEnd) {
    this.lines = lines;
    this.atEnd = atEnd;
    this.name = name;
    this.field = RecordField.of(options);
    this.skipped = new SkippedRecords(options);
    this.csv = options.format() == InputFormat.CSV ? new CsvRecords() : null;
    this.headerPending = fileStart && options.skipHeader();
    this.markPending = fileStart;
  }

  @Override
  public boolean hasNext() {
    while (next == null && !done) {
      advance();
    }
    return next != null;
  }

  @Override
  public String next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    String text = next;
    next = null;
    return text;
  }

  /** Reads one line, which may end a record (and set {@link #next}), or the end of the split. */
  private void advance() {
    if (!lines.hasNext()) {
      done = true;
      if (csv != null && held > 0) {
        int n = held;
        held = 0;
        record(n);
      }
      atEnd.accept(this);
      return;
    }
    String line = lines.next();
    int from = 0;
    if (markPending) {
      markPending = false;
      if (!line.isEmpty() && line.charAt(0) == '\uFEFF') {
        from = 1;
      }
    }
    int n = line.length() - from;
    if (csv == null) {
      room(n);
      line.getChars(from, line.length(), record, 0);
      record(n);
      return;
    }
    room(held + n);
    line.getChars(from, line.length(), record, held);
    broken = n > 0 && record[held + n - 1] == '\n';
    int end = csv.recordEnd(record, held, held + n, held);
    if (end < 0) {
      held += n;
    } else {
      // A line holds one line feed, at its end: the record is all that is held before it.
      held = 0;
      record(end);
    }
  }

  /**
   * Finds the text of the record {@code record[0..n)} (a CSV record's last carriage return
   * dropped) into {@link #next}, unless it is the header.
   */
  private void record(int n) {
    if (csv != null && n > 0 && record[n - 1] == '\r') {
      n--;
    }
    if (headerPending) {
      headerPending = false;
      return;
    }
    int found = field.find(record, 0, n);
    skipped.count(found, record, 0, n);
    next = found == RecordField.TEXT
        ? new String(field.chars(), field.start(), field.end() - field.start()) : "";
  }

  private void room(int n) {
    if (n > record.length) {
      char[] grown = new char[Math.max(n, 2 * record.length)];
      System.arraycopy(record, 0, grown, 0, held);
      record = grown;
    }
  }

  /** The records of the split read so far with and without their text. */
  SkippedRecords skipped() {
    return skipped;
  }

  /**
   * The CLI's warnings about CSV quotes in the file (a record cut after {@value
   * CsvRecords#MAX_RECORD} characters, a quoted field open at its end), once it is read whole.
   */
  List<String> warnings() {
    List<String> out = new ArrayList<>();
    if (csv != null) {
      String cut = csv.cutWarning(name);
      if (cut != null) {
        out.add(cut);
      }
      String open = csv.openWarning(name, broken);
      if (open != null) {
        out.add(open);
      }
    }
    return out;
  }
}
