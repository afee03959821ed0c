package dev.ciku.corpus;

/**
 * Finds the text field of one record (a JSON line, a TSV line or a CSV record) held in a char
 * array. {@link CorpusReader} keeps one per input format and calls {@link #find} once per record;
 * the field's text is then {@code chars()[start()..end())}: a range of the record itself when the
 * field holds no escapes or doubled quotes, else the finder's own scratch array holding it
 * decoded. Either stays valid only until the next call of {@link #find}.
 *
 * <p>Implementations allocate nothing per record (their scratch array grows to the longest field
 * decoded, once) and are not thread-safe: one per reader.
 */
abstract class RecordField {
  /** {@link #find}: the record holds the field; its text is {@link #chars()}. */
  static final int TEXT = 0;
  /** {@link #find}: the record lacks the field (no such key or column, or not a string). */
  static final int LACKING = 1;
  /** {@link #find}: the line is not one JSON object (JSON lines only). */
  static final int NOT_OBJECT = 2;

  private char[] text;
  private int start;
  private int end;

  /**
   * Looks for the field in {@code record[from..to)} (a record without its line break).
   *
   * @return {@link #TEXT}, {@link #LACKING} or {@link #NOT_OBJECT}
   */
  abstract int find(char[] record, int from, int to);

  /** Records {@code a[from..to)} as the text found; returns {@link #TEXT}. */
  final int found(char[] a, int from, int to) {
    text = a;
    start = from;
    end = to;
    return TEXT;
  }

  /** The array holding the text found by the last {@link #find} that returned {@link #TEXT}. */
  final char[] chars() {
    return text;
  }

  /** Where the text starts in {@link #chars()}. */
  final int start() {
    return start;
  }

  /** Where the text ends (exclusive) in {@link #chars()}. */
  final int end() {
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

  /** The finder for {@code options}' format; null for plain text, which has no fields. */
  static RecordField of(ReaderOptions options) {
    return switch (options.format()) {
      case JSONL -> new JsonField(options.field());
      case TSV -> new TsvColumn(options.column());
      case CSV -> new CsvColumn(options.column());
      case PLAIN -> null;
    };
  }
}
