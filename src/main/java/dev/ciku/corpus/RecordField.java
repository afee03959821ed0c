package dev.ciku.corpus;

/**
 * Finds the text field of one record (a JSON line, a TSV line or a CSV record) held in a char
 * array: the rules of {@code --input-format}, {@code --field} and {@code --column}, public so that
 * other readers of a corpus (the Spark jobs) find the text exactly as the CLI does. {@link
 * CorpusReader} keeps one per input format and calls {@link #find} once per record;
 * the field's text is then {@code chars()[start()..end())}: a range of the record itself when the
 * field holds no escapes or doubled quotes, else the finder's own scratch array holding it
 * decoded. Either stays valid only until the next call of {@link #find}.
 *
 * <p>Implementations allocate nothing per record (their scratch array grows to the longest field
 * decoded, once) and are not thread-safe: one per reader. Only this package implements it.
 */
public abstract class RecordField {
  /** {@link #find}: the record holds the field; its text is {@link #chars()}. */
  public static final int TEXT = 0;
  /** {@link #find}: the record lacks the field (no such key or column, or not a string). */
  public static final int LACKING = 1;
  /** {@link #find}: the line is not one JSON object (JSON lines only). */
  public static final int NOT_OBJECT = 2;

  private char[] text;
  private int start;
  private int end;

  /** Implemented in this package only. */
  RecordField() {}

  /**
   * Looks for the field in {@code record[from..to)}: a record without its line break and
   * without the carriage return of a CRLF end (a TSV or JSON line; a CSV record, whose quoted
   * fields may hold line breaks). Allocates nothing (but to grow the scratch array once).
   *
   * @return {@link #TEXT}, {@link #LACKING} or {@link #NOT_OBJECT}
   */
  public abstract int find(char[] record, int from, int to);

  /** Records {@code a[from..to)} as the text found; returns {@link #TEXT}. */
  final int found(char[] a, int from, int to) {
    text = a;
    start = from;
    end = to;
    return TEXT;
  }

  /** The array holding the text found by the last {@link #find} that returned {@link #TEXT}. */
  public final char[] chars() {
    return text;
  }

  /** Where the text starts in {@link #chars()}. */
  public final int start() {
    return start;
  }

  /** Where the text ends (exclusive) in {@link #chars()}. */
  public final int end() {
    return end;
  }

  /** {@code column} if it is 1 or more (a column number of TSV or CSV). */
  static int column(int column) {
    if (column < 1) {
      throw new IllegalArgumentException("column must be 1 or more, got " + column);
    }
    return column;
  }

  /**
   * {@code scratch} if it holds {@code capacity} chars, else a larger array (at least twice as
   * large, so growing is amortised); the contents are not kept.
   */
  static char[] room(char[] scratch, int capacity) {
    if (capacity <= scratch.length) {
      return scratch;
    }
    return new char[Math.max(capacity, (int) Math.min(Integer.MAX_VALUE - 8,
        2L * scratch.length))];
  }

  /**
   * A new finder for {@code options}' format ({@code --field}, {@code --column}); null for plain
   * text, which has no fields.
   */
  public static RecordField of(ReaderOptions options) {
    return switch (options.format()) {
      case JSONL -> new JsonField(options.field());
      case TSV -> new TsvColumn(options.column());
      case CSV -> new CsvColumn(options.column());
      case PLAIN -> null;
    };
  }
}
