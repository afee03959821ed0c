package dev.ciku.segment;

import dev.ciku.corpus.UnitPolicy;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;

/**
 * Streams text through a {@link Segmenter}: one output line per input line, in bounded memory
 * whatever the line length. A line longer than the buffer ({@value #BUFFER} chars) is passed on
 * in pieces cut after a punctuation or whitespace character in the second half of the buffer
 * (never inside a run of dashes, a Latin run or a grapheme cluster such as an emoji sequence, so
 * such a cut does not change the result), or, in a buffer without any, between two characters that are not a surrogate pair
 * (a forced word boundary: the only case where the cut changes the result).
 *
 * <p>Not thread-safe; one instance per stream.
 */
public final class StreamSegmenter {
  /** Characters held at most. */
  public static final int BUFFER = 1 << 16;

  private final Segmenter.Worker worker;
  private final char[] buf = new char[BUFFER];
  private final CharTally chars = new CharTally();
  private long lines;

  public StreamSegmenter(Segmenter segmenter) {
    this.worker = segmenter.worker();
  }

  /** Segments everything {@code in} holds into {@code out} (neither is closed). */
  public void run(Reader in, Writer out) throws IOException {
    int len = 0;
    while (true) {
      int n = in.read(buf, len, buf.length - len);
      if (n < 0) {
        break;
      }
      chars.add(buf, len, len + n);
      len += n;
      int start = 0;
      for (int i = len - n; i < len; i++) {
        if (buf[i] == '\n') {
          worker.process(buf, start, i);
          worker.endLine();
          lines++;
          start = i + 1;
          if (worker.pending() > BUFFER) {
            worker.drain(out);
          }
        }
      }
      if (start == 0 && len == buf.length) {
        int cut = cutPoint(buf, len);
        worker.process(buf, 0, cut);
        start = cut;
      }
      worker.drain(out);
      System.arraycopy(buf, start, buf, 0, len - start);
      len -= start;
    }
    if (len > 0) {
      worker.process(buf, 0, len);
      lines++;
    }
    worker.drain(out);
    chars.endInput();
  }

  /**
   * Where to cut a full buffer that holds no line end: after the last punctuation or whitespace
   * character in its second half (not inside a run of the same character, a grapheme cluster, or
   * between two ASCII symbols, which may be inside a URL: {@code http:/}), else before the last
   * character (never inside a surrogate pair).
   */
  static int cutPoint(char[] buf, int len) {
    for (int i = len - 2; i > len / 2; i--) {
      char c = buf[i];
      char next = buf[i + 1];
      if (!Character.isLetterOrDigit(c) && !Character.isSurrogate(c) && next != c
          && !UnitPolicy.isLatin(UnitPolicy.normalize(c))
          && !UnitPolicy.isLatin(UnitPolicy.normalize(next))
          && !Character.isLowSurrogate(next) && c != Graphemes.ZWJ
          && !(UnitPolicy.isUrlChar(c) && UnitPolicy.isUrlChar(next))
          && !Graphemes.isExtender(Graphemes.codePointAt(buf, i + 1, len))) {
        return i + 1;
      }
    }
    int cut = len - 1;
    if (Character.isLowSurrogate(buf[cut]) && Character.isHighSurrogate(buf[cut - 1])) {
      cut--;
    }
    return cut;
  }

  /**
   * Characters read so far, counted as {@code ciku stats} counts them: code points, line ends
   * excluded.
   */
  public long chars() {
    return chars.count();
  }

  /** Lines read so far (an unterminated last line included). */
  public long lines() {
    return lines;
  }
}
