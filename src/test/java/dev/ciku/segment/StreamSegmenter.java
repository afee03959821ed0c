package dev.ciku.segment;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;

/**
 * The one-thread reference that tests compare {@link ParallelSegmenter} with: streams text
 * through a {@link Segmenter}, one output line per input line, in bounded memory whatever the
 * line length. A line longer than the buffer ({@value #BUFFER} chars) is passed on in pieces cut
 * where {@link ParallelSegmenter} cuts a full buffer (after a punctuation or whitespace
 * character in the buffer's second half, which does not change the result; in a buffer without
 * any, between two characters that are not a surrogate pair: a forced word boundary, where a URL
 * or Latin run goes on in the next piece as a token of its own, {@link Segmenter.Carry}).
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
        int cut = ParallelSegmenter.freeCut(buf, len);
        boolean forced = cut < 0;
        if (forced) {
          cut = ParallelSegmenter.forcedCut(buf, len);
        }
        worker.process(buf, 0, cut);
        worker.resume(forced ? worker.carry() : Segmenter.Carry.NONE);
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
