package dev.ciku.corpus;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One input of a corpus: a file or standard input. {@link #expand} turns command-line arguments
 * into inputs: files as given, directories recursively in sorted order (hidden files and
 * directories, whose names start with '.', skipped: {@code .git}, {@code .svn}, editor swap
 * files; binary files too, {@link BinaryData}), {@code -} for standard input. Files ending in
 * {@code .gz} are decompressed.
 *
 * <p>Thread-safe: every opening is a stream of its own. A stream input (standard input, a
 * pipe) can be read only once, however ({@link Spool} copies such inputs for commands that read
 * twice); one that {@link #expand} gives is looked at for binary data when it, or another
 * input of the same expansion, is first opened, and its first opening reads it from its first
 * byte.
 */
public final class CorpusInput {
  private final Path path;
  private final long size;
  private final String name;
  /**
   * A stream input's look for binary data ({@link #look}), by {@link #expand} or at its first
   * opening; null for a file, or a stream not looked at.
   */
  private final Look look;
  /** The inputs {@link #expand} gave with this one, or null. */
  private final Expansion expansion;

  private CorpusInput(Path path, long size) {
    this(path, size, path == null ? "<stdin>" : path.toString(), null, null);
  }

  private CorpusInput(Path path, long size, String name, Look look, Expansion expansion) {
    this.path = path;
    this.size = size;
    this.name = name;
    this.look = look;
    this.expansion = expansion;
  }

  /**
   * The inputs of one {@link #expand}: the stream inputs to look at for binary data before any
   * of them is opened (standard input, unless a FIFO comes before it). Its first opening is
   * after what a command checks before its work (an output that cannot be written is reported
   * without waiting for a terminal's typing). Thread-safe.
   */
  private static final class Expansion {
    private final List<CorpusInput> first = new ArrayList<>();
    private boolean looked;

    synchronized void add(CorpusInput in) {
      first.add(in);
    }

    /** Looks at the inputs to look at first, the first time an input is opened. */
    synchronized void lookFirst() throws IOException {
      if (!looked) {
        looked = true;
        for (CorpusInput in : first) {
          in.look();
        }
      }
    }
  }

  /**
   * The look of a stream input for binary data: how the command reads it, and once looked at,
   * the stream read ahead, which the first opening reads from its first byte. Guarded by
   * itself.
   */
  private static final class Look {
    final BinaryData binary;
    boolean done;
    ReadAhead ahead;

    Look(BinaryData binary) {
      this.binary = binary;
    }
  }

  /** The standard input. */
  public static CorpusInput stdin() {
    return new CorpusInput(null, -1);
  }

  /** A file; its size is read now. */
  public static CorpusInput file(Path path) throws IOException {
    return new CorpusInput(path, Files.size(path));
  }

  /**
   * A regular file holding a copy of a stream input (see {@link Spool}), named in messages as
   * {@code original} is.
   */
  public static CorpusInput copyOf(CorpusInput original, Path copy) throws IOException {
    return new CorpusInput(copy, Files.size(copy), original.name(), null, null);
  }

  /**
   * Expands arguments into inputs in a deterministic order, silently, every file as found
   * (binary data too: no file is opened).
   *
   * @throws NoSuchFileException if an argument names nothing
   * @throws IOException if a directory cannot be listed
   */
  public static List<CorpusInput> expand(List<String> args) throws IOException {
    return expand(args, null, m -> { }, m -> { });
  }

  /**
   * Expands arguments into inputs in a deterministic order. A directory is walked recursively
   * (symbolic links to files are read, to directories not followed), skipping hidden files and
   * directories (names starting with '.'; a directory named as an argument is walked even so),
   * entries that are neither files nor directories (FIFOs, sockets, links to nothing) and files
   * of binary data ({@link BinaryData#nulAt}: a NUL byte in the first {@value BinaryData#BLOCK}
   * bytes, decompressed, in an encoding that has none in text), each with a warning, as
   * {@code grep -r} skips them; a binary file named as an argument is refused. Files are opened
   * as {@link #open} opens them, so compressed data ciku does not read and tar archives are
   * refused here, before any input is read. Standard input is looked at too, on its first
   * block ({@link BinaryData#nulAtStream}: what has come without waiting), which its first
   * opening reads again, when the first of the inputs is opened (before any is read, and after
   * the command's own checks); the other streams named (a FIFO, a process substitution) are
   * looked at when they are first opened, and so is standard input named after one of them:
   * opening a FIFO waits for its writer, and the writer of several may write them one after
   * the other, in the order they are read. Cost: one directory walk per directory argument; with {@code binary}, one opening
   * and a read of {@value BinaryData#BLOCK} bytes per file or stream (a decompressed gzip file:
   * its first block), up to {@value Encodings#SAMPLE} bytes when they hold a NUL byte.
   *
   * @param binary how the command reads its inputs, to tell binary files by; null: no file is
   *     opened, none skipped or refused as binary
   * @param info receives one line per directory argument: how many files it gives, and how many
   *     entries of each kind were skipped
   * @param warnings receives a warning per binary file skipped, and per directory argument that
   *     gives no input file
   * @throws NoSuchFileException if an argument names nothing
   * @throws MalformedDataException if a regular file, standard input or another stream named as
   *     an argument is binary data
   * @throws UnsupportedInputException if a file is compressed data ciku does not read, a tar
   *     archive, or (named as an argument) an n-gram store
   * @throws IOException if a directory cannot be listed or a file read
   */
  public static List<CorpusInput> expand(List<String> args, BinaryData binary,
      Consumer<String> info, Consumer<String> warnings) throws IOException {
    List<CorpusInput> out = new ArrayList<>();
    Expansion x = new Expansion();
    if (args == null || args.isEmpty()) {
      out.add(stream(null, binary, x, true));
      return out;
    }
    CorpusInput stdin = null;
    boolean streamBefore = false;
    for (String arg : args) {
      if (arg.equals("-")) {
        // Named twice, it is read once: the second opening finds it at its end.
        stdin = stdin == null ? stream(null, binary, x, !streamBefore) : stdin;
        out.add(stdin);
        continue;
      }
      Path p = Path.of(arg);
      if (Files.isDirectory(p)) {
        out.addAll(directory(arg, binary, x, info, warnings));
      } else if (Files.isRegularFile(p)) {
        CorpusInput in = file(p, x);
        long at = binary == null ? -1 : in.nulAt(binary, true);
        if (at >= 0) {
          throw new MalformedDataException(arg, BinaryData.reason(at, in.compressed())
              + ", not text: is it the right file?");
        }
        out.add(in);
      } else if (Files.exists(p)) {
        out.add(stream(p, binary, x, false));
        streamBefore = true;
      } else if (Files.isSymbolicLink(p)) {
        throw new NoSuchFileException(arg, null,
            "a symbolic link to nothing (its target is missing, or the links loop)");
      } else {
        throw new NoSuchFileException(arg, null, "no such file or directory");
      }
    }
    warnRepeated(out, warnings);
    return out;
  }

  /**
   * Warns once for each file that {@code inputs} read more than once ({@link RepeatedReads}).
   * Cost: one file-status call per file input.
   */
  private static void warnRepeated(List<CorpusInput> inputs, Consumer<String> warnings) {
    if (inputs.size() < 2) {
      return;
    }
    RepeatedReads repeated = new RepeatedReads();
    for (CorpusInput in : inputs) {
      if (in.path != null && in.size >= 0) { // standard input, a pipe: read once however named
        repeated.addLocal(in.path, in.name());
      }
    }
    repeated.warn(warnings);
  }

  /**
   * Standard input ({@code path} null) or the stream {@code path} (a FIFO, a device, a process
   * substitution), an input of expansion {@code x}: with {@code binary}, looked at for binary
   * data ({@link #look}) when the first input of {@code x} is opened if {@code first}, else when
   * it is; without, never.
   */
  private static CorpusInput stream(Path path, BinaryData binary, Expansion x, boolean first) {
    CorpusInput in = new CorpusInput(path, -1, path == null ? "<stdin>" : path.toString(),
        binary == null ? null : new Look(binary), x);
    if (first && in.look != null) {
      x.add(in);
    }
    return in;
  }

  /** The file {@code path}, an input of expansion {@code x}; its size is read now. */
  private static CorpusInput file(Path path, Expansion x) throws IOException {
    return new CorpusInput(path, Files.size(path), path.toString(), null, x);
  }

  /**
   * Looks at this stream input once, if it is to be: opens it and refuses it if its first block
   * is binary data ({@link BinaryData#nulAtStream}); else keeps the stream, which the first
   * opening reads from its first byte. Later calls do nothing.
   *
   * @throws MalformedDataException if it is binary data
   * @throws UnsupportedInputException if it is compressed data ciku does not read or a tar
   *     archive
   */
  private void look() throws IOException {
    synchronized (look) {
      if (look.done) {
        return;
      }
      look.done = true;
      ReadAhead ahead = new ReadAhead(openNow());
      long at;
      try (InputStream data = decoded(ahead.peek(), new ByteCounter())) {
        at = look.binary.nulAtStream(data);
      } catch (IOException | RuntimeException e) {
        ahead.take().close();
        throw e;
      }
      if (at >= 0) {
        boolean compressed = name.toLowerCase(java.util.Locale.ROOT).endsWith(".gz")
            || ahead.startsLikeGzip();
        ahead.take().close();
        throw new MalformedDataException(name, BinaryData.reason(at, compressed)
            + ", not text: is it the right file?");
      }
      look.ahead = ahead;
    }
  }

  /** The input files of the directory {@code arg}, as {@link #expand} gives them. */
  private static List<CorpusInput> directory(String arg, BinaryData binary, Expansion x,
      Consumer<String> info, Consumer<String> warnings) throws IOException {
    // A link to a directory, named as an argument, is walked as that directory (the walk follows
    // no link, so it would find nothing but the link itself); its files keep the names under
    // the argument.
    Path p = Path.of(arg);
    Path root = Files.isSymbolicLink(p) ? p.toRealPath() : p;
    Walk walk = new Walk(root);
    Files.walkFileTree(root, walk);
    walk.files.sort(null);
    List<CorpusInput> out = new ArrayList<>();
    for (Path f : walk.files) {
      CorpusInput in = file(root == p ? f : p.resolve(root.relativize(f)), x);
      long at = binary == null ? -1 : in.nulAt(binary, false);
      if (at < 0) {
        out.add(in);
      } else {
        walk.binary++;
        warnings.accept(in.name() + ": " + BinaryData.reason(at, in.compressed())
            + ", not text; skipped");
      }
    }
    info.accept(arg + ": reading " + LogNumbers.count(out.size(), "file") + walk.skipped());
    if (out.isEmpty()) {
      warnings.accept(arg + " holds no input files"
          + (walk.binary > 0 ? " (" + walk.binary + " binary file(s) skipped)" : ""));
    }
    return out;
  }

  /**
   * The offset of the NUL byte that makes this input, a regular file, binary data ({@link
   * BinaryData#nulAt}), or -1. Opened as {@link #open} opens it, without its n-gram store check
   * unless {@code named} (a store is binary data too, but one named gets the message that says
   * how to read it).
   */
  private long nulAt(BinaryData binary, boolean named) throws IOException {
    if (named) {
      InputFiles.refuseStore(path, name());
    }
    try (InputStream in = openData(new ByteCounter())) {
      return binary.nulAt(in);
    }
  }

  /**
   * Whether the regular file {@code in} is binary data that a directory walk of
   * {@link #expand} skips when the corpus is read as {@code binary} tells; false for a stream or
   * standard input, and when it cannot be read (the reading reports that).
   */
  public static boolean isBinary(CorpusInput in, BinaryData binary) {
    if (in.path == null || in.size < 0) {
      return false;
    }
    try {
      return in.nulAt(binary, false) >= 0;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Whether this input, a file, holds gzip data (by its name or its first bytes). */
  private boolean compressed() {
    return path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gz")
        || startsLikeGzip(path);
  }

  /**
   * Collects the regular files under a directory, skipping and counting hidden entries, links to
   * directories and entries that are no file.
   */
  private static final class Walk extends SimpleFileVisitor<Path> {
    private final Path root;
    final List<Path> files = new ArrayList<>();
    long hiddenFiles;
    long hiddenDirs;
    long linkedDirs;
    long others;
    /** Files of binary data, skipped after the walk. */
    long binary;

    Walk(Path root) {
      this.root = root;
    }

    private static boolean hidden(Path p) {
      Path name = p.getFileName();
      return name != null && name.toString().startsWith(".");
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
      if (!dir.equals(root) && hidden(dir)) {
        hiddenDirs++;
        return FileVisitResult.SKIP_SUBTREE;
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
      // attrs describe a symbolic link itself; a link to a regular file is read.
      if (attrs.isRegularFile() || attrs.isSymbolicLink() && Files.isRegularFile(file)) {
        if (hidden(file)) {
          hiddenFiles++;
        } else {
          files.add(file);
        }
      } else if (hidden(file)) {
        hiddenFiles++;
      } else if (attrs.isSymbolicLink() && Files.isDirectory(file)) {
        linkedDirs++;
      } else {
        others++;
      }
      return FileVisitResult.CONTINUE;
    }

    /** What was skipped, for the log ("; skipped 2 hidden file(s) and ..."), or "". */
    String skipped() {
      List<String> parts = new ArrayList<>();
      if (binary > 0) {
        parts.add(binary + " binary file(s) (a NUL byte in the first " + BinaryData.BLOCK / 1024
            + " KB)");
      }
      if (hiddenFiles + hiddenDirs > 0) {
        parts.add(hiddenFiles + " hidden file(s) and " + hiddenDirs
            + " hidden directory(ies) (names starting with '.')");
      }
      if (linkedDirs > 0) {
        parts.add(linkedDirs + " symbolic link(s) to directories (not followed inside a"
            + " directory)");
      }
      if (others > 0) {
        parts.add(others + " entr(ies) that are no file (FIFOs, sockets, links to nothing)");
      }
      return parts.isEmpty() ? "" : "; skipped " + String.join("; ", parts);
    }
  }

  /** True for standard input. */
  public boolean isStdin() {
    return path == null;
  }

  /** The file, or null for standard input. */
  public Path path() {
    return path;
  }

  /** Size in bytes as stored (compressed for .gz), or -1 if unknown. */
  public long size() {
    return size;
  }

  /**
   * An estimate of the characters of {@code inputs}, for sizing tables before reading them (only
   * speed depends on it): a plain file's size in bytes (a character takes a byte at least), four
   * times the size of a file of gzip data (by its name or its first bytes); -1 if an input is a
   * stream, or if there are more than {@value #ESTIMATED_FILES} inputs (the first bytes of each
   * would be read). Cost: a file-type check and a two-byte read an input.
   */
  public static long estimatedChars(List<CorpusInput> inputs) {
    if (inputs.size() > ESTIMATED_FILES) {
      return -1;
    }
    long total = 0;
    for (CorpusInput in : inputs) {
      if (in.size < 0 || in.isStream()) {
        return -1;
      }
      String file = in.path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
      total += file.endsWith(".gz") || startsLikeGzip(in.path) ? 4 * in.size : in.size;
    }
    return total;
  }

  /** Inputs beyond which {@link #estimatedChars} does not estimate. */
  static final int ESTIMATED_FILES = 64;

  private static boolean startsLikeGzip(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return InputFiles.isGzipMagic(in.read(), in.read());
    } catch (IOException e) {
      return false; // Reading it will say what is wrong.
    }
  }

  /** A name for messages. */
  public String name() {
    return name;
  }

  /**
   * Opens the byte stream, counting stored bytes into {@code progress}, decompressing
   * {@code .gz} and any other input that starts with the gzip magic bytes. Any input that is not a regular file (a pipe, FIFO, process substitution,
   * {@code /dev/stdin}, a device) is read as a stream, without seeking. Read errors name the
   * input ({@link InputFiles.ReadException}); damaged gzip data is an
   * {@link InputFiles.CorruptInputException}; other compressed data, tar archives and n-gram
   * stores are an {@link UnsupportedInputException}; a stream {@link #expand} gives whose first
   * block is binary data a {@link MalformedDataException}, if it was not refused there.
   */
  public InputStream open(ByteCounter progress) throws IOException {
    if (expansion != null) {
      expansion.lookFirst();
    }
    if (path != null) {
      InputFiles.refuseStore(path, name());
    }
    return openData(progress);
  }

  /** As {@link #open}, without the n-gram store check. */
  private InputStream openData(ByteCounter progress) throws IOException {
    return decoded(raw(), progress);
  }

  /**
   * Opens the bytes as stored, without decompression. The first opening of an input that
   * {@link #expand} gives looks at standard input among its inputs for binary data ({@link
   * #look}), and a stream input is looked at when it is opened, if not yet; its first opening
   * then reads it from its first byte. Read errors name the input; closing the stream leaves
   * standard input open.
   *
   * @throws MalformedDataException if a stream looked at now is binary data
   */
  public InputStream openRaw() throws IOException {
    if (expansion != null) {
      expansion.lookFirst();
    }
    return raw();
  }

  /** As {@link #openRaw}, without looking at the inputs to look at first. */
  private InputStream raw() throws IOException {
    if (look != null) {
      look();
      InputStream early;
      synchronized (look) {
        early = look.ahead == null ? null : look.ahead.take();
      }
      if (early != null) {
        return early;
      }
    }
    return openNow();
  }

  /** Opens the bytes as stored, now. */
  private InputStream openNow() throws IOException {
    return path == null
        ? InputFiles.named(new StandardInput(System.in), name(), false)
        : InputFiles.open(path, name());
  }

  /**
   * {@code raw}, this input's bytes as stored, counted into {@code progress} and decompressed
   * as {@link #open} says; compressed data ciku does not read and tar archives refused.
   */
  private InputStream decoded(InputStream raw, ByteCounter progress) throws IOException {
    InputStream counted = new CountingInputStream(raw, progress);
    String name = path == null ? "" : path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    if (name.endsWith(".gz")) {
      return InputFiles.refuseTar(InputFiles.gunzip(counted, name()), name());
    }
    InputFiles.Unsupported byName = InputFiles.Unsupported.bySuffix(name);
    if (byName != null) {
      counted.close();
      throw new UnsupportedInputException(byName.message(name()));
    }
    // Compressed data under another name ('zcat'-less pipes: cat f.gz | ciku stats -) is
    // recognised by its magic bytes, and so are the formats refused above; UTF-8, GB18030 and
    // Big5 text never starts with them.
    // A tar archive, compressed or not, would be read as its members' text with the header
    // fields as units: it is refused too.
    return InputFiles.refuseTar(
        InputFiles.gunzipIfMagic(new BufferedInputStream(counted, 1 << 16), name()), name());
  }

  /** Whether this input can be read only once (standard input, a pipe, a FIFO, a device). */
  public boolean isStream() {
    return path == null || InputFiles.isStream(path);
  }

  @Override
  public String toString() {
    return name();
  }

  /** Thrown for an input ciku cannot read (a user error, not an I/O failure). */
  public static final class UnsupportedInputException extends IOException {
    private static final long serialVersionUID = 1L;

    public UnsupportedInputException(String message) {
      super(message);
    }
  }

  /**
   * Standard input, left open when closed. A read that fails while it is redirected from a
   * directory ({@code ciku stats < DIR}, which the shell allows) is an input that cannot be
   * read ({@link UnsupportedInputException}, exit 66), not an I/O error, with the way to read
   * the directory.
   */
  private static final class StandardInput extends java.io.FilterInputStream {
    StandardInput(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return in.read();
      } catch (IOException e) {
        throw directory(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return in.read(b, off, len);
      } catch (IOException e) {
        throw directory(e);
      }
    }

    /** {@code e}, or the error that says standard input is a directory if it is. */
    private static IOException directory(IOException e) {
      boolean dir;
      try {
        dir = Files.isDirectory(Path.of("/dev/stdin"));
      } catch (RuntimeException notThere) {
        dir = false;
      }
      return dir ? new UnsupportedInputException("cannot read <stdin>: it is redirected from a"
          + " directory; name the directory as INPUT to read its files: 'ciku ... DIR'") : e;
    }

    @Override
    public void close() {}
  }

  private static final class CountingInputStream extends java.io.FilterInputStream {
    private final ByteCounter counter;

    CountingInputStream(InputStream in, ByteCounter counter) {
      super(in);
      this.counter = counter;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        counter.add(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        counter.add(n);
      }
      return n;
    }
  }
}
