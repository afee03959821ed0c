package dev.ciku.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentationScoreTest {
  @TempDir Path dir;

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void score_tinyFiles_countsSpans() throws IOException {
    Path gold = file("g", "中国  人民  万岁\n北京  大学\n");
    Path pred = file("p", "中国 人民万岁\n北京大学\n");
    SegmentationScore s = SegmentationScore.score(gold, pred, null);
    assertEquals(5, s.goldWords());
    assertEquals(3, s.predWords());
    assertEquals(1, s.correct());
    assertEquals(1 / 3.0, s.precision(), 1e-12);
    assertEquals(0.2, s.recall(), 1e-12);
    assertEquals(2 * 0.2 / 3 / (0.2 + 1 / 3.0), s.f1(), 1e-12);
    assertFalse(s.hasTrainingWords());
  }

  @Test
  void score_trainingWords_oovAndIvRecall() throws IOException {
    Path gold = file("g", "中国\u3000人民  万岁\n");
    Path pred = file("p", "中国 人民 万 岁\n");
    Path train = file("t", "中国\n万岁\n");
    SegmentationScore s = SegmentationScore.score(gold, pred, train);
    assertTrue(s.hasTrainingWords());
    assertEquals(1, s.oovWords());
    assertEquals(1, s.oovRecalled());
    assertEquals(2, s.ivWords());
    assertEquals(1, s.ivRecalled());
    assertEquals(1 / 3.0, s.oovRate(), 1e-12);
  }

  @Test
  void score_trainingWordsEndingInPythonSpaces_strippedAsSegScoreDoes() throws IOException {
    // seg_score.py: OOV rate 0, IV recall 0.5 with these training words.
    Path gold = file("g", "我们 去 北京 大学\n");
    Path pred = file("p", "我们 去 北京大学\n");
    Path train = file("t", "我们\u00a0\n去\u2007\n北京\u202f\n大学\u0085\n");
    SegmentationScore s = SegmentationScore.score(gold, pred, train);
    assertEquals(0, s.oovWords());
    assertEquals(4, s.ivWords());
    assertEquals(2, s.ivRecalled());
  }

  /**
   * A vocabulary of `word count` lines (ciku vocab's, jieba's) as the training list: its words,
   * not whole lines that no gold word can equal (gold words hold no whitespace).
   */
  @Test
  void score_trainingWordsWithCounts_firstFieldIsTheWord() throws IOException {
    Path gold = file("g", "中国\u3000人民  万岁\n");
    Path pred = file("p", "中国 人民 万 岁\n");
    Path train = file("t", "word\tcount\n中国\t120\n万岁 3\n人民\u3000n 55\n");
    SegmentationScore s = SegmentationScore.score(gold, pred, train);
    assertEquals(0, s.oovWords());
    assertEquals(3, s.ivWords());
    assertEquals(2, s.ivRecalled());
  }

  @Test
  void score_lineBreakMovedAcrossLines_scoredOverWholeFile() throws IOException {
    Path gold = file("g", "他  说\n“  好\n");
    Path pred = file("p", "他 说 “\n好\n");
    assertEquals(4, SegmentationScore.score(gold, pred, null).correct());
  }

  @Test
  void score_differentCharacters_throwsMismatch() throws IOException {
    Path gold = file("g", "中国\n");
    Path pred = file("p", "中\n");
    assertThrows(SegmentationScore.MismatchException.class,
        () -> SegmentationScore.score(gold, pred, null));
  }

  @Test
  void score_sameCountOtherCharacters_throwsNamingFirstDifference() throws IOException {
    Path gold = file("g", "今天  天气\n");
    Path pred = file("p", "明天 下雨\n");
    SegmentationScore.MismatchException e = assertThrows(SegmentationScore.MismatchException.class,
        () -> SegmentationScore.score(gold, pred, null));
    assertEquals("texts differ at character 1 (line 1): gold 今, prediction 明", e.getMessage());
  }

  @Test
  void score_differenceOnLaterLines_namesBothLines() throws IOException {
    Path gold = file("g", "\n他  说\n“  好\n");
    Path pred = file("p", "他 说 “\n坏\n");
    SegmentationScore.MismatchException e = assertThrows(SegmentationScore.MismatchException.class,
        () -> SegmentationScore.score(gold, pred, null));
    assertEquals("texts differ at character 4 (gold line 3, prediction line 2): gold 好,"
        + " prediction 坏", e.getMessage());
  }

  @Test
  void score_predictionCutShort_namesTheGoldLineWhereItEnds() throws IOException {
    // A segmenter stopped after two of three lines: the counts alone do not say where.
    Path gold = file("g", "中国  人民\n北京  大学\n今天  天气\n");
    SegmentationScore.MismatchException e = assertThrows(SegmentationScore.MismatchException.class,
        () -> SegmentationScore.score(gold, file("p", "中国 人民\n北京 大学\n"), null));
    assertEquals("character count differs: gold 12, prediction 8 (the prediction stops after"
        + " gold line 2)", e.getMessage());
    e = assertThrows(SegmentationScore.MismatchException.class,
        () -> SegmentationScore.score(file("g2", "中国  人民\n"), file("p2", "中国 人民\n北京\n"),
            null));
    assertEquals("character count differs: gold 4, prediction 6 (the gold stops after"
        + " prediction line 1)", e.getMessage());
    e = assertThrows(SegmentationScore.MismatchException.class,
        () -> SegmentationScore.score(gold, file("p3", "\n"), null));
    assertEquals("character count differs: gold 12, prediction 0", e.getMessage());
  }

  @Test
  void ivRecall_noInVocabularyWord_isNaN() throws IOException {
    Path gold = file("g", "中国  人民\n");
    Path pred = file("p", "中国 人民\n");
    Path train = file("t", "北京\n");
    SegmentationScore s = SegmentationScore.score(gold, pred, train);
    assertEquals(0, s.ivWords());
    assertTrue(Double.isNaN(s.ivRecall()));
    assertEquals(1.0, s.oovRecall(), 1e-12);
  }

  @Test
  void precision_emptyFiles_allRatiosNaN() throws IOException {
    SegmentationScore s = SegmentationScore.score(file("g", "\n"), file("p", " \n"), null);
    assertTrue(Double.isNaN(s.precision()));
    assertTrue(Double.isNaN(s.recall()));
    assertTrue(Double.isNaN(s.f1()));
  }

  @Test
  void score_supplementaryCharacters_countedAsOne() throws IOException {
    Path gold = file("g", "𠀀字  好\n");
    Path pred = file("p", "𠀀字 好\n");
    SegmentationScore s = SegmentationScore.score(gold, pred, null);
    assertEquals(2, s.correct());
    // 𠀀 (two UTF-16 units) is one character: 坏 against 好 is character 3, on line 2 of both.
    SegmentationScore.MismatchException e = assertThrows(SegmentationScore.MismatchException.class,
        () -> SegmentationScore.score(file("g2", "𠀀  字\n好\n"), file("p2", "𠀀 字\n坏\n"), null));
    assertEquals("texts differ at character 3 (line 2): gold 好, prediction 坏", e.getMessage());
  }

  @Test
  void score_seededRandomSegmentations_matchSpanSets() throws IOException {
    // Lines of the legal sample, cut at random places (spaces, U+3000, tabs, line breaks moved
    // between lines) into a gold and a prediction, scored against span sets built plainly.
    List<String> lines = Files.readAllLines(Path.of("corpora-samples/laws-zh.txt"),
        StandardCharsets.UTF_8).subList(0, 200);
    Random random = new Random(26);
    for (int round = 0; round < 20; round++) {
      List<String> text = lines.subList(random.nextInt(150), 150 + random.nextInt(50));
      StringBuilder g = new StringBuilder();
      StringBuilder p = new StringBuilder();
      List<long[]> goldSpans = new ArrayList<>();
      Set<Long> predSpans = new HashSet<>();
      Set<String> train = new HashSet<>();
      long[] predStart = {0};
      long pos = 0;
      long goldStart = 0;
      for (String line : text) {
        int[] cps = line.codePoints().filter(c -> !Whitespace.isSpace(c)).toArray();
        for (int i = 0; i < cps.length; i++) {
          g.appendCodePoint(cps[i]);
          p.appendCodePoint(cps[i]);
          pos++;
          boolean last = i == cps.length - 1;
          if (last || random.nextInt(3) == 0) {
            goldSpans.add(new long[] {goldStart, pos});
            if (random.nextInt(4) == 0) {
              train.add(g.substring(g.length() - Character.charCount(cps[i])));
            }
            goldStart = pos;
            g.append(last ? "\n" : random.nextBoolean() ? "  " : "\u3000");
          }
          if (!last && (random.nextInt(3) == 0)) {
            predSpans.add(predStart[0] << 32 | pos);
            predStart[0] = pos;
            p.append(random.nextInt(50) == 0 ? "\n" : random.nextBoolean() ? " " : "\t");
          }
        }
        if (cps.length > 0 && random.nextInt(5) > 0) {
          predSpans.add(predStart[0] << 32 | pos);
          predStart[0] = pos;
          p.append('\n');
        }
      }
      if (predStart[0] < pos) {
        predSpans.add(predStart[0] << 32 | pos);
      }
      Path trainFile = file("t" + round, String.join("\n", train) + "\n");
      SegmentationScore s = SegmentationScore.score(file("g" + round, g.toString()),
          file("p" + round, p.toString()), trainFile);
      long correct = 0;
      long iv = 0;
      long ivHit = 0;
      String flat = g.toString().replaceAll("[\\s\u3000]", "");
      int[] flatCps = flat.codePoints().toArray();
      for (long[] span : goldSpans) {
        boolean hit = predSpans.contains(span[0] << 32 | span[1]);
        correct += hit ? 1 : 0;
        String w = new String(flatCps, (int) span[0], (int) (span[1] - span[0]));
        if (train.contains(w)) {
          iv++;
          ivHit += hit ? 1 : 0;
        }
      }
      String where = "round " + round;
      assertEquals(goldSpans.size(), s.goldWords(), where);
      assertEquals(predSpans.size(), s.predWords(), where);
      assertEquals(correct, s.correct(), where);
      assertEquals(iv, s.ivWords(), where);
      assertEquals(ivHit, s.ivRecalled(), where);
      assertEquals(goldSpans.size() - iv, s.oovWords(), where);
      assertEquals(correct - ivHit, s.oovRecalled(), where);
    }
  }
}
