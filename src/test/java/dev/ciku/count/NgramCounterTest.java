package dev.ciku.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ciku.corpus.ByteCounter;
import dev.ciku.corpus.CorpusInput;
import dev.ciku.corpus.ReaderOptions;
import dev.ciku.corpus.UnitTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NgramCounterTest {
  static final Path LAWS = Path.of("corpora-samples/laws-zh.txt");
  static final Path WIKI = Path.of("corpora-samples/wiki-zh-cmrc2018.txt");
  static Naive naiveLaws;

  @TempDir Path tmp;

  @BeforeAll
  static void reference() throws IOException {
    naiveLaws = Naive.of(LAWS, 6);
  }

  /** Counts a file and returns gram text -> count plus the raw stream. */
  static Result count(Path file, int order, long minCount, int threads, long memory, Path tmp)
      throws IOException {
    UnitTable units = new UnitTable(true);
    Result r = new Result();
    CountSummary s = new NgramCounter(new CountOptions(order, minCount, threads, memory, tmp),
        ReaderOptions.DEFAULT).count(List.of(CorpusInput.file(file)), units, new ByteCounter(),
        m -> { }, (hi, lo, c) -> {
          r.stream.add(new long[] {hi, lo, c});
          r.counts.put(Grams.text(hi, lo, units), c);
        });
    r.summary = s;
    return r;
  }

  static final class Result {
    final List<long[]> stream = new ArrayList<>();
    final Map<String, Long> counts = new TreeMap<>();
    CountSummary summary;
  }

  @Test
  void count_realSample_matchesNaiveReferenceForEveryOrder() throws IOException {
    Result r = count(LAWS, 6, 1, 2, 256L << 20, tmp);
    assertEquals(naiveLaws.counts.size(), r.counts.size(), "number of distinct grams");
    assertEquals(naiveLaws.counts, r.counts);
  }

  @Test
  void count_wikiSampleOrder6_ordersSumToPositions() throws IOException {
    Result r = count(WIKI, 6, 1, 2, 256L << 20, tmp);
    long[] sums = new long[7];
    for (long[] e : r.stream) {
      sums[Grams.length(e[0], e[1])] += e[2];
    }
    for (int n = 1; n <= 6; n++) {
      assertEquals(r.summary.positions(n), sums[n], "order " + n);
    }
    assertTrue(sums[1] > 500_000, "the sample has over half a million units");
  }

  @Test
  void count_wikiSampleOrder4_streamIsStrictlyIncreasingInGramOrder() throws IOException {
    Result r = count(WIKI, 4, 1, 2, 256L << 20, tmp);
    for (int i = 1; i < r.stream.size(); i++) {
      long[] a = r.stream.get(i - 1);
      long[] b = r.stream.get(i);
      assertTrue(Grams.compare(a[0], a[1], b[0], b[1]) < 0, "entry " + i);
    }
  }

  @Test
  void count_lawsSampleOrder6_neighbourCountsSumToGramCountMinusClauseEdges() throws IOException {
    Map<String, Long> c = naiveLaws.counts;
    Result r = count(LAWS, 6, 1, 2, 256L << 20, tmp);
    Map<String, Long> rightSum = new TreeMap<>();
    Map<String, Long> leftSum = new TreeMap<>();
    UnitTable units = naiveLaws.units;
    // Rebuild texts through the naive unit table's decoding of the counter's own grams.
    for (Map.Entry<String, Long> e : r.counts.entrySet()) {
      String g = e.getKey();
      int[] u = units.toUnits(g, false);
      if (u == null || u.length < 2) {
        continue;
      }
      String prefix = text(units, u, 0, u.length - 1);
      String suffix = text(units, u, 1, u.length);
      rightSum.merge(prefix, e.getValue(), Long::sum);
      leftSum.merge(suffix, e.getValue(), Long::sum);
    }
    int checked = 0;
    for (Map.Entry<String, Long> e : c.entrySet()) {
      String w = e.getKey();
      if (units.toUnits(w, false).length > 5) {
        continue;
      }
      long atEnd = naiveLaws.atClauseEnd.getOrDefault(w, 0L);
      long atStart = naiveLaws.atClauseStart.getOrDefault(w, 0L);
      assertEquals(e.getValue() - atEnd, (long) rightSum.getOrDefault(w, 0L), "right of " + w);
      assertEquals(e.getValue() - atStart, (long) leftSum.getOrDefault(w, 0L), "left of " + w);
      checked++;
    }
    assertTrue(checked > 100_000, "checked " + checked);
  }

  private static String text(UnitTable units, int[] u, int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to; i++) {
      units.append(sb, u[i]);
    }
    return sb.toString();
  }

  @Test
  void count_anyThreadCountOrMemoryBudget_givesIdenticalStream() throws IOException {
    Result one = count(LAWS, 6, 1, 1, 512L << 20, tmp);
    Result many = count(LAWS, 6, 1, 3, 512L << 20, tmp);
    Result tiny = count(LAWS, 6, 1, 2, 16L << 20, tmp);
    assertTrue(tiny.summary.spilledRuns() > 0, "a 16 MB budget must spill");
    assertStreamsEqual(one.stream, many.stream);
    assertStreamsEqual(one.stream, tiny.stream);
    try (var files = Files.list(tmp)) {
      assertEquals(0, files.count(), "spill files are deleted");
    }
  }

  @Test
  void count_minCount_keepsExactCountsOfWhatRemains() throws IOException {
    Result all = count(LAWS, 4, 1, 2, 256L << 20, tmp);
    Result pruned = count(LAWS, 4, 5, 2, 256L << 20, tmp);
    long expected = all.counts.values().stream().filter(v -> v >= 5).count();
    assertEquals(expected, pruned.counts.size());
    for (Map.Entry<String, Long> e : pruned.counts.entrySet()) {
      assertEquals(all.counts.get(e.getKey()), e.getValue(), e.getKey());
    }
  }

  /** Counts a file into a partitioned sink (the merge expands longest grams, in ranges). */
  static Result countPartitioned(Path file, int order, long minCount, int threads, long memory,
      Path tmp) throws IOException {
    UnitTable units = new UnitTable(true);
    RunMergerTest.Collecting sink = new RunMergerTest.Collecting();
    Result r = new Result();
    r.summary = new NgramCounter(new CountOptions(order, minCount, threads, memory, tmp),
        ReaderOptions.DEFAULT).count(List.of(CorpusInput.file(file)), units, new ByteCounter(),
        m -> { }, sink);
    for (long[] g : sink.grams) {
      r.stream.add(g);
      assertEquals(null, r.counts.put(Grams.text(g[0], g[1], units), g[2]), "passed on twice");
    }
    return r;
  }

  @Test
  void count_partitionedSink_matchesNaiveReferenceAtAnyThreadCountOrBudget() throws IOException {
    Result one = countPartitioned(LAWS, 6, 1, 1, 512L << 20, tmp);
    assertEquals(naiveLaws.counts, one.counts);
    assertEquals(naiveLaws.counts.size(), one.summary.distinct());
    Result many = countPartitioned(LAWS, 6, 1, 3, 512L << 20, tmp);
    Result tiny = countPartitioned(LAWS, 6, 1, 2, 16L << 20, tmp);
    assertTrue(tiny.summary.spilledRuns() > 0, "a 16 MB budget must spill");
    assertStreamsEqual(one.stream, many.stream);
    assertStreamsEqual(one.stream, tiny.stream);
    Result pruned = countPartitioned(LAWS, 6, 4, 2, 16L << 20, tmp);
    Map<String, Long> kept = new TreeMap<>(naiveLaws.counts);
    kept.values().removeIf(c -> c < 4);
    assertEquals(kept, pruned.counts);
    try (var files = Files.list(tmp)) {
      assertEquals(0, files.count(), "spill files are deleted");
    }
  }

  static void assertStreamsEqual(List<long[]> a, List<long[]> b) {
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      long[] x = a.get(i);
      long[] y = b.get(i);
      if (x[0] != y[0] || x[1] != y[1] || x[2] != y[2]) {
        throw new AssertionError("entry " + i + " differs");
      }
    }
  }
}
