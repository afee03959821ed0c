package dev.ciku.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Tells binary data (an image, an executable, an n-gram store) from text by the first bytes of
 * an input, as git and {@code grep -r} do: a NUL byte in the first {@value #BLOCK} bytes makes
 * it binary, since no text in an encoding whose code units are bytes (UTF-8, GB18030, GBK,
 * Big5...) holds one; auxiliary files are refused on the same evidence ({@link TextLines}). Text
 * in UTF-16 or UTF-32, where every ASCII character brings a zero byte, is not binary: the
 * encoding is decided first, as the readers decide it on the same bytes ({@link #charsetOf}):
 * the one named, a UTF-16 or UTF-32 byte-order mark, {@code --encoding auto}'s detection, or the
 * default's fallback from UTF-8 ({@link Utf8Fallback}), which reads BOM-less UTF-16 as UTF-16.
 * Nor is a block that detection takes for UTF-16 when the encoding read is another (a line of
 * BOM-less UTF-16 too short for the default's fallback, or given a wrong {@code --encoding}): it
 * is read as before, its bytes reported as malformed with a hint at {@code --encoding}.
 *
 * <p>Immutable and thread-safe; the configuration is how the command reads its inputs.
 */
public final class BinaryData {
  /** Bytes looked at for a NUL byte. */
  public static final int BLOCK = 8192;

  /** The inputs read as UTF-8 by default (no --encoding), which may fall back. */
  public static final BinaryData DEFAULT = new BinaryData(StandardCharsets.UTF_8, false, true);

  private final Charset charset;
  private final boolean detect;
  private final boolean fallback;

  /**
   * How the command reads its inputs, as in {@link ReaderOptions}.
   *
   * @param charset the encoding given (UTF-8 for the default and for {@code auto})
   * @param detect {@code --encoding auto}: detected per input
   * @param fallback no encoding given: UTF-8, unless an input is clearly not
   */
  public BinaryData(Charset charset, boolean detect, boolean fallback) {
    this.charset = java.util.Objects.requireNonNull(charset, "charset");
    this.detect = detect;
    this.fallback = fallback;
  }

  /**
   * The offset of the first NUL byte in {@code in}'s first {@value #BLOCK} bytes (decompressed
   * already) if that makes it binary data, else -1. Reads {@value #BLOCK} bytes, and only if
   * they hold a NUL byte up to {@value Encodings#SAMPLE} (the block the readers decide the
   * encoding on). Cost: that read; with a NUL byte, the encoding's decision (up to six strict
   * decodings of the block). {@code in} is left open.
   */
  public long nulAt(InputStream in) throws IOException {
    byte[] head = in.readNBytes(BLOCK);
    int at = firstNul(head, head.length);
    if (at < 0) {
      return -1;
    }
    byte[] more = in.readNBytes(Encodings.SAMPLE - head.length);
    byte[] block = java.util.Arrays.copyOf(head, head.length + more.length);
    System.arraycopy(more, 0, block, head.length, more.length);
    return binaryAt(block, block.length, block.length < Encodings.SAMPLE, at);
  }

  /**
   * As {@link #nulAt}, for a stream (standard input, a pipe, a FIFO) whose first block is, as
   * the readers take a stream's, what has come without waiting: one read, which waits as any
   * read does, then more only while bytes are waiting ({@code available()}), up to {@value
   * #BLOCK} bytes; if they hold a NUL byte, more of what is waiting, up to {@value
   * Encodings#SAMPLE}, for the encoding's decision. So a slow pipe is not waited on (a
   * segmenter hands its first line on at once), and a NUL byte that comes after a pause is read
   * as text. Cost: as {@link #nulAt}. {@code in} is left open.
   */
  public long nulAtStream(InputStream in) throws IOException {
    byte[] block = new byte[Encodings.SAMPLE];
    int n = in.read(block, 0, BLOCK);
    if (n < 0) {
      return -1;
    }
    boolean end = false;
    for (int limit = BLOCK; ; limit = block.length) {
      while (!end && n < limit && in.available() > 0) {
        int more = in.read(block, n, limit - n);
        if (more < 0) {
          end = true;
        } else {
          n += more;
        }
      }
      int at = firstNul(block, n);
      if (at < 0) {
        return -1;
      }
      if (limit == block.length) {
        return binaryAt(block, n, end, at);
      }
    }
  }

  /**
   * {@code at}, the offset of the first NUL byte of the first block {@code block[0, n)}, if it
   * makes the input binary data, or -1 if the block is UTF-16 or UTF-32 text, as read or as
   * detected.
   */
  private long binaryAt(byte[] block, int n, boolean whole, int at) {
    return Encodings.codeUnitBytes(charsetOf(block, n, whole)) > 1
        || Encodings.codeUnitBytes(Encodings.detect(block, n, whole)) > 1 ? -1 : at;
  }

  /** The index of the first NUL byte in {@code b[0, min(n, BLOCK))}, or -1. */
  static int firstNul(byte[] b, int n) {
    for (int i = 0; i < Math.min(n, BLOCK); i++) {
      if (b[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The encoding an input whose first block is {@code block[0, n)} is read in, as the readers
   * decide it: detected if {@code auto}; else the one given, but UTF-8 gives way to a UTF-16 or
   * UTF-32 byte-order mark ({@link Encodings#open}) and, by default, to the encoding of a block
   * that is clearly not UTF-8 ({@link Utf8Fallback#decide}).
   *
   * @param whole whether the block is the whole input
   */
  Charset charsetOf(byte[] block, int n, boolean whole) {
    if (detect) {
      return Encodings.detect(block, n, whole);
    }
    if (!charset.equals(StandardCharsets.UTF_8)) {
      return charset;
    }
    Charset marked = Encodings.utf16Or32Mark(block, n);
    if (marked != null) {
      return marked;
    }
    Charset other = fallback ? Utf8Fallback.decide(block, n, whole) : null;
    return other != null ? other : charset;
  }

  /**
   * What an input's NUL byte at {@code offset} says, for messages: "binary data (a NUL byte at
   * offset N)", the offset counted in its decompressed bytes if {@code compressed}.
   */
  public static String reason(long offset, boolean compressed) {
    return "binary data (a NUL byte at offset " + offset
        + (compressed ? " of its decompressed data" : "") + ")";
  }
}
