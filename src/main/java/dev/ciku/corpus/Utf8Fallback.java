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
 * is not waited on (but see {@link #readFirst}). Decoded as UTF-8, one U+FFFD for each malformed
 * sequence as the readers decode, it is clearly not UTF-8 ({@link #clearlyNotUtf8}) when it
 * holds at least {@value #MIN_BAD} bad decodings (malformed sequences, and NUL characters,
 * which no text holds but UTF-16 makes of every ASCII character) and they are at least a quarter
 * of its non-ASCII decodings (the bad ones and the valid characters outside ASCII).
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
 * <p>A short input has too few bad decodings for that rule: one line of GBK text holds a few
 * (10 in {@code 很快，好吃，味道足，量大}). When the first block is the whole input (the end of a
 * file or of a stream was reached in it), the input is also clearly not UTF-8 by the
 * <em>whole-input rule</em> ({@link #wholeInputNotUtf8}): at least {@value #MIN_BAD_WHOLE} bad
 * decodings, at least half of its non-ASCII decodings, and an encoding detected in it that reads
 * every byte of it cleanly ({@link Encodings#readsCleanly}: no malformed sequence at all; for
 * GB18030 or Big5 at least two of the 200 commonest characters and one per 10 Han characters;
 * for UTF-16 the zero bytes of mostly-ASCII text). Real UTF-8 with a few broken bytes fails it:
 * ASCII text with up to three broken bytes has at most three bad decodings; text with Chinese
 * in it has more valid characters than broken ones unless almost all of it is broken, and the
 * valid UTF-8 characters left read as malformed sequences or rare characters in GB18030 and
 * Big5. Measured on random slices of one to three whole lines of the 13 corpora of the shared
 * data, each with one to three bytes broken at random: none of 150,000 slices fired, none of
 * 150,000 more stripped to their ASCII characters first, none of 20,000 slices of 1 to 400 lines
 * with one to ten broken bytes. The same slices in GBK, and in Big5 after mapping simplified
 * characters to traditional ones: read in their encoding, one line 98.4 % (GBK) and 96.1 %
 * (Big5) of the time, against 89.8 % and 79.1 % by the block rule alone; two or three lines
 * 99.95 % and 99.9 %, against 99.8 % and 99.1 % (README.md gives the table). The lines it misses
 * hold fewer than two common characters ({@code 酸菜鱼超赞}).
 *
 * <p>A stream whose first block would be decided by the whole-input rule if it had ended, and
 * is not by the block rule, is read on until it ends ({@link #readFirst}), so that {@code head -3
 * f.gbk | ciku segment} is decided on its whole input; a UTF-8 stream is not waited on.
 *
 * <p>Stateless and thread-safe.
 */
public final class Utf8Fallback {
  /** Bad decodings (malformed sequences and NUL characters) a clearly-not-UTF-8 block holds. */
  public static final int MIN_BAD = 16;
  /** Bad decodings a whole input clearly not UTF-8 by {@link #wholeInputNotUtf8} holds. */
  public static final int MIN_BAD_WHOLE = 4;

  private Utf8Fallback() {}

  /**
   * An input read as UTF-8 by default, which a reader decides on: its name (for the warning),
   * whether it is a stream (its first block is then what has come without waiting), who hears
   * the warning, and whether it is an auxiliary file (a word list), which {@code --encoding}
   * does not apply to.
   */
  public record Input(String name, boolean stream, Consumer<String> warnings,
      boolean auxiliary) {
    /** A corpus input, whose encoding {@code --encoding} gives. */
    public Input(String name, boolean stream, Consumer<String> warnings) {
      this(name, stream, warnings, false);
    }

    /** The warning that this input is read in {@code cs} instead of UTF-8. */
    public String warning(Charset cs) {
      return auxiliary ? auxiliaryWarning(name, cs) : Utf8Fallback.warning(name, cs);
    }
  }

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
    Tally t = Tally.of(a, from, to, malformed);
    return clearlyNotUtf8(t.bad(), t.otherNonAscii());
  }

  /**
   * Whether a whole input that decoded as UTF-8 into {@code bad} malformed sequences and NUL
   * characters, and {@code otherNonAscii} valid characters outside ASCII, may be clearly not
   * UTF-8 by the whole-input rule: at least {@value #MIN_BAD_WHOLE} bad, and at least half of
   * the two together. The bytes must also read cleanly in the encoding detected in them ({@link
   * #decide}).
   */
  public static boolean wholeInputNotUtf8(long bad, long otherNonAscii) {
    return bad >= MIN_BAD_WHOLE && bad >= otherNonAscii;
  }

  /**
   * A first block decoded as UTF-8: its bad decodings (malformed sequences and NUL characters)
   * and its valid characters outside ASCII.
   */
  private record Tally(long bad, long otherNonAscii) {
    /** The tally of {@code a[from, to)}, in which {@code malformed} U+FFFD replace sequences. */
    static Tally of(char[] a, int from, int to, long malformed) {
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
      return new Tally(malformed + nul, nonAscii - malformed);
    }
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
   * The encoding to read an input in whose bytes, {@code block[0, n)}, are clearly not UTF-8 by
   * the whole-input rule's counts ({@link #wholeInputNotUtf8}): the one {@link Encodings#detect}
   * finds, if it is not UTF-8 and reads every byte cleanly ({@link Encodings#readsCleanly});
   * else null (UTF-8 stays). Cost: detection, up to six strict decodings of the bytes.
   *
   * @param whole whether the bytes are the whole input (else a sequence cut at the end is fine)
   */
  static Charset insteadOfWhole(byte[] block, int n, boolean whole) {
    Charset cs = Encodings.detect(block, n, whole);
    return cs.equals(StandardCharsets.UTF_8) || !Encodings.readsCleanly(cs, block, n, whole)
        ? null : cs;
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
   * {@code out.array()[0, out.position())} as {@code decoded} says, is clearly not UTF-8; else,
   * if the block is the whole input, {@link #insteadOfWhole} if it is clearly not UTF-8 by the
   * whole-input rule. The decision of every reader that decodes the block itself.
   *
   * @param whole whether the block is the whole input
   */
  public static Charset decide(ByteBuffer block, CharBuffer out, Decoded decoded,
      boolean whole) {
    Tally t = Tally.of(out.array(), 0, out.position(), decoded.malformed());
    if (clearlyNotUtf8(t.bad(), t.otherNonAscii())) {
      return instead(block.array(), block.limit(), whole);
    }
    return whole && wholeInputNotUtf8(t.bad(), t.otherNonAscii())
        ? insteadOfWhole(block.array(), block.limit(), true) : null;
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

  /**
   * The first block of an input as {@link #readFirst} read it: its length (-1 if the input is
   * empty) and whether it is the whole input.
   */
  public record Block(int length, boolean whole) {}

  /**
   * Reads the first block of {@code in} into {@code b[0, len)} as {@link #read} does, and tells
   * whether it is the whole input: a file's block is if it is shorter than {@code len}; a
   * stream's if the stream ended. A stream whose block is not full and would be read in another
   * encoding by the whole-input rule if it had ended, but not by the block rule ({@link
   * #undecided}: a few lines of GBK text, say), is read on, each read waiting for the producer
   * as any read does, until it ends, fills the block or no longer looks so; any other stream is
   * not waited on. Cost: for a stream whose block is not full, a UTF-8 decoding of the block
   * after each read, and detection while it is undecided.
   */
  public static Block readFirst(InputStream in, byte[] b, int len, boolean stream)
      throws IOException {
    int n = read(in, b, len, stream);
    if (n < 0) {
      return new Block(-1, true);
    }
    if (!stream) {
      return new Block(n, n < len);
    }
    while (n < len && undecided(b, n)) {
      int more = in.read(b, n, len - n);
      if (more < 0) {
        return new Block(n, true);
      }
      n += more;
      while (n < len && in.available() > 0) {
        more = in.read(b, n, len - n);
        if (more < 0) {
          return new Block(n, true);
        }
        n += more;
      }
    }
    return new Block(n, false);
  }

  /**
   * Whether {@code b[0, n)}, the start of a stream, is not clearly UTF-8 by the block rule but
   * would be by the whole-input rule if the stream ended there (a sequence cut at the end
   * aside).
   */
  static boolean undecided(byte[] b, int n) {
    CharBuffer out = CharBuffer.allocate(n + 1);
    Decoded d = decode(utf8(), ByteBuffer.wrap(b, 0, n), out, false);
    Tally t = Tally.of(out.array(), 0, out.position(), d.malformed());
    return !clearlyNotUtf8(t.bad(), t.otherNonAscii())
        && wholeInputNotUtf8(t.bad(), t.otherNonAscii()) && insteadOfWhole(b, n, false) != null;
  }

  /** The warning that input {@code name} is read in {@code cs} instead of UTF-8. */
  public static String warning(String name, Charset cs) {
    return name + ": not UTF-8; read as " + cs.name()
        + " (detected; give --encoding to choose)";
  }

  /**
   * The warning that auxiliary file {@code name} (a word list, read as UTF-8 whatever
   * {@code --encoding} says) is read in {@code cs} instead.
   */
  public static String auxiliaryWarning(String name, Charset cs) {
    return name + ": not UTF-8; read as " + cs.name()
        + " (detected; if that is wrong, convert the file to UTF-8)";
  }
}
