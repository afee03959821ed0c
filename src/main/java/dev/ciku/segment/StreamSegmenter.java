package dev.ciku.segment;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;

/**
 * Streams text through a {@link Segmenter}: one output line per input line, in bounded memory
 * whatever the line length. A line longer than the buffer ({@value #BUFFER} chars) is passed on
 * in pieces cut after a punctuation or whitespace character near the end of the buffer, or, in
 * a buffer without any, between two characters that are not a surrogate pair (a forced word
 * boundary, the only case where the cut can change the result).
 *
 * <p>Not thread-safe; one instance per stream.
 */
public final class StreamSegmenter {
  /** Characters held at most. */
  public static final int BUFFER = 1 << 16;

  private final Segmenter.Worker worker;
  private final char[] buf = new char[BUFFER];
  private long chars;
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
      chars += n;
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
        int cut = cutPoint(len);
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
  }

  private int cutPoint(int len) {
    for (int i = len - 1; i > len / 2; i--) {
      char c = buf[i];
      if (!Character.isLetterOrDigit(c) && !Character.isSurrogate(c)
          && !dev.ciku.corpus.UnitPolicy.isLatin(dev.ciku.corpus.UnitPolicy.normalize(c))
          && buf[i + 1 < len ? i + 1 : i] != c) {
        return i + 1;
      }
    }
    int cut = len - 1;
    if (Character.isLowSurrogate(buf[cut]) && Character.isHighSurrogate(buf[cut - 1])) {
      cut--;
    }
    return cut;
  }

  /** Characters read so far. */
  public long chars() {
    return chars;
  }

  /** Lines read so far (an unterminated last line included). */
  public long lines() {
    return lines;
  }
}
