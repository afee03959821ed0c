package dev.ciku.discover;

import dev.ciku.corpus.ParallelClauses;
import dev.ciku.corpus.UnitTable;
import dev.ciku.count.GramIndex;
import dev.ciku.count.Grams;
import dev.ciku.count.ShortGramSet;

/**
 * The cutting pass over one worker's clauses: a gap between two units is kept when a gram of G
 * covers both, and cut everywhere else; the fragments are counted into {@link #fragments()}.
 * Public so that a {@link CutPass} can run it elsewhere (one per partition).
 *
 * <p>Cost: one or two look-ups in G a unit (a {@link ShortGramSet} when G's grams have 3 units or
 * fewer, the default) and one table update a fragment. Not thread-safe: one per thread.
 */
public final class Cutter implements ParallelClauses.Worker {
  /** Longest run of single-unit fragments kept whole; a longer one is cut here. */
  static final int MAX_RUN = 256;

  private final GramIndex g;
  private final int gMax;
  private final int maxLength;
  /** G's grams as their {@code hi} longs, when all have 3 units or fewer (else null). */
  private final ShortGramSet shortG;
  private final CutFragments out = new CutFragments();
  private final int[] run = new int[MAX_RUN];
  private int runLength;

  /**
   * A cutter with G = {@code g} (grams of 2..{@code gMax} units) whose fragments longer than
   * {@code maxLength} units are only segmented, never candidates.
   */
  public Cutter(GramIndex g, int gMax, int maxLength) {
    // A set of longs instead of the index's 24-byte slots, and a bit filter in front: the
    // look-ups below, one or two a unit, mostly hit the cache.
    this(g, gMax, maxLength, gMax <= 3 ? ShortGramSet.of(g) : null);
  }

  private Cutter(GramIndex g, int gMax, int maxLength, ShortGramSet shortG) {
    this.g = g;
    this.gMax = gMax;
    this.maxLength = maxLength;
    this.shortG = shortG;
  }

  /**
   * A cutter with the same G and settings and fragments of its own, for another thread. Cost:
   * its buffers only; it shares this cutter's look-up set of G, which is immutable (building it
   * takes a pass over G).
   */
  public Cutter another() {
    return new Cutter(g, gMax, maxLength, shortG);
  }

  /** What this cutter has counted so far. */
  public CutFragments fragments() {
    return out;
  }

  private boolean inG(long hi, long lo) {
    return shortG != null ? shortG.contains(hi) : g.get(hi, lo) != 0;
  }

  @Override
  public void clause(int[] u, int from, int end, int owned, boolean clauseEnd) {
    int len = clauseEnd ? end : owned;
    int start = from;
    int reach = from;
    for (int j = from; j < len; j++) {
      if (j < len - 1) {
        long hi = (long) u[j] << (2 * Grams.BITS);
        long lo = 0;
        int max = Math.min(gMax, len - j);
        for (int k = 2; k <= max; k++) {
          int x = u[j + k - 1];
          if (k <= 3) {
            hi |= (long) x << (Grams.BITS * (3 - k));
          } else {
            lo |= (long) x << (Grams.BITS * (6 - k));
          }
          if (j + k - 1 > reach && inG(hi, lo)) {
            reach = j + k - 1;
          }
        }
      }
      if (j == len - 1 || reach <= j) {
        emitSplittingNumbers(u, start, j + 1);
        start = j + 1;
      }
    }
    endRun();
  }

  /**
   * Ends a run of single-unit fragments: 2..6 units are a {@link CutFragments#singleRuns} entry,
   * a longer run (up to {@link #MAX_RUN} units, then cut) is segmented whole, like a fragment
   * longer than any word (cut into pieces, a word across a piece boundary would never be seen).
   */
  private void endRun() {
    if (runLength > Grams.MAX_ORDER) {
      emitLong(run, 0, runLength, true);
    } else if (runLength >= 2) {
      out.singleRuns().accept(Grams.hi(run, 0, runLength), Grams.lo(run, 0, runLength), 1);
    }
    runLength = 0;
  }

  /**
   * A fragment with two or more Latin/digit units is an expression (12月31日, 3.5G版本): it is
   * cut before each of its Latin units but the first unit, so its parts (12月, 31日) count.
   */
  private void emitSplittingNumbers(int[] u, int from, int to) {
    int latin = 0;
    for (int i = from; i < to; i++) {
      if (UnitTable.isLatinId(u[i])) {
        latin++;
      }
    }
    // One call site of emit: a small method for the compiler, hot from the first clauses.
    int s = from;
    for (int i = from + 1; i <= to; i++) {
      if (i == to || (latin >= 2 && UnitTable.isLatinId(u[i]))) {
        emit(u, s, i);
        s = i;
      }
    }
  }

  private void emit(int[] u, int from, int to) {
    int n = to - from;
    out.addCount(1);
    if (n == 1) {
      if (runLength == run.length) {
        endRun();
      }
      run[runLength++] = u[from];
      return;
    }
    endRun();
    if (n > maxLength) {
      emitLong(u, from, to, true);
    } else if (n <= Grams.MAX_ORDER) {
      out.shortFragments().accept(Grams.hi(u, from, n), Grams.lo(u, from, n), 1);
    } else {
      emitLong(u, from, to, false);
    }
  }

  /**
   * A fragment of 7+ units; one longer than the longest word is not a candidate but is still
   * segmented in re-estimation, so that the words inside it are counted.
   */
  private void emitLong(int[] u, int from, int to, boolean segmentOnly) {
    (segmentOnly ? out.segmentOnly() : out.longFragments()).add(u, from, to, 1);
  }
}
