package dev.ciku.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DecodingReaderTest {
  private static String readAll(DecodingReader r, int chunk) throws IOException {
    StringBuilder b = new StringBuilder();
    char[] buf = new char[chunk];
    int n;
    while ((n = r.read(buf, 0, chunk)) >= 0) {
      assertEquals(true, n > 0, "a read of " + chunk + " chars returned 0");
      b.append(buf, 0, n);
    }
    return b.toString();
  }

  @Test
  void read_malformedBytes_oneReplacementEachCountedWithFirstLine() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("第一行\n第二".getBytes(StandardCharsets.UTF_8));
    bytes.write(0xFF);
    bytes.writeBytes("行\n\uFEFF三".getBytes(StandardCharsets.UTF_8));
    bytes.write(0xE4); // a sequence cut by the end of input
    DecodingReader r = new DecodingReader(new ByteArrayInputStream(bytes.toByteArray()),
        StandardCharsets.UTF_8, 16);
    assertEquals("第一行\n第二\uFFFD行\n\uFEFF三\uFFFD", readAll(r, 3));
    assertEquals(2, r.malformed());
    assertEquals(2, r.firstBadLine());
    assertEquals("x: 2 malformed or unmappable byte sequence(s) replaced by U+FFFD, first on line 2",
        DecodingReader.warning("x", r.malformed(), r.firstBadLine()));
  }

  @Test
  void read_randomBytesAnyChunking_utf8AsTheJdkDecoder_noAsciiByteLost() throws IOException {
    Random random = new Random(7);
    for (Charset cs : new Charset[] {StandardCharsets.UTF_8, Charset.forName("GB18030"),
        Charset.forName("Big5"), Charset.forName("GBK")}) {
      byte[] bytes = new byte[20_000];
      random.nextBytes(bytes);
      // Bytes below 0x30 are never part of a multi-byte sequence in these encodings: each must
      // come out as its character, in order, whatever malformed bytes surround it.
      StringBuilder low = new StringBuilder();
      for (byte b : bytes) {
        if ((b & 0xFF) < 0x30) {
          low.append((char) b);
        }
      }
      String first = null;
      for (int chunk : new int[] {1, 2, 7, 4096}) {
        DecodingReader r = new DecodingReader(new ByteArrayInputStream(bytes), cs, 16 + chunk);
        String text = readAll(r, chunk);
        if (cs == StandardCharsets.UTF_8) {
          assertEquals(new String(bytes, cs), text, "chunk " + chunk);
        }
        assertEquals(low.toString(), text.chars().filter(c -> c < 0x30)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString(), cs + ", chunk " + chunk);
        if (first == null) {
          first = text;
        }
        assertEquals(first, text, cs + ": chunk " + chunk + " as chunk 1");
      }
    }
  }

  @Test
  void read_malformedUtf16OrGb18030_theLineFeedOrCharacterAfterItKept() throws IOException {
    Object[][] cases = {
        // A lone high surrogate before a line feed, and before a letter.
        {"UTF-16LE", TestBytes.concat("第一行".getBytes(StandardCharsets.UTF_16LE),
            new byte[] {0x00, (byte) 0xD8}, "\n第二行\n".getBytes(StandardCharsets.UTF_16LE)),
            "第一行\uFFFD\n第二行\n"},
        {"UTF-16BE", TestBytes.concat(new byte[] {(byte) 0xD8, 0x00},
            "AB文章".getBytes(StandardCharsets.UTF_16BE)), "\uFFFDAB文章"},
        {"UTF-16LE", TestBytes.concat(new byte[] {0x00, (byte) 0xDC},
            "中".getBytes(StandardCharsets.UTF_16LE), new byte[] {0x41}), "\uFFFD中\uFFFD"},
        // A four-byte sequence cut by a line end: the digit and the line feed are kept.
        {"GB18030", TestBytes.concat("第一行".getBytes(Charset.forName("GB18030")),
            new byte[] {(byte) 0x81, 0x30, '\n'}, "第二行\n".getBytes(Charset.forName("GB18030"))),
            "第一行\uFFFD0\n第二行\n"},
        // UTF-8: a cut three-byte sequence is one replacement, as before.
        {"UTF-8", new byte[] {(byte) 0xE4, (byte) 0xBB, '\n', 'a'}, "\uFFFD\na"},
    };
    for (Object[] c : cases) {
      DecodingReader r = new DecodingReader(new ByteArrayInputStream((byte[]) c[1]),
          Charset.forName((String) c[0]), 16);
      String text = readAll(r, 5);
      assertEquals(c[2], text, (String) c[0]);
      assertEquals(text.chars().filter(ch -> ch == '\uFFFD').count(), r.malformed(), text);
    }
  }

  /**
   * A byte-order mark in the encoding given, or read by the decoders that detect the byte order
   * (UTF-16, UTF-32): with {@code dropMark} it never comes out, whatever the size of the reads;
   * a U+FEFF after it, or after a malformed first sequence, is text.
   */
  @Test
  void read_dropMark_leadingMarkDroppedInEveryEncoding() throws IOException {
    String text = "中文\n\uFEFF第二行";
    Charset gb = Charset.forName("GB18030");
    Object[][] table = {
        // charset, bytes, text read with dropMark, text read without
        {StandardCharsets.UTF_8, ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8), text,
            "\uFEFF" + text},
        {StandardCharsets.UTF_16LE, ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE), text,
            "\uFEFF" + text},
        {StandardCharsets.UTF_16BE, ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16BE), text,
            "\uFEFF" + text},
        {gb, ("\uFEFF" + text).getBytes(gb), text, "\uFEFF" + text},
        {StandardCharsets.UTF_16, TestBytes.concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
            text.getBytes(StandardCharsets.UTF_16LE)), text, text},
        {Charset.forName("UTF-32"), ("\uFEFF" + text).getBytes(Charset.forName("UTF-32LE")), text,
            text},
        {StandardCharsets.UTF_8, ("\uFEFF\uFEFF" + text).getBytes(StandardCharsets.UTF_8),
            "\uFEFF" + text, "\uFEFF\uFEFF" + text},
        {StandardCharsets.UTF_8, TestBytes.concat(new byte[] {(byte) 0xFF},
            ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8)), "\uFFFD\uFEFF" + text,
            "\uFFFD\uFEFF" + text},
        {StandardCharsets.UTF_8, text.getBytes(StandardCharsets.UTF_8), text, text},
        {StandardCharsets.UTF_8, "\uFEFF".getBytes(StandardCharsets.UTF_8), "", "\uFEFF"},
        {StandardCharsets.UTF_8, new byte[0], "", ""},
    };
    for (Object[] row : table) {
      Charset cs = (Charset) row[0];
      byte[] bytes = (byte[]) row[1];
      for (int chunk : new int[] {1, 2, 3, 64}) {
        String what = cs + " " + java.util.Arrays.toString(bytes) + ", chunk " + chunk;
        assertEquals(row[2], readAll(new DecodingReader(new ByteArrayInputStream(bytes), cs, 16,
            true), chunk), what);
        assertEquals(row[3], readAll(new DecodingReader(new ByteArrayInputStream(bytes), cs, 16),
            chunk), what);
      }
    }
  }

  @Test
  void read_validText_noneCounted() throws IOException {
    DecodingReader r = new DecodingReader(
        new ByteArrayInputStream("中文\n".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8,
        64);
    assertEquals("中文\n", readAll(r, 100));
    assertEquals(0, r.malformed());
    assertEquals(-1, r.firstBadLine());
  }

  @Test
  void constructor_tinyBuffer_rejected() {
    assertThrows(IllegalArgumentException.class,
        () -> new DecodingReader(new ByteArrayInputStream(new byte[0]), StandardCharsets.UTF_8, 8));
  }

  @Test
  void ready_pipeEmptyFilledDrainedAndClosed_followsWhatThePipeHolds() throws IOException {
    PipedInputStream pipe = new PipedInputStream(1 << 10);
    PipedOutputStream producer = new PipedOutputStream(pipe);
    DecodingReader r = new DecodingReader(pipe, StandardCharsets.UTF_8, 16);
    assertFalse(r.ready(), "nothing written yet");
    producer.write("中文abc\n".getBytes(StandardCharsets.UTF_8));
    assertTrue(r.ready(), "bytes waiting in the pipe");
    char[] buf = new char[64];
    assertEquals("中文abc\n", new String(buf, 0, r.read(buf, 0, buf.length)));
    assertFalse(r.ready(), "all read: a read would wait for the producer");
    producer.close();
    assertEquals(-1, r.read(buf, 0, buf.length));
    assertTrue(r.ready(), "ended: a read returns at once");
  }

  @Test
  void ready_undecodedBytesHeld_true() throws IOException {
    // 16 bytes a fill: the first read returns what one fill decodes, the rest is held.
    DecodingReader r = new DecodingReader(
        new ByteArrayInputStream("一二三四五六七八九十".getBytes(StandardCharsets.UTF_8)) {
          @Override
          public synchronized int available() {
            return 0; // a source that cannot tell
          }
        }, StandardCharsets.UTF_8, 16);
    char[] buf = new char[64];
    int n = r.read(buf, 0, buf.length);
    assertEquals("一二三四五", new String(buf, 0, n));
    assertTrue(r.ready(), "a byte of 六 is held");
  }

  private static final String LAWS = laws();

  private static String laws() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("corpora-samples/laws-zh.txt"))
          .substring(0, 60_000);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static DecodingReader byDefault(java.io.InputStream in, boolean stream,
      java.util.List<String> warnings) {
    return new DecodingReader(in, new Utf8Fallback.Input("x.txt", stream, warnings::add), 1 << 16,
        true);
  }

  @Test
  void read_byDefaultGb18030OrUtf16Text_readInItWithOneWarning() throws IOException {
    for (String name : new String[] {"GB18030", "UTF-16LE"}) {
      Charset cs = Charset.forName(name);
      for (String text : new String[] {LAWS, LAWS.substring(0, 150)}) {
        java.util.List<String> warnings = new java.util.ArrayList<>();
        DecodingReader r = byDefault(new ByteArrayInputStream(text.getBytes(cs)), false,
            warnings);
        assertEquals(text, readAll(r, 1000), name);
        assertEquals(java.util.List.of("x.txt: not UTF-8; read as " + name
            + " (detected; give --encoding to choose)"), warnings);
        assertEquals(cs, r.charset());
        assertTrue(r.fellBack());
        assertEquals(0, r.malformed());
      }
    }
  }

  @Test
  void read_byDefaultUtf8WithBrokenByteAndMark_asAUtf8Reader() throws IOException {
    // A byte broken inside the first block, and one after it (its line counted past the block).
    for (int at : new int[] {40_000, 100_000}) {
      byte[] b = ("\uFEFF第一行\n" + LAWS).getBytes(StandardCharsets.UTF_8);
      b[at] = (byte) 0xFF;
      java.util.List<String> warnings = new java.util.ArrayList<>();
      DecodingReader r = byDefault(new ByteArrayInputStream(b), false, warnings);
      DecodingReader given = new DecodingReader(new ByteArrayInputStream(b),
          StandardCharsets.UTF_8, 1 << 16, true);
      // One char at a time too: a supplementary character spans two reads.
      assertEquals(readAll(given, 1), readAll(r, 1));
      assertEquals(given.malformed(), r.malformed(), "byte " + at);
      assertTrue(r.malformed() > 0, "byte " + at);
      assertEquals(given.firstBadLine(), r.firstBadLine(), "byte " + at);
      assertFalse(r.fellBack());
      assertEquals(java.util.List.of(), warnings);
    }
  }

  /**
   * Seeded random inputs (real text with broken bytes, random bytes, text in other encodings,
   * with or without a mark, cut anywhere): read by default, each reads as {@link
   * Utf8Fallback#decide} decides on its first block, the Spark jobs' decision, and as a reader
   * given that encoding reads it, malformed count and first bad line included.
   */
  @Test
  void read_byDefaultSeededRandomInputs_asDecidedAndAsTheGivenEncoding() throws IOException {
    Random random = new Random(31);
    String[] encodings = {"UTF-8", "UTF-8", "GB18030", "GBK", "UTF-16LE", "UTF-16BE"};
    int fellBack = 0;
    for (int trial = 0; trial < 300; trial++) {
      int from = random.nextInt(LAWS.length() - 1);
      String text = LAWS.substring(from, from + random.nextInt(LAWS.length() - from));
      byte[] b = text.getBytes(Charset.forName(encodings[random.nextInt(encodings.length)]));
      switch (random.nextInt(4)) {
        case 0 -> random.nextBytes(b);
        case 1 -> {
          for (int i = random.nextInt(5); i > 0 && b.length > 0; i--) {
            b[random.nextInt(b.length)] = (byte) random.nextInt(256);
          }
        }
        case 2 -> b = TestBytes.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, b);
        default -> { }
      }
      int n = Math.min(b.length, Encodings.SAMPLE);
      Charset decided = Utf8Fallback.decide(b, n, b.length < Encodings.SAMPLE);
      Charset cs = decided == null ? StandardCharsets.UTF_8 : decided;
      java.util.List<String> warnings = new java.util.ArrayList<>();
      DecodingReader r = byDefault(new ByteArrayInputStream(b), false, warnings);
      DecodingReader given = new DecodingReader(new ByteArrayInputStream(b), cs, 1 << 16, true);
      int chunk = 1 + random.nextInt(5000);
      String what = "trial " + trial + ", " + b.length + " bytes, " + cs;
      assertEquals(readAll(given, chunk), readAll(r, chunk), what);
      assertEquals(cs, r.charset(), what);
      assertEquals(given.malformed(), r.malformed(), what);
      assertEquals(given.firstBadLine(), r.firstBadLine(), what);
      assertEquals(decided == null ? 0 : 1, warnings.size(), what);
      fellBack += decided == null ? 0 : 1;
    }
    assertTrue(fellBack > 30 && fellBack < 270, fellBack + " of 300 fell back");
  }

  @Test
  void read_byDefaultSlowPipe_firstLineWithoutWaiting() throws IOException {
    byte[] line = "中华人民共和国成立了\n".getBytes(StandardCharsets.UTF_8);
    DecodingReader r = byDefault(TestBytes.pipeHolding(line), true, new java.util.ArrayList<>());
    char[] buf = new char[1 << 12];
    assertEquals("中华人民共和国成立了\n", new String(buf, 0, r.read(buf, 0, buf.length)));
  }
}
