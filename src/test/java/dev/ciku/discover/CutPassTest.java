package dev.ciku.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ciku.corpus.ByteCounter;
import dev.ciku.corpus.ClauseScanner;
import dev.ciku.corpus.CorpusInput;
import dev.ciku.corpus.CorpusReader;
import dev.ciku.corpus.LatinCase;
import dev.ciku.corpus.ReaderOptions;
import dev.ciku.corpus.UnitTable;
import dev.ciku.count.CountOptions;
import dev.ciku.count.CountSummary;
import dev.ciku.count.GramIndex;
import dev.ciku.count.NgramCounter;
import dev.ciku.store.NgramStore;
import dev.ciku.store.StoreWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CutPassTest {
  static final Path LAWS = Path.of("corpora-samples/laws-zh.txt");

  @TempDir Path tmp;

  /** A store of {@code corpus} counted to {@code order} on {@code threads} threads. */
  private Path store(List<CorpusInput> corpus, int order, int threads) throws IOException {
    Path storeFile = tmp.resolve("laws" + order + ".ngrams");
    try (StoreWriter w = new StoreWriter(storeFile)) {
      CountSummary s = new NgramCounter(new CountOptions(order, 2, threads, 64L << 20, tmp),
          ReaderOptions.DEFAULT).count(corpus, new UnitTable(true), new ByteCounter(), m -> { }, w);
      w.finish(s);
    }
    return storeFile;
  }

  @Test
  void discover_fromStoreOrCountingOnTheFly_sameWords() throws IOException {
    // On the fly, only the grams that reach the min count stay in memory and the rest are read
    // back from spilled files; a store's grams are all in memory. Both must give one result.
    List<CorpusInput> corpus = List.of(CorpusInput.file(LAWS));
    Path storeFile = store(corpus, 4, 2);
    DiscoverOptions minCount3 = Settings.defaults().minCount(3).build();
    try (NgramStore store = NgramStore.open(storeFile)) {
      WordDiscoverer.Result fromStore = new WordDiscoverer(minCount3, ReaderOptions.DEFAULT, 2,
          64L << 20, tmp).discover(corpus, store, new ByteCounter(), m -> { }, m -> { });
      WordDiscoverer.Result onTheFly = new WordDiscoverer(minCount3, ReaderOptions.DEFAULT, 2,
          64L << 20, tmp).discover(corpus, null, new ByteCounter(), m -> { }, m -> { });
      assertTrue(fromStore.words().size() > 1000, "the sample yields words");
      assertEquals(fromStore.words(), onTheFly.words());
    }
  }

  /**
   * With nothing cohesive every unit is a fragment alone: a clause of 2..6 units is one run of
   * single-unit fragments, a longer one a fragment to segment only (it was cut into pieces of 6,
   * so a word across a piece boundary was never seen); both are kept whole, never candidates.
   */
  @Test
  void cutter_runsOfSingleUnitFragments_keptWholeAtAnyLength() {
    int[] clause = new int[20];
    for (int i = 0; i < clause.length; i++) {
      clause[i] = 0x4E00 + i;
    }
    Cutter cutter = new Cutter(new GramIndex(16), 3, 12);
    cutter.clause(clause, 0, 5, 5, true);
    cutter.clause(clause, 0, 20, 20, true);
    CutFragments f = cutter.fragments();
    assertEquals(25, f.count());
    assertEquals(1, f.singleRuns().size());
    assertEquals(1, f.singleRuns().get(clause, 0, 5));
    assertEquals(0, f.longFragments().size());
    assertEquals(1, f.segmentOnly().size());
    assertEquals(1, f.segmentOnly().get(clause, 0, 20), "all 20 units, once");
    assertEquals(0, f.shortFragments().size());
  }

  @Test
  void another_ofACutterThatCut_startsEmptyAndCutsWithTheSameG() {
    int[] clause = {'我', '们', '在', '北', '京', '大', '学'};
    GramIndex g = new GramIndex(16);
    g.accept(dev.ciku.count.Grams.hi(clause, 3, 2), 0, 1); // 北京
    g.accept(dev.ciku.count.Grams.hi(clause, 4, 3), 0, 1); // 京大学
    Cutter first = new Cutter(g, 3, 12);
    first.clause(clause, 0, clause.length, clause.length, true);
    Cutter second = first.another();
    assertEquals(0, second.fragments().count(), "fragments of its own, none yet");
    second.clause(clause, 0, clause.length, clause.length, true);
    // 我们在 is a run of single units; 北京大学 is kept whole, its gaps covered by G.
    for (Cutter c : List.of(first, second)) {
      CutFragments f = c.fragments();
      assertEquals(4, f.count());
      assertEquals(1, f.shortFragments().get(clause, 3, 4));
      assertEquals(1, f.singleRuns().get(clause, 0, 3));
    }
  }

  @Test
  void externalCutPass_oneCutterOverTheLawsSample_givesTheSameWordsAsTheBuiltInOne()
      throws IOException {
    List<CorpusInput> corpus = List.of(CorpusInput.file(LAWS));
    Path storeFile = store(corpus, 5, 1);
    try (NgramStore store = NgramStore.open(storeFile)) {
      WordDiscoverer.Result builtIn = new WordDiscoverer(DiscoverOptions.DEFAULT,
          ReaderOptions.DEFAULT, 1, 64L << 20, tmp)
          .discover(corpus, store, new ByteCounter(), m -> { }, m -> { });
      long[] calls = {0};
      WordDiscoverer.Result external = new WordDiscoverer(DiscoverOptions.DEFAULT,
          ReaderOptions.DEFAULT, 1, 64L << 20, tmp)
          .withCutPass((g, gMax, maxLength, units, into) -> {
            calls[0]++;
            // One cutter fed by a scanner, as one Spark partition runs it.
            Cutter cutter = new Cutter(g, gMax, maxLength);
            new CorpusReader(ReaderOptions.DEFAULT, new ByteCounter(), m -> { }).read(corpus,
                new ClauseScanner(units, LatinCase.FOLD, false, (u, length, owned, start, end) ->
                    cutter.clause(u, 0, length, owned, end)));
            into.addAll(cutter.fragments());
            return null;
          })
          .discover(List.of(), store, new ByteCounter(), m -> { }, m -> { });
      assertEquals(1, calls[0]);
      assertTrue(builtIn.words().size() > 100, "the sample yields words");
      assertEquals(builtIn.words(), external.words());
      assertEquals(builtIn.fragments(), external.fragments());
    }
  }

  @Test
  void externalCutPass_readingAnotherCorpus_refusesTheStoreNamingAUnit() throws IOException {
    List<CorpusInput> corpus = List.of(CorpusInput.file(LAWS));
    Path storeFile = store(corpus, 4, 1);
    Path edited = java.nio.file.Files.writeString(tmp.resolve("edited.txt"),
        java.nio.file.Files.readString(LAWS).replace("应当", "应该"));
    try (NgramStore store = NgramStore.open(storeFile)) {
      for (Path read : List.of(LAWS, edited)) {
        WordDiscoverer d = new WordDiscoverer(DiscoverOptions.DEFAULT, ReaderOptions.DEFAULT, 1,
            64L << 20, tmp).withCutPass((g, gMax, maxLength, units, into) -> {
              // One partition's work, counting the units it reads as a tallying pass does.
              Cutter cutter = new Cutter(g, gMax, maxLength);
              long[] counts = new long[UnitTable.LATIN_BASE + units.latinCount()];
              new CorpusReader(ReaderOptions.DEFAULT, new ByteCounter(), m -> { })
                  .read(List.of(CorpusInput.file(read)), new ClauseScanner(units, LatinCase.FOLD, false,
                      (u, length, owned, start, end) -> {
                        for (int i = 0; i < (end ? length : owned); i++) {
                          counts[u[i]]++;
                        }
                        cutter.clause(u, 0, length, owned, end);
                      }));
              into.addAll(cutter.fragments());
              return new CutPass.Read(counts, 0);
            });
        if (read == LAWS) {
          assertTrue(d.discover(List.of(), store, new ByteCounter(), m -> { }, m -> { })
              .words().size() > 100, "its own corpus: accepted");
          continue;
        }
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () -> d.discover(List.of(), store, new ByteCounter(), m -> { }, m -> { }));
        assertTrue(e.getMessage().startsWith("the store " + storeFile + " was counted from"
            + " another corpus: 当 seen 5,539 times there, 511 here"), e.getMessage());
      }
    }
  }
}
