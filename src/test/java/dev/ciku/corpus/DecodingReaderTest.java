package dev.ciku.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
  void read_randomBytesAnyChunking_sameTextAsTheJdkDecoder() throws IOException {
    Random random = new Random(7);
    for (Charset cs : new Charset[] {StandardCharsets.UTF_8, Charset.forName("GB18030")}) {
      byte[] bytes = new byte[20_000];
      random.nextBytes(bytes);
      String expected = new String(bytes, cs);
      for (int chunk : new int[] {1, 2, 7, 4096}) {
        DecodingReader r = new DecodingReader(new ByteArrayInputStream(bytes), cs, 16 + chunk);
        assertEquals(expected, readAll(r, chunk), cs + ", chunk " + chunk);
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
}
