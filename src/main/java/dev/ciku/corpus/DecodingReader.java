package dev.ciku.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * A {@link Reader} that decodes bytes as {@link CorpusReader} does: each malformed or unmappable
 * byte sequence becomes one U+FFFD ({@link Encodings#replacedBytes}) and is counted, with the
 * line it is first met on, so the caller can report it ({@link #warning}). A byte-order mark is
 * passed on as read, or dropped if the reader is made to ({@code dropMark}): U+FEFF as the first
 * character decoded, in any encoding, as {@link CorpusReader} reads it (UTF-8's mark, or the one a
 * named UTF-16LE/BE or GB18030 decoder passes on; the UTF-16 and UTF-32 decoders that detect the
 * byte order read their mark themselves).
 *
 * <p>A reader made for an input read as UTF-8 by default ({@link Utf8Fallback.Input}) decodes
 * its first block whole before passing any of it on and, if that block is clearly not UTF-8 and
 * another encoding is detected in it, reads the input in that one from its first byte, with a
 * warning.
 *
 * <p>Cost: one decoding pass, no allocation per character; before the first malformed sequence
 * each decoded character is also compared with a line break. Reading by default holds the first
 * block's characters (up to {@value Encodings#SAMPLE}) once more, and passes over them once.
 * Not thread-safe.
 */
public final class DecodingReader extends Reader {
  private final InputStream in;
  private CharsetDecoder decoder;
  private int unitBytes;
  private final ByteBuffer bytes;
  private boolean eof;
  private boolean flushed;
  private long lines;
  private long malformed;
  private long firstBadLine = -1;
  private final char[] pair = new char[2];
  /** A char decoded but not yet returned (after a one-char read), or -1. */
  private int pending = -1;
  /** Nothing decoded yet and a leading U+FEFF is to be dropped. */
  private boolean markPending;
  /** The input read as UTF-8 by default, until its first block is decided on; else null. */
  private Utf8Fallback.Input fallback;
  /** The characters of the first block not yet returned (read by default), or null. */
  private CharBuffer held;
  /** The first block was clearly not UTF-8: the input is read in another encoding. */
  private boolean fellBack;

  /**
   * @param in the bytes (closed by {@link #close})
   * @param charset their encoding
   * @param bufferBytes how many bytes to read at a time (at least 16)
   */
  public DecodingReader(InputStream in, Charset charset, int bufferBytes) {
    this(in, charset, bufferBytes, false);
  }

  /**
   * @param in the bytes (closed by {@link #close})
   * @param charset their encoding
   * @param bufferBytes how many bytes to read at a time (at least 16)
   * @param dropMark whether a U+FEFF decoded as the first character (a byte-order mark) is
   *     dropped instead of passed on
   */
  public DecodingReader(InputStream in, Charset charset, int bufferBytes, boolean dropMark) {
    if (bufferBytes < 16) {
      throw new IllegalArgumentException("bufferBytes must be at least 16, got " + bufferBytes);
    }
    this.in = in;
    this.decoder = Encodings.strictDecoder(charset);
    this.unitBytes = Encodings.codeUnitBytes(charset);
    this.bytes = ByteBuffer.allocate(bufferBytes).flip();
    this.markPending = dropMark;
  }

  /**
   * A reader of {@code input}, read as UTF-8 because no encoding was given, that reads it in
   * another encoding if its first block is clearly not UTF-8 ({@link Utf8Fallback}); the warning
   * that says so goes to {@code input}'s listener as soon as the block is decided on.
   *
   * @param in the bytes (closed by {@link #close}), after any UTF-16 or UTF-32 byte-order mark
   *     was looked for ({@link Encodings#open}: such a text is read in its marked encoding)
   * @param bufferBytes how many bytes to read at a time ({@value Encodings#SAMPLE} if fewer: the
   *     first block is read whole)
   * @param dropMark as in {@link #DecodingReader(InputStream, Charset, int, boolean)}
   */
  public DecodingReader(InputStream in, Utf8Fallback.Input input, int bufferBytes,
      boolean dropMark) {
    this(in, StandardCharsets.UTF_8, Math.max(bufferBytes, Encodings.SAMPLE), dropMark);
    this.fallback = java.util.Objects.requireNonNull(input, "input");
  }

  /** The encoding the input is read in: the one given, or the one it fell back to. */
  public Charset charset() {
    return decoder.charset();
  }

  /** Whether the input, read by default, is read in another encoding than UTF-8. */
  public boolean fellBack() {
    return fellBack;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    java.util.Objects.checkFromIndexSize(off, len, cbuf.length);
    if (len == 0) {
      return 0;
    }
    if (pending >= 0) {
      cbuf[off] = (char) pending;
      pending = -1;
      return 1;
    }
    if (len == 1) {
      // A supplementary character needs two chars of room: decode into a pair, keep the second.
      int n = decode(pair, 0, 2);
      if (n < 0) {
        return -1;
      }
      cbuf[off] = pair[0];
      if (n == 2) {
        pending = pair[1];
      }
      return 1;
    }
    return decode(cbuf, off, len);
  }

  /** Decodes into {@code cbuf[off, off + len)}, {@code len >= 2}: at least one char, or -1. */
  private int decode(char[] cbuf, int off, int len) throws IOException {
    if (fallback != null) {
      firstBlock();
    }
    if (held != null) {
      int n = Math.min(len, held.remaining());
      held.get(cbuf, off, n);
      if (!held.hasRemaining()) {
        held = null;
      }
      return n;
    }
    CharBuffer out = CharBuffer.wrap(cbuf, off, len);
    while (out.position() == off) {
      if (flushed) {
        return -1;
      }
      int before = out.position();
      CoderResult r = decoder.decode(bytes, out, eof);
      if (markPending && out.position() > before) {
        markPending = false;
        if (cbuf[before] == '\uFEFF') {
          System.arraycopy(cbuf, before + 1, cbuf, before, out.position() - before - 1);
          out.position(out.position() - 1);
        }
      }
      countLines(cbuf, before, out.position());
      if (r.isError()) {
        if (!out.hasRemaining()) {
          break;
        }
        bytes.position(bytes.position()
            + Encodings.replacedBytes(bytes, r.length(), unitBytes));
        // A malformed first sequence is the first character: no mark can follow it.
        markPending = false;
        malformed++;
        if (firstBadLine < 0) {
          firstBadLine = lines + 1;
        }
        out.put('\uFFFD');
      } else if (r.isUnderflow() && out.position() == off) {
        if (eof) {
          if (decoder.flush(out).isUnderflow()) {
            flushed = true;
          }
        } else {
          fill();
        }
      }
    }
    return out.position() - off;
  }

  /**
   * Reads and decodes the first block of an input read by default, and decides on it: either
   * its characters are held, to be returned first, or the reader starts again from the block's
   * first byte in the encoding detected.
   */
  private void firstBlock() throws IOException {
    Utf8Fallback.Input input = fallback;
    fallback = null;
    int block = Encodings.SAMPLE;
    Utf8Fallback.Block first = Utf8Fallback.readFirst(in, bytes.array(), block, input.stream());
    int n = first.length();
    if (n < 0) {
      eof = true;
      return;
    }
    bytes.limit(n).position(0);
    // The whole input if a file is shorter than a sample (as the Spark jobs' driver sees it) or
    // a stream ended in it.
    eof = first.whole();
    CharBuffer chars = CharBuffer.allocate(n + 1);
    Utf8Fallback.Decoded d = Utf8Fallback.decode(decoder, bytes, chars, eof);
    Charset other = Utf8Fallback.decide(bytes, chars, d, eof);
    if (other != null) {
      decoder = Encodings.strictDecoder(other);
      unitBytes = Encodings.codeUnitBytes(other);
      bytes.position(0);
      fellBack = true;
      input.warnings().accept(input.warning(other));
      return;
    }
    chars.flip();
    malformed = d.malformed();
    if (d.firstBad() >= 0) {
      countLines(chars.array(), 0, d.firstBad());
      firstBadLine = lines + 1;
    } else {
      countLines(chars.array(), 0, chars.limit());
    }
    if (markPending && chars.hasRemaining()) {
      markPending = false;
      if (chars.get(0) == '\uFEFF') {
        chars.position(1);
      }
    }
    held = chars.hasRemaining() ? chars : null;
  }

  private void fill() throws IOException {
    bytes.compact();
    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (n < 0) {
      eof = true;
    } else {
      bytes.position(bytes.position() + n);
    }
    bytes.flip();
  }

  private void countLines(char[] a, int from, int to) {
    if (firstBadLine < 0) {
      for (int i = from; i < to; i++) {
        if (a[i] == '\n') {
          lines++;
        }
      }
    }
  }

  /** Malformed or unmappable byte sequences replaced so far. */
  public long malformed() {
    return malformed;
  }

  /** The 1-based line of the first malformed sequence, or -1 if none. */
  public long firstBadLine() {
    return firstBadLine;
  }

  /**
   * The warning for {@code malformed} sequences replaced in input {@code name}, the first on line
   * {@code firstLine}, worded alike for every reader; callers may append a hint.
   */
  public static String warning(String name, long malformed, long firstLine) {
    return name + ": " + malformed
        + " malformed or unmappable byte sequence(s) replaced by U+FFFD, first on line " + firstLine;
  }

  /**
   * Whether a read would return without waiting for the source: a character or undecoded bytes
   * are held, the input has ended, or the source has bytes waiting ({@code available()}). A hint
   * for readers of slow pipes ({@code tail -f | ciku segment}): a source that cannot tell makes
   * it false.
   */
  @Override
  public boolean ready() throws IOException {
    return pending >= 0 || held != null || bytes.hasRemaining() || eof
        || in.available() > 0;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
