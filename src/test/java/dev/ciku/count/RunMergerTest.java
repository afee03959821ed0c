package dev.ciku.count;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunMergerTest {
  /** Seeded runs of grams of 1..6 units over a small alphabet, so that runs share many grams. */
  private static List<SortedRun> runs(long seed, int count, int maxSize, Path spillDir)
      throws IOException {
    Random r = new Random(seed);
    List<SortedRun> out = new ArrayList<>();
    int[] u = new int[6];
    for (int k = 0; k < count; k++) {
      GramTable t = new GramTable(2 * maxSize, 0.6);
      int n = 1 + r.nextInt(maxSize);
      for (int i = 0; i < n; i++) {
        int len = 1 + r.nextInt(6);
        for (int j = 0; j < len; j++) {
          u[j] = 0x4E00 + r.nextInt(j == 0 ? 3000 : 12);
        }
        t.add(Grams.hi(u, 0, len), Grams.lo(u, 0, len), 1 + r.nextInt(3));
      }
      SortedRun run = t.drainSorted();
      if (spillDir != null && k % 2 == 1) {
        run.spill(spillDir);
      }
      out.add(run);
    }
    return out;
  }

  private static long[] collect(List<SortedRun> runs, long minCount, int threads, Path dir)
      throws IOException {
    List<Long> acc = new ArrayList<>();
    RunMerger.merge(runs, minCount, (hi, lo, c) -> {
      acc.add(hi);
      acc.add(lo);
      acc.add(c);
    }, threads, dir, Long.MAX_VALUE, 0);
    return acc.stream().mapToLong(Long::longValue).toArray();
  }

  @Test
  void merge_inRanges_equalsOneThreadMerge(@TempDir Path dir) throws IOException {
    for (long seed = 1; seed <= 5; seed++) {
      List<SortedRun> runs = runs(seed, 2 + (int) seed, 5_000, dir);
      long[] serial = collect(runs, 2, 1, dir);
      assertTrue(serial.length > 3_000, "the merged runs hold thousands of grams");
      for (int threads = 2; threads <= 5; threads++) {
        assertArrayEquals(serial, collect(runs, 2, threads, dir), "seed " + seed + ", threads "
            + threads);
      }
      for (SortedRun r : runs) {
        r.delete();
      }
    }
    try (var files = Files.list(dir)) {
      assertFalse(files.findAny().isPresent(), "no range file is left behind");
    }
  }

  @Test
  void merge_sinkFailsInFirstRange_leavesNoFiles(@TempDir Path dir) throws IOException {
    List<SortedRun> runs = runs(9, 4, 20_000, null);
    long[] seen = {0};
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> RunMerger.merge(runs, 1, (hi, lo, c) -> {
          if (++seen[0] == 100) {
            throw new IllegalStateException("sink closed");
          }
        }, 3, dir, Long.MAX_VALUE, 0));
    assertEquals("sink closed", e.getMessage());
    try (var files = Files.list(dir)) {
      assertFalse(files.findAny().isPresent(), "range files are deleted after a failure");
    }
  }

  /** Collects grams in arrival order; parts collect their own and are appended on join. */
  static final class Collecting implements PartitionedSink {
    final List<long[]> grams = new ArrayList<>();

    @Override
    public void accept(long hi, long lo, long count) {
      grams.add(new long[] {hi, lo, count});
    }

    @Override
    public Collecting part() {
      return new Collecting();
    }

    @Override
    public void join(GramSink part) {
      grams.addAll(((Collecting) part).grams);
    }
  }

  /** Every prefix of every gram of the runs with the summed counts, by brute force. */
  private static java.util.TreeMap<List<Integer>, Long> expandNaively(List<SortedRun> runs)
      throws IOException {
    java.util.TreeMap<List<Integer>, Long> out = new java.util.TreeMap<>(
        java.util.Comparator.comparing(Object::toString));
    int[] u = new int[6];
    for (SortedRun r : runs) {
      SortedRun.Cursor c = r.cursor();
      while (c.next()) {
        int n = Grams.units(c.hi(), c.lo(), u);
        for (int k = 1; k <= n; k++) {
          List<Integer> key = new ArrayList<>();
          for (int i = 0; i < k; i++) {
            key.add(u[i]);
          }
          out.merge(key, c.count(), Long::sum);
        }
      }
    }
    return out;
  }

  @Test
  void mergeExpanding_anyThreads_givesEveryPrefixWithSummedCountsInPostOrder(@TempDir Path dir)
      throws IOException {
    for (long seed = 11; seed <= 14; seed++) {
      List<SortedRun> runs = runs(seed, 3 + (int) (seed % 3), 4_000, dir);
      java.util.TreeMap<List<Integer>, Long> expected = expandNaively(runs);
      expected.values().removeIf(c -> c < 3);
      List<long[]> serial = null;
      for (int threads = 1; threads <= 4; threads++) {
        Collecting sink = new Collecting();
        RunMerger.mergeExpanding(runs, 3, sink, threads, dir, Long.MAX_VALUE, 0);
        java.util.TreeMap<List<Integer>, Long> got = new java.util.TreeMap<>(expected.comparator());
        int[] u = new int[6];
        for (long[] g : sink.grams) {
          int n = Grams.units(g[0], g[1], u);
          List<Integer> key = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            key.add(u[i]);
          }
          assertEquals(null, got.put(key, g[2]), "gram passed on twice: " + key);
        }
        assertEquals(expected, got, "seed " + seed + ", threads " + threads);
        // Post-order: no gram comes before one of its extensions.
        for (int i = 1; i < sink.grams.size(); i++) {
          long[] a = sink.grams.get(i - 1);
          long[] b = sink.grams.get(i);
          int shared = Grams.commonPrefix(a[0], a[1], b[0], b[1]);
          assertTrue(shared < Grams.length(a[0], a[1]), "entry " + i + " extends entry " + (i - 1));
        }
        if (serial == null) {
          serial = sink.grams;
        } else {
          assertEquals(serial.size(), sink.grams.size());
          for (int i = 0; i < serial.size(); i++) {
            assertArrayEquals(serial.get(i), sink.grams.get(i), "threads " + threads + ", entry " + i);
          }
        }
      }
      for (SortedRun r : runs) {
        r.delete();
      }
    }
  }

  @Test
  void merge_tooManySpilledRunsForTheBudget_reducesThemFirstWithTheSameResult(@TempDir Path dir)
      throws IOException {
    List<SortedRun> runs = runs(21, 12, 3_000, dir);
    long spilled = runs.stream().filter(SortedRun::spilled).count();
    assertTrue(spilled >= 6, "half the runs are spilled");
    long[] wide = collect(runs, 2, 1, dir);
    for (int threads = 1; threads <= 3; threads++) {
      List<Long> acc = new ArrayList<>();
      // 64 KB a cursor: room for two spilled runs a range, so several reducing passes.
      RunMerger.merge(runs, 2, (hi, lo, c) -> {
        acc.add(hi);
        acc.add(lo);
        acc.add(c);
      }, threads, dir, 2L * threads * SortedRun.MIN_BUFFER, 0);
      assertArrayEquals(wide, acc.stream().mapToLong(Long::longValue).toArray(),
          "threads " + threads);
      Collecting expanded = new Collecting();
      Collecting expandedWide = new Collecting();
      RunMerger.mergeExpanding(runs, 2, expanded, threads, dir, 2L * threads * SortedRun.MIN_BUFFER,
          0);
      RunMerger.mergeExpanding(runs, 2, expandedWide, threads, dir, Long.MAX_VALUE, 0);
      assertEquals(expandedWide.grams.size(), expanded.grams.size());
      for (int i = 0; i < expanded.grams.size(); i++) {
        assertArrayEquals(expandedWide.grams.get(i), expanded.grams.get(i), "entry " + i);
      }
    }
    for (SortedRun r : runs) {
      r.delete();
    }
    try (var files = Files.list(dir)) {
      assertFalse(files.findAny().isPresent(), "reduced runs are deleted");
    }
  }
}
