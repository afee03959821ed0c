package dev.ciku.domain;

import dev.ciku.corpus.ByteCounter;
import dev.ciku.corpus.ClauseScanner;
import dev.ciku.corpus.CorpusInput;
import dev.ciku.corpus.CorpusReader;
import dev.ciku.corpus.ReaderOptions;
import dev.ciku.corpus.Simplified;
import dev.ciku.corpus.UnitTable;
import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Exact reference counts of a fixed set of terms, from one pass over a reference corpus: the terms
 * go into a {@link TermTrie}, and every position of every clause walks the trie as far as it
 * matches, counting each term it passes.
 * Exact for terms of any length; cost one read of the corpus and, per position, as many hash
 * look-ups as the longest matching term prefix (usually 1-3).
 *
 * <p>Terms and corpus are compared with traditional characters folded to simplified
 * ({@link Simplified}): a term counts its occurrences in either script.
 *
 * <p>Terms not given to {@link #count(Collection, List, ReaderOptions, ByteCounter, Consumer, String)}
 * count 0. Not thread-safe while counting;
 * immutable afterwards.
 */
public final class CorpusReference implements ReferenceCounts {
  private final Object2LongOpenHashMap<String> counts;
  private final long positions;
  private final String name;

  private CorpusReference(Object2LongOpenHashMap<String> counts, long positions, String name) {
    this.counts = counts;
    this.positions = positions;
    this.name = name;
  }

  /**
   * Counts {@code terms} in {@code corpus}.
   *
   * @param terms unit texts of the terms (as {@link TermUnits} splits them)
   */
  public static CorpusReference count(Collection<String> terms, List<CorpusInput> corpus,
      ReaderOptions reader, ByteCounter bytes, Consumer<String> warnings, String name)
      throws IOException {
    // Terms are split by the table the corpus is read with: a term written CPU finds cpu too
    // unless the reader keeps case.
    UnitTable units = UnitTable.of(reader);
    Simplified fold = Simplified.bundled();
    // Terms and corpus are compared folded to simplified characters (這個 counts 这个 too).
    String[] byIndex = terms.stream().map(fold::fold).distinct().toArray(String[]::new);
    TermTrie trie = new TermTrie(byIndex, units);
    long[] hits = new long[byIndex.length];
    long[] pos = {0};
    int[] folded = new int[ClauseScanner.MAX_CHUNK];
    java.util.function.IntConsumer hit = t -> hits[t]++;
    ClauseScanner scanner = new ClauseScanner(units, reader,
        (u, length, owned, start, end) -> {
          pos[0] += owned;
          for (int i = 0; i < length; i++) {
            folded[i] = u[i] < UnitTable.LATIN_BASE ? fold.codePoint(u[i]) : u[i];
          }
          for (int i = 0; i < owned; i++) {
            trie.match(folded, i, length, hit);
          }
        });
    new CorpusReader(reader, bytes, warnings).read(corpus, scanner);
    Object2LongOpenHashMap<String> map = new Object2LongOpenHashMap<>(byIndex.length);
    for (int t = 0; t < byIndex.length; t++) {
      if (hits[t] > 0) {
        map.put(byIndex[t], hits[t]);
      }
    }
    return new CorpusReference(map, pos[0], name);
  }

  /**
   * Whether {@code corpus} holds a unit: read up to its first one, silently (malformed bytes are
   * not reported). Cost: usually the first block of the first input; the whole corpus when it
   * holds none.
   *
   * @throws IOException if an input cannot be read or its data are damaged
   */
  static boolean holdsText(List<CorpusInput> corpus, ReaderOptions reader) throws IOException {
    ClauseScanner scanner = new ClauseScanner(UnitTable.of(reader), reader,
        (u, length, owned, start, end) -> {
          if (owned > 0) {
            throw FirstUnit.FOUND;
          }
        });
    try {
      new CorpusReader(reader, new ByteCounter(), m -> { }).read(corpus, scanner);
      return false;
    } catch (FirstUnit found) {
      return true;
    }
  }

  /** Ends {@link #holdsText}'s read at the first unit; no stack trace, one shared instance. */
  private static final class FirstUnit extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final FirstUnit FOUND = new FirstUnit();

    private FirstUnit() {
      super("the first unit", null, false, false);
    }
  }

  @Override
  public long count(String term) {
    return counts.getLong(Simplified.bundled().fold(term));
  }

  @Override
  public long positions() {
    return positions;
  }

  @Override
  public String describe() {
    return String.format(Locale.ROOT, "reference corpus %s: %,d positions, %,d of the terms seen",
        name, positions, counts.size());
  }
}
