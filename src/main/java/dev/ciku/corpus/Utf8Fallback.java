package dev.ciku.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The way out of the default encoding: an input read as UTF-8 only because no encoding was given
 * (no {@code --encoding}), and without a byte-order mark, whose first block is clearly not UTF-8
 * is read whole, from its first byte, in the encoding {@code --encoding auto} detects in that
 * block ({@link Encodings#detect}), with one warning ({@link #warning}). A GB18030 or Big5
 * answer must also read the block as Chinese ({@link Encodings#readsAsChinese}); if it does not,
 * or detection answers UTF-8 (a UTF-8 byte-order mark makes it do so), the input is read as
 * UTF-8, its malformed bytes replaced and reported, as without this class.
 *
 * <p>The first block ({@link #read}) is what a reader decodes first: the first {@value
 * Encodings#SAMPLE} bytes of a file (all of a shorter one), or of a stream (a pipe, a FIFO,
 * standard input) what its first read returns and whatever more is already waiting: a slow pipe
 * is never waited on. Decoded as UTF-8, one U+FFFD for each malformed sequence as the readers
 * decode, it is clearly not UTF-8 ({@link #clearlyNotUtf8}) when it holds at least {@value
 * #MIN_BAD} bad decodings (malformed sequences, and NUL characters, which no text holds but
 * UTF-16 makes of every ASCII character) and they are at least a quarter of its non-ASCII
 * decodings (the bad ones and the valid characters outside ASCII).
 *
 * <p>Why these numbers, measured on the first 64 KB of the 63 files of the shared data, the
 * corpora samples and the traditional test fixture: real UTF-8 decodes with no bad decoding at
 * all. Bytes broken at random in the 47 that hold Chinese text: three broken bytes made at most
 * 9 bad decodings, at any length from 100 bytes to a whole block (149,000 trials); five at most
 * 14 in a whole block; ten at most 24, but then at most 1.4 % of the non-ASCII decodings. The
 * same texts in GBK, Big5 (traditional characters) or BOM-less UTF-16: the first 200 bytes of
 * each of the 13 corpora hold 48 to 130 bad decodings, 0.69 to 1.00 of the non-ASCII ones, and
 * every whole block 1,472 or more, 0.69 or more of them; of random 200-byte slices with 10 or
 * more Han characters the rule fires on 99.7 to 100 %, missing slices of mostly English text
 * (dictionary glosses). README.md gives the table.
 *
 * <p>Stateless and thread-safe.
 */
public final class Utf8Fallback {
  /** Bad decodings (malformed sequences and NUL characters) a clearly-not-UTF-8 block holds. */
  public static final int MIN_BAD = 16;

  private Utf8Fallback() {}

  /**
   * An input read as UTF-8 by default, which a reader decides on: its name (for the warning),
   * whether it is a stream (its first block is then what has come without waiting) and who hears
   * the warning.
   */
  public record Input(String name, boolean stream, Consumer<String> warnings) {}

  /**
   * Whether a first block that decoded as UTF-8 into {@code bad} malformed sequences and NUL
   * characters, and {@code otherNonAscii} valid characters outside ASCII, is clearly not UTF-8:
   * at least {@value #MIN_BAD} bad, and at least a quarter of the two together.
   */
  public static boolean clearlyNotUtf8(long bad, long otherNonAscii) {
    return bad >= MIN_BAD && bad * 3 >= otherNonAscii;
  }

  /**
   * Whether {@code a[from, to)}, a first block decoded as UTF-8 with each of its {@code
   * malformed} sequences replaced by one U+FFFD, is clearly not UTF-8. Cost: one pass over the
   * chars.
   */
  public static boolean clearlyNotUtf8(char[] a, int from, int to, long malformed) {
    long nul = 0;
    long nonAscii = 0;
    for (int i = from; i < to; i++) {
      char c = a[i];
      if (c == 0) {
        nul++;
      } else if (c >= 0x80) {
        nonAscii++;
      }
    }
    return clearlyNotUtf8(malformed + nul, nonAscii - malformed);
  }

  /**
   * The encoding to read an input in whose first block, clearly not UTF-8, is {@code
   * block[0, n)}: the one {@link Encodings#detect} finds, unless that is UTF-8, or GB18030 or
   * Big5 that does not read the block as Chinese; null then (UTF-8 stays). Cost: detection, up
   * to six strict decodings of the block.
   *
   * @param whole whether the block is the whole input (else a sequence cut at its end is fine)
   */
  public static Charset instead(byte[] block, int n, boolean whole) {
    Charset cs = Encodings.detect(block, n, whole);
    if (cs.equals(StandardCharsets.UTF_8)) {
      return null;
    }
    // UTF-16 and UTF-32 come with evidence of their own (zero bytes, or Han text read clean).
    return Encodings.codeUnitBytes(cs) > 1 || Encodings.readsAsChinese(cs, block, n, whole)
        ? cs : null;
  }

  /**
   * The encoding to read an input in instead of UTF-8 (by default) whose first block is {@code
   * block[0, n)}, or null to read it as UTF-8: the decision the CLI's readers make on the block
   * they decode, for a reader that does not decode it (the Spark jobs' driver). Cost: one
   * decoding of the block, and {@link #instead} if it is clearly not UTF-8.
   *
   * @param whole whether the block is the whole input
   */
  public static Charset decide(byte[] block, int n, boolean whole) {
    CharBuffer out = CharBuffer.allocate(n + 1);
    ByteBuffer in = ByteBuffer.wrap(block, 0, n);
    return decide(in, out, decode(utf8(), in, out, whole), whole);
  }

  /**
   * The encoding to read an input in instead of UTF-8, or null: {@link #instead} if its first
   * block, bytes {@code block.array()[0, block.limit())} decoded by {@link #decode} into
   * {@code out.array()[0, out.position())} as {@code decoded} says, is clearly not UTF-8. The
   * decision of every reader that decodes the block itself.
   */
  public static Charset decide(ByteBuffer block, CharBuffer out, Decoded decoded,
      boolean whole) {
    return clearlyNotUtf8(out.array(), 0, out.position(), decoded.malformed())
        ? instead(block.array(), block.limit(), whole) : null;
  }

  /** A strict UTF-8 decoder, as the readers use. */
  static CharsetDecoder utf8() {
    return Encodings.strictDecoder(StandardCharsets.UTF_8);
  }

  /**
   * What decoding a first block gave: its malformed sequences, and the position in the output of
   * the first one's U+FFFD (-1 if none).
   */
  public record Decoded(long malformed, int firstBad) {}

  /**
   * Decodes {@code in} into {@code out} with {@code decoder} (UTF-8, strict) as the readers
   * decode, each malformed sequence one U+FFFD ({@link Encodings#replacedBytes}), until {@code in}
   * is used up (a sequence cut at its end is left in it unless {@code eof}) or {@code out} is
   * full. The decoder is not flushed.
   */
  public static Decoded decode(CharsetDecoder decoder, ByteBuffer in, CharBuffer out,
      boolean eof) {
    long malformed = 0;
    int firstBad = -1;
    while (true) {
      CoderResult r = decoder.decode(in, out, eof);
      if (!r.isError() || !out.hasRemaining()) {
        return new Decoded(malformed, firstBad);
      }
      in.position(in.position() + Encodings.replacedBytes(in, r.length(), 1));
      if (firstBad < 0) {
        firstBad = out.position();
      }
      malformed++;
      out.put('\uFFFD');
    }
  }

  /**
   * Reads the first block of {@code in} into {@code b[0, len)}: of a file ({@code stream}
   * false) until {@code len} bytes or the end; of a stream, one read, which waits as any read
   * does, then more only while bytes are waiting ({@code available()}).
   *
   * @return the bytes read, or -1 if the input is empty
   */
  public static int read(InputStream in, byte[] b, int len, boolean stream) throws IOException {
    int n = in.read(b, 0, len);
    if (n < 0) {
      return -1;
    }
    while (n < len && (!stream || in.available() > 0)) {
      int more = in.read(b, n, len - n);
      if (more < 0) {
        break;
      }
      n += more;
    }
    return n;
  }

  /** The warning that input {@code name} is read in {@code cs} instead of UTF-8. */
  public static String warning(String name, Charset cs) {
    return name + ": not UTF-8; read as " + cs.name()
        + " (detected; give --encoding to choose)";
  }
}
