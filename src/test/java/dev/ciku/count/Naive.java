package dev.ciku.count;

import dev.ciku.corpus.ByteCounter;
import dev.ciku.corpus.ClauseScanner;
import dev.ciku.corpus.CorpusInput;
import dev.ciku.corpus.CorpusReader;
import dev.ciku.corpus.LatinCase;
import dev.ciku.corpus.ReaderOptions;
import dev.ciku.corpus.UnitTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A deliberately simple reference counter for tests: String keys, whole clauses in memory. Public
 * for the tests of the stages that read counts (scoring, discovery).
 */
public final class Naive {
  /** Count of every gram of 1..order units, by its text. */
  public final Map<String, Long> counts = new TreeMap<>();
  /** Occurrences of each gram that end a clause. */
  public final Map<String, Long> atClauseEnd = new TreeMap<>();
  /** Occurrences of each gram that start a clause. */
  public final Map<String, Long> atClauseStart = new TreeMap<>();
  /** The units of the file, ids assigned in reading order (as every reader of it does). */
  public final UnitTable units = new UnitTable(true);
  /** Every clause of the file, whole, as unit ids. */
  public final List<int[]> clauses = new ArrayList<>();

  /** Reads {@code file} (UTF-8, default reading) and counts its grams of 1..{@code order} units. */
  public static Naive of(Path file, int order) throws IOException {
    Naive n = new Naive();
    List<Integer> current = new ArrayList<>();
    ClauseScanner scanner = new ClauseScanner(n.units, LatinCase.FOLD, false, (u, length, owned, start, end) -> {
      // Rebuild whole clauses from chunks: a continuation chunk repeats the overlap.
      int from = start ? 0 : ClauseScanner.OVERLAP;
      if (start) {
        current.clear();
      }
      for (int i = from; i < length; i++) {
        current.add(u[i]);
      }
      if (end) {
        n.clauses.add(current.stream().mapToInt(Integer::intValue).toArray());
      }
    });
    new CorpusReader(ReaderOptions.DEFAULT, new ByteCounter(), m -> { })
        .read(List.of(CorpusInput.file(file)), scanner);
    for (int[] c : n.clauses) {
      for (int i = 0; i < c.length; i++) {
        StringBuilder sb = new StringBuilder();
        for (int k = 1; k <= order && i + k <= c.length; k++) {
          n.units.append(sb, c[i + k - 1]);
          String g = sb.toString();
          n.counts.merge(g, 1L, Long::sum);
          if (i + k == c.length) {
            n.atClauseEnd.merge(g, 1L, Long::sum);
          }
          if (i == 0) {
            n.atClauseStart.merge(g, 1L, Long::sum);
          }
        }
      }
    }
    return n;
  }
}
