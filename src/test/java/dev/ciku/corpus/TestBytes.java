package dev.ciku.corpus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** Byte helpers for input tests: UTF-8, concatenation, gzip. */
public final class TestBytes {
  private TestBytes() {}

  /** The UTF-8 bytes of {@code s}. */
  public static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** {@code parts} one after the other. */
  public static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** {@code data} gzip-compressed (one member). */
  public static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(b)) {
      g.write(data);
    }
    return b.toByteArray();
  }

  /**
   * A pipe that holds {@code data} and nothing more yet: a read past them fails the test, where
   * a real pipe would wait for the producer.
   */
  public static java.io.InputStream pipeHolding(byte[] data) {
    return new java.io.InputStream() {
      private int at;

      @Override
      public int read() {
        byte[] one = new byte[1];
        read(one, 0, 1);
        return one[0] & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (len == 0) {
          return 0;
        }
        if (at == data.length) {
          throw new AssertionError("waited for input the pipe does not hold yet");
        }
        int n = Math.min(len, data.length - at);
        System.arraycopy(data, at, b, off, n);
        at += n;
        return n;
      }
    };
  }
}
