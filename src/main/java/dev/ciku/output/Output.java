package dev.ciku.output;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where a command's data goes: standard output, or a file written atomically (to a temporary file
 * in the same directory, renamed over the target by {@link #commit}; {@link #close} without
 * commit deletes the temporary file, so an interrupted run leaves nothing half-written under the
 * target's name). Writing to a closed standard output raises {@link BrokenPipeException}.
 *
 * <p>Not thread-safe.
 */
public final class Output implements Closeable {
  private final Path target;
  private final Path temp;
  private final OutputStream stream;
  private final Writer writer;
  private boolean committed;

  private Output(Path target, Path temp, OutputStream stream) {
    this.target = target;
    this.temp = temp;
    this.stream = stream;
    this.writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
  }

  private static final java.io.PrintStream ORIGINAL_OUT = System.out;

  /**
   * Standard output: the raw file descriptor (unsynchronised, and a closed pipe is reported), or
   * {@link System#out} when an embedding application or a test has redirected it.
   */
  public static Output stdout() {
    OutputStream fd = System.out == ORIGINAL_OUT
        ? new FileOutputStream(FileDescriptor.out) : System.out;
    return new Output(null, null, new PipeAwareStream(fd));
  }

  /** Standard output for {@code null} or {@code "-"}, else an atomically written file. */
  public static Output open(Path target) throws IOException {
    if (target == null || target.toString().equals("-")) {
      return stdout();
    }
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      throw new java.nio.file.NoSuchFileException(dir.toString(), null, "output directory does not exist");
    }
    Path temp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
    return new Output(abs, temp, new java.io.BufferedOutputStream(Files.newOutputStream(temp), 1 << 16));
  }

  /** The character writer (UTF-8, buffered). */
  public Writer writer() {
    return writer;
  }

  /** True when writing to standard output. */
  public boolean isStdout() {
    return target == null;
  }

  /** Flushes and, for a file, renames the temporary file over the target. */
  public void commit() throws IOException {
    writer.flush();
    if (target != null) {
      writer.close();
      moveAtomically(temp, target);
    }
    committed = true;
  }

  /** Renames {@code from} over {@code to}, atomically where the file system allows it. */
  public static void moveAtomically(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Override
  public void close() throws IOException {
    if (target == null) {
      if (!committed) {
        try {
          writer.flush();
        } catch (BrokenPipeException e) {
          // the reader went away; nothing to report
        }
      }
      return;
    }
    if (!committed) {
      try {
        writer.close();
      } finally {
        Files.deleteIfExists(temp);
      }
    }
  }

  /** Turns the IOException of a closed pipe into {@link BrokenPipeException}. */
  private static final class PipeAwareStream extends OutputStream {
    private final OutputStream out;

    PipeAwareStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) {
      try {
        out.write(b);
      } catch (IOException e) {
        throw new BrokenPipeException(e);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        throw new BrokenPipeException(e);
      }
    }

    @Override
    public void flush() {
      try {
        out.flush();
      } catch (IOException e) {
        throw new BrokenPipeException(e);
      }
    }

    @Override
    public void close() {
      flush();
    }
  }
}
