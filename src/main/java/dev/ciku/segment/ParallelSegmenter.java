package dev.ciku.segment;

import dev.ciku.corpus.ByteCounter;
import dev.ciku.corpus.Chunks;
import dev.ciku.corpus.CorpusInput;
import dev.ciku.corpus.CorpusReader;
import dev.ciku.corpus.DecodingReader;
import dev.ciku.corpus.Encodings;
import dev.ciku.corpus.UnitPolicy;
import dev.ciku.corpus.Utf8Fallback;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Streams text through a {@link Segmenter} with several threads: the calling thread reads and
 * decodes blocks of about {@value #BLOCK} characters cut at line ends (a longer line is cut
 * after a punctuation or whitespace character, {@link #freeCut}, or if none is found, at the
 * end, {@link #forcedCut}; a stalled input gives a block of the whole lines read so far, written
 * and flushed at once), worker threads segment blocks, and the calling thread writes the
 * results in input order. The output does not depend on the number of threads or on when the
 * input stalls, and equals the segmentation of each whole line unless a line holds a stretch of more than half a block without any punctuation or whitespace
 * (then a word boundary is forced where the block ends; a URL or Latin run cut there goes on in
 * the next block as a token of its own, {@link Segmenter.Carry}, which the calling thread finds
 * by scanning the tokens of the block it cut, {@link Segmenter.Worker#scan}).
 *
 * <p>Memory: at most {@code 2 × threads + 1} blocks in flight (a few MB), whatever the input
 * size or line length. Not thread-safe itself; one instance per stream.
 */
public final class ParallelSegmenter implements AutoCloseable {
  /** Characters per block. */
  public static final int BLOCK = 1 << 19;
  /** How often a reader waiting on the workers after a stall checks for more input. */
  private static final long IDLE_POLL_MICROS = 200;
  /** Checks for more input before an empty input is a stall: about 2 ms. */
  private static final int GRACE_POLLS = 10;

  private final Segmenter segmenter;
  private final ExecutorService pool;
  private final int threads;
  private final ThreadLocal<Segmenter.Worker> workers;
  private final CharTally chars = new CharTally();
  /** The calling thread's worker, which only scans blocks cut inside a token. */
  private final Segmenter.Worker scanner;
  private long lines;
  /** The last input ended without a line end: the next one starts with one. */
  private boolean openLine;

  /**
   * A segmenter of streams with {@code threads} workers (daemon threads, started on demand and
   * stopped by {@link #close}).
   *
   * @param segmenter the segmenter each worker uses (its vocabulary is shared, read-only; each
   *     worker has its own scratch)
   * @param threads worker threads, 1 or more (the output does not depend on it)
   * @throws IllegalArgumentException if {@code threads} is below 1
   */
  public ParallelSegmenter(Segmenter segmenter, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be 1 or more, not " + threads);
    }
    this.segmenter = segmenter;
    this.threads = threads;
    this.workers = ThreadLocal.withInitial(segmenter::worker);
    this.scanner = segmenter.worker();
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "ciku-segment");
      t.setDaemon(true);
      return t;
    });
  }

  private record Result(char[] text, int length, long lines) {}

  /**
   * Segments every input of {@code corpus} in turn into {@code out} ({@link #run}; a regular
   * file is read in blocks only, a pipe, FIFO or device is also watched for stalls), each decoded
   * as {@code charset} (or as detected from its first bytes when {@code detect}; or, with
   * {@code fallback}, UTF-8 not given but by default, as UTF-8 unless its first block is clearly
   * not: {@link Utf8Fallback}); a byte-order
   * mark is dropped (U+FEFF as an input's first character, in any encoding, detected or given:
   * {@link DecodingReader}), so it is neither written nor counted; malformed bytes are replaced
   * and reported to {@code warnings}, one line an input, as is an input read in another encoding
   * than the default. Stored bytes read go to {@code bytes}, for progress.
   */
  public void runAll(List<CorpusInput> corpus, Charset charset, boolean detect, boolean fallback,
      ByteCounter bytes, Writer out, Consumer<String> warnings) throws IOException {
    for (CorpusInput in : corpus) {
      try (InputStream raw = in.open(bytes)) {
        Encodings.Sniffed resolved = Encodings.open(raw, charset, detect);
        DecodingReader text = fallback && resolved.charset().equals(StandardCharsets.UTF_8)
            ? new DecodingReader(resolved.stream(),
                new Utf8Fallback.Input(in.name(), in.isStream(), warnings), 1 << 16, true)
            : new DecodingReader(resolved.stream(), resolved.charset(), 1 << 16, true);
        // A regular file is never slow: its end is not a stall to wait 2 ms for (a directory of
        // many small files would pay that for each).
        run(text, out, in.isStream());
        if (text.malformed() > 0) {
          warnings.accept(DecodingReader.warning(in.name(), text.malformed(), text.firstBadLine())
              + CorpusReader.hint(text.charset(), detect || text.fellBack()));
        }
      }
    }
  }

  /**
   * Segments everything {@code in} holds into {@code out} (neither is closed). Called once per
   * input: when an earlier input ended without a line end, one is written before this input's
   * first line, so the two lines are not joined (one output line per input line).
   *
   * <p>When the input stalls ({@link Reader#ready} false: a slow pipe, such as
   * {@code tail -f log | ciku segment}), the whole lines read so far are segmented, written and
   * flushed before the next read waits, so each line comes out as soon as it is in. A busy
   * source is read in blocks of {@value #BLOCK} characters, as a file is.
   */
  public void run(Reader in, Writer out) throws IOException {
    run(in, out, true);
  }

  /** As {@link #run(Reader, Writer)}; stalls are looked for only if {@code watchStalls}. */
  private void run(Reader in, Writer out, boolean watchStalls) throws IOException {
    ArrayDeque<Future<Result>> inFlight = new ArrayDeque<>();
    char[] buf = new char[BLOCK];
    int len = 0;
    // buf[0, lineEnd) ends with a line end; 0 if buf holds none.
    int lineEnd = 0;
    boolean midLine = false;
    boolean afterSpace = false;
    // The token that the last block, cut where no token ends, left for the next one.
    Segmenter.Carry carry = Segmenter.Carry.NONE;
    boolean eof = false;
    while (!eof) {
      boolean stalled = false;
      while (len < buf.length) {
        int n = in.read(buf, len, buf.length - len);
        if (n < 0) {
          eof = true;
          break;
        }
        chars.add(buf, len, len + n);
        for (int i = len + n - 1; i >= len; i--) {
          if (buf[i] == '\n') {
            lineEnd = i + 1;
            break;
          }
        }
        len += n;
        if (watchStalls && lineEnd > 0 && !in.ready() && !readySoon(in)) {
          stalled = true;
          break;
        }
      }
      if (len == 0) {
        break;
      }
      if (openLine) {
        // Written now, behind every block of the earlier input (they were all written).
        out.write('\n');
        openLine = false;
      }
      int cut = eof ? len : lineEnd > 0 ? lineEnd : freeCut(buf, len);
      boolean forced = cut < 0;
      if (forced) {
        cut = forcedCut(buf, len);
      }
      char[] block = java.util.Arrays.copyOf(buf, cut);
      boolean startsMid = midLine;
      boolean startsAfterSpace = afterSpace;
      Segmenter.Carry resumes = carry;
      inFlight.add(pool.submit(() -> segmentBlock(block, startsMid, startsAfterSpace, resumes)));
      midLine = block[cut - 1] != '\n';
      afterSpace = midLine && isSpace(block[cut - 1]);
      // Only a forced cut ends a block inside a token; the block holds no line end then.
      carry = forced ? scanner.scan(block, 0, cut, resumes) : Segmenter.Carry.NONE;
      System.arraycopy(buf, cut, buf, 0, len - cut);
      len -= cut;
      // What is left after a cut at the last line end, or in a buffer without one, has none.
      lineEnd = 0;
      while (inFlight.size() > 2 * threads) {
        write(inFlight.poll(), out);
      }
      if (stalled) {
        writeWhileIdle(in, inFlight, out);
      }
    }
    while (!inFlight.isEmpty()) {
      write(inFlight.poll(), out);
    }
    if (midLine) {
      lines++;
      openLine = true;
    }
    chars.endInput();
  }

  private static boolean isSpace(char c) {
    int n = UnitPolicy.normalize(c);
    return n == ' ' || Character.isWhitespace(n) || Character.isSpaceChar(n);
  }

  /**
   * Whether {@code in} has input within {@value #GRACE_POLLS} checks {@value #IDLE_POLL_MICROS}
   * µs apart: a pipe that a fast producer (zcat) empties for a moment is not a stall, which would
   * cut a small block and wait on the workers.
   */
  private static boolean readySoon(Reader in) throws IOException {
    for (int i = 0; i < GRACE_POLLS; i++) {
      LockSupport.parkNanos(IDLE_POLL_MICROS * 1000);
      if (in.ready()) {
        return true;
      }
    }
    return false;
  }

  /**
   * After a stall: writes the blocks in flight, in order, as they are done, and flushes once all
   * are written, unless more input arrives first (then reading goes on, and they are written
   * later: a busy producer that paused for a moment does not find the reader waiting on the
   * workers). Checks the input every {@value #IDLE_POLL_MICROS} µs while it waits.
   */
  private void writeWhileIdle(Reader in, ArrayDeque<Future<Result>> inFlight, Writer out)
      throws IOException {
    while (!inFlight.isEmpty()) {
      Future<Result> head = inFlight.peek();
      while (!head.isDone()) {
        if (in.ready()) {
          return;
        }
        try {
          head.get(IDLE_POLL_MICROS, TimeUnit.MICROSECONDS);
        } catch (TimeoutException | ExecutionException e) {
          // Not done yet; or failed, which write() below reports.
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while waiting for a block");
        }
      }
      write(inFlight.poll(), out);
    }
    out.flush();
  }

  private void write(Future<Result> f, Writer out) throws IOException {
    Result r = Chunks.await(f);
    out.write(r.text(), 0, r.length());
    lines += r.lines();
  }

  private Result segmentBlock(char[] block, boolean midLine, boolean afterSpace,
      Segmenter.Carry carry) {
    Segmenter.Worker w = workers.get();
    w.resetLine(midLine && !afterSpace);
    w.resume(carry);
    int start = 0;
    long n = 0;
    for (int i = 0; i < block.length; i++) {
      if (block[i] == '\n') {
        w.process(block, start, i);
        w.endLine();
        n++;
        start = i + 1;
      }
    }
    if (start < block.length) {
      w.process(block, start, block.length);
    }
    char[] text = w.takeOutput();
    return new Result(text, w.takenLength(), n);
  }

  /**
   * Characters read so far, counted as {@code ciku stats} counts them: code points, line ends
   * excluded.
   */
  public long chars() {
    return chars.count();
  }

  /** Lines written so far (an unterminated last line included once the stream has ended). */
  public long lines() {
    return lines;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  /**
   * Where to cut a full buffer that holds no line end: after the last punctuation or whitespace
   * character in the second half of {@code buf[0, len)} (not inside a run of the same
   * character, a grapheme cluster, or between two ASCII symbols, which may be inside a URL:
   * {@code http:/}), where no token goes on; -1 if there is none.
   */
  static int freeCut(char[] buf, int len) {
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
    return -1;
  }

  /**
   * Where to cut a full buffer with no {@link #freeCut}: before its last character, never inside
   * a surrogate pair, and before a {@code .} or {@code -} between two Latin characters rather
   * than after it, so that a Latin run cut there keeps the joiner in its rest
   * ({@link Segmenter.Carry}).
   */
  static int forcedCut(char[] buf, int len) {
    int cut = len - 1;
    if (Character.isLowSurrogate(buf[cut]) && Character.isHighSurrogate(buf[cut - 1])) {
      cut--;
    } else if (cut >= 2 && UnitPolicy.isLatinJoiner(UnitPolicy.normalize(buf[cut - 1]))
        && UnitPolicy.isLatin(UnitPolicy.normalize(buf[cut - 2]))
        && UnitPolicy.isLatin(UnitPolicy.normalize(buf[cut]))) {
      cut--;
    }
    return cut;
  }
}
