package dev.ciku.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code ciku eval seg} and {@code ciku eval words}: mismatches, undefined ratios, cut-offs. */
class EvalCommandTest {
  @TempDir Path dir;
  @RegisterExtension final CapturedStreams io = new CapturedStreams();

  private String write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8).toString();
  }

  @Test
  void evalSeg_sameLengthOtherText_dataErrorNamingFirstDifference() throws IOException {
    assertEquals(CikuException.DATA, Main.execute("eval", "seg", "--gold",
        write("g.txt", "今天 天气\n"), "--pred", write("p.txt", "明天 下雨\n")));
    assertEquals("", io.out());
    assertEquals(List.of("ciku eval seg: texts differ at character 1 (line 1): gold 今,"
        + " prediction 明"), io.errLines());
  }

  @Test
  void evalSeg_noInVocabularyWord_ivRecallNanOrNull() throws IOException {
    String gold = write("g.txt", "中国  人民\n");
    String pred = write("p.txt", "中国 人民\n");
    String train = write("t.txt", "北京\n");
    assertEquals(0, Main.execute("eval", "seg", "--gold", gold, "--pred", pred, "--train-words",
        train), io::err);
    assertEquals("2\t2\t2\t1.0000\t1.0000\t1.0000\t1.0000\t1.0000\tnan", io.outLines().get(1));
    io.reset();
    assertEquals(0, Main.execute("eval", "seg", "--gold", gold, "--pred", pred, "--train-words",
        train, "--format", "jsonl"), io::err);
    assertEquals(true, io.out().contains("\"iv_recall\":null"), io.out());
  }

  @Test
  void eval_quietAndNoProgress_acceptedAsByEveryOtherCommand() throws IOException {
    // Scripts pass -q (and --no-progress) to every ciku command; eval logs nothing else anyway.
    String gold = write("g.txt", "中国  人民\n");
    String pred = write("p.txt", "中国人民\n");
    assertEquals(0, Main.execute("eval", "seg", "-q", "--no-progress", "--gold", gold, "--pred",
        pred, "--no-header"), io::err);
    assertEquals(List.of("2\t1\t0\t0.0000\t0.0000\t0.0000"), io.outLines());
    io.reset();
    assertEquals(0, Main.execute("eval", "words", "--quiet", write("r.txt", "中国\n人民\n"),
        "--gold", gold, "--k", "2", "--no-header"), io::err);
    assertEquals(List.of("2\t2\t1\t0.5000"), io.outLines());
    assertEquals("", io.err());
  }

  @Test
  void evalWords_noWordConsideredAndUnsortedCutOffs_nanAscendingOnce() throws IOException {
    String ranked = write("r.txt", "中国\n的\n");
    String gold = write("g.txt", "中国\n");
    assertEquals(0, Main.execute("eval", "words", ranked, "--gold", gold, "--k", "3,1,3"),
        io::err);
    assertEquals(List.of("k\tconsidered\thits\tprecision", "1\t1\t1\t1.0000", "3\t1\t1\t1.0000"),
        io.outLines());
    io.reset();
    assertEquals(0, Main.execute("eval", "words", ranked, "--gold", gold, "--min-len", "3"),
        io::err);
    assertEquals(List.of("k\tconsidered\thits\tprecision", "100\t0\t0\tnan", "500\t0\t0\tnan",
        "1000\t0\t0\tnan"), io.outLines());
  }

  @Test
  void evalWords_negativeMinLenOrZeroK_usageErrorWithTheRange() throws IOException {
    String ranked = write("r.txt", "中国\n");
    String gold = write("g.txt", "中国\n");
    assertEquals(CikuException.USAGE, Main.execute("eval", "words", ranked, "--gold", gold,
        "--min-len", "-1"));
    assertEquals(List.of("ciku eval words: --min-len must be 0 or more (characters), not -1"),
        io.errLines());
    io.reset();
    assertEquals(CikuException.USAGE, Main.execute("eval", "words", ranked, "--gold", gold,
        "--k", "5,0"));
    assertEquals(List.of("ciku eval words: --k values must be 1 or more"), io.errLines());
    assertEquals("", io.out());
    io.reset();
    assertEquals(0, Main.execute("eval", "words", ranked, "--gold", gold, "--min-len", "0",
        "--k", "1"), io::err);
    assertEquals(List.of("k\tconsidered\thits\tprecision", "1\t1\t1\t1.0000"), io.outLines());
  }

  @Test
  void evalWords_listsWithAndWithoutHeader_sameScores() throws IOException {
    String laws = Path.of("corpora-samples", "laws-zh.txt").toString();
    String gold = Path.of("dict", "known-words.txt.gz").toString();
    for (String command : new String[] {"discover", "domain"}) {
      String with = dir.resolve(command + ".tsv").toString();
      String without = dir.resolve(command + "-bare.tsv").toString();
      assertEquals(0, Main.execute(command, "-q", laws, "--top", "300", "-o", with), io::err);
      assertEquals(0, Main.execute(command, "-q", laws, "--top", "300", "--no-header", "-o",
          without), io::err);
      io.reset();
      assertEquals(0, Main.execute("eval", "words", without, "--gold", gold, "--k", "10,300"),
          io::err);
      List<String> bare = io.outLines();
      io.reset();
      assertEquals(0, Main.execute("eval", "words", with, "--gold", gold, "--k", "10,300"),
          io::err);
      assertEquals(bare, io.outLines(), command);
      assertEquals("300", bare.get(2).split("\t")[1], command + ": 300 words considered");
      io.reset();
    }
  }

  /**
   * The traditional-character fixture of the legal sample (OpenCC s2t of its first 2,000 lines;
   * src/test/resources/fixtures/README.md) against the simplified bundled lexicon: as written,
   * most of its words are not found; folded, as many as in the simplified lines' own list.
   */
  @Test
  void evalWords_fold_traditionalListScoresAsTheSimplifiedOne() throws IOException {
    String gold = Path.of("dict", "known-words.txt.gz").toString();
    Path hans = dir.resolve("laws-2000.txt");
    Files.write(hans, Files.readAllLines(Path.of("corpora-samples", "laws-zh.txt")).subList(0,
        2000));
    Path hant = Path.of("src", "test", "resources", "fixtures", "laws-zh-hant.txt");
    int[] hits = new int[3];
    int i = 0;
    for (Path corpus : new Path[] {hans, hant, hant}) {
      String list = dir.resolve("list" + i + ".tsv").toString();
      assertEquals(0, Main.execute("discover", "-q", corpus.toString(), "--top", "300", "-o",
          list), io::err);
      io.reset();
      List<String> args = new ArrayList<>(List.of("eval", "words", list, "--gold", gold, "--k",
          "300", "--no-header"));
      if (i == 2) {
        args.add("--fold");
      }
      assertEquals(0, Main.execute(args.toArray(new String[0])), io::err);
      String[] row = io.outLines().get(0).split("\t");
      assertEquals("300", row[1], "words considered");
      hits[i++] = Integer.parseInt(row[2]);
    }
    assertTrue(hits[0] >= 280, "simplified list: " + hits[0] + " of 300 known");
    assertTrue(hits[1] < hits[0] / 2, "traditional, as written: " + hits[1]);
    assertTrue(Math.abs(hits[2] - hits[0]) <= 6, "traditional, folded: " + hits[2] + " against "
        + hits[0]);
  }
}
