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
   * A POSIX tar archive (ustar, as GNU tar writes it: {@code gnu} selects the GNU magic
   * {@code "ustar  \0"}) holding one file {@code name} with {@code content}, then the two zero
   * blocks that end an archive.
   */
  public static byte[] tar(String name, byte[] content, boolean gnu) {
    byte[] h = new byte[512];
    put(h, 0, name);
    put(h, 100, "0000644");
    put(h, 108, "0001750");
    put(h, 116, "0001750");
    put(h, 124, String.format("%011o", content.length));
    put(h, 136, "14712345670");
    put(h, 148, "        ");
    h[156] = '0';
    put(h, 257, gnu ? "ustar  " : "ustar");
    if (!gnu) {
      put(h, 263, "00");
    }
    put(h, 265, "ciku");
    put(h, 297, "ciku");
    int sum = 0;
    for (byte b : h) {
      sum += b & 0xFF;
    }
    put(h, 148, String.format("%06o", sum));
    h[155] = ' ';
    byte[] body = java.util.Arrays.copyOf(content, (content.length + 511) / 512 * 512);
    return concat(h, body, new byte[1024]);
  }

  private static void put(byte[] block, int at, String ascii) {
    byte[] b = ascii.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, block, at, b.length);
  }

  /**
   * {@code head} (each int a byte) followed by {@code n} seeded random bytes, none of them zero:
   * the first zero byte is the header's.
   */
  public static byte[] withNonZeroTail(int[] head, int n, long seed) {
    java.util.Random r = new java.util.Random(seed);
    byte[] b = new byte[head.length + n];
    for (int i = 0; i < head.length; i++) {
      b[i] = (byte) head[i];
    }
    for (int i = head.length; i < b.length; i++) {
      b[i] = (byte) (1 + r.nextInt(255));
    }
    return b;
  }

  /** A PNG image's signature and first chunk length (its first NUL byte at offset 8), then junk. */
  public static byte[] png(long seed) {
    return withNonZeroTail(new int[] {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D},
        3000, seed);
  }

  /** A 64-bit ELF executable's identification (its first NUL byte at offset 7), then junk. */
  public static byte[] elf(long seed) {
    return withNonZeroTail(new int[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0}, 3000, seed);
  }

  /**
   * The start of an n-gram store as {@code ciku count -o} writes it: 10 header bytes, two NUL
   * bytes (the first at offset 10), and the Chronicle Map class name at offset 12.
   */
  public static byte[] storeHead() {
    return concat(new byte[] {(byte) 0x8A, (byte) 0xBB, (byte) 0xAA, 'F', (byte) 0xB0, 'c', 0x17,
        (byte) 0xB6, (byte) 0xDC, 0x06, 0, 0},
        utf8("!net.openhft.chronicle.map.VanillaChronicleMap {\n  dataFileVersion: 1\n"));
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
