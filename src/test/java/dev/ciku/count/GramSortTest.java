package dev.ciku.count;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GramSortTest {

  /**
   * Entries {@code (hi, lo, count)} in one array, the count being the entry's input position;
   * a key seen before is left out (the sort is for a hash table's distinct keys).
   */
  private static long[] entries(long[][] keys) {
    java.util.Map<java.util.List<Long>, long[]> distinct = new java.util.LinkedHashMap<>();
    for (long[] k : keys) {
      distinct.putIfAbsent(java.util.List.of(k[0], k[1]), k);
    }
    keys = distinct.values().toArray(new long[0][]);
    long[] a = new long[3 * keys.length];
    for (int i = 0; i < keys.length; i++) {
      a[3 * i] = keys[i][0];
      a[3 * i + 1] = keys[i][1];
      a[3 * i + 2] = i;
    }
    return a;
  }

  /** The entries sorted by the reference order: signed hi, then signed lo. */
  /** Sorts the entries of {@code keys} whole and compares them with {@link #expected}. */
  private static void assertSortedAsReference(long[][] keys, String what) {
    long[] a = entries(keys);
    long[] want = expected(a);
    GramSort.sort(a, 0, a.length / 3);
    assertArrayEquals(want, a, what);
  }

  private static long[] expected(long[] a) {
    int n = a.length / 3;
    long[][] rows = new long[n][];
    for (int i = 0; i < n; i++) {
      rows[i] = new long[] {a[3 * i], a[3 * i + 1], a[3 * i + 2]};
    }
    Arrays.sort(rows, Comparator.<long[]>comparingLong(r -> r[0]).thenComparingLong(r -> r[1]));
    long[] out = new long[a.length];
    for (int i = 0; i < n; i++) {
      System.arraycopy(rows[i], 0, out, 3 * i, 3);
    }
    return out;
  }

  /** A packed gram of Han code points near {@code base} (the shape counting produces). */
  private static long[] gram(SplittableRandom r, int units, int base, int spread) {
    int[] u = new int[units];
    for (int k = 0; k < units; k++) {
      // Skewed: low offsets far more often, as frequent characters are.
      int off = (int) (spread * Math.pow(r.nextDouble(), 3));
      u[k] = base + off;
    }
    return new long[] {Grams.hi(u, 0, units), Grams.lo(u, 0, units)};
  }

  @Test
  void sort_tiedAndExtremeHighKeys_ascendingByHighThenLow() {
    long[][] keys = {
      {5, 1}, {3, 9}, {5, 0}, {0, 7}, {3, 8}, {Long.MAX_VALUE, 0}, {1L << 62, 3}, {1L << 62, 2},
    };
    long[] a = entries(keys);
    GramSort.sort(a, 0, keys.length);
    long[] his = new long[keys.length];
    long[] los = new long[keys.length];
    for (int i = 0; i < keys.length; i++) {
      his[i] = a[3 * i];
      los[i] = a[3 * i + 1];
    }
    assertArrayEquals(new long[] {0, 3, 3, 5, 5, 1L << 62, 1L << 62, Long.MAX_VALUE}, his);
    assertArrayEquals(new long[] {7, 8, 9, 0, 1, 2, 3, 0}, los);
  }

  @Test
  void sort_randomGramsOfEverySize_matchesReferenceOrder() {
    SplittableRandom r = new SplittableRandom(20261126);
    int radix = GramSort.RADIX_MIN;
    for (int n : new int[] {0, 1, 2, 25, radix, radix + 1, 1000, 70_000}) {
      long[][] keys = new long[n][];
      for (int i = 0; i < n; i++) {
        keys[i] = gram(r, 1 + r.nextInt(6), 0x4E00, 0x5200);
      }
      assertSortedAsReference(keys, "n = " + n);
    }
  }

  @Test
  void sort_sharedPrefixesAndSignBits_matchesReferenceOrder() {
    // Long runs of equal hi (only lo differs), keys that differ in one low bit only, and keys
    // with the sign bit set, which sort first as signed longs.
    Random r = new Random(7);
    int n = 5000;
    long[][] keys = new long[n][];
    for (int i = 0; i < n; i++) {
      long hi = switch (i % 4) {
        case 0 -> 0x1234_5678L;
        case 1 -> r.nextLong();
        case 2 -> 0x1234_5678L ^ (1L << r.nextInt(64));
        default -> -1L - r.nextInt(3);
      };
      keys[i] = new long[] {hi, r.nextLong()};
    }
    assertSortedAsReference(keys, "");
  }

  @Test
  void sort_deepestNesting_matchesReferenceOrder() {
    // 70 keys that differ only in their lowest bits, and beside them one outlier for every 6
    // bits of the 128 (hi, then lo): each radix level separates one outlier and leaves more
    // than 64 keys in one bucket, so the sort nests as deep as keys allow.
    int n = 70;
    long[][] keys = new long[n + 22][];
    for (int i = 0; i < n; i++) {
      keys[i] = new long[] {0, i};
    }
    for (int l = 0; l < 22; l++) {
      int bit = 127 - 6 * l;
      keys[n + l] = bit >= 64 ? new long[] {1L << (bit - 64), 0} : new long[] {0, 1L << bit};
    }
    assertSortedAsReference(keys, "");
  }

  @Test
  void sort_subrange_leavesTheRestAlone() {
    SplittableRandom r = new SplittableRandom(3);
    int n = 2000;
    long[][] keys = new long[n][];
    for (int i = 0; i < n; i++) {
      keys[i] = gram(r, 4, 0x4E00, 0x200);
    }
    long[] a = entries(keys);
    int end = a.length / 3 - 100;
    long[] before = a.clone();
    GramSort.sort(a, 100, end);
    assertArrayEquals(Arrays.copyOfRange(before, 0, 300), Arrays.copyOfRange(a, 0, 300));
    assertArrayEquals(Arrays.copyOfRange(before, 3 * end, a.length),
        Arrays.copyOfRange(a, 3 * end, a.length));
    assertArrayEquals(expected(Arrays.copyOfRange(before, 300, 3 * end)),
        Arrays.copyOfRange(a, 300, 3 * end));
  }

  @Test
  void bucketSort_hashTableSlots_compactsAndSorts() {
    SplittableRandom r = new SplittableRandom(11);
    int slots = 1 << 16;
    long[] table = new long[3 * slots];
    int filled = 0;
    for (int s = 0; s < slots; s++) {
      if (r.nextInt(3) == 0) {
        long[] g = gram(r, 1 + r.nextInt(6), 0x4E00, 0x5200);
        table[3 * s] = g[0];
        table[3 * s + 1] = g[1];
        table[3 * s + 2] = s;
        filled++;
      }
    }
    // Distinct keys only, as a hash table holds.
    long[] dedup = new long[3 * filled];
    int m = 0;
    java.util.HashSet<String> seen = new java.util.HashSet<>();
    for (int s = 0; s < slots; s++) {
      if ((table[3 * s] != 0 || table[3 * s + 1] != 0)
          && seen.add(table[3 * s] + "/" + table[3 * s + 1])) {
        System.arraycopy(table, 3 * s, dedup, 3 * m++, 3);
      } else {
        table[3 * s] = 0;
        table[3 * s + 1] = 0;
      }
    }
    long[] dst = new long[3 * m];
    int got = GramSort.bucketSort(table, dst, new int[GramSort.BUCKETS + 1]);
    assertEquals(m, got);
    assertArrayEquals(expected(Arrays.copyOf(dedup, 3 * m)), dst);
  }
}
