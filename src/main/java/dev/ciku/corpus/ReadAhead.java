package dev.ciku.corpus;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream input (standard input, a FIFO, a process substitution) opened early, so that its first
 * bytes can be looked at before the command reads it ({@link CorpusInput#expand} looks for
 * binary data there): {@link #peek} gives the raw stream, recording every byte read from it;
 * {@link #take}, once, gives the same stream from its first byte again, the recorded bytes
 * first, then the rest as it comes (nothing more if the look met its end). The recording holds what the look took, at most a few
 * hundred KB (the first block and the read-ahead of the decompressing buffers).
 *
 * <p>Thread-safe; the streams it gives are not.
 */
final class ReadAhead {
  private final InputStream source;
  private final ByteArrayOutputStream recorded = new ByteArrayOutputStream();
  private boolean taken;
  /**
   * Whether a read of the look met the end: the replay ends there too, since a terminal, after
   * Ctrl-D, would wait for more typing.
   */
  private volatile boolean ended;

  /** {@code source}, the raw stream, open; it is closed by whoever {@link #take}s it. */
  ReadAhead(InputStream source) {
    this.source = source;
  }

  /** The raw stream, recording what is read; closing it leaves the source open. */
  synchronized InputStream peek() {
    if (taken) {
      throw new IllegalStateException("already taken");
    }
    return new FilterInputStream(source) {
      @Override
      public int read() throws IOException {
        if (ended) {
          return -1;
        }
        int b = in.read();
        if (b >= 0) {
          recorded.write(b);
        } else {
          ended = true;
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (ended) {
          return len == 0 ? 0 : -1;
        }
        int n = in.read(b, off, len);
        if (n > 0) {
          recorded.write(b, off, n);
        } else if (n < 0) {
          ended = true;
        }
        return n;
      }

      @Override
      public int available() throws IOException {
        return ended ? 0 : in.available();
      }

      @Override
      public long skip(long n) throws IOException {
        // Read and recorded: skipped bytes are read again too.
        int len = (int) Math.min(Math.max(n, 0), 8192);
        return len == 0 ? 0 : Math.max(read(new byte[len], 0, len), 0);
      }

      @Override
      public boolean markSupported() {
        return false; // a reset would record its bytes twice
      }

      @Override
      public void close() {}
    };
  }

  /** Whether the bytes read so far start with gzip's magic bytes. */
  synchronized boolean startsLikeGzip() {
    byte[] b = recorded.toByteArray();
    return b.length >= 2 && InputFiles.isGzipMagic(b[0] & 0xFF, b[1] & 0xFF);
  }

  /**
   * The raw stream from its first byte, the first time; null afterwards (the source has been
   * handed on). Closing it closes the source.
   */
  synchronized InputStream take() {
    if (taken) {
      return null;
    }
    taken = true;
    return new Replay(recorded.toByteArray(), source, ended);
  }

  /**
   * {@code head}, then {@code rest}. A read returns bytes of {@code head} alone while some are
   * left, without reading on (so a slow pipe's first line is handed on at once), and
   * {@code available()} counts them, else asks {@code rest}.
   */
  private static final class Replay extends FilterInputStream {
    private final byte[] head;
    /** Whether {@code rest} has ended after {@code head}. */
    private final boolean ended;
    private int pos;

    Replay(byte[] head, InputStream rest, boolean ended) {
      super(rest);
      this.head = head;
      this.ended = ended;
    }

    @Override
    public int read() throws IOException {
      return pos < head.length ? head[pos++] & 0xFF : ended ? -1 : in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      java.util.Objects.checkFromIndexSize(off, len, b.length);
      if (len == 0) {
        // Not passed on: some streams answer -1 at their end even then, which would end the
        // reading while the head still holds bytes.
        return 0;
      }
      if (pos < head.length) {
        int n = Math.min(len, head.length - pos);
        System.arraycopy(head, pos, b, off, n);
        pos += n;
        return n;
      }
      return ended ? -1 : in.read(b, off, len);
    }

    @Override
    public long skip(long n) throws IOException {
      // Read, as the file streams would seek (a pipe cannot).
      if (n <= 0) {
        return 0;
      }
      int r = read(new byte[(int) Math.min(n, 8192)], 0, (int) Math.min(n, 8192));
      return Math.max(r, 0);
    }

    @Override
    public int available() throws IOException {
      return pos < head.length ? head.length - pos : ended ? 0 : in.available();
    }

    @Override
    public boolean markSupported() {
      return false;
    }
  }
}
