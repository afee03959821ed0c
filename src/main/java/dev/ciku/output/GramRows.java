package dev.ciku.output;

import dev.ciku.corpus.UnitTable;
import dev.ciku.count.Grams;
import dev.ciku.count.RowSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes grams as {@code ngram<TAB>count} rows (or JSON lines), at most {@code top} of them: the
 * output of {@code ciku count} and of its Spark job. One reused buffer; nothing allocated per
 * gram besides the row text. Not thread-safe.
 */
public final class GramRows implements RowSink {
  /** Column names, in order. */
  public static final List<String> COLUMNS = List.of("ngram", "count");

  private final RowWriter rows;
  private final UnitTable units;
  private final int top;
  private final StringBuilder sb = new StringBuilder();
  private long printed;

  /**
   * @param rows where rows go (with {@link #COLUMNS})
   * @param units decodes the grams; may still be filled while counting, as long as every unit of
   *     a gram is known before the gram arrives
   * @param top rows to write at most ({@code <= 0}: all)
   */
  public GramRows(RowWriter rows, UnitTable units, int top) {
    this.rows = rows;
    this.units = units;
    this.top = top;
  }

  @Override
  public long written() {
    return printed;
  }

  /** Finishes the row writer ({@link RowWriter#finish}): a header alone when no gram came. */
  @Override
  public void finish() throws IOException {
    rows.finish();
  }

  @Override
  public void accept(long hi, long lo, long count) {
    if (top > 0 && printed >= top) {
      return;
    }
    printed++;
    sb.setLength(0);
    Grams.append(sb, hi, lo, units);
    try {
      rows.begin();
      rows.text(sb);
      rows.integer(count);
      rows.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
