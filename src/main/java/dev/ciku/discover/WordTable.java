package dev.ciku.discover;

import dev.ciku.corpus.Chunks;
import dev.ciku.corpus.UnitTable;
import dev.ciku.count.GramIndex;
import dev.ciku.count.Grams;
import dev.ciku.score.BoundaryEntropyPass;
import dev.ciku.score.Cohesion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The words under test, as parallel arrays indexed by word: their units, counts, left and right
 * boundary entropies, the share of their occurrences after a number (0 when the measure-word test
 * is off), and whether each is still kept. The stages of {@link WordDiscoverer} clear
 * {@code alive}; the other arrays do not change once {@link #measure} has filled them.
 *
 * <p>Memory: the units of every word and 41 bytes a word. Not thread-safe while a stage writes
 * {@code alive}; {@link #ranked} reads it from many threads.
 */
final class WordTable {
  /** Slices of the words scored at once (any thread count gives the same list). */
  private static final int SLICES = 16;

  final int[][] units;
  final long[] counts;
  final double[] hls;
  final double[] hrs;
  final boolean[] alive;
  final double[] afterNumber;

  WordTable(int[][] units, long[] counts, double[] hls, double[] hrs, boolean[] alive,
      double[] afterNumber) {
    this.units = units;
    this.counts = counts;
    this.hls = hls;
    this.hrs = hrs;
    this.alive = alive;
    this.afterNumber = afterNumber;
  }

  /** Words with these units and counts, not yet measured: none alive, every entropy 0. */
  static WordTable unmeasured(int[][] units, long[] counts) {
    int m = units.length;
    return new WordTable(units, counts, new double[m], new double[m], new boolean[m],
        new double[m]);
  }

  /**
   * Fills the boundary entropies (and the shares after numbers when {@code glue} is on) in one
   * pass over the counted grams, and keeps the words whose lower entropy reaches
   * {@code --min-entropy}, pairs admitted by {@code --pair-pmi} ({@code addedPairs}) only if it
   * reaches {@code --pair-entropy} too.
   */
  void measure(BoundaryEntropyPass entropies, GramIndex addedPairs, NumberGlue glue,
      DiscoverOptions options) {
    entropies.of(units, hls, hrs, glue.enabled() ? afterNumber : null, glue::endsNumber);
    double pairEntropy = options.pairEntropy();
    for (int i = 0; i < units.length; i++) {
      int[] w = units[i];
      double minH = Math.min(hls[i], hrs[i]);
      alive[i] = minH >= options.minEntropy() && !(w.length == 2 && minH < pairEntropy
          && addedPairs.get(Grams.hi(w, 0, 2), Grams.lo(w, 0, 2)) != 0);
    }
  }

  /** Clears {@code alive} where {@code dropped} is set; returns how many living words that was. */
  int remove(boolean[] dropped) {
    int n = 0;
    for (int i = 0; i < alive.length; i++) {
      n += alive[i] && dropped[i] ? 1 : 0;
      alive[i] &= !dropped[i];
    }
    return n;
  }

  /**
   * The living words with their cohesion and {@code score = ln(count) · min(Hl, Hr)}, best first
   * (score, then count, then the word: a total order, so the list does not depend on the threads
   * that made it). Made in slices on {@code threads} threads; {@code index} and
   * {@code unitTable} are only read.
   *
   * @param order the counting order (cohesion is computed over splits of at most that length)
   * @param lnN the natural log of the unit positions counted
   */
  List<DiscoveredWord> ranked(UnitTable unitTable, GramIndex index, int order, double lnN,
      int threads) {
    int[] live = new int[alive.length];
    int n = 0;
    for (int i = 0; i < alive.length; i++) {
      if (alive[i]) {
        live[n++] = i;
      }
    }
    DiscoveredWord[] made = new DiscoveredWord[n];
    int size = n;
    Chunks.run(SLICES, threads, slice -> {
      StringBuilder sb = new StringBuilder();
      int end = (int) ((long) size * (slice + 1) / SLICES);
      for (int k = (int) ((long) size * slice / SLICES); k < end; k++) {
        int i = live[k];
        int[] w = units[i];
        double coh = Cohesion.ofWord(w, index, lnN, order);
        sb.setLength(0);
        for (int id : w) {
          unitTable.append(sb, id);
        }
        double minH = Math.min(hls[i], hrs[i]);
        double score = Math.log(counts[i]) * minH;
        made[k] = new DiscoveredWord(sb.toString(), w.length, counts[i], coh, hls[i], hrs[i],
            score);
      }
    });
    List<DiscoveredWord> out = new ArrayList<>(Arrays.asList(made));
    out.sort(Comparator.comparingDouble(DiscoveredWord::score).reversed()
        .thenComparing(Comparator.comparingLong(DiscoveredWord::count).reversed())
        .thenComparing(DiscoveredWord::word));
    return out;
  }
}
