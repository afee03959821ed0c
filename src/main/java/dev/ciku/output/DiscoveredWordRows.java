package dev.ciku.output;

import dev.ciku.discover.DiscoveredWord;
import dev.ciku.discover.WordDiscoverer;
import dev.ciku.discover.WordFilter;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The output rows of discovered words, shared by {@code ciku discover} and its Spark job so that
 * both write the same columns and number formats: TSV/JSON lines through a {@link RowWriter}, or
 * {@code word count} dictionary lines. Stateless and thread-safe.
 */
public final class DiscoveredWordRows {
  /** Column names, in order. */
  public static final List<String> COLUMNS =
      List.of("word", "count", "cohesion", "left_entropy", "right_entropy", "score");

  private DiscoveredWordRows() {}

  /**
   * Writes what a run found, as {@code ciku discover} and its Spark job print it: one
   * {@link ExplanationRows} row per string the run explained, if it explained any
   * ({@link WordDiscoverer#withExplanations}; {@code format} is then tsv or jsonl), else the list
   * as {@link #write(List, WordFilter, int, RowWriter, Writer)} writes it, as {@code word count}
   * lines when {@code format} is {@link OutputFormat#DICT}.
   *
   * @param header whether TSV rows start with the header line
   * @return how many words were written (0 when explanations were)
   */
  public static int write(WordDiscoverer.Result result, WordFilter filter, int top,
      OutputFormat format, boolean header, Writer out) throws IOException {
    if (!result.explanations().isEmpty()) {
      ExplanationRows.write(result.explanations(), result.words(), filter, top,
          new RowWriter(out, format, ExplanationRows.COLUMNS, header));
      return 0;
    }
    RowWriter rows = format == OutputFormat.DICT ? null
        : new RowWriter(out, format, COLUMNS, header);
    return write(result.words(), filter, top, rows, out);
  }

  /**
   * Writes the first {@code top} words ({@code top <= 0}: all) that {@code filter} accepts, as rows
   * of {@code rows}, or as {@code word count} lines to {@code dict} when {@code rows} is null.
   *
   * @return how many were written
   */
  public static int write(List<DiscoveredWord> words, WordFilter filter, int top, RowWriter rows,
      Writer dict) throws IOException {
    int written = 0;
    for (DiscoveredWord d : words) {
      if (top > 0 && written >= top) {
        break;
      }
      if (!filter.accepts(d.word())) {
        continue;
      }
      written++;
      if (rows == null) {
        dict.write(d.word());
        dict.write(' ');
        dict.write(Long.toString(d.count()));
        dict.write('\n');
        continue;
      }
      rows.begin();
      rows.text(d.word());
      rows.integer(d.count());
      rows.decimal(d.cohesion(), 4);
      rows.decimal(d.leftEntropy(), 4);
      rows.decimal(d.rightEntropy(), 4);
      rows.decimal(d.score(), 4);
      rows.end();
    }
    if (rows != null) {
      rows.finish();
    }
    return written;
  }
}
