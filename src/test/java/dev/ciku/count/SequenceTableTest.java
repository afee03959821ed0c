package dev.ciku.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SequenceTableTest {
  private static final int[] TEXT = {1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 6, 7};

  @Test
  void add_sameUnitsAtOtherOffsets_countedAsOneSequence() {
    SequenceTable t = new SequenceTable();
    t.add(TEXT, 0, 7, 1);
    t.add(TEXT, 8, 15, 2);
    t.add(new int[] {9, 1, 2, 3, 4, 5, 6, 7}, 1, 8, 4);
    assertEquals(1, t.size());
    assertEquals(7, t.totalUnits());
    assertEquals(7, t.get(new int[] {1, 2, 3, 4, 5, 6, 7}, 0, 7));
  }

  @Test
  void get_prefixOrExtensionOfAnEntry_isZero() {
    SequenceTable t = new SequenceTable();
    t.add(TEXT, 0, 7, 3);
    assertEquals(0, t.get(TEXT, 0, 6));
    assertEquals(0, t.get(TEXT, 0, 8));
    assertEquals(0, t.get(TEXT, 1, 8));
    assertEquals(0, t.get(TEXT, 3, 3), "empty");
  }

  @Test
  void add_emptySequence_throws() {
    SequenceTable t = new SequenceTable();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> t.add(TEXT, 4, 4, 1));
    assertEquals("empty sequence: from 4, to 4", e.getMessage());
  }

  @Test
  void forEach_entryAddedTwice_visitsInFirstAddedOrderWithCountsSummed() {
    SequenceTable t = new SequenceTable();
    t.add(TEXT, 2, 9, 1);
    t.add(TEXT, 0, 7, 1);
    t.add(TEXT, 2, 9, 5);
    List<String> seen = new ArrayList<>();
    t.forEach((u, from, n, c) ->
        seen.add(Arrays.toString(Arrays.copyOfRange(u, from, from + n)) + "=" + c));
    assertEquals(List.of("[3, 4, 5, 6, 7, 8, 1]=6", "[1, 2, 3, 4, 5, 6, 7]=1"), seen);
  }

  /** Thousands of random sequences, many repeated, against a map of lists; then summed tables. */
  @Test
  void addAndAddAll_seededRandomSequences_matchAMapOfLists() {
    Random r = new Random(20261126);
    Map<List<Integer>, Long> expected = new LinkedHashMap<>();
    SequenceTable[] parts = {new SequenceTable(), new SequenceTable(), new SequenceTable()};
    int[] u = new int[300];
    for (int i = 0; i < 60_000; i++) {
      int n = 1 + (r.nextInt(10) == 0 ? r.nextInt(300) : r.nextInt(12));
      int from = r.nextInt(u.length - n + 1);
      for (int j = 0; j < n; j++) {
        // A small alphabet: sequences repeat, and many share their prefixes.
        u[from + j] = r.nextInt(4) == 0 ? 0x1F000 + r.nextInt(3) : 0x4E00 + r.nextInt(5);
      }
      long c = 1 + r.nextInt(3);
      parts[i % 3].add(u, from, from + n, c);
      List<Integer> key = new ArrayList<>();
      for (int j = from; j < from + n; j++) {
        key.add(u[j]);
      }
      expected.merge(key, c, Long::sum);
    }
    SequenceTable all = new SequenceTable();
    for (SequenceTable p : parts) {
      all.addAll(p);
    }
    assertEquals(expected.size(), all.size());
    for (Map.Entry<List<Integer>, Long> e : expected.entrySet()) {
      int[] k = e.getKey().stream().mapToInt(Integer::intValue).toArray();
      assertEquals(e.getValue(), all.get(k, 0, k.length), e.getKey().toString());
    }
    long[] total = {0};
    all.forEach((units, from, n, c) -> {
      assertEquals(c, all.get(units, from, from + n));
      total[0] += c;
    });
    assertEquals(expected.values().stream().mapToLong(Long::longValue).sum(), total[0]);
    int[] absent = {0x4E00, 0x4E00, 0x4E00, 0x4E00, 0x4E00, 0x4E00, 0x4E00, 0x4E00, 0x4E00,
        0x4E00, 0x4E00, 0x4E00, 0x4E00, 0x4E00, 0x4E00, 0x4E00, 0x4E00, 0x4E00, 0x4E00, 0x4E01};
    assertEquals(expected.getOrDefault(
        Arrays.stream(absent).boxed().toList(), 0L), all.get(absent, 0, absent.length));
  }
}
