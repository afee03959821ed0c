package dev.ciku.corpus;

/**
 * Finds one column of a CSV record, following RFC 4180 as Python's {@code csv} module reads it: a
 * quote at the start of a field opens a quoted field (which may hold commas, line breaks and
 * doubled quotes standing for one) and text after its closing quote is kept, up to the next
 * comma; a quote inside an unquoted field is an ordinary character; a quoted field still open at
 * the end of the record runs to its end. {@link CorpusReader} splits records the same way. A
 * record with fewer columns lacks it.
 *
 * <p>Cost: one pass up to the column's end. The text is a range of the record itself unless the
 * field holds a doubled quote or text after its closing quote, in which case it is put together
 * in a scratch array that grows to the longest such field. Allocates nothing per record. Not
 * thread-safe: one per reader.
 */
final class CsvColumn extends RecordField {
  private final int column;
  private char[] scratch = new char[256];

  /** @param column the 1-based column to find */
  CsvColumn(int column) {
    this.column = RecordField.column(column);
  }

  @Override
  public int find(char[] record, int from, int to) {
    int col = 1;
    int i = from;
    while (i <= to) {
      if (col == column) {
        return field(record, i, to);
      }
      if (i < to && record[i] == '"') {
        i++;
        while (i < to) {
          char c = record[i++];
          if (c == '"') {
            if (i < to && record[i] == '"') {
              i++;
              continue;
            }
            break;
          }
        }
      }
      while (i < to && record[i] != ',') {
        i++;
      }
      col++;
      i++;
    }
    return LACKING;
  }

  /** Sets the text range to the field starting at {@code i} (at most {@code to}); TEXT. */
  private int field(char[] a, int i, int to) {
    if (i == to || a[i] != '"') {
      int j = i;
      while (j < to && a[j] != ',') {
        j++;
      }
      return found(a, i, j);
    }
    int from = i + 1;
    // The quoted part: [from, close) less one quote of each doubled pair; then [after, stop).
    int j = from;
    int close = to;
    boolean doubled = false;
    while (j < to) {
      char c = a[j++];
      if (c == '"') {
        if (j < to && a[j] == '"') {
          doubled = true;
          j++;
          continue;
        }
        close = j - 1;
        break;
      }
    }
    int after = j;
    int stop = after;
    while (stop < to && a[stop] != ',') {
      stop++;
    }
    if (!doubled && stop == after) {
      return found(a, from, close);
    }
    char[] out = scratch = RecordField.room(scratch, (close - from) + (stop - after));
    int w = 0;
    for (int k = from; k < close; k++) {
      char c = a[k];
      out[w++] = c;
      if (c == '"') {
        k++; // the second quote of a doubled pair
      }
    }
    System.arraycopy(a, after, out, w, stop - after);
    return found(out, 0, w + (stop - after));
  }
}
