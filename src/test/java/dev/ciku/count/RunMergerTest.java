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
    }, threads, dir, 0);
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
        }, 3, dir, 0));
    assertEquals("sink closed", e.getMessage());
    try (var files = Files.list(dir)) {
      assertFalse(files.findAny().isPresent(), "range files are deleted after a failure");
    }
  }
}
