package dev.ciku.output;

import dev.ciku.domain.TermExplanation;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * The output rows of {@code ciku domain --explain}: one row per string asked about, saying
 * whether the term list the same options print has it (its rank, after {@code --top}) or which
 * stage dropped it and why. Stateless and thread-safe.
 */
public final class TermExplanationRows {
  /** Column names, in order. */
  public static final List<String> COLUMNS = List.of("term", "stage", "rank", "domain_count",
      "reference_count", "cohesion", "left_entropy", "right_entropy", "score", "reason");

  private TermExplanationRows() {}

  /**
   * Writes one row per explanation; a kept term ranked beyond {@code top} (more than 0) is shown
   * at stage {@link TermExplanation#TOP}.
   */
  public static void write(List<TermExplanation> explanations, int top, RowWriter rows)
      throws IOException {
    for (TermExplanation e : explanations) {
      TermExplanation shown = e;
      if (e.rank() > 0 && top > 0 && e.rank() > top) {
        shown = e.with(TermExplanation.TOP, String.format(Locale.ROOT,
            "found, but not printed: ranked %,d, beyond --top %,d (%s)", e.rank(), top,
            e.reason()));
      }
      rows.begin();
      rows.text(shown.term());
      rows.text(shown.stage());
      rows.integerIf(shown.rank() > 0, shown.rank());
      rows.integer(shown.domainCount());
      rows.integerIf(shown.referenceCount() >= 0, shown.referenceCount());
      rows.decimal(shown.cohesion(), 4);
      rows.decimal(shown.leftEntropy(), 4);
      rows.decimal(shown.rightEntropy(), 4);
      rows.decimal(shown.score(), 4);
      rows.text(shown.reason());
      rows.end();
    }
    rows.finish();
  }
}
