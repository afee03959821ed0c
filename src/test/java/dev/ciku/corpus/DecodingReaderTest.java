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

  @Test
  void ready_followsWhatThePipeHolds() throws IOException {
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
}
