package dev.ciku.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8FallbackTest {
  private static final String LAWS = read("corpora-samples/laws-zh.txt");
  private static final String WIKI = read("corpora-samples/wiki-zh-cmrc2018.txt");
  private static final String HANT = read("src/test/resources/fixtures/laws-zh-hant.txt");
  private static final Charset GB18030 = Charset.forName("GB18030");
  private static final Charset CP950 = Charset.forName("x-windows-950");

  private static String read(String path) {
    try {
      return Files.readString(Path.of(path)).substring(0, 100_000);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The longest start of {@code text} that {@code cs} writes in {@code bytes} bytes or fewer. */
  private static byte[] start(String text, Charset cs, int bytes) {
    int end = 0;
    while (text.substring(0, end + 1).getBytes(cs).length <= bytes) {
      end++;
    }
    return text.substring(0, end).getBytes(cs);
  }

  /** Whether the rule fires on {@code b} as a whole input. */
  private static boolean fires(byte[] b) {
    CharBuffer out = CharBuffer.allocate(b.length + 1);
    Utf8Fallback.Decoded d = Utf8Fallback.decode(Utf8Fallback.utf8(), ByteBuffer.wrap(b), out,
        true);
    return Utf8Fallback.clearlyNotUtf8(out.array(), 0, out.position(), d.malformed());
  }

  private static Charset decide(byte[] b) {
    int n = Math.min(b.length, Encodings.SAMPLE);
    return Utf8Fallback.decide(b, n, b.length < Encodings.SAMPLE);
  }

  @Test
  void clearlyNotUtf8_goldenTable_atLeast16BadAndAQuarterOfNonAscii() {
    long[][] rows = {
        // bad, other non-ASCII, 1 if clearly not UTF-8
        {0, 0, 0}, {15, 0, 0}, {16, 0, 1}, {16, 48, 1}, {16, 49, 0}, {300, 900, 1},
        {300, 901, 0}, {9, 20_000, 0}, {1_000, 20_000, 0}};
    for (long[] row : rows) {
      assertEquals(row[2] == 1, Utf8Fallback.clearlyNotUtf8(row[0], row[1]),
          Arrays.toString(row));
    }
    // NUL characters count as bad, the replacement characters of malformed sequences do not
    // count as other non-ASCII characters.
    char[] nuls = "a\0b\0c\0d\0e\0f\0g\0h\0i\0j\0k\0l\0m\0n\0o\0p\0".toCharArray();
    assertTrue(Utf8Fallback.clearlyNotUtf8(nuls, 0, nuls.length, 0));
    assertFalse(Utf8Fallback.clearlyNotUtf8(nuls, 2, nuls.length, 0), "15 NULs");
    char[] replaced = "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD".repeat(2).toCharArray();
    assertTrue(Utf8Fallback.clearlyNotUtf8(replaced, 0, replaced.length, 16));
  }

  @Test
  void decide_realTextInAnotherEncoding_goldenTable() {
    Object[][] rows = {
        // text, written in, block bytes (0: 64 KB of a longer input), read in
        {LAWS, "GB18030", 0, GB18030}, {LAWS, "GBK", 0, GB18030}, {WIKI, "GBK", 0, GB18030},
        {HANT, "x-windows-950", 0, CP950}, {HANT, "Big5", 0, CP950},
        {LAWS, "UTF-16LE", 0, StandardCharsets.UTF_16LE},
        {WIKI, "UTF-16BE", 0, StandardCharsets.UTF_16BE},
        {LAWS, "GBK", 300, GB18030}, {WIKI, "GBK", 300, GB18030},
        {HANT, "Big5", 300, CP950}, {LAWS, "UTF-16LE", 300, StandardCharsets.UTF_16LE},
        {WIKI, "UTF-16BE", 300, StandardCharsets.UTF_16BE},
        {LAWS, "GBK", 200, GB18030}, {LAWS, "UTF-16LE", 200, StandardCharsets.UTF_16LE},
        {LAWS, "UTF-8", 0, null}, {WIKI, "UTF-8", 0, null}, {HANT, "UTF-8", 0, null},
        {LAWS, "UTF-8", 300, null}};
    for (Object[] row : rows) {
      Charset cs = Charset.forName((String) row[1]);
      int size = (Integer) row[2];
      byte[] b = size == 0 ? ((String) row[0]).getBytes(cs) : start((String) row[0], cs, size);
      String what = row[1] + ", " + b.length + " bytes";
      assertTrue(size == 0 ? b.length > Encodings.SAMPLE : b.length > size - 4, what);
      assertEquals(row[3], decide(b), what);
      assertEquals(row[3] != null, fires(Arrays.copyOf(b, Math.min(b.length, Encodings.SAMPLE))),
          what);
    }
  }

  @Test
  void decide_utf8MarkBeforeGbkText_keepsUtf8() {
    byte[] gbk = LAWS.getBytes(GB18030);
    byte[] marked = TestBytes.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, gbk);
    assertEquals(GB18030, decide(gbk));
    assertNull(decide(marked), "a UTF-8 byte-order mark says UTF-8");
  }

  /** One, two or three random bytes broken in real UTF-8 text of any length never fire it. */
  @Test
  void decide_seededBrokenBytesInRealUtf8_neverFires() {
    Random random = new Random(2024);
    String[] texts = {LAWS, WIKI, HANT};
    int[] sizes = {60, 100, 200, 300, 500, 1_000, 2_000, Encodings.SAMPLE};
    for (int trial = 0; trial < 3_000; trial++) {
      String text = texts[random.nextInt(texts.length)];
      int from = text.indexOf('\n', random.nextInt(text.length() / 2)) + 1;
      byte[] all = text.substring(from).getBytes(StandardCharsets.UTF_8);
      byte[] b = Arrays.copyOf(all, sizes[random.nextInt(sizes.length)]);
      int broken = 1 + random.nextInt(3);
      for (int i = 0; i < broken; i++) {
        b[random.nextInt(b.length)] = (byte) random.nextInt(256);
      }
      String what = "trial " + trial + ", " + b.length + " bytes, " + broken + " broken";
      assertFalse(fires(b), what);
      assertNull(decide(b), what);
    }
    // Ten broken bytes in a whole block of real text: far from a quarter.
    for (int trial = 0; trial < 200; trial++) {
      byte[] b = Arrays.copyOf(texts[trial % 3].getBytes(StandardCharsets.UTF_8),
          Encodings.SAMPLE);
      for (int i = 0; i < 10; i++) {
        b[random.nextInt(b.length)] = (byte) random.nextInt(256);
      }
      assertFalse(fires(b), "block trial " + trial);
    }
  }

  @Test
  void wholeInputNotUtf8_goldenTable_atLeast4BadAndHalfOfNonAscii() {
    long[][] rows = {
        // bad, other non-ASCII, 1 if it may be clearly not UTF-8 as a whole input
        {0, 0, 0}, {3, 0, 0}, {4, 0, 1}, {4, 4, 1}, {4, 5, 0}, {10, 10, 1}, {10, 11, 0},
        {15, 2, 1}, {9, 20_000, 0}};
    for (long[] row : rows) {
      assertEquals(row[2] == 1, Utf8Fallback.wholeInputNotUtf8(row[0], row[1]),
          Arrays.toString(row));
    }
  }

  /**
   * Whole inputs with fewer bad decodings than the block rule needs: short Chinese texts in
   * GBK or Big5 are read in their encoding, UTF-8 with a broken byte and ASCII stay UTF-8; and
   * none is decided so while its end is not known.
   */
  @Test
  void decide_shortWholeInput_goldenTable() {
    byte[] broken = TestBytes.utf8("味道不错，送餐很快\n");
    broken[4] = (byte) 0xFF;
    byte[] latin = TestBytes.utf8("ok, merci beaucoup, tres bon\n");
    latin[20] = (byte) 0xE9;
    latin[24] = (byte) 0xA4;
    Object[][] rows = {
        // bytes, what they are, read in (null: UTF-8)
        {"味道不错，送餐很快\n".getBytes(GB18030), "one line of GBK", GB18030},
        {"好吃\n不错\n很快\n".getBytes(GB18030), "three lines of GBK", GB18030},
        {"好吃不贵\n很快\n不错\n".getBytes(GB18030), "three lines of GBK", GB18030},
        {"這家店的菜很好吃\n".getBytes(Charset.forName("Big5")), "one line of Big5", CP950},
        {TestBytes.utf8("味道不错，送餐很快\n"), "UTF-8", null},
        {broken, "UTF-8 with a broken byte", null},
        {latin, "ASCII with two broken bytes", null},
        {TestBytes.utf8("hello world, 2024\n"), "ASCII", null}};
    for (Object[] row : rows) {
      byte[] b = (byte[]) row[0];
      String what = (String) row[1];
      assertFalse(fires(b), what + ": too short for the block rule");
      assertEquals(row[2], decide(b), what);
      assertNull(Utf8Fallback.decide(b, b.length, false), what + ", its end not known");
    }
  }

  /**
   * One to three whole lines of real UTF-8, or of their ASCII characters alone, with one to
   * three random bytes broken, are never read in another encoding as whole inputs.
   */
  @Test
  void decide_seededBrokenBytesInShortWholeUtf8_neverFires() {
    Random random = new Random(2025);
    String[] texts = {LAWS, WIKI, HANT};
    for (int trial = 0; trial < 20_000; trial++) {
      String text = texts[random.nextInt(texts.length)];
      int from = text.indexOf('\n', random.nextInt(text.length() / 2)) + 1;
      int to = from;
      for (int lines = 1 + random.nextInt(3); lines > 0; lines--) {
        to = text.indexOf('\n', to) + 1;
      }
      String slice = text.substring(from, to);
      if (trial % 2 == 1) {
        slice = slice.replaceAll("[^\\x00-\\x7F]", "");
      }
      byte[] b = TestBytes.utf8(slice);
      if (b.length < 2) {
        continue;
      }
      int broken = 1 + random.nextInt(3);
      for (int i = 0; i < broken; i++) {
        b[random.nextInt(b.length)] = (byte) random.nextInt(256);
      }
      String what = "trial " + trial + ": " + Arrays.toString(b);
      assertNull(decide(b), what);
    }
  }

  /**
   * A stream whose reads return {@code parts} one at a time, nothing ever waiting (a producer
   * that writes them one by one), then the end.
   */
  private static InputStream parts(byte[]... parts) {
    return new InputStream() {
      private int next;

      @Override
      public int read() {
        throw new AssertionError("read byte by byte");
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (next == parts.length) {
          return -1;
        }
        byte[] p = parts[next++];
        assertTrue(p.length <= len, "room for a part");
        System.arraycopy(p, 0, b, off, p.length);
        return p.length;
      }
    };
  }

  @Test
  void readFirst_streamOfAShortGbkText_readOnToItsEnd() throws IOException {
    byte[] first = "味道不错，送餐很快\n".getBytes(GB18030);
    byte[] second = "好吃\n".getBytes(GB18030);
    byte[] third = "很快\n".getBytes(GB18030);
    byte[] b = new byte[Encodings.SAMPLE];
    assertEquals(new Utf8Fallback.Block(first.length + second.length + third.length, true),
        Utf8Fallback.readFirst(parts(first, second, third), b, b.length, true));
    assertArrayEquals(TestBytes.concat(first, second, third),
        Arrays.copyOf(b, first.length + second.length + third.length));
    assertEquals(new Utf8Fallback.Block(-1, true),
        Utf8Fallback.readFirst(parts(), b, b.length, true));
    byte[] tooShort = "好吃\n".getBytes(GB18030);
    assertEquals(new Utf8Fallback.Block(tooShort.length, false),
        Utf8Fallback.readFirst(TestBytes.pipeHolding(tooShort), b, b.length, true),
        "too few bad decodings to tell: not waited on");
  }

  @Test
  void readFirst_utf8OrLongGbkStream_notWaitedOn() throws IOException {
    byte[] b = new byte[Encodings.SAMPLE];
    byte[] utf8 = TestBytes.utf8("好吃\n不错\n很快\n");
    assertEquals(new Utf8Fallback.Block(utf8.length, false),
        Utf8Fallback.readFirst(TestBytes.pipeHolding(utf8), b, b.length, true));
    byte[] gbk = LAWS.substring(0, 300).getBytes(GB18030);
    assertEquals(new Utf8Fallback.Block(gbk.length, false),
        Utf8Fallback.readFirst(TestBytes.pipeHolding(gbk), b, b.length, true),
        "clearly not UTF-8 by the block rule");
    byte[] file = "好吃\n".getBytes(GB18030);
    assertEquals(new Utf8Fallback.Block(file.length, true),
        Utf8Fallback.readFirst(trickle(file, 100, false), b, b.length, false), "a short file");
  }

  /**
   * Western text in Latin-1 or Windows-1252 is clearly not UTF-8, and detection takes it for
   * GB18030, but GB18030 does not read it as Chinese: it stays UTF-8, its letters kept.
   */
  @Test
  void decide_latinTextInLatin1OrWindows1252_keepsUtf8() {
    String[][] rows = {
        {"Die Größe der Datei hängt von der Länge des Textes ab. Für jede Zeile wird geprüft,"
            + " ob sie gültig ist; äußerst selten schlägt das fehl.\n", "ISO-8859-1"},
        {"Le système a été conçu pour être simple : chaque entrée décrit un élément, et les"
            + " données sont écrites à la fin. Où est la clé ? Déjà là, près de la fenêtre.\n",
            "ISO-8859-1"},
        {"“Quick” notes — the reader’s guide: it’s “simple”, isn’t it? We’ll see.\n",
            "windows-1252"}};
    for (String[] row : rows) {
      byte[] b = row[0].repeat(3).getBytes(Charset.forName(row[1]));
      assertTrue(fires(b), row[1]);
      assertEquals(GB18030, Encodings.detect(b, b.length, true), row[1]);
      assertNull(decide(b), row[1]);
    }
  }

  @Test
  void decide_mostlyAsciiUtf16WithoutMark_readAsUtf16() {
    String text = "The quick brown fox, 2024 edition: a mostly ASCII text.\n".repeat(5);
    assertEquals(StandardCharsets.UTF_16LE, decide(text.getBytes(StandardCharsets.UTF_16LE)));
    assertEquals(StandardCharsets.UTF_16BE, decide(text.getBytes(StandardCharsets.UTF_16BE)));
    assertNull(decide(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** A stream whose reads return at most {@code step} bytes, with {@code waiting} available. */
  private static InputStream trickle(byte[] data, int step, boolean waiting) {
    return new ByteArrayInputStream(data) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, step));
      }

      @Override
      public synchronized int available() {
        return waiting ? super.available() : 0;
      }
    };
  }

  @Test
  void read_fileOrStream_fileToTheBlockStreamWhatIsWaiting() throws IOException {
    byte[] data = LAWS.getBytes(StandardCharsets.UTF_8);
    byte[] b = new byte[Encodings.SAMPLE];
    assertEquals(Encodings.SAMPLE, Utf8Fallback.read(trickle(data, 1000, false), b, b.length,
        false), "a file: read to the block's end");
    assertArrayEquals(Arrays.copyOf(data, b.length), b);
    assertEquals(1000, Utf8Fallback.read(trickle(data, 1000, false), b, b.length, true),
        "a stream with nothing waiting: one read");
    assertEquals(Encodings.SAMPLE, Utf8Fallback.read(trickle(data, 1000, true), b, b.length,
        true), "a stream with bytes waiting: read on");
    byte[] line = "中华人民共和国成立了\n".getBytes(StandardCharsets.UTF_8);
    assertEquals(line.length, Utf8Fallback.read(TestBytes.pipeHolding(line), b, b.length, true),
        "a slow pipe is not waited on");
    assertEquals(-1, Utf8Fallback.read(new ByteArrayInputStream(new byte[0]), b, b.length,
        false));
    assertEquals(100, Utf8Fallback.read(trickle(Arrays.copyOf(data, 100), 7, false), b,
        b.length, false), "a short file: all of it");
  }

  @Test
  void warning_inputReadInAnotherEncoding_namesTheInputAndTheEncoding() {
    assertEquals("small.gbk.txt: not UTF-8; read as GB18030 (detected; give --encoding to"
        + " choose)", Utf8Fallback.warning("small.gbk.txt", GB18030));
  }
}
