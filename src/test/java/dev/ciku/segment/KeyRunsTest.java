package dev.ciku.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRunsTest {
  @TempDir Path dir;

  /** Keys as lists, in the order of {@link KeyRuns#compare}. */
  private static final java.util.Comparator<List<Integer>> ORDER = (a, b) -> KeyRuns.compare(
      a.stream().mapToInt(Integer::intValue).toArray(), 0, a.size(),
      b.stream().mapToInt(Integer::intValue).toArray(), 0, b.size());

  @Test
  void compare_keysOfOtherLengthsOrInts_shorterFirstThenIntsUnsigned() {
    assertTrue(KeyRuns.compare(new int[] {9}, 0, 1, new int[] {1, 1}, 0, 2) < 0);
    assertTrue(KeyRuns.compare(new int[] {1, 2}, 0, 2, new int[] {1, 3}, 0, 2) < 0);
    assertTrue(KeyRuns.compare(new int[] {5, -1}, 0, 2, new int[] {5, 7}, 0, 2) > 0);
    assertEquals(0, KeyRuns.compare(new int[] {0, 4, 2}, 1, 2, new int[] {4, 2}, 0, 2));
  }

  /**
   * Twenty runs of random keys (lengths 1..255, ints near 0 and near 2^32) merged two at a time
   * by a budget of 8 KB: every key once, in order, its counts summed; no file left.
   */
  @Test
  void merge_manyRunsSmallBudget_mergesInPassesSummingEqualKeys() {
    Random r = new Random(3);
    TreeMap<List<Integer>, Long> expected = new TreeMap<>(ORDER);
    try (KeyRuns runs = new KeyRuns(dir, "ciku-test-", 8 << 10)) {
      for (int run = 0; run < 20; run++) {
        TreeMap<List<Integer>, Long> one = new TreeMap<>(ORDER);
        for (int i = 0; i < 300; i++) {
          int len = r.nextInt(10) == 0 ? 1 + r.nextInt(KeyRuns.MAX_LENGTH) : 1 + r.nextInt(3);
          List<Integer> key = new ArrayList<>();
          for (int k = 0; k < len; k++) {
            key.add(r.nextBoolean() ? r.nextInt(4) : -1 - r.nextInt(2));
          }
          long count = r.nextInt(4) == 0 ? 1L << 40 : 1 + r.nextInt(5);
          one.merge(key, count, Long::sum);
          expected.merge(key, count, Long::sum);
        }
        KeyRuns.Writer w = runs.writer();
        one.forEach((key, count) -> w.accept(
            key.stream().mapToInt(Integer::intValue).toArray(), 0, key.size(), count));
        w.finish();
      }
      assertEquals(20, runs.runs());
      List<String> merged = new ArrayList<>();
      long distinct = runs.merge((key, from, length, count) ->
          merged.add(Arrays.toString(Arrays.copyOfRange(key, from, from + length)) + count));
      List<String> want = new ArrayList<>();
      expected.forEach((key, count) -> want.add(key + "" + count));
      assertEquals(want, merged);
      assertEquals(expected.size(), distinct);
      assertEquals(0, dir.toFile().list().length, "run files deleted");
    }
  }

  @Test
  void writer_keysNotAscending_rejectedAndFileDeletedOnClose() {
    KeyRuns runs = new KeyRuns(dir, "ciku-test-", 1 << 20);
    KeyRuns.Writer w = runs.writer();
    w.accept(new int[] {1, 2}, 0, 2, 1);
    assertThrows(IllegalArgumentException.class, () -> w.accept(new int[] {7}, 0, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> w.accept(new int[] {1, 2}, 0, 2, 1));
    assertEquals(1, dir.toFile().list().length);
    runs.close();
    assertEquals(0, dir.toFile().list().length);
  }
}
