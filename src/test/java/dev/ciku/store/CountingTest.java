package dev.ciku.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ciku.corpus.ByteCounter;
import dev.ciku.corpus.CorpusInput;
import dev.ciku.corpus.LatinCase;
import dev.ciku.corpus.ReaderOptions;
import dev.ciku.count.CountOptions;
import dev.ciku.count.Grams;
import dev.ciku.count.Naive;
import dev.ciku.output.GramRows;
import dev.ciku.output.OutputFormat;
import dev.ciku.output.RowWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Counting}, the work of {@code ciku count}, on seeded random corpora checked against the
 * naive counter: rows in gram order and ranked by count, stores, merges, and the same rows at any
 * thread count or budget (a small budget makes the ranking spill).
 */
class CountingTest {
  @TempDir Path tmp;

  /** Han characters of the random corpora: few, so that grams repeat. */
  private static final String HAN = "天地人和风雨山水日月年中";
  /** Latin units, one of which now and then stands between Han characters. */
  private static final String[] LATIN = {"iPhone", "5G", "2024", "abc"};

  /**
   * Writes a corpus of {@code lines} random lines: clauses of Han characters (and now and then a
   * Latin unit) separated by punctuation.
   */
  private Path corpus(String name, long seed, int lines) throws IOException {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder();
    for (int l = 0; l < lines; l++) {
      int clauses = 1 + r.nextInt(4);
      for (int c = 0; c < clauses; c++) {
        int length = 1 + r.nextInt(12);
        for (int i = 0; i < length; i++) {
          if (r.nextInt(25) == 0) {
            sb.append(' ').append(LATIN[r.nextInt(LATIN.length)]).append(' ');
          } else {
            sb.append(HAN.charAt(r.nextInt(HAN.length())));
          }
        }
        sb.append(c + 1 < clauses ? '，' : '。');
      }
      sb.append('\n');
    }
    Path file = tmp.resolve(name);
    Files.writeString(file, sb, StandardCharsets.UTF_8);
    return file;
  }

  /** The naive counts of {@code file} up to {@code order}, those seen {@code minCount}+ times. */
  private static Map<String, Long> naive(Path file, int order, long minCount)
      throws IOException {
    Map<String, Long> counts = new TreeMap<>();
    Naive.of(file, order).counts.forEach((g, c) -> {
      if (c >= minCount) {
        counts.put(g, c);
      }
    });
    return counts;
  }

  private static Counting.Corpus corpusOf(int order, Path... files) throws IOException {
    List<CorpusInput> inputs = new ArrayList<>();
    for (Path f : files) {
      inputs.add(CorpusInput.file(f));
    }
    return new Counting.Corpus(inputs, ReaderOptions.DEFAULT, order);
  }

  /** The rows a request to rows writes (TSV without a header), and its result. */
  private record Printed(String text, Counting.Result result) {
    /** The rows as gram -> count, in their order. */
    Map<String, Long> counts() {
      Map<String, Long> m = new LinkedHashMap<>();
      text.lines().forEach(l -> {
        String[] f = l.split("\t");
        m.put(f[0], Long.parseLong(f[1]));
      });
      return m;
    }
  }

  private Printed print(Counting.Source source, long minCount, int threads, long memory,
      int top, boolean byCount) throws IOException {
    StringWriter out = new StringWriter();
    RowWriter rows = new RowWriter(out, OutputFormat.TSV, List.of("ngram", "count"), false);
    Counting.Result r = Counting.run(new Counting.Request(source, minCount, threads, memory, tmp,
        new Counting.Rows(units -> new GramRows(rows, units, top), top, byCount)),
        new ByteCounter(), m -> { });
    return new Printed(out.toString(), r);
  }

  @Test
  void run_seededCorpusToRowsInGramOrder_naiveCountsAtTheMinCount() throws IOException {
    for (long seed = 1; seed <= 3; seed++) {
      Path file = corpus("c" + seed + ".txt", seed, 400);
      for (long minCount : new long[] {1, 2, 5}) {
        Printed p = print(corpusOf(4, file), minCount, 2, 64L << 20, 0, false);
        assertEquals(naive(file, 4, minCount), new TreeMap<>(p.counts()),
            "seed " + seed + ", min count " + minCount);
        assertEquals(p.counts().size(), p.result().written());
        assertEquals(p.counts().size(), p.result().summary().distinct());
        assertEquals(new Normalization(LatinCase.FOLD, false), p.result().normalization());
      }
    }
  }

  @Test
  void run_seededCorpusToRowsByCount_sameGramsRankedByCountThenGramOrder() throws IOException {
    Path file = corpus("c.txt", 11, 600);
    Printed byGram = print(corpusOf(5, file), 2, 2, 64L << 20, 0, false);
    Printed byCount = print(corpusOf(5, file), 2, 2, 64L << 20, 0, true);
    assertEquals(new TreeMap<>(byGram.counts()), new TreeMap<>(byCount.counts()));
    Map<String, Integer> gramOrder = new LinkedHashMap<>();
    byGram.counts().keySet().forEach(g -> gramOrder.put(g, gramOrder.size()));
    List<Map.Entry<String, Long>> ranked = new ArrayList<>(byCount.counts().entrySet());
    for (int i = 1; i < ranked.size(); i++) {
      Map.Entry<String, Long> a = ranked.get(i - 1);
      Map.Entry<String, Long> b = ranked.get(i);
      assertTrue(a.getValue() > b.getValue() || a.getValue().equals(b.getValue())
          && gramOrder.get(a.getKey()) < gramOrder.get(b.getKey()), a + " before " + b);
    }
  }

  @Test
  void run_rowsByCountWithTop_theFirstRowsOfTheWholeRanking() throws IOException {
    Path file = corpus("c.txt", 5, 500);
    String all = print(corpusOf(6, file), 1, 2, 64L << 20, 0, true).text();
    for (int top : new int[] {1, 7, 100}) {
      Printed p = print(corpusOf(6, file), 1, 2, 64L << 20, top, true);
      assertEquals(all.lines().limit(top).toList(), p.text().lines().toList(), "top " + top);
      assertEquals(top, p.result().written());
    }
  }

  @Test
  void run_rowsByCountAtAnyThreadCountOrBudget_sameBytes() throws IOException {
    // At the smallest budget (16 MiB) the ranking's share is a quarter, split among the threads:
    // a buffer of 4 MiB / 32 bytes = 131,072 grams for one thread, a third of it for each of
    // three. Keeping all of more than 131,072 grams then fills at least one buffer, which spills.
    Path file = corpus("c.txt", 17, 15_000);
    String reference = print(corpusOf(6, file), 1, 1, 256L << 20, 0, true).text();
    long grams = reference.lines().count();
    assertTrue(grams > 131_072, grams + " grams: too few to spill");
    for (int threads : new int[] {1, 3}) {
      for (int top : new int[] {0, 20_000}) {
        String expected = top == 0 ? reference
            : String.join("\n", reference.lines().limit(top).toList()) + "\n";
        assertEquals(expected, print(corpusOf(6, file), 1, threads, CountOptions.MIN_MEMORY,
            top, true).text(), threads + " threads, top " + top);
      }
    }
  }

  @Test
  void run_corpusToStore_storeHoldsTheCountedGramsAndTheReadersNormalization()
      throws IOException {
    Path file = corpus("c.txt", 23, 400);
    Path target = tmp.resolve("c.ngrams");
    ReaderOptions lowercase = new ReaderOptions(StandardCharsets.UTF_8,
        ReaderOptions.DEFAULT.format(), "text", 1, true);
    Counting.Result r = Counting.run(new Counting.Request(
        new Counting.Corpus(List.of(CorpusInput.file(file)), lowercase, 4), 2, 2, 64L << 20,
        tmp, new Counting.StoreFile(target)), new ByteCounter(), m -> { });
    Map<String, Long> stored = new TreeMap<>();
    try (NgramStore store = NgramStore.open(target)) {
      store.forEach((hi, lo, c) -> stored.put(Grams.text(hi, lo, store.units()), c));
      assertEquals(new Normalization(LatinCase.LOWER, false), store.normalization());
      assertEquals(4, store.order());
      assertEquals(2, store.minCount());
      assertEquals(store.size(), r.written());
    }
    // The corpus's Latin units are already lower case but 'iPhone': folded as the reader says.
    Map<String, Long> expected = new TreeMap<>();
    naive(file, 4, 1).forEach((g, c) -> expected.merge(g.toLowerCase(java.util.Locale.ROOT), c,
        Long::sum));
    expected.values().removeIf(c -> c < 2);
    assertEquals(expected, stored);
    assertEquals(new Normalization(LatinCase.LOWER, false), r.normalization());
  }

  @Test
  void run_mergeOfTheStoresOfTwoCorpora_sameRowsAsCountingBoth() throws IOException {
    Path a = corpus("a.txt", 31, 300);
    Path b = corpus("b.txt", 37, 300);
    List<String> stores = new ArrayList<>();
    for (Path f : List.of(a, b)) {
      Path target = tmp.resolve(f.getFileName() + ".ngrams");
      Counting.run(new Counting.Request(corpusOf(5, f), 1, 2, 64L << 20, tmp,
          new Counting.StoreFile(target)), new ByteCounter(), m -> { });
      stores.add(target.toString());
    }
    List<String> warnings = new ArrayList<>();
    StringWriter out = new StringWriter();
    Counting.Result merged = Counting.run(new Counting.Request(
        new Counting.Stores(stores, null), 2, 2, 64L << 20, tmp, new Counting.Rows(
            units -> new GramRows(new RowWriter(out, OutputFormat.TSV, List.of("ngram", "count"),
                false), units, 0), 0, false)),
        new ByteCounter(), warnings::add);
    assertEquals(List.of(), warnings, "stores counted alike, at min count 1, lose nothing");
    assertEquals(print(corpusOf(5, a, b), 2, 2, 64L << 20, 0, false).text(), out.toString());
    assertEquals(new Normalization(LatinCase.FOLD, false), merged.normalization());
    assertEquals(5, merged.summary().order());
  }

  @Test
  void request_corpusSettingOutOfRange_refusedNamingItsOption() throws IOException {
    Path file = corpus("c.txt", 41, 10);
    Counting.Destination to = new Counting.StoreFile(tmp.resolve("x.ngrams"));
    String[][] cases = {{"--order", "9", "2", "1"}, {"--min-count", "4", "0", "1"},
        {"--threads", "4", "2", "0"}};
    for (String[] c : cases) {
      int order = Integer.parseInt(c[1]);
      long minCount = Long.parseLong(c[2]);
      int threads = Integer.parseInt(c[3]);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> new Counting.Request(corpusOf(order, file), minCount, threads, 64L << 20, tmp,
              to));
      assertTrue(e.getMessage().startsWith(c[0] + " must be"), e.getMessage());
    }
    assertTrue(Files.notExists(tmp.resolve("x.ngrams")));
  }

  @Test
  void request_mergeBelowMinCountOne_acceptedForTheMergeToWarn() {
    // A merge keeps what its stores kept: --min-count 0 is a warning there (StoreMerger).
    Counting.Request r = new Counting.Request(new Counting.Stores(List.of("a", "b"), null), 0,
        1, 64L << 20, tmp, new Counting.StoreFile(tmp.resolve("m.ngrams")));
    assertEquals(0, r.minCount());
  }
}
