package dev.ciku.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ciku.corpus.ByteCounter;
import dev.ciku.corpus.CorpusInput;
import dev.ciku.corpus.InputFormat;
import dev.ciku.corpus.ReaderOptions;
import dev.ciku.discover.DiscoverOptions;
import dev.ciku.discover.ProgressTimes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DomainTermMinerTest {
  private static final ReaderOptions READER =
      new ReaderOptions(StandardCharsets.UTF_8, InputFormat.PLAIN, "text", 1, false);

  /** A reference that lacks every term, of a million positions. */
  private static final DomainTermMiner.ReferenceSource NO_REFERENCE =
      terms -> ReferenceTable.of(Map.of(), 1_000_000);

  @TempDir Path dir;

  @Test
  void constructor_threadsOrMemoryOutOfRange_refusedWithTheValue() {
    DomainTermMiner.Options o = new DomainTermMiner.Options(DiscoverOptions.DEFAULT,
        DomainTermMiner.Rank.COMBINED, TermFilter.none());
    assertEquals("threads must be 1 or more, not -1", assertThrows(IllegalArgumentException.class,
        () -> new DomainTermMiner(o, ReaderOptions.DEFAULT, -1, 64L << 20, dir)).getMessage());
    assertEquals("memory must be 16777216 or more, not -5",
        assertThrows(IllegalArgumentException.class,
            () -> new DomainTermMiner(o, ReaderOptions.DEFAULT, 1, -5, dir)).getMessage());
  }

  @Test
  void withClock_steppingClock_discoveryAndScoringTimedByIt() throws Exception {
    long[] now = {0};
    List<String> lines = new java.util.ArrayList<>();
    new DomainTermMiner(new DomainTermMiner.Options(DiscoverOptions.DEFAULT,
        DomainTermMiner.Rank.COMBINED, TermFilter.none()), READER, 1, 64L << 20, dir)
        .withClock(() -> now[0] += ProgressTimes.HOUR)
        .mine(List.of(CorpusInput.file(Path.of("corpora-samples", "laws-zh.txt"))),
            NO_REFERENCE, new ByteCounter(), m -> { }, lines::add);
    // Every timed line, discovery's and the miner's own, reads the stepping clock.
    List<String> timed = ProgressTimes.hourSteps(lines);
    assertTrue(timed.size() >= 5, "timed lines: " + lines);
    assertTrue(timed.get(0).startsWith("counted: "), timed.get(0));
    assertTrue(timed.get(timed.size() - 2).contains(" strings counted in "), timed.toString());
    assertTrue(timed.get(timed.size() - 1).contains(" terms scored, "), timed.toString());
  }

  @Test
  void mine_lawSample_measureGlueDropsMeasureWordsAfterNumbers() throws Exception {
    List<CorpusInput> laws = List.of(CorpusInput.file(Path.of("corpora-samples", "laws-zh.txt")));
    DiscoverOptions opts = dev.ciku.discover.Settings.withoutReestimation().redundancy(0).build();
    List<String> lines = new java.util.ArrayList<>();
    DomainTermMiner.Result on = new DomainTermMiner(new DomainTermMiner.Options(opts,
        DomainTermMiner.Rank.COMBINED, TermFilter.bundled()), READER, 2, 128L << 20, dir)
        .mine(laws, NO_REFERENCE, new ByteCounter(), m -> { }, lines::add);
    DomainTermMiner.Result off = new DomainTermMiner(new DomainTermMiner.Options(opts,
        DomainTermMiner.Rank.COMBINED, TermFilter.bundled(), DomainTermMiner.TERM_MIN_ENTROPY, 1),
        READER, 2, 128L << 20, dir)
        .mine(laws, NO_REFERENCE, new ByteCounter(), m -> { }, m -> { });
    Set<String> kept = new java.util.HashSet<>();
    on.terms().forEach(t -> kept.add(t.term()));
    List<String> dropped = off.terms().stream().map(DomainTerm::term)
        .filter(t -> !kept.contains(t)).toList();
    // Measured: 款规定 (第二款规定), 日内 (十五日内), 年内, 日前, 次会议 (第三次会议), 个月 (三个月).
    assertTrue(dropped.containsAll(List.of("款规定", "次会议", "个月")), dropped.toString());
    assertTrue(dropped.stream().allMatch(t -> dev.ciku.corpus.Quantities.measureWords()
        .contains(t.codePointAt(0))), dropped.toString());
    assertEquals(off.terms().size() - dropped.size(), on.terms().size());
    assertEquals(off.filtered() + dropped.size(), on.filtered());
    assertTrue(lines.contains("measure-word glue removed " + dropped.size() + " terms"),
        lines.toString());
  }

  @Test
  void withExplanations_lawSample_eachStageAndRanksAsTheList() throws Exception {
    List<CorpusInput> laws = List.of(CorpusInput.file(Path.of("corpora-samples", "laws-zh.txt")));
    DiscoverOptions opts = dev.ciku.discover.Settings.withoutReestimation().redundancy(0).build();
    DomainTermMiner miner = new DomainTermMiner(new DomainTermMiner.Options(opts,
        DomainTermMiner.Rank.COMBINED, TermFilter.bundled()), READER, 2, 128L << 20, dir);
    List<String> asked = List.of("规定", "物业", "工作", "个月", "的", "不存在", "监督管理");
    DomainTermMiner.Result plain = miner.mine(laws, NO_REFERENCE,
        new ByteCounter(), m -> { }, m -> { });
    DomainTermMiner.Result explained = miner.withExplanations(asked).mine(laws,
        NO_REFERENCE, new ByteCounter(), m -> { }, m -> { });
    assertEquals(List.of(), plain.explanations());
    assertEquals(plain.terms(), explained.terms(), "explaining changes no term");
    List<TermExplanation> e = explained.explanations();
    assertEquals(asked, e.stream().map(TermExplanation::term).toList());
    // Measured: 规定 and 物业 kept; 工作 a generic head; 个月 after numbers in 104 of 104 uses;
    // 的 one character; 不存在 below the min count; 监督管理 a window below the cohesion bar.
    assertEquals(List.of("kept", "kept", "filter", "measure", "input", "count", "cohesion"),
        e.stream().map(TermExplanation::stage).toList());
    for (TermExplanation x : e.subList(0, 2)) {
      DomainTerm t = explained.terms().get(x.rank() - 1);
      assertEquals(x.term(), t.term());
      assertEquals(t.score(), x.score());
      assertEquals(t.domainCount(), x.domainCount());
      assertTrue(x.reason().startsWith("kept: ranked " + x.rank() + " of "), x.reason());
      assertTrue(x.reason().contains(" by --rank combined, first tier (weirdness "), x.reason());
    }
    assertEquals("the term filter drops it: pattern '*工作'", e.get(2).reason());
    assertTrue(e.get(3).reason().startsWith("a measure word glued to a word: 104 of its 104"
        + " occurrences (100%) follow a number or a determiner"), e.get(3).reason());
    for (TermExplanation x : e.subList(2, e.size())) {
      assertEquals(0, x.rank(), x.term());
      assertTrue(Double.isNaN(x.score()), x.term());
      assertTrue(explained.terms().stream().noneMatch(t -> t.term().equals(x.term())), x.term());
    }
    assertTrue(e.get(4).reason().startsWith("discovery: "), e.get(4).reason());
  }

  @Test
  void mine_lawSampleAgainstWikiSample_topTermsAreLegal() throws Exception {
    List<CorpusInput> laws = List.of(CorpusInput.file(Path.of("corpora-samples", "laws-zh.txt")));
    List<CorpusInput> wiki =
        List.of(CorpusInput.file(Path.of("corpora-samples", "wiki-zh-cmrc2018.txt")));
    DiscoverOptions opts = dev.ciku.discover.Settings.withoutReestimation().redundancy(0).build();
    DomainTermMiner.Result combined = new DomainTermMiner(
        new DomainTermMiner.Options(opts, DomainTermMiner.Rank.COMBINED, TermFilter.bundled()),
        READER, 2, 128L << 20, dir).mine(laws, terms -> CorpusReference.count(terms, wiki, READER,
            new ByteCounter(), m -> { }, "wiki"), new ByteCounter(), m -> { }, m -> { });
    DomainTermMiner.Result byCount = new DomainTermMiner(
        new DomainTermMiner.Options(opts, DomainTermMiner.Rank.COUNT, TermFilter.none()),
        READER, 2, 128L << 20, dir).mine(laws, terms -> CorpusReference.count(terms, wiki, READER,
            new ByteCounter(), m -> { }, "wiki"), new ByteCounter(), m -> { }, m -> { });
    double legal = legalShare(combined.terms().subList(0, 50));
    double baseline = legalShare(byCount.terms().subList(0, 50));
    // Measured: 0.38 for the default ranking, 0.12 for raw frequency without filter.
    assertTrue(legal >= 0.3, "legal share of the top 50: " + legal);
    assertTrue(legal >= baseline + 0.1, legal + " vs frequency baseline " + baseline);
    Set<String> generic = Set.of("或者", "应当", "可以", "进行", "工作", "有关", "情况", "问题");
    assertTrue(combined.terms().subList(0, 100).stream().noneMatch(t -> generic.contains(t.term())));
    assertTrue(byCount.terms().subList(0, 100).stream().anyMatch(t -> generic.contains(t.term())));
  }

  @Test
  void mine_lawSampleOnOneLine_warnsThatRidfZeroesTheCombinedScore() throws Exception {
    // The legal sample with its line breaks removed, as a whole text pasted on one line is.
    Path oneLine = dir.resolve("laws-one-line.txt");
    java.nio.file.Files.writeString(oneLine, java.nio.file.Files.readString(
        Path.of("corpora-samples", "laws-zh.txt")).replace("\n", ""), StandardCharsets.UTF_8);
    DiscoverOptions opts = dev.ciku.discover.Settings.withoutReestimation().redundancy(0).build();
    List<String> warnings = new java.util.ArrayList<>();
    DomainTermMiner.Result one = new DomainTermMiner(new DomainTermMiner.Options(opts,
        DomainTermMiner.Rank.COMBINED, TermFilter.bundled()), READER, 2, 128L << 20, dir)
        .mine(List.of(CorpusInput.file(oneLine)), NO_REFERENCE, new ByteCounter(),
            warnings::add, m -> { });
    // Every term of the first tier scores 0 there: ridf over one line is never positive.
    assertEquals(0.0, one.terms().get(0).score());
    assertEquals(1, warnings.stream().filter(w -> w.contains("one line")).count(),
        warnings.toString());
    assertTrue(warnings.stream().anyMatch(w -> w.contains("ridf") && w.contains("--rank")),
        warnings.toString());
    // Its 11,392 lines, or a ranking without ridf, need no such warning.
    warnings.clear();
    new DomainTermMiner(new DomainTermMiner.Options(opts, DomainTermMiner.Rank.COMBINED,
        TermFilter.bundled()), READER, 2, 128L << 20, dir)
        .mine(List.of(CorpusInput.file(Path.of("corpora-samples", "laws-zh.txt"))),
            NO_REFERENCE, new ByteCounter(), warnings::add, m -> { });
    new DomainTermMiner(new DomainTermMiner.Options(opts, DomainTermMiner.Rank.GATED_G2,
        TermFilter.bundled()), READER, 2, 128L << 20, dir)
        .mine(List.of(CorpusInput.file(oneLine)), NO_REFERENCE, new ByteCounter(),
            warnings::add, m -> { });
    assertEquals(List.of(), warnings);
  }

  private static double legalShare(List<DomainTerm> top) {
    String markers = "法规例权罚诉责审案违律罪刑判议督监";
    long n = top.stream().filter(t -> t.term().chars().anyMatch(c -> markers.indexOf(c) >= 0))
        .count();
    return (double) n / top.size();
  }
}
