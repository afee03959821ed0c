package dev.ciku.corpus;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Opens input files so that pipes, FIFOs, process substitutions ({@code <(...)}),
 * {@code /dev/stdin} and character devices read like regular files: as streams, never seeking
 * (the JDK's file streams ask the position of a file in {@code available()}, which fails with
 * "Illegal seek" on a pipe). Read failures name the input; damaged gzip data is a
 * {@link CorruptInputException}.
 *
 * <p>Stateless and thread-safe; the streams it returns are not.
 */
public final class InputFiles {
  private static final int GZIP_BUFFER = 1 << 16;

  private InputFiles() {}

  /** Thrown for an input whose bytes cannot be decoded at all, such as corrupt gzip data. */
  public static final class CorruptInputException extends IOException {
    private static final long serialVersionUID = 1L;

    public CorruptInputException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** An I/O error while reading an input, its message led by the input's name. */
  public static final class ReadException extends IOException {
    private static final long serialVersionUID = 1L;

    public ReadException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Whether {@code file} is read as a stream: anything but a regular file (a FIFO, a device). */
  public static boolean isStream(Path file) {
    return !Files.isRegularFile(file);
  }

  /**
   * Opens {@code file} raw (no decompression). The stream never seeks, and an I/O error while
   * reading it becomes a {@link ReadException} naming {@code name}.
   */
  public static InputStream open(Path file, String name) throws IOException {
    return named(Files.newInputStream(file), name, isStream(file));
  }

  /**
   * {@code in} with read errors named after {@code name}; if {@code stream}, its
   * {@code available()} answers 0 instead of asking the (possibly unseekable) source.
   */
  public static InputStream named(InputStream in, String name, boolean stream) {
    return new Named(in, name, stream);
  }

  /**
   * {@code in} decompressed as gzip (every member of a concatenated file, also from a pipe);
   * damaged or truncated data is a {@link CorruptInputException} naming {@code name}.
   *
   * @throws CorruptInputException at once if {@code in} does not start with a gzip header
   */
  public static InputStream gunzip(InputStream in, String name) throws IOException {
    try {
      return new Gunzip(new GZIPInputStream(new MemberLookahead(in), GZIP_BUFFER), name);
    } catch (ZipException | EOFException e) {
      in.close();
      throw corrupt(name, e);
    }
  }

  /**
   * {@code in}, decompressed if it starts with the gzip magic bytes (whatever its name, so a
   * compressed stream is recognised too).
   */
  public static InputStream gunzipIfMagic(InputStream in, String name) throws IOException {
    PushbackInputStream p = new PushbackInputStream(in, 2);
    int b0 = p.read();
    int b1 = b0 < 0 ? -1 : p.read();
    if (b1 >= 0) {
      p.unread(b1);
    }
    if (b0 >= 0) {
      p.unread(b0);
    }
    return isGzipMagic(b0, b1) ? gunzip(p, name) : p;
  }

  /** Whether the first two bytes of an input, {@code b0} and {@code b1}, are gzip's magic. */
  static boolean isGzipMagic(int b0, int b1) {
    return b0 == 0x1f && b1 == 0x8b;
  }

  private static CorruptInputException corrupt(String name, IOException e) {
    String why = e.getMessage() == null ? "unexpected end of input" : e.getMessage();
    return new CorruptInputException(name + ": truncated or corrupt gzip data (" + why + ")", e);
  }

  /** Names read errors; optionally hides {@code available()} of an unseekable source. */
  private static final class Named extends FilterInputStream {
    private final String name;
    private final boolean stream;

    Named(InputStream in, String name, boolean stream) {
      super(in);
      this.name = name;
      this.stream = stream;
    }

    @Override
    public int read() throws IOException {
      try {
        return in.read();
      } catch (IOException e) {
        throw named(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return in.read(b, off, len);
      } catch (IOException e) {
        throw named(e);
      }
    }

    @Override
    public long skip(long n) throws IOException {
      // The JDK's file streams seek to skip; read instead.
      return stream ? in.readNBytes(Math.toIntExact(Math.min(n, 1 << 16))).length : in.skip(n);
    }

    @Override
    public int available() throws IOException {
      if (stream) {
        return 0;
      }
      try {
        return in.available();
      } catch (IOException e) {
        throw named(e);
      }
    }

    private IOException named(IOException e) {
      return e instanceof ReadException || e instanceof CorruptInputException ? e
          : new ReadException(name + ": " + e.getMessage(), e);
    }
  }

  /**
   * Under a {@link GZIPInputStream}, which asks {@code available()} at the end of each member
   * whether another follows: answers by reading one byte ahead (blocking), so concatenated members
   * are found in a pipe too, where the source's own answer may be 0 while more is coming.
   */
  private static final class MemberLookahead extends PushbackInputStream {
    MemberLookahead(InputStream in) {
      super(in, 1);
    }

    @Override
    public int available() throws IOException {
      int n = super.available();
      if (n > 0) {
        return n;
      }
      int b = read();
      if (b < 0) {
        return 0;
      }
      unread(b);
      return 1;
    }
  }

  /** Turns the decompressor's complaints into {@link CorruptInputException}s. */
  private static final class Gunzip extends FilterInputStream {
    private final String name;

    Gunzip(InputStream in, String name) {
      super(in);
      this.name = name;
    }

    @Override
    public int read() throws IOException {
      try {
        return in.read();
      } catch (ZipException | EOFException e) {
        throw corrupt(name, e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return in.read(b, off, len);
      } catch (ZipException | EOFException e) {
        throw corrupt(name, e);
      }
    }
  }
}
