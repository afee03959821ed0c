package dev.ciku.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EncodingsTest {
  private static final String LAWS = readLaws();
  private static final String TRADITIONAL = ("中華民國的國語是這樣說的，我們來看看現在這個問題。"
      + "經過多年發展，當時沒有開發的地區已經變成了重要的產業中心。").repeat(5);

  private static String readLaws() {
    try {
      return Files.readString(Path.of("corpora-samples/laws-zh.txt")).substring(0, 40_000);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static Charset detect(byte[] b) {
    return Encodings.detect(b, b.length, true);
  }

  @Test
  void detect_goldenTable_chineseTextInEachEncoding() {
    Charset gb = Charset.forName("GB18030");
    Charset big5 = Charset.forName("Big5");
    Charset cp950 = Charset.forName("x-windows-950");
    assertEquals(StandardCharsets.UTF_8, detect(LAWS.getBytes(StandardCharsets.UTF_8)));
    assertEquals(gb, detect(LAWS.getBytes(gb)));
    assertEquals(gb, detect(LAWS.getBytes(Charset.forName("GBK"))));
    assertEquals(cp950, detect(TRADITIONAL.getBytes(big5)), "Big5 is read as code page 950");
    assertEquals(StandardCharsets.UTF_16LE, detect(LAWS.getBytes(StandardCharsets.UTF_16LE)));
    assertEquals(StandardCharsets.UTF_16BE, detect(LAWS.getBytes(StandardCharsets.UTF_16BE)));
    assertEquals(StandardCharsets.UTF_16LE, detect(TRADITIONAL.getBytes(StandardCharsets.UTF_16LE)));
    assertEquals(StandardCharsets.UTF_16LE, detect("今天天气很好\n".getBytes(StandardCharsets.UTF_16LE)));
    String english = "The quick brown fox, 2024 edition: a mostly ASCII text.\n".repeat(20);
    assertEquals(StandardCharsets.UTF_16LE, detect(english.getBytes(StandardCharsets.UTF_16LE)));
    assertEquals(StandardCharsets.UTF_16BE, detect(english.getBytes(StandardCharsets.UTF_16BE)));
    assertEquals(StandardCharsets.UTF_8, detect(english.getBytes(StandardCharsets.UTF_8)));
    assertEquals(StandardCharsets.UTF_8, detect(TRADITIONAL.getBytes(StandardCharsets.UTF_8)));
    assertEquals(StandardCharsets.UTF_16, detect(LAWS.getBytes(StandardCharsets.UTF_16)));
    byte[] le = ("\uFEFF" + LAWS).getBytes(StandardCharsets.UTF_16LE);
    assertEquals(StandardCharsets.UTF_16, detect(le));
    Charset utf32 = Charset.forName("UTF-32");
    assertEquals(utf32, detect(("\uFEFF" + LAWS).getBytes(Charset.forName("UTF-32LE"))));
    assertEquals(utf32, detect(("\uFEFF" + LAWS).getBytes(Charset.forName("UTF-32BE"))));
    byte[] bom = ("\uFEFF" + LAWS).getBytes(StandardCharsets.UTF_8);
    assertEquals(StandardCharsets.UTF_8, detect(bom));
    assertEquals(StandardCharsets.UTF_8, detect(new byte[0]));
  }

  @Test
  void detect_utf8CutInsideACharacterAtTheSampleEnd_stillUtf8() {
    byte[] b = LAWS.getBytes(StandardCharsets.UTF_8);
    int cut = 1;
    while ((b[cut] & 0xC0) != 0x80) {
      cut++;
    }
    cut++; // inside a multi-byte character
    assertEquals(StandardCharsets.UTF_8, Encodings.detect(b, cut, false));
    assertNotEquals(StandardCharsets.UTF_8, Encodings.detect(b, cut, true),
        "as the whole input, a cut character is an error");
  }

  @Test
  void detect_utf8WithAFewBrokenBytes_stillUtf8() {
    byte[] b = LAWS.getBytes(StandardCharsets.UTF_8);
    for (int i = 1000; i < b.length; i += 5000) {
      b[i] = (byte) 0xFF;
    }
    assertEquals(StandardCharsets.UTF_8, detect(b));
  }

  @Test
  void detect_shortUtf8WithOneBrokenByte_stillUtf8() {
    byte[] line = "今天天气很好我们去北京大学参观今天天气很好\n".getBytes(StandardCharsets.UTF_8);
    byte[] broken = new byte[line.length + 1];
    System.arraycopy(line, 0, broken, 0, 51);
    broken[51] = (byte) 0xFF;
    System.arraycopy(line, 51, broken, 52, line.length - 51);
    assertEquals(StandardCharsets.UTF_8, detect(broken));
    for (int n : new int[] {200, 500, 1000}) {
      byte[] b = Arrays.copyOf(LAWS.getBytes(StandardCharsets.UTF_8), n);
      b[n / 2] = (byte) 0xFF;
      assertEquals(StandardCharsets.UTF_8, Encodings.detect(b, n, false), n + " bytes");
    }
    Charset gb = Charset.forName("GB18030");
    byte[] gbLine = "今天天气很好我们去北京大学参观今天天气很好\n".getBytes(gb);
    assertEquals(gb, detect(gbLine), "a short GB18030 line is not taken for UTF-8");
  }

  @Test
  void decode_randomBytes_sameTextAsTheCorpusReaders() throws IOException {
    java.util.Random random = new java.util.Random(11);
    for (String name : new String[] {"UTF-8", "GB18030", "Big5", "UTF-16LE", "UTF-16BE"}) {
      Charset cs = Charset.forName(name);
      for (int i = 0; i < 50; i++) {
        byte[] bytes = new byte[1 + random.nextInt(3000)];
        random.nextBytes(bytes);
        java.io.StringWriter read = new java.io.StringWriter();
        try (DecodingReader r = new DecodingReader(new ByteArrayInputStream(bytes), cs, 64)) {
          r.transferTo(read);
        }
        assertEquals(read.toString(), Encodings.decode(bytes, 0, bytes.length, cs), name + " #" + i);
      }
    }
    byte[] gb = TestBytes.concat(new byte[] {'x', (byte) 0x81, 0x30}, "第一行".getBytes(
        Charset.forName("GB18030")), new byte[] {(byte) 0x81, 0x30});
    assertEquals("\uFFFD0第一行\uFFFD0", Encodings.decode(gb, 1, gb.length - 1,
        Charset.forName("GB18030")));
  }

  @Test
  void sniff_inputLongerThanTheSample_streamStartsAtTheFirstByte() throws IOException {
    byte[] b = (LAWS + LAWS).getBytes(Charset.forName("GB18030"));
    assertEquals(true, b.length > Encodings.SAMPLE);
    Encodings.Sniffed s = Encodings.sniff(new ByteArrayInputStream(b));
    assertEquals(Charset.forName("GB18030"), s.charset());
    assertArrayEquals(b, s.stream().readAllBytes());
    Encodings.Sniffed small = Encodings.sniff(new ByteArrayInputStream(Arrays.copyOf(b, 10)));
    assertArrayEquals(Arrays.copyOf(b, 10), small.stream().readAllBytes());
  }

  /** Characters of Windows code page 950 outside strict Big5 (the ETEN extensions) decode. */
  @Test
  void sniff_big5WithEtenCharacters_decodedWithoutLoss() throws IOException {
    Charset cp950 = Charset.forName("x-windows-950");
    String text = TRADITIONAL + "恒心與碁盤。" + TRADITIONAL;
    byte[] b = text.getBytes(cp950);
    Encodings.Sniffed s = Encodings.sniff(new ByteArrayInputStream(b));
    assertEquals(text, new String(s.stream().readAllBytes(), s.charset()));
  }

  @Test
  void open_utf8GivenButAUtf16Or32Mark_readsTheMarkedText() throws IOException {
    String text = LAWS.substring(0, 5_000);
    for (String name : new String[] {"UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"}) {
      Charset cs = Charset.forName(name);
      byte[] marked = ("\uFEFF" + text).getBytes(cs);
      Encodings.Sniffed s = Encodings.open(new ByteArrayInputStream(marked),
          StandardCharsets.UTF_8, false);
      byte[] read = s.stream().readAllBytes();
      assertArrayEquals(marked, read, name + ": every byte, the mark too");
      assertEquals(text, new String(read, s.charset()), name + ": the mark read and skipped");
    }
  }

  @Test
  void open_noMarkOrAnotherEncodingGiven_asGiven() throws IOException {
    byte[] utf16 = ("\uFEFF" + LAWS.substring(0, 100)).getBytes(StandardCharsets.UTF_16LE);
    Charset gb = Charset.forName("GB18030");
    assertEquals(gb, Encodings.open(new ByteArrayInputStream(utf16), gb, false).charset());
    for (byte[] b : new byte[][] {{}, {(byte) 0xFF}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        LAWS.substring(0, 100).getBytes(StandardCharsets.UTF_8)}) {
      Encodings.Sniffed s = Encodings.open(new ByteArrayInputStream(b), StandardCharsets.UTF_8,
          false);
      assertEquals(StandardCharsets.UTF_8, s.charset(), Arrays.toString(b));
      assertArrayEquals(b, s.stream().readAllBytes());
    }
  }

  @Test
  void open_shortTextInASlowPipe_readsNoFurtherThanItNeeds() throws IOException {
    for (String text : new String[] {"ok\n", "中\n", "\n"}) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      Encodings.Sniffed s = Encodings.open(TestBytes.pipeHolding(bytes), StandardCharsets.UTF_8,
          false);
      assertEquals(StandardCharsets.UTF_8, s.charset(), text);
      assertArrayEquals(bytes, s.stream().readNBytes(bytes.length), text);
    }
    // The start of a UTF-16LE mark is read on until it is one.
    byte[] utf16 = {(byte) 0xFF, (byte) 0xFE, 'a', 0};
    assertEquals(StandardCharsets.UTF_16,
        Encodings.open(TestBytes.pipeHolding(utf16), StandardCharsets.UTF_8, false).charset());
  }
}
