package dev.ciku.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ciku.corpus.ByteCounter;
import dev.ciku.corpus.CorpusInput;
import dev.ciku.corpus.InputFormat;
import dev.ciku.corpus.LatinCase;
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
      "不存在的词", "次会议通过", "款规定", "个月"};

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
    TermOccurrences whole = TermOccurrences.countLines(STRINGS, lines.iterator(), LatinCase.FOLD, false);
    TermOccurrences parts = TermOccurrences.countLines(STRINGS,
        lines.subList(0, half).iterator(), LatinCase.FOLD, false).plus(TermOccurrences.countLines(STRINGS,
        lines.subList(half, lines.size()).iterator(), LatinCase.FOLD, false));
    assertEquals(whole.documents(), parts.documents());
    for (String s : STRINGS) {
      assertEquals(whole.count(s), parts.count(s), s);
      assertEquals(whole.lines(s), parts.lines(s), s);
      assertEquals(whole.afterQuantity(s), parts.afterQuantity(s), s);
    }
  }

  @Test
  void afterQuantity_goldenLines_measureInitialStringsAfterANumberOrDeterminer() {
    String[] strings = {"个油", "款车", "油", "轮胎"};
    List<String> lines = List.of(
        "这个油耗高，11个油还行。", // after 这 and after the number 11
        "个油开头；那款车好，两款车，好款车", // clause start; after 那 and 两, not after 好
        "A个油，這个油，四个轮胎", // A is not a number; 這 counts as 这; 个 is no quantity
        "日本款车和三轮胎"); // 本 is no determiner; 三 before 轮胎 is
    TermOccurrences occ = TermOccurrences.countLines(strings, lines.iterator(), LatinCase.FOLD, false);
    assertEquals(5, occ.count("个油"));
    assertEquals(3, occ.afterQuantity("个油"));
    assertEquals(4, occ.count("款车"));
    assertEquals(2, occ.afterQuantity("款车"));
    assertEquals(2, occ.count("轮胎"));
    assertEquals(1, occ.afterQuantity("轮胎"));
    // 油 does not begin with a measure word: its neighbours are not checked.
    assertEquals(5, occ.count("油"));
    assertEquals(0, occ.afterQuantity("油"));
    assertEquals(0, occ.afterQuantity("not counted"));
  }

  @Test
  void afterQuantity_lawSample_matchesNaiveCountOfNumeralsAndDeterminersBefore() throws Exception {
    List<String> lines = Files.readAllLines(LAWS);
    TermOccurrences occ = TermOccurrences.countLines(STRINGS, lines.iterator(), LatinCase.FOLD, false);
    String quantities = "零〇一二三四五六七八九十百千万亿两几数多余半这那哪每某各该此";
    for (String s : new String[] {"次会议通过", "款规定", "个月", "条例"}) {
      long after = 0;
      for (String line : lines) {
        for (int i = line.indexOf(s); i >= 0; i = line.indexOf(s, i + 1)) {
          char before = i == 0 ? ' ' : line.charAt(i - 1);
          if (quantities.indexOf(before) >= 0 || Character.isDigit(before)) {
            after++;
          }
        }
      }
      assertEquals(after, occ.afterQuantity(s), s);
    }
    // Measured: all 77 of 第…次会议通过, 195 of 277 of 款规定 (not 前款规定), none of 本条例.
    assertEquals(occ.count("次会议通过"), occ.afterQuantity("次会议通过"));
    assertTrue(occ.afterQuantity("款规定") > occ.count("款规定") / 2);
    assertTrue(occ.afterQuantity("条例") < occ.count("条例") / 100);
  }
}
