package dev.ciku.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ciku.corpus.ByteCounter;
import dev.ciku.corpus.ClauseScanner;
import dev.ciku.corpus.CorpusInput;
import dev.ciku.corpus.LatinCase;
import dev.ciku.corpus.LatinForms;
import dev.ciku.corpus.ReaderOptions;
import dev.ciku.corpus.UnitTable;
import dev.ciku.count.CountOptions;
import dev.ciku.count.GramIndex;
import dev.ciku.count.Grams;
import dev.ciku.count.NgramCounter;
import dev.ciku.discover.CutFragments;
import dev.ciku.discover.Cutter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Tuple2;

/** The cut pass's map and reduce functions run as Spark runs them, without Spark. */
class SparkCutPassTest {
  static final int G_MAX = 3;
  static final int MAX_LENGTH = 12;
  static final int REDUCE = 3;

  @TempDir Path tmp;

  private static long files(Path dir) throws IOException {
    try (var s = Files.list(dir)) {
      return s.count();
    }
  }

  @Test
  void cutAndSumPartition_runMemoryOfOneByte_spillEveryBlockAndGiveOneCuttersFragments()
      throws IOException {
    // G: the grams of 2-3 units the laws sample has 20 times or more; its Latin units.
    UnitTable units = new UnitTable(true);
    GramIndex g = new GramIndex(1 << 16);
    new NgramCounter(new CountOptions(G_MAX, 20, 1, 64L << 20, tmp), ReaderOptions.DEFAULT)
        .count(List.of(CorpusInput.file(PartitionScanTest.LAWS)), units, new ByteCounter(),
            m -> { }, (hi, lo, c) -> {
              if (Grams.length(hi, lo) >= 2) {
                g.accept(hi, lo, c);
              }
            });
    long[] cohesive = new long[2 * g.size()];
    int[] k = {0};
    g.forEach((hi, lo, c) -> {
      cohesive[k[0]++] = hi;
      cohesive[k[0]++] = lo;
    });
    LatinForms latin = units.forms();
    List<String> lines = Files.readAllLines(PartitionScanTest.LAWS);
    Cutter one = new Cutter(g, G_MAX, MAX_LENGTH);
    Lines.feed(lines.iterator(), new ClauseScanner(Lines.table(latin, LatinCase.FOLD), LatinCase.FOLD, false,
        (u, length, owned, start, end) -> one.clause(u, 0, length, owned, end)));
    String expected = PackedFragmentsTest.render(one.fragments());
    assertTrue(g.size() > 1000 && one.fragments().longFragments().size() > 100,
        "G and long fragments of the sample");

    for (long memory : new long[] {1, 1L << 30}) {
      Path spool = Files.createDirectory(tmp.resolve("spool-" + memory));
      long onDisk = memory == 1 ? 1 : 0;
      List<List<Tuple2<Integer, long[]>>> shuffled = new ArrayList<>();
      for (int r = 0; r < REDUCE; r++) {
        shuffled.add(new ArrayList<>());
      }
      for (List<String> part : PartitionScanTest.slices(lines, 5, 12)) {
        Iterator<Tuple2<Integer, long[]>> sent = SparkCutPass.cutPartition(part.iterator(),
            cohesive, latin, G_MAX, MAX_LENGTH, LatinCase.FOLD, false, REDUCE, false, memory,
            spool);
        assertEquals(part.isEmpty() ? 0 : onDisk, files(spool), memory + " bytes: cut blocks");
        sent.forEachRemaining(t -> shuffled.get(t._1()).add(t));
        assertEquals(0, files(spool), "deleted once read");
      }
      CutFragments summed = new CutFragments();
      for (List<Tuple2<Integer, long[]>> in : shuffled) {
        Iterator<long[]> sums = SparkCutPass.sumPartition(in.iterator(), memory, spool);
        assertEquals(onDisk, files(spool), memory + " bytes: summed blocks");
        sums.forEachRemaining(block -> SparkCutPass.Packed.read(block, summed));
        assertEquals(0, files(spool), "deleted once read");
      }
      assertEquals(expected, PackedFragmentsTest.render(summed), memory + " bytes");
    }
  }
}
