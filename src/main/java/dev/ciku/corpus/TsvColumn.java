package dev.ciku.corpus;

/**
 * Finds one column of a TSV line: the text between the tabs around it, with no quoting. A line
 * with fewer columns lacks it.
 *
 * <p>Cost: one pass up to the column's end; the text is always a range of the line itself, never
 * copied. Allocates nothing. Not thread-safe (it holds the range found): one per reader.
 */
final class TsvColumn extends RecordField {
  private final int column;

  /** @param column the 1-based column to find */
  TsvColumn(int column) {
    this.column = RecordField.column(column);
  }

  @Override
  public int find(char[] line, int from, int to) {
    int col = 1;
    int i = from;
    while (col < column) {
      while (i < to && line[i] != '\t') {
        i++;
      }
      if (i == to) {
        return LACKING;
      }
      i++;
      col++;
    }
    int j = i;
    while (j < to && line[j] != '\t') {
      j++;
    }
    return found(line, i, j);
  }
}
