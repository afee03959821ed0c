package dev.ciku.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FragmentTableTest {
  @TempDir Path dir;

  /**
   * Random fragments of a Zipf-like alphabet (lengths mostly 1..4, some up to 127, symbols up to
   * 2^21), seeded, counted by the table at {@code budget} and by a sorted map; the table's
   * {@code bytes()} stays within the budget less a run's buffer throughout.
   */
  private List<String> count(long seed, long budget, int[] runs,
      TreeMap<String, Long> expected) {
    Random r = new Random(seed);
    int[] block = new int[200];
    List<String> out = new ArrayList<>();
    try (FragmentTable t = new FragmentTable(budget, dir)) {
      long limit = budget - new KeyRuns(dir, "x", budget).bufferBytes();
      for (int i = 0; i < 30_000; i++) {
        int len = r.nextInt(50) == 0 ? 1 + r.nextInt(127) : 1 + r.nextInt(4);
        int from = r.nextInt(50);
        for (int k = 0; k < len; k++) {
          int s = (int) Math.pow(r.nextInt(1 << 14), 1.5) / 64;
          block[from + k] = r.nextInt(100) == 0 ? (1 << 21) - 1 - s : s;
        }
        t.add(block, from, len);
        if (expected != null) {
          expected.merge(key(block, from, len), 1L, Long::sum);
        }
        assertTrue(t.bytes() <= limit, t.bytes() + " bytes at " + budget);
      }
      long distinct = t.forEachSorted((symbols, from, length, c) ->
          out.add(key(symbols, from, length) + "=" + c));
      assertEquals(out.size(), distinct);
      runs[0] = t.runs();
    }
    assertEquals(0, dir.toFile().list().length, "run files deleted");
    return out;
  }

  /** A sortable text of a key: its length, then its symbols as 7 hex digits each. */
  private static String key(int[] s, int from, int length) {
    StringBuilder b = new StringBuilder().append((char) ('0' + length / 100))
        .append((char) ('0' + length / 10 % 10)).append((char) ('0' + length % 10));
    for (int k = from; k < from + length; k++) {
      String hex = Integer.toHexString(s[k]);
      b.append(':').append("0000000", hex.length(), 7).append(hex);
    }
    return b.toString();
  }

  /**
   * At every budget the same fragments, counts and canonical order as the reference (its keys
   * sort as length, then symbols); budgets of 16 and 96 KB spill many runs (merged in passes at 16 KB), 256 MB none.
   */
  @Test
  void forEachSorted_budgets_sameFragmentsCountsAndOrderAsReference() {
    for (long seed = 1; seed <= 3; seed++) {
      TreeMap<String, Long> expected = new TreeMap<>();
      int[] runs = {0};
      List<String> all = count(seed, 256L << 20, runs, expected);
      assertEquals(0, runs[0]);
      List<String> want = new ArrayList<>();
      expected.forEach((k, c) -> want.add(k + "=" + c));
      assertEquals(want, all, "seed " + seed);
      for (long budget : new long[] {16 << 10, 96 << 10}) {
        assertEquals(want, count(seed, budget, runs, null), "seed " + seed + ", " + budget);
        assertTrue(runs[0] > 1, budget + ": runs " + runs[0]);
      }
    }
  }

  @Test
  void forEachSorted_emptyTable_nothing() {
    try (FragmentTable t = new FragmentTable(1 << 10, dir)) {
      assertEquals(0, t.forEachSorted((s, f, l, c) -> {
        throw new AssertionError(Arrays.toString(s));
      }));
    }
  }
}
