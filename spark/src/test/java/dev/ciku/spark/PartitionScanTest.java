package dev.ciku.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ciku.corpus.LatinCase;
import dev.ciku.corpus.UnitTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PartitionScanTest {
  static final Path LAWS = Path.of("../corpora-samples/laws-zh.txt");
  static final Path WIKI = Path.of("../corpora-samples/wiki-zh-cmrc2018.txt");

  /** {@code lines} cut at {@code parts - 1} seeded random places (some pieces empty). */
  static List<List<String>> slices(List<String> lines, int parts, long seed) {
    Random r = new Random(seed);
    int[] cuts = IntStream.concat(IntStream.of(0, lines.size()),
        IntStream.generate(() -> r.nextInt(lines.size() + 1)).limit(parts - 1)).sorted().toArray();
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i + 1 < cuts.length; i++) {
      out.add(lines.subList(cuts[i], cuts[i + 1]));
    }
    return out;
  }

  /** Lines {@code 词u<from>} .. {@code 词u<to - 1>}: one Han unit and one Latin unit each. */
  static Iterator<String> latinLines(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> "词u" + i).iterator();
  }

  @Test
  void totalsAdd_manyPartitionScansInOrder_equalOneScanOfTheWhole() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(LAWS));
    lines.addAll(Files.readAllLines(WIKI));
    UnitTable oneTable = new UnitTable(true);
    PartitionScan.Totals one = new PartitionScan.Totals(6, oneTable);
    one.add(PartitionScan.of(lines.iterator(), 6, LatinCase.FOLD, false));
    UnitTable manyTable = new UnitTable(true);
    PartitionScan.Totals many = new PartitionScan.Totals(6, manyTable);
    List<List<String>> parts = slices(lines, 40, 25);
    for (List<String> part : parts) {
      many.add(PartitionScan.of(part.iterator(), 6, LatinCase.FOLD, false));
    }
    assertTrue(oneTable.latinCount() > 100, "the wiki sample brings Latin units");
    assertEquals(oneTable.latinKeys(), manyTable.latinKeys(), "Latin units, in order");
    assertEquals(List.of(oneTable.forms().forms()), List.of(manyTable.forms().forms()), "forms");
    assertArrayEquals(oneTable.forms().counts(), manyTable.forms().counts(), "their counts");
    assertArrayEquals(one.positions(), many.positions(), "positions");
    assertArrayEquals(one.weights(), many.weights(), "gram starts per bucket");
    assertEquals(one.clauses(), many.clauses(), "clauses");
    assertEquals(one.chars(), many.chars(), "chars");
    assertEquals(0, many.beyond());
    assertEquals(40, many.partitions());
  }

  @Test
  void totalsAdd_moreDistinctLatinThanTheTable_keepsTheFirstAndCountsTheRest() {
    // 1,000,000 units, then 1,000,000 of which the first 100,000 came before: 1,900,000 distinct.
    UnitTable table = new UnitTable(true);
    PartitionScan.Totals totals = new PartitionScan.Totals(2, table);
    totals.add(PartitionScan.of(latinLines(0, 1_000_000), 2, LatinCase.FOLD, false));
    totals.add(PartitionScan.of(latinLines(900_000, 1_900_000), 2, LatinCase.FOLD, false));
    // The table a sequential read fills: the first MAX_LATIN units, in order.
    assertEquals(IntStream.range(0, UnitTable.MAX_LATIN).mapToObj(i -> "u" + i).toList(),
        table.latinKeys());
    assertEquals(1_900_000 - UnitTable.MAX_LATIN, totals.beyond());
  }

  @Test
  void totals_filledUnitTable_refused() {
    UnitTable t = new UnitTable(true);
    t.latinId("iPhone");
    assertThrows(IllegalArgumentException.class, () -> new PartitionScan.Totals(6, t));
  }
}
