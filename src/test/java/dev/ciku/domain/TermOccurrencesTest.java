package dev.ciku.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ciku.corpus.ByteCounter;
import dev.ciku.corpus.CorpusInput;
import dev.ciku.corpus.InputFormat;
import dev.ciku.corpus.ReaderOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TermOccurrencesTest {
  private static final ReaderOptions READER =
      new ReaderOptions(StandardCharsets.UTF_8, InputFormat.PLAIN, "text", 1, false);
  private static final Path LAWS = Path.of("corpora-samples", "laws-zh.txt");
  private static final String[] STRINGS = {"人民政府", "条例", "监督管理", "口岸", "法", "罚款",
      "不存在的词"};

  @Test
  void count_lawSample_matchesReferenceCountsAndNaiveLineCounts() throws Exception {
    List<CorpusInput> laws = List.of(CorpusInput.file(LAWS));
    TermOccurrences occ = TermOccurrences.count(STRINGS, laws, READER, new ByteCounter(), m -> { });
    CorpusReference ref = CorpusReference.count(List.of(STRINGS), laws, READER, new ByteCounter(),
        m -> { }, "laws");
    List<String> lines = Files.readAllLines(LAWS);
    long nonEmpty = lines.stream().filter(l -> !l.isBlank()).count();
    assertEquals(nonEmpty, occ.documents());
    for (String s : STRINGS) {
      assertEquals(ref.count(s), occ.count(s), s);
      // No term here spans punctuation, so naive substring search sees the same lines.
      long withIt = lines.stream().filter(l -> l.contains(s)).count();
      assertEquals(withIt, occ.lines(s), s);
      assertTrue(occ.lines(s) <= occ.count(s), s);
    }
    assertTrue(occ.count("人民政府") > 100);
    assertEquals(0, occ.count("不存在的词"));
    assertEquals(0, occ.count("not counted"));
  }

  @Test
  void plus_twoHalvesOfLawSample_equalTheWhole() throws Exception {
    List<String> lines = Files.readAllLines(LAWS);
    int half = lines.size() / 2;
    TermOccurrences whole = TermOccurrences.countLines(STRINGS, lines.iterator(), false, false);
    TermOccurrences parts = TermOccurrences.countLines(STRINGS,
        lines.subList(0, half).iterator(), false, false).plus(TermOccurrences.countLines(STRINGS,
        lines.subList(half, lines.size()).iterator(), false, false));
    assertEquals(whole.documents(), parts.documents());
    for (String s : STRINGS) {
      assertEquals(whole.count(s), parts.count(s), s);
      assertEquals(whole.lines(s), parts.lines(s), s);
    }
  }
}
