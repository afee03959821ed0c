package dev.ciku.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CorpusStatsTest {
  private static final Path LAWS = Path.of("corpora-samples", "laws-zh.txt");

  @Test
  void compute_lawsSample_matchesIndependentCount() throws IOException {
    List<String> warnings = new ArrayList<>();
    CorpusStats s = CorpusStats.compute(CorpusInput.expand(List.of(LAWS.toString())),
        ReaderOptions.DEFAULT, new ByteCounter(), warnings::add);

    String text = Files.readString(LAWS, StandardCharsets.UTF_8);
    long newlines = text.chars().filter(c -> c == '\n').count();
    long lines = newlines + (text.endsWith("\n") || text.isEmpty() ? 0 : 1);
    long chars = text.codePointCount(0, text.length()) - newlines;
    long han = text.codePoints().filter(cp -> Character.UnicodeScript.of(cp)
        == Character.UnicodeScript.HAN && Character.isIdeographic(cp) && cp != 0x3005).count();

    Map<String, Long> counts = new HashMap<>();
    long clauses = 0;
    for (String line : text.split("\n")) {
      for (List<String> clause : ReferenceUnits.clauses(line, false)) {
        clauses++;
        for (String u : clause) {
          counts.merge(u, 1L, Long::sum);
        }
      }
    }
    long units = counts.values().stream().mapToLong(Long::longValue).sum();
    double entropy = 0;
    for (long c : counts.values()) {
      double p = (double) c / units;
      entropy -= p * Math.log(p) / Math.log(2);
    }

    assertEquals(11_392, s.lines());
    assertEquals(lines, s.lines());
    assertEquals(chars, s.chars());
    assertEquals(han, s.hanChars());
    assertEquals(clauses, s.clauses());
    assertEquals(units, s.units());
    assertEquals(counts.size(), s.distinctUnits());
    assertEquals(entropy, s.entropyBits(), 1e-9);
    assertTrue(s.entropyBits() > 7 && s.entropyBits() < 12, "entropy " + s.entropyBits());
    assertTrue(s.hanChars() > 0.8 * s.chars(), "mostly Han");
    assertEquals(0, s.malformed());
    assertEquals(List.of(), warnings);
    long traditional = text.codePoints()
        .filter(cp -> UnitPolicy.isHan(cp) && Simplified.bundled().codePoint(cp) != cp).count();
    assertEquals(traditional, s.traditionalChars());
    assertTrue(traditional < 0.001 * han, "a simplified text: " + traditional);
  }

  @Test
  void compute_traditionalFixture_aboutAThirdTraditional() throws IOException {
    CorpusStats s = CorpusStats.compute(
        CorpusInput.expand(List.of("src/test/resources/fixtures/laws-zh-hant.txt")),
        ReaderOptions.DEFAULT, new ByteCounter(), m -> { });
    assertEquals(2000, s.lines());
    assertTrue(s.traditionalChars() > 0.3 * s.hanChars() && s.traditionalChars() < s.hanChars(),
        s.traditionalChars() + " of " + s.hanChars());
    // --simplify folds them before counting units, and still counts them as read.
    CorpusStats folded = CorpusStats.compute(
        CorpusInput.expand(List.of("src/test/resources/fixtures/laws-zh-hant.txt")),
        new ReaderOptions(java.nio.charset.StandardCharsets.UTF_8, InputFormat.PLAIN, "text", 1,
            false, false, true), new ByteCounter(), m -> { });
    assertEquals(s.traditionalChars(), folded.traditionalChars());
    assertEquals(s.hanChars(), folded.hanChars());
    assertTrue(folded.distinctUnits() < s.distinctUnits(), folded.distinctUnits() + " units");
  }

  @Test
  void compute_uniformUnits_entropyIsLog2OfAlphabet() throws IOException {
    Path tmp = Files.createTempFile("uniform", ".txt");
    try {
      Files.writeString(tmp, "甲乙丙丁，甲乙丙丁\nABCD 5G x y z\n");
      CorpusStats s = CorpusStats.compute(CorpusInput.expand(List.of(tmp.toString())),
          ReaderOptions.DEFAULT, new ByteCounter(), w -> { });
      // 8 Han + ABCD, 5G, x, y, z: units 甲乙丙丁 twice each, five Latin units once.
      double p2 = 2.0 / 13;
      double p1 = 1.0 / 13;
      double expected = -(4 * p2 * Math.log(p2) + 5 * p1 * Math.log(p1)) / Math.log(2);
      assertEquals(expected, s.entropyBits(), 1e-12);
      assertEquals(9, s.distinctUnits());
      assertEquals(13, s.units());
    } finally {
      Files.delete(tmp);
    }
  }
}
