package dev.ciku.output;

import dev.ciku.discover.DiscoveredWord;
import dev.ciku.discover.Explanation.Stage;
import dev.ciku.discover.Explanation;
import dev.ciku.discover.WordDiscoverer;
import dev.ciku.discover.WordFilter;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * The output rows of {@code ciku discover --explain}: one row per string asked about, saying
 * whether it is in the list the same options print (its rank there, after {@code --known} /
 * {@code --new-only} and {@code --top}) or which stage dropped it and why. Stateless and
 * thread-safe.
 */
public final class ExplanationRows {
  /** Column names, in order. */
  public static final List<String> COLUMNS = List.of("word", "stage", "rank", "count",
      "ngram_count", "fragments", "cohesion", "left_entropy", "right_entropy", "reason");

  private ExplanationRows() {}

  /**
   * Writes one row per explanation.
   *
   * @param explanations from {@link WordDiscoverer.Result#explanations()}
   * @param words the run's word list, best first
   * @param filter the filter the list is printed with
   * @param top how many words the list is cut to (0: all)
   * @param rows destination
   */
  public static void write(List<Explanation> explanations, List<DiscoveredWord> words,
      WordFilter filter, int top, RowWriter rows) throws IOException {
    int[] rank = new int[words.size()];
    int r = 0;
    for (int i = 0; i < words.size(); i++) {
      rank[i] = filter.accepts(words.get(i).word()) ? ++r : 0;
    }
    for (Explanation e : explanations) {
      Explanation shown = e;
      int at = 0;
      if (e.stage() == Stage.KEPT && e.index() >= 0) {
        at = rank[e.index()];
        if (at == 0) {
          shown = e.with(Stage.KNOWN, "found, but not printed: "
              + filter.rejection(words.get(e.index()).word()));
        } else if (top > 0 && at > top) {
          shown = e.with(Stage.TOP, String.format(Locale.ROOT,
              "found, but not printed: ranked %d, beyond --top %d (%s)", at, top, e.reason()));
        }
      }
      rows.begin();
      rows.text(shown.word());
      rows.text(shown.stage().label());
      rows.integerIf(at > 0, at);
      rows.integer(shown.count());
      rows.integerIf(shown.ngramCount() >= 0, shown.ngramCount());
      rows.integerIf(shown.fragments() >= 0, shown.fragments());
      rows.decimal(shown.cohesion(), 4);
      rows.decimal(shown.leftEntropy(), 4);
      rows.decimal(shown.rightEntropy(), 4);
      rows.text(shown.reason());
      rows.end();
    }
    rows.finish();
  }
}
