package dev.ciku.discover;

import dev.ciku.count.GramIndex;
import dev.ciku.count.Grams;
import java.util.Arrays;

/**
 * The cut corpus as re-estimation segments it: the distinct fragments of 2+ units (but the
 * pairs admitted by {@code --pair-pmi}, which are no fragments), the runs of single-unit
 * fragments, the long fragments and the stretches kept only to be segmented, each once with its
 * count, their units side by side in one array. Memory: 4 bytes a unit of every entry and 12
 * bytes an entry. Filled once by its constructor, then only read: any number of threads may
 * read it.
 */
final class CutTable {
  int[] units = new int[1 << 16];
  int[] start = new int[1 << 12];
  long[] count = new long[1 << 12];
  int size;
  int longest;
  private int used;

  CutTable(CutFragments fragments, GramIndex notFragments) {
    int[] buf = new int[Grams.MAX_ORDER];
    fragments.shortFragments().forEach((hi, lo, c) -> {
      if (notFragments.get(hi, lo) == 0) {
        int n = Grams.units(hi, lo, buf);
        add(buf, n, c);
      }
    });
    fragments.singleRuns().forEach((hi, lo, c) -> add(buf, Grams.units(hi, lo, buf), c));
    fragments.longFragments().forEach(this::add);
    // Stretches longer than any word are segmented all the same (their words are counted).
    fragments.segmentOnly().forEach(this::add);
    start[size] = used;
  }

  private void add(int[] u, int n, long c) {
    add(u, 0, n, c);
  }

  private void add(int[] u, int from, int n, long c) {
    if (size + 1 >= start.length) {
      start = Arrays.copyOf(start, start.length * 2);
      count = Arrays.copyOf(count, count.length * 2);
    }
    if (used + n > units.length) {
      units = Arrays.copyOf(units, Math.max(units.length * 2, used + n));
    }
    System.arraycopy(u, from, units, used, n);
    start[size] = used;
    count[size++] = c;
    used += n;
    longest = Math.max(longest, n);
  }
}
