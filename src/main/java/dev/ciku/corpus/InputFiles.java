package dev.ciku.corpus;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Opens input files so that pipes, FIFOs, process substitutions ({@code <(...)}),
 * {@code /dev/stdin} and character devices read like regular files: as streams, never seeking
 * (the channel streams of {@code Files.newInputStream} ask the position of a file in
 * {@code available()}, which fails with "Illegal seek" on a pipe). Read failures name the input;
 * damaged gzip data is a {@link CorruptInputException}.
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
   * reading it becomes a {@link ReadException} naming {@code name}. Its {@code available()}
   * answers for a pipe or FIFO too (the bytes waiting in it), so that a reader can tell a
   * stalled producer from a busy one.
   */
  public static InputStream open(Path file, String name) throws IOException {
    // Its attributes, not isStream: a file gone since it was listed is then a
    // NoSuchFileException naming it, not a FileInputStream's "f (No such file or directory)".
    boolean stream = !Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class)
        .isRegularFile();
    // A FileInputStream asks a pipe, FIFO or terminal how many bytes wait (FIONREAD); the
    // channel stream of Files.newInputStream would seek, and fail with "Illegal seek".
    return named(stream ? new java.io.FileInputStream(file.toFile()) : Files.newInputStream(file),
        name, stream);
  }

  /**
   * {@code in} with read errors named after {@code name}; if {@code stream}, its
   * {@code available()} answers 0 where the source cannot tell (instead of failing).
   */
  public static InputStream named(InputStream in, String name, boolean stream) {
    return new Named(in, name, stream);
  }

  /**
   * {@code in} decompressed as gzip (every member of a concatenated file, also from a pipe);
   * damaged or truncated data is a {@link CorruptInputException} naming {@code name}, and so is
   * anything after a member but another whole member or zero bytes (padding): a damaged or cut
   * next member, which {@code java.util.zip.GZIPInputStream} ignores without a word.
   *
   * @throws CorruptInputException at once if {@code in} does not start with a gzip header
   */
  public static InputStream gunzip(InputStream in, String name) throws IOException {
    try {
      return new Gunzip(new GzipMembers(in), name);
    } catch (NotGzipException e) {
      // Not damaged gzip data but none at all (text under a .gz name): standard input is
      // decompressed only when it starts as gzip does, so it reads there.
      in.close();
      throw new CorruptInputException(name + ": not gzip data, though named .gz (it does not"
          + " start as gzip does); if it is text, read it as standard input: 'ciku ... - <"
          + " FILE'", e);
    } catch (ZipException | EOFException e) {
      in.close();
      throw corrupt(name, e);
    }
  }

  /** A gzip member's header that does not start with gzip's magic bytes. */
  private static final class NotGzipException extends ZipException {
    private static final long serialVersionUID = 1L;

    NotGzipException() {
      super("Not in GZIP format"); // as the JDK says it
    }
  }

  /**
   * {@code in}, decompressed if it starts with the gzip magic bytes (whatever its name, so a
   * compressed stream is recognised too).
   *
   * @throws CorpusInput.UnsupportedInputException if it starts with the magic bytes of another
   *     compressed format or archive ({@link Unsupported}), which would otherwise be read as
   *     text made of replacement characters
   */
  public static InputStream gunzipIfMagic(InputStream in, String name) throws IOException {
    PushbackInputStream p = new PushbackInputStream(in, MAGIC_BYTES);
    byte[] head = magicHead(p);
    p.unread(head);
    if (head.length >= 2 && isGzipMagic(head[0] & 0xFF, head[1] & 0xFF)) {
      return gunzip(p, name);
    }
    Unsupported other = Unsupported.byMagic(head);
    if (other != null) {
      p.close();
      throw new CorpusInput.UnsupportedInputException(other.message(name));
    }
    return p;
  }

  /** The text at byte 12 of a Chronicle Map file, which an n-gram store of count -o is. */
  private static final byte[] STORE_HEADER =
      "!net.openhft.chronicle.map.".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final int STORE_HEADER_AT = 12;

  /**
   * Refuses a regular file that is an n-gram store ({@code ciku count -o}), which read as text
   * would give binary junk as units. Cost: one open and a read of 39 bytes; pipes and devices
   * are not looked at (they could not be read again).
   *
   * @throws CorpusInput.UnsupportedInputException if {@code file} is a store
   */
  public static void refuseStore(Path file, String name) throws IOException {
    if (!Files.isRegularFile(file)) {
      return;
    }
    byte[] head = new byte[STORE_HEADER_AT + STORE_HEADER.length];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    if (n == head.length && Arrays.equals(head, STORE_HEADER_AT, head.length, STORE_HEADER, 0,
        STORE_HEADER.length)) {
      throw new CorpusInput.UnsupportedInputException(name + ": an n-gram store (written by"
          + " 'ciku count -o'), not text; discover reads it with --counts FILE");
    }
  }

  /** Bytes of a tar header up to the end of its magic ({@code ustar} at offset 257). */
  public static final int TAR_HEAD = 263;

  /**
   * Whether {@code head}, the first bytes of an input (already decompressed), begin a POSIX
   * (ustar) tar header: the rule of {@link #refuseTar}, for a reader that holds the bytes
   * rather than a stream (it needs {@value #TAR_HEAD} of them; fewer are no archive). Cost: at
   * most {@value #TAR_HEAD} byte tests. Thread-safe.
   */
  public static boolean isTar(byte[] head) {
    if (head.length < TAR_HEAD) {
      return false;
    }
    for (int n = 1; n <= TAR_HEAD; n++) {
      if (!mayBeTar(head, n)) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code in}, unless it starts with a POSIX (ustar) tar header: an archive read as text would
   * give its members' text with header fields ({@code ustar}, {@code 0000644}, owner names) as
   * units. Reads ahead only while the bytes may still begin a header, so a text stops it at its
   * first byte that no header holds there (its first line end at the latest, or a byte that is
   * no octal digit at offset 100). Cost: at most {@value #TAR_HEAD} bytes read one by one.
   *
   * @throws CorpusInput.UnsupportedInputException if {@code in} (already decompressed) is a tar
   *     archive, with the command that writes its members' text to standard output
   * @throws IOException if reading fails (damaged gzip data, say); {@code in} is closed then
   */
  public static InputStream refuseTar(InputStream in, String name) throws IOException {
    PushbackInputStream p = new Replay(in, TAR_HEAD);
    byte[] head = new byte[TAR_HEAD];
    int n = 0;
    try {
      while (n < TAR_HEAD) {
        int b = p.read();
        if (b < 0) {
          break;
        }
        head[n++] = (byte) b;
        if (!mayBeTar(head, n)) {
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      p.close();
      throw e;
    }
    boolean tar = n == TAR_HEAD && mayBeTar(head, n);
    p.unread(head, 0, n);
    if (tar) {
      p.close();
      throw new CorpusInput.UnsupportedInputException(name + ": a tar archive; ciku reads text,"
          + " so " + (name.equals("<stdin>") ? "extract it in the pipe" : "pipe its files in")
          + ": 'tar -xOf FILE | ciku ... -'");
    }
    return p;
  }

  /**
   * A pushback stream whose read returns the bytes pushed back, while it holds some, without
   * reading on: {@code PushbackInputStream} fills the rest of the caller's buffer from the
   * stream, which on a slow pipe waits for the producer's next line before the first one is
   * handed on.
   */
  private static final class Replay extends PushbackInputStream {
    Replay(InputStream in, int size) {
      super(in, size);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      java.util.Objects.checkFromIndexSize(off, len, b.length);
      if (buf != null && pos < buf.length && len > 0) {
        int n = Math.min(len, buf.length - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
      }
      return super.read(b, off, len);
    }
  }

  /**
   * Whether {@code head[0, n)}, whose first {@code n − 1} bytes passed this test, may begin a
   * ustar header: a name of printable bytes then NULs (offsets 0-99), octal numbers (mode, ids,
   * size, time, checksum: digits 0-7, spaces, NULs; 100-155), any type flag (156), a link name
   * like the name but possibly empty (157-256), and the magic {@code ustar} followed by a NUL or
   * a space (257-262).
   */
  static boolean mayBeTar(byte[] head, int n) {
    int i = n - 1;
    int b = head[i] & 0xFF;
    boolean printable = b >= 0x20 && b != 0x7F;
    if (i < 100) {
      return i == 0 ? printable : head[i - 1] == 0 ? b == 0 : b == 0 || printable;
    }
    if (i < 156) {
      return b == 0 || b == ' ' || b >= '0' && b <= '7';
    }
    if (i == 156) {
      return true;
    }
    if (i < 257) {
      return i == 157 || head[i - 1] != 0 ? b == 0 || printable : b == 0;
    }
    if (i < 262) {
      return b == "ustar".charAt(i - 257);
    }
    return b == 0 || b == ' ';
  }

  /** Bytes {@link Unsupported#byMagic} looks at. */
  private static final int MAGIC_BYTES = 10;

  /**
   * The first bytes of {@code in}, up to {@value #MAGIC_BYTES}, read only while they may still
   * start gzip's or an {@link Unsupported} format's magic bytes ({@link #headWhileMayStart}).
   */
  static byte[] magicHead(InputStream in) throws IOException {
    return headWhileMayStart(in, MAGICS);
  }

  /** gzip's magic bytes ({@link #isGzipMagic}). */
  private static final int[] GZIP_MAGIC = {0x1f, 0x8b};
  /** gzip's magic bytes and those of every {@link Unsupported} format. */
  private static final int[][] MAGICS = magics();

  private static int[][] magics() {
    int[][] m = new int[Unsupported.ALL.size() + 1][];
    m[0] = GZIP_MAGIC;
    for (int i = 0; i < Unsupported.ALL.size(); i++) {
      m[i + 1] = Unsupported.ALL.get(i).magic;
    }
    return m;
  }

  /**
   * The first bytes of {@code in}, read one at a time and only while they may still start one of
   * {@code magics} (-1 standing for a digit 1-9), so at most the longest of them: text, whose
   * first byte starts none, costs one byte, and the first line of a slow pipe ("ok", shorter than
   * the magic bytes) is not held back until more input comes.
   */
  static byte[] headWhileMayStart(InputStream in, int[][] magics) throws IOException {
    int max = 0;
    for (int[] m : magics) {
      max = Math.max(max, m.length);
    }
    byte[] head = new byte[max];
    int n = 0;
    while (n < max && mayStart(head, n, magics)) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head[n++] = (byte) b;
    }
    return Arrays.copyOf(head, n);
  }

  /** Whether {@code head[0, n)} is a proper prefix of one of {@code magics}. */
  private static boolean mayStart(byte[] head, int n, int[][] magics) {
    for (int[] m : magics) {
      if (n < m.length && agrees(head, n, m)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code head[0, n)} equals {@code magic[0, n)}, where -1 stands for a digit 1-9. */
  static boolean agrees(byte[] head, int n, int[] magic) {
    for (int i = 0; i < n; i++) {
      int b = head[i] & 0xFF;
      if (magic[i] < 0 ? b < '1' || b > '9' : b != magic[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * A compressed format or archive that ciku does not read: its name, the command that writes
   * its content to standard output, the suffix of its files and its magic bytes (-1: any digit
   * 1-9, bzip2's block size). None of them can begin text: bzip2's {@code BZh} is followed by a
   * digit and a block or end-of-stream marker of six binary bytes, and the others hold control
   * or non-UTF-8 bytes.
   */
  public record Unsupported(String format, String unpack, String suffix, int[] magic) {
    private static final List<Unsupported> ALL = List.of(
        new Unsupported("bzip2", "bzcat", ".bz2",
            new int[] {'B', 'Z', 'h', -1, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59}),
        new Unsupported("bzip2", "bzcat", ".bz2",
            new int[] {'B', 'Z', 'h', -1, 0x17, 0x72, 0x45, 0x38, 0x50, 0x90}),
        new Unsupported("xz", "xzcat", ".xz", new int[] {0xFD, '7', 'z', 'X', 'Z', 0x00}),
        new Unsupported("zstd", "zstdcat", ".zst", new int[] {0x28, 0xB5, 0x2F, 0xFD}),
        new Unsupported("zip", "unzip -p", ".zip", new int[] {'P', 'K', 0x03, 0x04}),
        new Unsupported("7z", "7z x -so", ".7z", new int[] {'7', 'z', 0xBC, 0xAF, 0x27, 0x1C}));

    /** The format whose magic bytes {@code head} starts with, or null. */
    public static Unsupported byMagic(byte[] head) {
      for (Unsupported f : ALL) {
        if (head.length >= f.magic.length && agrees(head, f.magic.length, f.magic)) {
          return f;
        }
      }
      return null;
    }

    /** The format of a file named {@code fileName} (lower case) by its suffix, or null. */
    static Unsupported bySuffix(String fileName) {
      for (Unsupported f : ALL) {
        if (fileName.endsWith(f.suffix)) {
          return f;
        }
      }
      return null;
    }

    /**
     * The message for the input {@code name} in this format: ciku decompresses gzip only, and
     * the data can be piped in through {@link #unpack} (standard input, {@code <stdin>}, already
     * is: the pipe then decompresses it).
     */
    String message(String name) {
      return name + ": " + format + " data; only gzip is decompressed, so "
          + (name.equals("<stdin>") ? "decompress it in the pipe" : "pipe it in") + ": '"
          + unpack + " FILE | ciku ... -'";
    }
  }

  /** Whether the first two bytes of an input, {@code b0} and {@code b1}, are gzip's magic. */
  public static boolean isGzipMagic(int b0, int b1) {
    return b0 == GZIP_MAGIC[0] && b1 == GZIP_MAGIC[1];
  }

  private static CorruptInputException corrupt(String name, IOException e) {
    String why = e.getMessage() == null ? "unexpected end of input" : e.getMessage();
    return new CorruptInputException(name + ": truncated or corrupt gzip data (" + why + ")", e);
  }

  /** Names read errors; a stream source that cannot tell what waits has nothing available. */
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
      try {
        return in.available();
      } catch (IOException e) {
        if (stream) {
          return 0; // a device that cannot tell: "nothing known to be waiting"
        }
        throw named(e);
      }
    }

    private IOException named(IOException e) {
      return e instanceof ReadException || e instanceof CorruptInputException
          || e instanceof CorpusInput.UnsupportedInputException ? e
          : new ReadException(name + ": " + e.getMessage(), e);
    }
  }

  /**
   * gzip (RFC 1952) data of one or more members, decompressed. Unlike
   * {@code java.util.zip.GZIPInputStream}, which ends quietly at the first bytes after a member
   * that do not make a valid header (a damaged or truncated next member: the rest of the file is
   * lost without a word), it accepts after a member only another member or zero bytes to the end,
   * and reads a member's start from a pipe by blocking, as any read, not by asking
   * {@code available()}.
   */
  private static final class GzipMembers extends InputStream {
    private static final String TRAILING =
        "data after the end of the gzip data that is no gzip member";
    private final PushbackInputStream in;
    private final byte[] buf = new byte[GZIP_BUFFER];
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final CRC32 headerCrc = new CRC32();
    private final byte[] one = new byte[1];
    private int bufLen;
    private boolean eof;

    GzipMembers(InputStream in) throws IOException {
      this.in = new PushbackInputStream(in, GZIP_BUFFER);
      try {
        readHeader();
      } catch (IOException e) {
        // Not gzip after all: the inflater's native memory goes now, not with the Cleaner.
        inflater.end();
        throw e;
      }
    }

    @Override
    public int read() throws IOException {
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    /**
     * 1 while compressed bytes are held or the source has more waiting, 0 when a read would wait
     * for the source (or the data have ended): a hint for readers of slow pipes, never exact.
     */
    @Override
    public int available() throws IOException {
      if (eof) {
        return 0;
      }
      return inflater.getRemaining() > 0 || in.available() > 0 ? 1 : 0;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (eof) {
        return -1;
      }
      if (len == 0) {
        return 0;
      }
      while (true) {
        int n;
        try {
          n = inflater.inflate(b, off, len);
        } catch (DataFormatException e) {
          throw new ZipException(e.getMessage() == null ? "invalid deflate data" : e.getMessage());
        }
        if (n > 0) {
          crc.update(b, off, n);
          return n;
        }
        if (inflater.finished()) {
          int rest = inflater.getRemaining();
          if (rest > 0) {
            in.unread(buf, bufLen - rest, rest);
          }
          readTrailer();
          if (!nextMember()) {
            eof = true;
            return -1;
          }
        } else if (inflater.needsDictionary()) {
          throw new ZipException("deflate data that needs a preset dictionary");
        } else if (inflater.needsInput()) {
          bufLen = in.read(buf, 0, buf.length);
          if (bufLen < 0) {
            throw new EOFException("Unexpected end of ZLIB input stream"); // as the JDK says it
          }
          inflater.setInput(buf, 0, bufLen);
        }
      }
    }

    private int headerByte() throws IOException {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("unexpected end of input");
      }
      headerCrc.update(b);
      return b;
    }

    private void readHeader() throws IOException {
      headerCrc.reset();
      if (headerByte() != GZIP_MAGIC[0] || headerByte() != GZIP_MAGIC[1]) {
        throw new NotGzipException();
      }
      int method = headerByte();
      if (method != 8) {
        throw new ZipException("unsupported compression method " + method);
      }
      int flags = headerByte();
      for (int i = 0; i < 6; i++) { // modification time, extra flags, operating system
        headerByte();
      }
      if ((flags & 4) != 0) { // FEXTRA
        int extra = headerByte() | headerByte() << 8;
        for (int i = 0; i < extra; i++) {
          headerByte();
        }
      }
      for (int field = 8; field <= 16; field <<= 1) { // FNAME, FCOMMENT: zero-terminated
        if ((flags & field) != 0) {
          while (headerByte() != 0) {
            // skip
          }
        }
      }
      if ((flags & 2) != 0) { // FHCRC: the low 16 bits of the header's CRC-32
        int expected = (int) (headerCrc.getValue() & 0xffff);
        if ((headerByte() | headerByte() << 8) != expected) {
          throw new ZipException("Corrupt GZIP header");
        }
      }
      inflater.reset();
      crc.reset();
    }

    private void readTrailer() throws IOException {
      long storedCrc = 0;
      long storedSize = 0;
      for (int i = 0; i < 4; i++) {
        storedCrc |= (long) headerByte() << (8 * i);
      }
      for (int i = 0; i < 4; i++) {
        storedSize |= (long) headerByte() << (8 * i);
      }
      if (storedCrc != crc.getValue() || storedSize != (inflater.getBytesWritten() & 0xffffffffL)) {
        throw new ZipException("Corrupt GZIP trailer");
      }
    }

    /** After a member: true if another starts (its header read), false at the end. */
    private boolean nextMember() throws IOException {
      int b = in.read();
      if (b < 0) {
        return false;
      }
      if (b == 0) {
        // Zero padding (dd, tape blocks), as gzip accepts it; anything else after it is not.
        while ((b = in.read()) == 0) {
          // skip
        }
        if (b < 0) {
          return false;
        }
        throw new ZipException(TRAILING);
      }
      in.unread(b);
      if (b != GZIP_MAGIC[0]) {
        throw new ZipException(TRAILING);
      }
      readHeader();
      return true;
    }

    @Override
    public void close() throws IOException {
      inflater.end();
      in.close();
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
