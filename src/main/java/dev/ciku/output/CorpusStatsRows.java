package dev.ciku.output;

import dev.ciku.corpus.CorpusStats;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The output of {@link CorpusStats}, shared by {@code ciku stats} and its Spark job so that both
 * write the same columns and number formats: one TSV or JSON-lines row, or one JSON object.
 * Stateless and thread-safe.
 */
public final class CorpusStatsRows {
  /** Column names, in order. */
  public static final List<String> COLUMNS = List.of("lines", "chars", "han_chars",
      "traditional_chars", "clauses", "units", "latin_units", "urls", "distinct_units",
      "entropy_bits", "malformed");

  private CorpusStatsRows() {}

  /**
   * Writes {@code s} to {@code out} in {@code format} (TSV, JSONL or JSON); counts as integers,
   * the entropy with 4 decimals.
   *
   * @param header whether a TSV row starts with the header line
   */
  public static void write(CorpusStats s, OutputFormat format, boolean header, Writer out)
      throws IOException {
    // One value a column, in COLUMNS order.
    Object[] values = {s.lines(), s.chars(), s.hanChars(), s.traditionalChars(), s.clauses(),
        s.units(), s.latinUnits(), s.urls(), s.distinctUnits(), s.entropyBits(), s.malformed()};
    if (format == OutputFormat.JSON) {
      out.write("{");
      for (int i = 0; i < COLUMNS.size(); i++) {
        if (i > 0) {
          out.write(",");
        }
        Json.writeString(out, COLUMNS.get(i));
        out.write(":" + (values[i] instanceof Double d ? Numbers.format(d, 4) : values[i]));
      }
      out.write("}\n");
      return;
    }
    RowWriter rows = new RowWriter(out, format, COLUMNS, header);
    rows.begin();
    for (Object v : values) {
      if (v instanceof Double d) {
        rows.decimal(d, 4);
      } else {
        rows.integer((Long) v);
      }
    }
    rows.end();
    rows.finish();
  }
}
