package dev.ciku.domain;

import dev.ciku.corpus.ByteCounter;
import dev.ciku.corpus.ClauseScanner;
import dev.ciku.corpus.ClauseSink;
import dev.ciku.corpus.CorpusInput;
import dev.ciku.corpus.CorpusReader;
import dev.ciku.corpus.HanCharacters;
import dev.ciku.corpus.LatinCase;
import dev.ciku.corpus.Quantities;
import dev.ciku.corpus.ReaderOptions;
import dev.ciku.corpus.UnitTable;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.io.IOException;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * How a fixed list of strings occurs in the domain corpus: for each string its exact number of
 * occurrences inside clauses and the number of lines that contain it, and the number of lines
 * that hold any text. A line is the document unit of the burstiness score
 * ({@link TermScores#residualIdf}): one article of a law, one forum post, one review. For a
 * string that begins with a measure word ({@link Quantities#measureWords}), also the occurrences
 * right after a number or a determiner in the same clause (这个油, 11个油: {@link MeasureGlue}).
 *
 * <p>Counted by {@link Counter}, a {@link ClauseSink} that walks a {@link TermTrie} from every
 * position (cost: one pass over the corpus, one hash look-up per matched unit, no allocation per
 * clause). Counts of disjoint parts of a corpus add up ({@link #plus}), so a cluster job counts
 * each partition and sums. Immutable once built; thread-safe to read.
 */
public final class TermOccurrences implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String[] strings;
  private final long[] counts;
  private final long[] lines;
  private final long[] afterQuantity;
  private final long documents;
  private transient Object2IntOpenHashMap<String> index;

  private TermOccurrences(String[] strings, long[] counts, long[] lines, long[] afterQuantity,
      long documents) {
    this.strings = strings;
    this.counts = counts;
    this.lines = lines;
    this.afterQuantity = afterQuantity;
    this.documents = documents;
  }

  /** Counts {@code strings} in {@code corpus} (one read of it). */
  public static TermOccurrences count(String[] strings, List<CorpusInput> corpus,
      ReaderOptions reader, ByteCounter bytes, Consumer<String> warnings) throws IOException {
    UnitTable units = UnitTable.of(reader);
    Counter counter = new Counter(strings, units);
    ClauseScanner scanner = new ClauseScanner(units, reader, counter);
    counter.scanner = scanner;
    new CorpusReader(reader, bytes, warnings).read(corpus, scanner);
    return counter.result();
  }

  /**
   * Counts {@code strings} in text lines (line ends removed), each line ending a clause as a line
   * break does in the CLI's reader; for a cluster job's partition.
   */
  public static TermOccurrences countLines(String[] strings, Iterator<String> text,
      LatinCase latinCase, boolean simplify) {
    UnitTable units = UnitTable.of(latinCase);
    Counter counter = new Counter(strings, units);
    ClauseScanner scanner = new ClauseScanner(units, latinCase, simplify, counter);
    counter.scanner = scanner;
    while (text.hasNext()) {
      scanner.text(text.next());
      scanner.endLine();
    }
    scanner.finish();
    return counter.result();
  }

  /** The counts of this part and {@code other} (counted for the same strings) together. */
  public TermOccurrences plus(TermOccurrences other) {
    if (other.strings.length != strings.length) {
      throw new IllegalArgumentException("occurrences of different string lists");
    }
    long[] c = counts.clone();
    long[] l = lines.clone();
    long[] q = afterQuantity.clone();
    for (int i = 0; i < c.length; i++) {
      c[i] += other.counts[i];
      l[i] += other.lines[i];
      q[i] += other.afterQuantity[i];
    }
    return new TermOccurrences(strings, c, l, q, documents + other.documents);
  }

  /** Occurrences of {@code s} (0 if it was not counted). */
  public long count(String s) {
    int i = indexOf(s);
    return i < 0 ? 0 : counts[i];
  }

  /** Number of lines containing {@code s} (0 if it was not counted). */
  public long lines(String s) {
    int i = indexOf(s);
    return i < 0 ? 0 : lines[i];
  }

  /**
   * Occurrences of {@code s} right after a number or a determiner of the same clause (11个油,
   * 这个油: {@link Quantities#endsNumber}, {@link Quantities#isDeterminer}), counted only for a
   * string that begins with a measure word (0 for any other, and if {@code s} was not counted).
   * The first unit of a chunk of a clause longer than the reader's chunk has no known neighbour.
   */
  public long afterQuantity(String s) {
    int i = indexOf(s);
    return i < 0 ? 0 : afterQuantity[i];
  }

  /** Number of lines holding at least one unit. */
  public long documents() {
    return documents;
  }

  private synchronized int indexOf(String s) {
    if (index == null) {
      index = new Object2IntOpenHashMap<>(strings.length);
      index.defaultReturnValue(-1);
      for (int i = 0; i < strings.length; i++) {
        index.putIfAbsent(strings[i], i);
      }
    }
    return index.getInt(s);
  }

  /** The sink of one pass. Not thread-safe. */
  private static final class Counter implements ClauseSink {
    private final String[] strings;
    private final TermTrie trie;
    private final UnitTable units;
    private final long[] counts;
    private final long[] lines;
    /** Whether each string begins with a measure word, so that its left neighbour is checked. */
    private final boolean[] measureFirst;
    private final long[] afterQuantity;
    /** Per Latin unit (by id − {@link UnitTable#LATIN_BASE}): 0 not yet known, 1 number, 2 not. */
    private byte[] latinNumber = new byte[64];
    /** The line each string was last counted in, -1 before any. */
    private final long[] lastLine;
    private ClauseScanner scanner;
    private long documents;
    private long currentLine = -1;
    private long lineOfClause;
    /** The clause being matched and the position of the match's first unit in it. */
    private int[] clause;
    private int position;
    private final java.util.function.IntConsumer onTerm = this::hit;

    Counter(String[] strings, UnitTable units) {
      this.strings = strings;
      this.trie = new TermTrie(strings, units);
      this.units = units;
      this.counts = new long[strings.length];
      this.lines = new long[strings.length];
      this.lastLine = new long[strings.length];
      java.util.Arrays.fill(lastLine, -1);
      this.afterQuantity = new long[strings.length];
      this.measureFirst = new boolean[strings.length];
      HanCharacters measures = Quantities.measureWords();
      for (int i = 0; i < strings.length; i++) {
        measureFirst[i] = !strings[i].isEmpty() && measures.contains(strings[i].codePointAt(0));
      }
    }

    @Override
    public void clause(int[] u, int length, int ownedEnd, boolean clauseStart,
        boolean clauseEnd) {
      // While a clause is emitted, lines() is the index of the line it belongs to.
      long line = scanner.lines();
      if (line != currentLine && ownedEnd > 0) {
        currentLine = line;
        documents++;
      }
      lineOfClause = line;
      clause = u;
      for (int i = 0; i < ownedEnd; i++) {
        position = i;
        trie.match(u, i, length, onTerm);
      }
    }

    private void hit(int t) {
      counts[t]++;
      if (lastLine[t] != lineOfClause) {
        lastLine[t] = lineOfClause;
        lines[t]++;
      }
      if (measureFirst[t] && position > 0 && isQuantity(clause[position - 1])) {
        afterQuantity[t]++;
      }
    }

    /** Whether the unit {@code id} ends a number or is a determiner. */
    private boolean isQuantity(int id) {
      if (!UnitTable.isLatinId(id)) {
        return Quantities.endsNumber(id) || Quantities.isDeterminer(id);
      }
      int k = id - UnitTable.LATIN_BASE;
      if (k >= latinNumber.length) {
        latinNumber = java.util.Arrays.copyOf(latinNumber,
            Math.max(k + 1, (int) Math.min(UnitTable.MAX_LATIN, 2L * latinNumber.length)));
      }
      if (latinNumber[k] == 0) {
        latinNumber[k] = (byte) (Quantities.isNumberText(units.text(id)) ? 1 : 2);
      }
      return latinNumber[k] == 1;
    }

    TermOccurrences result() {
      return new TermOccurrences(strings, counts, lines, afterQuantity, documents);
    }
  }
}
