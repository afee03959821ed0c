package dev.ciku.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ciku.corpus.ByteCounter;
import dev.ciku.corpus.CorpusInput;
import dev.ciku.corpus.InputFormat;
import dev.ciku.corpus.LatinCase;
import dev.ciku.corpus.ReaderOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceCountsTest {
  private static final ReaderOptions READER =
      new ReaderOptions(StandardCharsets.UTF_8, InputFormat.PLAIN, "text", 1, false);
  private static final String ALPHABET = "法院人民政府权利义务";

  @TempDir Path dir;

  /** Random text over a small Han alphabet, clauses separated by punctuation and line ends. */
  private static String randomText(long seed, int chars) {
    Random rnd = new Random(seed);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < chars; i++) {
      int k = rnd.nextInt(40);
      if (k == 0) {
        sb.append('，');
      } else if (k == 1) {
        sb.append('\n');
      } else if (k == 2) {
        sb.append(" AB ");
      } else {
        sb.append(ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
      }
    }
    return sb.toString();
  }

  /** Overlapping occurrences of {@code term} inside clauses (Han-only terms). */
  private static long naiveCount(String text, String term) {
    long n = 0;
    for (String clause : text.split("[，\\n ]|AB")) {
      for (int i = clause.indexOf(term); i >= 0; i = clause.indexOf(term, i + 1)) {
        n++;
      }
    }
    return n;
  }

  private static long naivePositions(String text) {
    long n = 0;
    for (String clause : text.split("[，\\n ]")) {
      if (clause.equals("AB")) {
        n++;
        continue;
      }
      n += clause.length();
    }
    return n;
  }

  private Path write(String text) throws IOException {
    Path p = dir.resolve("ref.txt");
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void corpusReference_seededRandom_matchesNaiveCounts() throws Exception {
    String text = randomText(42, 20_000);
    Path file = write(text);
    Random rnd = new Random(7);
    Set<String> terms = new LinkedHashSet<>();
    for (int i = 0; i < 300; i++) {
      int len = 2 + rnd.nextInt(6);
      StringBuilder sb = new StringBuilder();
      for (int j = 0; j < len; j++) {
        sb.append(ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
      }
      terms.add(sb.toString());
    }
    terms.add("法院");
    terms.add("法院人");
    CorpusReference ref = CorpusReference.count(terms, List.of(CorpusInput.file(file)), READER,
        new ByteCounter(), m -> { }, "random");
    for (String t : terms) {
      assertEquals(naiveCount(text, t), ref.count(t), t);
    }
    assertEquals(0, ref.count("不在其中"));
    assertEquals(naivePositions(text), ref.positions());
  }

  /** The exact reference counts of {@code terms} in a one-file corpus holding {@code text}. */
  private CorpusReference reference(String text, String... terms) throws Exception {
    return CorpusReference.count(Set.of(terms), List.of(CorpusInput.file(write(text))), READER,
        new ByteCounter(), m -> { }, "test");
  }

  @Test
  void corpusReference_latinUnits_countedAsUnits() throws Exception {
    CorpusReference ref = reference("iPhone7手机，买了iPhone7手机。iPhone手机\n", "iPhone7手机", "手机",
        "iPhone手机");
    assertEquals(2, ref.count("iPhone7手机"));
    assertEquals(1, ref.count("iPhone手机"));
    assertEquals(3, ref.count("手机"));
  }

  @Test
  void corpusReference_eitherScript_countsBoth() throws Exception {
    CorpusReference ref = reference("這個手機，这个手机。這個\n", "這個手機", "这个", "手机");
    assertEquals(2, ref.count("這個手機"));
    assertEquals(2, ref.count("这个手机"), "not asked, but the same term folded");
    assertEquals(3, ref.count("这个"));
    assertEquals(3, ref.count("這個"));
    assertEquals(2, ref.count("手機"));
  }

  /** Builds a profile of order 3, min count 4, from {@code file} into {@code to}. */
  private ReferenceProfile.Built build(Path file, int threads, long memory, Path to)
      throws IOException {
    try (java.io.OutputStream out = Files.newOutputStream(to)) {
      return ReferenceProfile.build(List.of(CorpusInput.file(file)), READER, 3, 4, "random",
          threads, memory, dir, new ByteCounter(), m -> { }, out);
    }
  }

  @Test
  void profile_seededRandom_exactUpToOrderAndUpperBoundBeyond() throws Exception {
    String text = randomText(11, 30_000);
    Path file = write(text);
    Path saved = dir.resolve("r.profile.gz");
    ReferenceProfile.Built built = build(file, 2, 64L << 20, saved);
    assertTrue(ReferenceProfile.isProfile(saved));
    ReferenceProfile p = ReferenceProfile.load(saved, LatinCase.FOLD);
    assertEquals(p.size(), built.grams());
    assertEquals(p.positions(), built.positions());
    assertEquals(naivePositions(text), p.positions());
    Random rnd = new Random(3);
    int bounded = 0;
    for (int i = 0; i < 300; i++) {
      int len = 1 + rnd.nextInt(6);
      StringBuilder sb = new StringBuilder();
      for (int j = 0; j < len; j++) {
        sb.append(ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
      }
      String t = sb.toString();
      long truth = naiveCount(text, t);
      long got = p.count(t);
      if (len <= 3) {
        assertEquals(truth >= 4 ? truth : 0, got, t);
      } else if (truth >= 4 || got > 0) {
        // Every window of a string seen min count times is in the profile: a bound, never 0.
        assertTrue(got >= truth, t + " bound " + got + " < " + truth);
        bounded += truth >= 4 ? 1 : 0;
      }
    }
    // Measured: 14 of the 300 random strings.
    assertTrue(bounded >= 10, "strings beyond the order seen 4+ times: " + bounded);
    assertEquals(3, p.order());
    assertEquals(4, p.minCount());
    // byte-identical rebuild at another thread count and the smallest budget
    Path again = dir.resolve("r2.profile.gz");
    build(file, 1, 16L << 20, again);
    assertEquals(-1, Files.mismatch(saved, again));
  }

  @Test
  void profile_load_rejectsOtherFiles() throws Exception {
    Path other = write("法院\t3\n");
    assertFalse(ReferenceProfile.isProfile(other));
    assertThrows(IOException.class, () -> ReferenceProfile.load(other, LatinCase.FOLD));
  }

  /** A small profile, gzip-compressed, with {@code extra} lines after its grams. */
  private Path profile(String name, String extra) throws IOException {
    Path p = dir.resolve(name);
    try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(p))) {
      out.write((ReferenceProfile.MAGIC + "\n# order 2\n# min_count 1\n# positions 9\n"
          + "# source test\n法\t3\n法院\t2\n" + extra).getBytes(StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void profile_load_truncatedGzip_corruptInputNamingTheFile() throws Exception {
    Path whole = profile("whole.profile.gz", "院\t2\n".repeat(2000));
    assertEquals(3, ReferenceProfile.load(whole, LatinCase.FOLD).count("法"));
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = Files.write(dir.resolve("cut.profile.gz"),
        java.util.Arrays.copyOf(bytes, bytes.length - 12));
    assertTrue(ReferenceProfile.isProfile(cut));
    dev.ciku.corpus.InputFiles.CorruptInputException e = assertThrows(
        dev.ciku.corpus.InputFiles.CorruptInputException.class, () -> ReferenceProfile.load(cut, LatinCase.FOLD));
    assertTrue(e.getMessage().startsWith(cut + ": truncated or corrupt gzip data"), e.getMessage());
  }

  @Test
  void profile_load_badLines_malformedDataNamingFileAndLine() throws Exception {
    String[][] cases = {
        {"院 2\n", ":8: expected gram<TAB>count"},
        {"院\tmany\n", ":8: bad count 'many' (a whole number of 0 or more)"},
        {"院\t-4\n", ":8: bad count '-4' (a whole number of 0 or more)"},
        {"# order x\n", ":8: bad header value 'x'"},
        {"院，\t2\n", ":8: '院，' is not a gram of 1 to 6 units"},
        {"一二三四五六七\t2\n", ":8: '一二三四五六七' is not a gram of 1 to 6 units"}};
    for (String[] c : cases) {
      Path p = profile("bad.profile.gz", c[0]);
      dev.ciku.corpus.MalformedDataException e = assertThrows(
          dev.ciku.corpus.MalformedDataException.class, () -> ReferenceProfile.load(p, LatinCase.FOLD));
      assertEquals(p + c[1], e.getMessage());
    }
    Path headless = dir.resolve("headless.profile");
    Files.writeString(headless, ReferenceProfile.MAGIC + "\n法\t3\n", StandardCharsets.UTF_8);
    assertEquals(headless + ": profile header lacks order or positions", assertThrows(
        dev.ciku.corpus.MalformedDataException.class,
        () -> ReferenceProfile.load(headless, LatinCase.FOLD)).getMessage());
  }

  @Test
  void profile_builtFromDecomposedLatin_loadsAndCountsIt() throws Exception {
    // The reader keeps a combining mark after a Latin letter in the unit (cafe + U+0301), so the
    // profile holds such grams; loading must accept every gram a build writes.
    Path file = write("我们在cafe\u0301喝咖啡。\n".repeat(10));
    Path saved = dir.resolve("nfd.profile.gz");
    build(file, 1, 64L << 20, saved);
    ReferenceProfile p = ReferenceProfile.load(saved, LatinCase.FOLD);
    assertEquals(10, p.count("cafe\u0301"));
    assertEquals(10, p.count("在cafe\u0301喝"));
    assertEquals(0, p.count("cafe"));
  }

  @Test
  void profile_latinUnitsAndScripts_lookedUpByUnits() throws Exception {
    // Order 2 (the helper's header): grams of 1-2 units, Latin runs one unit each.
    Path p = profile("units.profile.gz", "5G网\t4\n這個\t2\n这个\t3\niPhone\t6\n院长\t5\n");
    ReferenceProfile r = ReferenceProfile.load(p, LatinCase.FOLD);
    assertEquals(4, r.count("5G网"));
    assertEquals(4, r.count("５G网"), "full-width digits are normalised as the reader does");
    assertEquals(0, r.count("4G网"), "a Latin unit the profile lacks");
    assertEquals(0, r.count("5G"));
    assertEquals(5, r.count("这个"), "traditional and simplified lines are one gram");
    assertEquals(5, r.count("這個"));
    assertEquals(6, r.count("iPhone"));
    assertEquals(0, r.count("法，院"), "not units");
    assertEquals(0, r.count(""));
    // Longer than the order: the smallest count of its windows, 0 when one is absent.
    assertEquals(2, r.count("法院长"));
    assertEquals(0, r.count("法院法"));
    assertEquals(6, r.size(), "法 法院 5G网 这个 iPhone 院长");
  }

  @Test
  void bundledProfile_commonWordsAndAnUnseenPhrase_loadsAndCountsOnlyTheWords() throws Exception {
    ReferenceProfile p = ReferenceProfile.bundled(LatinCase.FOLD);
    assertTrue(p.positions() > 10_000_000);
    assertTrue(p.count("我们") > 1000);
    assertTrue(p.count("中华人民共和国") > 0);
    assertEquals(0, p.count("徇私舞弊罪的追诉标准"));
  }

  @Test
  void bundledProfile_traditionalTerm_countedAsItsSimplifiedForm() throws Exception {
    ReferenceProfile p = ReferenceProfile.bundled(LatinCase.FOLD);
    String[][] pairs = {{"组织", "組織"}, {"中华人民共和国", "中華人民共和國"}, {"监督管理", "監督管理"}};
    for (String[] hansHant : pairs) {
      assertTrue(p.count(hansHant[0]) > 100, hansHant[0]);
      assertEquals(p.count(hansHant[0]), p.count(hansHant[1]), hansHant[1]);
    }
  }
}
