package dev.ciku.output;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes rows of named columns as TSV (with a header line unless disabled) or as JSON lines. Cells
 * are added one by one between {@link #begin} and {@link #end}: text and integer cells allocate
 * nothing, a decimal cell its formatted text ({@link Numbers#format}). Numbers are written with a
 * fixed number of decimals, independent of the locale, so output is byte-identical from run to
 * run.
 *
 * <p>Not thread-safe.
 */
public final class RowWriter {
  private final Writer out;
  private final OutputFormat format;
  private final List<String> columns;
  private final boolean header;
  private boolean headerDone;
  private int cell;
  /** Scratch of {@link #integer}: the digits of a long, sign included. */
  private final char[] digits = new char[20];

  /**
   * @param out destination
   * @param format {@link OutputFormat#TSV} or {@link OutputFormat#JSONL}
   * @param columns column names, in order
   * @param header write a header line for TSV
   */
  public RowWriter(Writer out, OutputFormat format, List<String> columns, boolean header) {
    if (format != OutputFormat.TSV && format != OutputFormat.JSONL) {
      throw new IllegalArgumentException("RowWriter writes tsv or jsonl, not " + format);
    }
    this.out = out;
    this.format = format;
    this.columns = List.copyOf(columns);
    this.header = header;
  }

  /** Starts a row. */
  public void begin() throws IOException {
    if (!headerDone) {
      headerDone = true;
      if (header && format == OutputFormat.TSV) {
        out.write(String.join("\t", columns));
        out.write('\n');
      }
    }
    cell = 0;
    if (format == OutputFormat.JSONL) {
      out.write('{');
    }
  }

  /** Adds a text cell. */
  public void text(CharSequence value) throws IOException {
    key();
    if (format == OutputFormat.TSV) {
      writeTsv(value);
    } else {
      Json.writeString(out, value);
    }
  }

  /** Adds an integer cell. */
  public void integer(long value) throws IOException {
    key();
    if (value == Long.MIN_VALUE) {
      out.write(Long.toString(value));
      return;
    }
    long v = Math.abs(value);
    int at = digits.length;
    do {
      digits[--at] = (char) ('0' + v % 10);
      v /= 10;
    } while (v != 0);
    if (value < 0) {
      digits[--at] = '-';
    }
    out.write(digits, at, digits.length - at);
  }

  /** Adds an integer cell if {@code present}, else an empty one ({@link #missing}). */
  public void integerIf(boolean present, long value) throws IOException {
    if (present) {
      integer(value);
    } else {
      missing();
    }
  }

  /** Adds an empty cell: nothing in TSV, {@code null} in JSON. */
  public void missing() throws IOException {
    key();
    if (format == OutputFormat.JSONL) {
      out.write("null");
    }
  }

  /** Adds a decimal cell with {@code decimals} digits after the point. */
  public void decimal(double value, int decimals) throws IOException {
    key();
    Numbers.appendFixed(out, value, decimals, format == OutputFormat.JSONL);
  }

  /** Ends the row. */
  public void end() throws IOException {
    if (cell != columns.size()) {
      throw new IllegalStateException("row has " + cell + " cells, header has " + columns.size());
    }
    if (format == OutputFormat.JSONL) {
      out.write('}');
    }
    out.write('\n');
  }

  /** Writes the header if no row was written (so an empty result still names its columns). */
  public void finish() throws IOException {
    if (!headerDone) {
      headerDone = true;
      if (header && format == OutputFormat.TSV) {
        out.write(String.join("\t", columns));
        out.write('\n');
      }
    }
  }

  private void key() throws IOException {
    if (cell >= columns.size()) {
      throw new IllegalStateException("more cells than columns " + columns);
    }
    if (format == OutputFormat.TSV) {
      if (cell > 0) {
        out.write('\t');
      }
    } else {
      if (cell > 0) {
        out.write(',');
      }
      Json.writeString(out, columns.get(cell));
      out.write(':');
    }
    cell++;
  }

  /**
   * A TSV cell: tabs and every character that a line reader may break a line at (control
   * characters, NEL, U+2028, U+2029) as spaces, so a row stays one line of its columns.
   */
  private void writeTsv(CharSequence value) throws IOException {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      out.write(c < 0x20 || c == 0x7F || c == 0x85 || c == '\u2028' || c == '\u2029' ? ' ' : c);
    }
  }
}
