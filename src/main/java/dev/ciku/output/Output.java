package dev.ciku.output;

import dev.ciku.io.OutputException;
import dev.ciku.io.OutputTarget;
import dev.ciku.io.TempFiles;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a command's data goes: standard output, or a file written atomically (to a temporary file
 * in the same directory, renamed over the target by {@link #commit}; {@link #close} without
 * commit deletes the temporary file, so an interrupted run leaves nothing half-written under the
 * target's name, and {@link TempFiles} deletes it when the process is stopped). Opening checks the
 * target and creates the temporary file at once, so commands open their outputs before working.
 * A target that exists and is not a regular file (a FIFO, a device, {@code /dev/fd/3}) is
 * written in place; {@code /dev/stdout}, {@code /dev/stderr} and any path naming the same file
 * as standard output or error are written through that descriptor, as {@code >} output is; a
 * symbolic link is followed and the file it names replaced.
 *
 * <p>Writing to a closed pipe raises {@link BrokenPipeException} (the command ends quietly); any
 * other write error raises an {@link OutputException} naming the output and the reason, such as
 * {@code cannot write to standard output: no space left on device}.
 *
 * <p>Not thread-safe.
 */
public final class Output implements Closeable {
  private static final PrintStream ORIGINAL_OUT = System.out;
  private static final PrintStream ORIGINAL_ERR = System.err;

  /** The file target, or null for standard output and for targets written in place. */
  private final OutputTarget target;
  private final Path temp;
  private final GuardedStream stream;
  private final Writer writer;
  private final boolean closeStream;
  private boolean prepared;
  private boolean committed;

  private Output(OutputTarget target, Path temp, GuardedStream stream, boolean closeStream) {
    this.target = target;
    this.temp = temp;
    this.stream = stream;
    this.closeStream = closeStream;
    this.writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
  }

  /**
   * Standard output: the raw file descriptor (unsynchronised, and a closed pipe is reported), or
   * {@link System#out} when an embedding application or a test has redirected it.
   */
  public static Output stdout() {
    return standard(1, "to standard output");
  }

  /**
   * Standard output (descriptor 1) or error (2), named {@code what} in error messages: the raw
   * file descriptor, or {@link System#out} / {@link System#err} when redirected in-process.
   */
  private static Output standard(int descriptor, String what) {
    OutputStream fd;
    if (descriptor == 1) {
      fd = System.out == ORIGINAL_OUT ? new FileOutputStream(FileDescriptor.out) : System.out;
    } else {
      fd = System.err == ORIGINAL_ERR ? new FileOutputStream(FileDescriptor.err) : System.err;
    }
    return new Output(null, null, new GuardedStream(fd, what), false);
  }

  /** An output over {@code out}, named {@code what} in error messages (for tests). */
  static Output of(OutputStream out, String what) {
    return new Output(null, null, new GuardedStream(out, what), true);
  }

  /**
   * Standard output for {@code null} or {@code "-"}, else {@code target}: checked, and its
   * temporary file created (or, written in place, opened) before this returns. A target that is
   * this process's standard output or error ({@code /dev/stdout}, {@code /dev/fd/2}, the file
   * {@code >} redirected to; see {@link OutputTarget#standardDescriptor}) is written through the
   * inherited descriptor, exactly as {@code -} or a redirection would be.
   *
   * @throws IllegalArgumentException if {@code target} is empty
   * @throws OutputException if {@code target} cannot be written
   */
  public static Output open(Path target) throws OutputException {
    return open(target, Boolean.getBoolean(STDOUT_CLOSED));
  }

  /**
   * System property set ({@code true}) when this process started with standard output closed
   * ({@code >&-}): {@code bin/ciku} then gives the JVM {@code /dev/null} in its place, so that no
   * file the JVM opens takes descriptor 1, and says so here.
   */
  public static final String STDOUT_CLOSED = "ciku.stdout.closed";

  /**
   * {@link #open(Path)}, standard output taken to be closed if {@code stdoutClosed}: then opening
   * it fails at once, before the command works, instead of when its data are written.
   */
  static Output open(Path target, boolean stdoutClosed) throws OutputException {
    if (target == null || target.toString().equals("-")) {
      if (stdoutClosed) {
        throw closed("to standard output");
      }
      return stdout();
    }
    String what = target.toString();
    int descriptor = OutputTarget.standardDescriptor(target);
    if (descriptor == 1 && stdoutClosed) {
      if (OutputTarget.standardName(target) == 1) {
        throw closed(what);
      }
      // The same file as the stand-in of the closed descriptor (bin/ciku's /dev/null): written
      // as itself.
      descriptor = 0;
    }
    if (descriptor != 0) {
      return standard(descriptor, what);
    }
    OutputTarget t = OutputTarget.resolve(target);
    if (t.isStream()) {
      return new Output(null, null,
          new GuardedStream(new BufferedOutputStream(t.openStream(), 1 << 16), what), true);
    }
    Path temp = t.createTemp(".tmp");
    try {
      OutputStream os = Files.newOutputStream(temp);
      return new Output(t, temp, new GuardedStream(new BufferedOutputStream(os, 1 << 16), what),
          true);
    } catch (IOException e) {
      try {
        TempFiles.delete(temp);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw OutputException.of(what, e);
    }
  }

  /**
   * The error of an output that is standard output, closed: {@code what} names it ("to standard
   * output", or a name of it such as {@code /dev/stdout}).
   */
  private static OutputException closed(String what) {
    return new OutputException(what, (what.equals("to standard output") ? "it" : "standard output")
        + " is closed (give -o FILE, or redirect it: > FILE)", null);
  }

  /**
   * Whether outputs {@code a} and {@code b} (each null or {@code "-"} for standard output) lead
   * to the same place: both standard output, both standard error, or the same file once symbolic
   * links are followed (whether or not it exists yet). Two outputs to one place would lose one of
   * them (the second rename wins) or mix them, so commands with two outputs refuse it. A path
   * that cannot be resolved compares as written (opening it reports why).
   *
   * <p>Cost: a few {@code stat} calls. Thread-safe.
   */
  public static boolean sameDestination(Path a, Path b) {
    return destination(a).equals(destination(b));
  }

  /** True for null and {@code "-"}, standard output; and for names of it ({@code /dev/stdout}). */
  public static boolean isStandardOutput(Path p) {
    return destination(p).equals(1);
  }

  /**
   * "standard output" or "standard error" if {@code p} names one ({@code -}, {@code /dev/stdout},
   * {@code /dev/fd/2}, ...); else null, and for null. A store, which is memory-mapped, cannot go
   * there.
   */
  public static String standardStreamName(Path p) {
    if (p == null || !(destination(p) instanceof Integer i)) {
      return null;
    }
    return i == 2 ? "standard error" : "standard output";
  }

  /** 1 or 2 for standard output or error, else the file written (links followed). */
  private static Object destination(Path p) {
    if (p == null || p.toString().equals("-")) {
      return 1;
    }
    if (p.toString().isEmpty()) {
      return p;
    }
    int descriptor = OutputTarget.standardDescriptor(p);
    if (descriptor != 0) {
      return descriptor;
    }
    try {
      return OutputTarget.resolve(p).file();
    } catch (OutputException e) {
      return p.toAbsolutePath().normalize();
    }
  }

  /** The character writer (UTF-8, buffered). */
  public Writer writer() {
    return writer;
  }

  /**
   * The byte stream under {@link #writer()}, for binary data (such as gzip). Flush the writer
   * before switching from it to the stream.
   */
  public OutputStream stream() {
    return stream;
  }

  /** Bytes written so far (to the stream; the writer's buffer is counted once flushed). */
  public long bytes() {
    return stream.bytes;
  }

  /**
   * Flushes everything and, for a file, closes its temporary file: write errors (a full disk)
   * surface here, before anything is renamed. {@link #commit} calls it; call it first when
   * several outputs must be complete before any is committed (see {@link #commitAll}).
   */
  public void prepare() throws IOException {
    if (prepared) {
      return;
    }
    writer.flush();
    if (closeStream) {
      stream.closeUnderlying();
    }
    prepared = true;
  }

  /** {@link #prepare Prepares} and, for a file, renames the temporary file over the target. */
  public void commit() throws IOException {
    prepare();
    if (target != null && !committed) {
      target.commit(temp);
    }
    committed = true;
  }

  /**
   * Commits several outputs: all are prepared (flushed, written out) before the first is
   * renamed, so a write error in any leaves every target as it was. Null entries are skipped.
   */
  public static void commitAll(Output... outputs) throws IOException {
    for (Output o : outputs) {
      if (o != null) {
        o.prepare();
      }
    }
    for (Output o : outputs) {
      if (o != null) {
        o.commit();
      }
    }
  }

  /**
   * Without {@link #commit}: deletes the temporary file of a file target, and closes a target
   * written in place, or flushes standard output, ignoring a closed pipe (an error is on its
   * way).
   */
  @Override
  public void close() throws IOException {
    if (committed) {
      return;
    }
    if (target != null) {
      try {
        closeQuietly();
      } finally {
        TempFiles.delete(temp);
      }
      return;
    }
    closeQuietly();
  }

  private void closeQuietly() throws IOException {
    try {
      writer.flush();
    } catch (BrokenPipeException e) {
      // the reader went away; nothing to report
    } catch (OutputException e) {
      // reported by the write that failed first; a second flush fails the same way
      if (!stream.failed) {
        throw e;
      }
    } finally {
      if (closeStream) {
        stream.closeUnderlying();
      }
    }
  }

  /**
   * Counts bytes and turns write errors into {@link BrokenPipeException} (the reader closed the
   * pipe: EPIPE) or {@link OutputException} (anything else, such as ENOSPC or EBADF).
   */
  private static final class GuardedStream extends OutputStream {
    private final OutputStream out;
    private final String what;
    long bytes;
    boolean failed;

    GuardedStream(OutputStream out, String what) {
      this.out = out;
      this.what = what;
    }

    @Override
    public void write(int b) throws IOException {
      try {
        out.write(b);
      } catch (IOException e) {
        throw failure(e);
      }
      bytes++;
      checkPrintStream();
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        throw failure(e);
      }
      bytes += len;
      checkPrintStream();
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        throw failure(e);
      }
      checkPrintStream();
    }

    /** Flushes; the underlying stream is closed only by {@link #closeUnderlying}. */
    @Override
    public void close() throws IOException {
      flush();
    }

    void closeUnderlying() throws IOException {
      try {
        out.close();
      } catch (IOException e) {
        if (!failed) {
          throw failure(e);
        }
      }
    }

    /** A {@link PrintStream} (a redirected {@link System#out}) hides its errors: ask for them. */
    private void checkPrintStream() throws OutputException {
      if (out instanceof PrintStream ps && ps.checkError()) {
        failed = true;
        throw new OutputException(what, "write error", null);
      }
    }

    private IOException failure(IOException e) {
      failed = true;
      if (e instanceof OutputException) {
        return e;
      }
      if (isBrokenPipe(e)) {
        throw new BrokenPipeException(e);
      }
      return OutputException.of(what, e);
    }
  }

  /** What the system calls EPIPE, in its language; null until a write error asks for it. */
  private static volatile String brokenPipeMessage;

  /**
   * Whether {@code e} is the error of writing to a pipe whose reader has gone (EPIPE). Java gives
   * only the system's message for it: "Broken pipe" on Linux in English, translated in other
   * locales, so the first check also compares with the message of a real closed pipe.
   */
  static boolean isBrokenPipe(IOException e) {
    String m = e.getMessage();
    if (m == null) {
      return false;
    }
    if (m.startsWith("Broken pipe")) {
      return true;
    }
    String local = brokenPipeMessage;
    if (local == null) {
      local = probeBrokenPipe();
      brokenPipeMessage = local;
    }
    return m.equals(local);
  }

  private static String probeBrokenPipe() {
    try {
      Pipe p = Pipe.open();
      p.source().close();
      try (Pipe.SinkChannel sink = p.sink()) {
        sink.write(ByteBuffer.wrap(new byte[1]));
      }
    } catch (IOException e) {
      return e.getMessage() == null ? "Broken pipe" : e.getMessage();
    }
    return "Broken pipe";
  }
}
