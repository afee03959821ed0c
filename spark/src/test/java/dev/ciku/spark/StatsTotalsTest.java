package dev.ciku.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ciku.corpus.ByteCounter;
import dev.ciku.corpus.CorpusInput;
import dev.ciku.corpus.CorpusStats;
import dev.ciku.corpus.LatinCase;
import dev.ciku.corpus.ReaderOptions;
import dev.ciku.corpus.UnitTable;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsTotalsTest {
  @TempDir Path tmp;

  private static CorpusStats cli(Path... files) throws IOException {
    List<CorpusInput> inputs = new ArrayList<>();
    for (Path f : files) {
      inputs.add(CorpusInput.file(f));
    }
    return CorpusStats.compute(inputs, ReaderOptions.DEFAULT, new ByteCounter(), m -> { });
  }

  @Test
  void totalsStats_manyPartsInOrder_equalTheCliStats() throws IOException {
    Path hant = Path.of("../src/test/resources/fixtures/laws-zh-hant.txt");
    List<String> lines = new ArrayList<>(Files.readAllLines(PartitionScanTest.LAWS));
    lines.addAll(Files.readAllLines(PartitionScanTest.WIKI));
    lines.addAll(Files.readAllLines(hant));
    SparkStats.Part.Totals totals = new SparkStats.Part.Totals(LatinCase.FOLD);
    for (List<String> part : PartitionScanTest.slices(lines, 40, 19)) {
      totals.add(SparkStats.Part.of(part.iterator(), LatinCase.FOLD, false));
    }
    List<String> warnings = new ArrayList<>();
    CorpusStats spark = totals.stats(warnings::add);
    CorpusStats cli = cli(PartitionScanTest.LAWS, PartitionScanTest.WIKI, hant);
    assertTrue(cli.latinUnits() > 1000 && cli.traditionalChars() > 1000, cli.toString());
    assertEquals(cli, spark);
    assertEquals(List.of(), warnings);
  }

  @Test
  void totalsStats_moreDistinctLatinThanTheTable_distinctAndEntropyOfTheCliAndAWarning()
      throws IOException {
    // 1,000,000 units, then 1,000,000 of which the first 100,000 came before: 1,900,000 distinct.
    Path text = tmp.resolve("latin.txt");
    try (BufferedWriter w = Files.newBufferedWriter(text)) {
      for (Iterator<String> it : List.of(PartitionScanTest.latinLines(0, 1_000_000),
          PartitionScanTest.latinLines(900_000, 1_900_000))) {
        while (it.hasNext()) {
          w.write(it.next());
          w.write('\n');
        }
      }
    }
    SparkStats.Part.Totals totals = new SparkStats.Part.Totals(LatinCase.FOLD);
    totals.add(SparkStats.Part.of(PartitionScanTest.latinLines(0, 1_000_000), LatinCase.FOLD, false));
    totals.add(SparkStats.Part.of(PartitionScanTest.latinLines(900_000, 1_900_000), LatinCase.FOLD, false));
    List<String> warnings = new ArrayList<>();
    CorpusStats spark = totals.stats(warnings::add);
    CorpusStats cli = cli(text);
    long beyond = 1_900_000 - UnitTable.MAX_LATIN;
    assertEquals(UnitTable.MAX_LATIN + 1, cli.distinctUnits(), "the CLI's table is full");
    assertEquals(cli.distinctUnits(), spark.distinctUnits(), "distinct units");
    assertEquals(cli.entropyBits(), spark.entropyBits(), "entropy, to the last bit");
    assertEquals(cli.lines(), spark.lines());
    assertEquals(cli.hanChars(), spark.hanChars());
    // The one known difference: the parts counted the later runs as units.
    assertEquals(cli.latinUnits() + beyond, spark.latinUnits(), "Latin units");
    assertEquals(cli.units() + beyond, spark.units(), "units");
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).startsWith(String.format(java.util.Locale.ROOT,
        "%,d distinct Latin/digit runs (counted once per partition) came after the first %,d",
        beyond, UnitTable.MAX_LATIN)), warnings.get(0));
  }
}
