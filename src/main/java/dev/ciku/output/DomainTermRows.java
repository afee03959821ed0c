package dev.ciku.output;

import dev.ciku.domain.DomainTerm;
import dev.ciku.domain.DomainTermMiner;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The output rows of domain terms, shared by {@code ciku domain} and its Spark job so that both
 * write the same columns and number formats. Stateless and thread-safe.
 */
public final class DomainTermRows {
  /** Column names, in order. */
  public static final List<String> COLUMNS = List.of("term", "domain_count", "reference_count",
      "share", "g2", "weirdness", "c_value", "char_spec", "ridf", "score");

  private DomainTermRows() {}

  /**
   * Writes what a run found, as {@code ciku domain} and its Spark job print it: one
   * {@link TermExplanationRows} row per string the run explained, if it explained any
   * ({@link DomainTermMiner#withExplanations}), else the first {@code top} terms.
   *
   * @param header whether TSV rows start with the header line
   * @return how many terms were written (0 when explanations were)
   */
  public static int write(DomainTermMiner.Result result, int top, OutputFormat format,
      boolean header, Writer out) throws IOException {
    if (!result.explanations().isEmpty()) {
      TermExplanationRows.write(result.explanations(), top,
          new RowWriter(out, format, TermExplanationRows.COLUMNS, header));
      return 0;
    }
    return write(new RowWriter(out, format, COLUMNS, header), result.terms(), top);
  }

  /** Writes the first {@code top} terms ({@code top <= 0}: all); returns how many. */
  public static int write(RowWriter rows, List<DomainTerm> terms, int top) throws IOException {
    int written = 0;
    for (DomainTerm t : terms) {
      if (top > 0 && written >= top) {
        break;
      }
      written++;
      rows.begin();
      rows.text(t.term());
      rows.integer(t.domainCount());
      rows.integer(t.referenceCount());
      rows.decimal(t.share(), 4);
      rows.decimal(t.g2(), 2);
      rows.decimal(t.weirdness(), 3);
      rows.decimal(t.cValue(), 2);
      rows.decimal(t.charSpecificity(), 3);
      rows.decimal(t.residualIdf(), 3);
      rows.decimal(t.score(), 4);
      rows.end();
    }
    rows.finish();
    return written;
  }
}
