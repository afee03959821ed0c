package dev.ciku.corpus;

/**
 * One column of a single TSV line or CSV record, for one-off use (tests): each call copies the
 * line and allocates a finder. {@link CorpusReader} keeps one {@link TsvColumn} or {@link
 * CsvColumn} instead, which allocates nothing per record. Stateless and thread-safe.
 */
final class Columns {
  private Columns() {}

  /** Column {@code column} (1-based) of the TSV line {@code s}, or null if it has fewer. */
  static CharSequence tsv(CharSequence s, int column) {
    return find(new TsvColumn(column), s);
  }

  /** Column {@code column} (1-based) of the CSV record {@code s}, or null if it has fewer. */
  static CharSequence csv(CharSequence s, int column) {
    return find(new CsvColumn(column), s);
  }

  private static CharSequence find(RecordField f, CharSequence s) {
    char[] a = s.toString().toCharArray();
    return f.find(a, 0, a.length) == RecordField.TEXT ? f.text() : null;
  }
}
