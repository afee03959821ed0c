package dev.ciku.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A URL or Latin run cut where no token ends (a line piece fed to a worker, a block of a stream
 * with no place to cut between tokens): the rest of it goes on as a token of its own.
 */
class ForcedCutsTest {
  private static final int BLOCK = ParallelSegmenter.BLOCK;

  private static Segmenter segmenter() {
    Vocabulary v = new Vocabulary();
    String[][] words = {{"中国", "50"}, {"人民", "40"}, {"0年", "25"}, {"中", "10"},
        {"国", "10"}, {"年", "10"}};
    for (String[] w : words) {
      v.add(w[0], Long.parseLong(w[1]));
    }
    return new Segmenter(v, " ");
  }

  private final Segmenter seg = segmenter();

  /** Two pieces of one line, the second resumed with what the first carries. */
  @Test
  void process_pieceCutInsideAToken_restResumedAsOneToken() throws IOException {
    String[][] table = {
        // first piece, second piece, output, carry of the first piece
        {"中国http://a.b/c", "=1&d:e中国", "中国 http://a.b/c =1&d:e 中国", "URL"},
        {"中国http://a", "中国", "中国 http://a 中国", "URL"},
        {"中国abc", "def中国", "中国 abc def 中国", "LETTERS"},
        {"中国a", ".b-c，", "中国 a .b-c ，", "LETTERS"},
        {"中国e", "\u0301f，", "中国 e \u0301f ，", "LETTERS"},
        // The rest of a run with a letter is still such a run: 12 does not join 年 as 0年.
        {"中国ab", "12年", "中国 ab 12 年", "LETTERS"},
        {"中国12", "34%，", "中国 12 34% ，", "DIGITS"},
        {"中国12", "34年", "中国 12 34年", "DIGITS"},
        {"中国12", "，", "中国 12 ，", "DIGITS"},
        {"abc", "http://x", "abc http : / / x", "LETTERS"},
        // Nothing goes on after a token that ends before the cut.
        {"中国12%", "34", "中国 12% 34", "NONE"},
        {"中国，", "abc", "中国 ， abc", "NONE"},
        {"中国a.", "b", "中国 a . b", "NONE"},
        {"中国", "abc", "中国 abc", "NONE"},
    };
    for (String[] row : table) {
      Segmenter.Worker w = seg.worker();
      char[] a = row[0].toCharArray();
      char[] b = row[1].toCharArray();
      w.process(a, 0, a.length);
      Segmenter.Carry carry = w.carry();
      assertEquals(row[3], carry.name(), row[0] + " | " + row[1]);
      assertEquals(carry, seg.worker().scan(a, 0, a.length, Segmenter.Carry.NONE),
          "scan of " + row[0]);
      w.resume(carry);
      w.process(b, 0, b.length);
      StringWriter out = new StringWriter();
      w.drain(out);
      assertEquals(row[2], out.toString(), row[0] + " | " + row[1]);
    }
  }

  @Test
  void scan_pieceResumedInsideAToken_sameCarryAsProcessAndOutputUntouched() throws IOException {
    Segmenter.Worker w = seg.worker();
    char[] a = "中国http://a".toCharArray();
    w.process(a, 0, a.length);
    assertEquals(Segmenter.Carry.URL, w.carry());
    char[] rest = "bcd/".toCharArray();
    assertEquals(Segmenter.Carry.URL, w.scan(rest, 0, rest.length, Segmenter.Carry.URL));
    assertEquals(Segmenter.Carry.NONE, w.scan(rest, 0, rest.length, Segmenter.Carry.NONE),
        "not resumed, bcd is a Latin run and / ends the piece");
    char[] digits = "345".toCharArray();
    assertEquals(Segmenter.Carry.LETTERS,
        w.scan(digits, 0, digits.length, Segmenter.Carry.LETTERS));
    assertEquals(Segmenter.Carry.DIGITS, w.scan(digits, 0, digits.length, Segmenter.Carry.NONE));
    assertEquals(Segmenter.Carry.URL, w.carry(), "scans leave the worker's carry");
    StringWriter out = new StringWriter();
    w.drain(out);
    assertEquals("中国 http://a", out.toString(), "scans write nothing");
  }

  @Test
  void forcedCut_bufferEndingInsideALatinRun_cutBeforeItsLastCharacterOrJoinerNeverInsideAPair() {
    String head = "中".repeat(20);
    Object[][] table = {
        // buffer, cut expected, counted from the end
        {head + "abcd", 1},
        {head + "abc.d", 2}, // before the joiner between two Latin characters, not after it
        {head + "ab．ｄ", 2}, // full-width forms too
        {head + "ab-c", 2},
        {head + "a-bc", 1},
        {head + "中国.d", 1}, // not between two Latin characters: no joiner
        {head + "ab..d", 1},
        {head + "中\uD83D\uDE00", 2}, // never inside a surrogate pair
    };
    for (Object[] row : table) {
      char[] buf = ((String) row[0]).toCharArray();
      assertEquals(buf.length - (int) row[1], ParallelSegmenter.forcedCut(buf, buf.length),
          (String) row[0]);
    }
  }

  /**
   * The tokens of the line {@code in} that cover {@code in[from, from + length)}, which must
   * start and end at token boundaries.
   */
  private static List<String> tokensOver(String out, String in, int from, int length) {
    List<String> pieces = new ArrayList<>();
    int at = 0;
    for (String t : out.strip().split(" ")) {
      if (at >= from && at < from + length) {
        pieces.add(t);
      }
      at += t.length();
    }
    assertEquals(in.substring(from, from + length), String.join("", pieces),
        "the run starts and ends where tokens do");
    return pieces;
  }

  /** Segments {@code in} at 1 and 3 threads: the same output, separators removed give it back. */
  private String segmentStream(String in) throws IOException {
    String first = null;
    for (int threads : new int[] {1, 3}) {
      StringWriter out = new StringWriter();
      try (ParallelSegmenter p = new ParallelSegmenter(seg, threads)) {
        p.run(new StringReader(in), out);
      }
      if (first == null) {
        first = out.toString();
        assertEquals(in, first.replace(" ", ""));
      }
      assertEquals(first, out.toString(), "threads " + threads);
    }
    return first;
  }

  /** Checks the pieces of a run longer than a block: few, each but the first and last long. */
  private static void assertCutOnlyAtBlockEnds(List<String> pieces, int runLength, String what) {
    assertTrue(pieces.size() >= 2, what + ": a run longer than a block is cut");
    assertTrue(pieces.size() <= runLength / (BLOCK / 4) + 2,
        what + ": " + pieces.size() + " pieces");
    for (int i = 1; i < pieces.size() - 1; i++) {
      assertTrue(pieces.get(i).length() > BLOCK / 4,
          what + ": piece " + i + " of " + pieces.size() + " has " + pieces.get(i).length()
              + " characters");
    }
  }

  @Test
  void parallelRun_runsLongerThanABlock_cutOnlyWhereBlocksEnd() throws IOException {
    int length = BLOCK + BLOCK / 3;
    String[][] runs = {
        {"URL of letters", "http://x.cn/", "a"},
        {"URL with symbols", "http://x.cn/?", "a=1&"},
        {"letters", "", "a"},
        {"digits", "", "1"},
        {"full-width letters", "", "ａ"},
        {"joined numbers", "", "1.2-"},
        {"combining marks", "", "e\u0301"},
    };
    for (String[] r : runs) {
      String run = r[1] + r[2].repeat((length - r[1].length()) / r[2].length()) + "9";
      for (String prefix : new String[] {"中", "中国", "中国人", "中国人民"}) {
        String in = prefix + run + "，中国\n";
        String what = r[0] + " after " + prefix;
        List<String> pieces = tokensOver(segmentStream(in), in, prefix.length(), run.length());
        assertCutOnlyAtBlockEnds(pieces, run.length(), what);
        assertTrue(pieces.get(0).length() > BLOCK / 4, what + ": first piece");
      }
    }
  }

  @Test
  void parallelRun_randomLongRunsAnywhere_cutOnlyWhereBlocksEnd() throws IOException {
    Random r = new Random(20261127);
    String han = "中国人民年";
    for (int round = 0; round < 8; round++) {
      StringBuilder prefix = new StringBuilder();
      int prefixLength = r.nextInt(BLOCK + 1);
      while (prefix.length() < prefixLength) {
        prefix.append(r.nextInt(50) == 0 ? '，' : han.charAt(r.nextInt(han.length())));
      }
      int length = BLOCK + 1 + r.nextInt(3 * BLOCK / 2);
      StringBuilder run = new StringBuilder();
      int kind = round % 3;
      if (kind == 0) {
        run.append("http://");
        while (run.length() < length) {
          run.append((char) (0x21 + r.nextInt(0x7F - 0x21)));
        }
      } else {
        String latin = kind == 1 ? "abcXYZ019ｇé" : "0123456789";
        while (run.length() < length) {
          run.append(latin.charAt(r.nextInt(latin.length())));
          int extra = r.nextInt(20);
          if (extra == 0) {
            run.append(r.nextBoolean() ? '.' : '-');
            run.append(latin.charAt(r.nextInt(latin.length())));
          } else if (extra == 1 && kind == 1) {
            run.append('\u0301');
          }
        }
      }
      String in = prefix + run.toString() + "，中国年\n";
      String what = "round " + round + ", run of " + run.length() + " after " + prefix.length();
      List<String> pieces = tokensOver(segmentStream(in), in, prefix.length(), run.length());
      assertCutOnlyAtBlockEnds(pieces, run.length(), what);
      if (kind == 0) {
        assertTrue(pieces.get(0).startsWith("http://"), what + ": the URL is read as one");
      }
    }
  }
}
