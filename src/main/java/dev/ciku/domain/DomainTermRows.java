package dev.ciku.domain;

import dev.ciku.output.RowWriter;
import java.io.IOException;
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
