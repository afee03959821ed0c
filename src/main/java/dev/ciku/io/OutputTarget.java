package dev.ciku.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where an output path leads, checked before any work is done. {@link #resolve} follows symbolic
 * links to the file they name, so the result replaces that file and the link stays; it rejects a
 * missing or unusable directory, a directory target and an unwritable file with an
 * {@link OutputException} naming the path as given.
 *
 * <p>An existing target that is not a regular file (a FIFO, a device, a {@code /dev/fd/N} or
 * {@code /dev/stdout} link of the kernel) is a {@link #isStream() stream}: written in place, as a
 * shell redirection would. ({@code dev.ciku.output.Output.open} writes a target that is the
 * process's own standard output or error through that descriptor instead: {@link
 * #standardDescriptor}.) Any other target is a file, written to a temporary file next to it
 * ({@link #createTemp}) and renamed over it ({@link #commit}). Temporary files are created as a
 * shell creates a file (mode 0666 less the umask) and, when an existing file is replaced, get its
 * permissions; they are {@link TempFiles#register registered} for deletion at an early exit.
 *
 * <p>Cost: a few system calls per symbolic link. Immutable and thread-safe; the file system may
 * change between {@link #resolve} and writing, and errors then are reported when they happen.
 */
public final class OutputTarget {
  private static final int MAX_LINKS = 40;
  /** Characters of the target's name kept in a temporary file's name (which must stay short). */
  private static final int NAME_CHARS = 60;

  private final Path given;
  private final Path file;
  private final boolean stream;
  private final Set<PosixFilePermission> permissions;

  private OutputTarget(Path given, Path file, boolean stream, Set<PosixFilePermission> permissions) {
    this.given = given;
    this.file = file;
    this.stream = stream;
    this.permissions = permissions;
  }

  /**
   * Resolves {@code path}: follows symbolic links, checks that its directory exists and that it is
   * not a directory (nor an existing file that cannot be written).
   *
   * @throws IllegalArgumentException if {@code path} is empty
   * @throws OutputException if the path cannot be written
   */
  public static OutputTarget resolve(Path path) throws OutputException {
    if (path.toString().isEmpty()) {
      throw new IllegalArgumentException("the output file name is empty");
    }
    String what = path.toString();
    Path p = path.toAbsolutePath();
    try {
      for (int links = 0; ; links++) {
        Path parent = p.getParent();
        if (parent == null || p.getFileName() == null) {
          throw new OutputException(what, "is a directory", null);
        }
        // The directory as the user wrote it, while no link was followed.
        Path shown = links == 0 && path.getParent() != null ? path.getParent() : parent;
        Path dir;
        try {
          dir = parent.toRealPath();
        } catch (NoSuchFileException e) {
          throw new OutputException(what, "directory " + shown + " does not exist", e);
        }
        if (!Files.isDirectory(dir)) {
          throw new OutputException(what, shown + " is not a directory", null);
        }
        if (dir.startsWith("/proc")) {
          // A link the kernel makes (/dev/stdout, /dev/fd/N) to an open file, pipe or terminal.
          return new OutputTarget(path, path.toAbsolutePath(), true, null);
        }
        p = dir.resolve(p.getFileName());
        if (!Files.isSymbolicLink(p)) {
          break;
        }
        if (links == MAX_LINKS) {
          throw new OutputException(what, "too many levels of symbolic links", null);
        }
        p = dir.resolve(Files.readSymbolicLink(p));
      }
      BasicFileAttributes a;
      try {
        a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException e) {
        return new OutputTarget(path, p, false, null);
      }
      if (a.isDirectory()) {
        throw new OutputException(what, "is a directory", null);
      }
      if (!a.isRegularFile()) {
        return new OutputTarget(path, p, true, null);
      }
      if (!Files.isWritable(p)) {
        throw new OutputException(what, "permission denied", null);
      }
      Set<PosixFilePermission> perms;
      try {
        perms = Files.getPosixFilePermissions(p);
      } catch (UnsupportedOperationException e) {
        perms = null;
      }
      return new OutputTarget(path, p, false, perms);
    } catch (OutputException e) {
      throw e;
    } catch (IOException e) {
      throw OutputException.of(what, e);
    }
  }

  /** Names of this process's standard output and error, whatever they are open on. */
  private static final java.util.Map<String, Integer> STANDARD_NAMES = java.util.Map.of(
      "/dev/stdout", 1, "/dev/fd/1", 1, "/proc/self/fd/1", 1, "/proc/thread-self/fd/1", 1,
      "/dev/stderr", 2, "/dev/fd/2", 2, "/proc/self/fd/2", 2, "/proc/thread-self/fd/2", 2);

  /**
   * Which of this process's standard descriptors {@code path} names: 1 for standard output, 2
   * for standard error, 0 for neither. A name of the descriptor itself ({@code /dev/stdout},
   * {@code /dev/fd/2}, {@code /proc/self/fd/1}) counts whatever it is open on (even nothing);
   * any other path counts when it is the same file as the descriptor (same device and inode,
   * links followed), as {@code -o f > f} or {@code -o /dev/pts/0} on a terminal. Such a target
   * must be written through the inherited descriptor, as {@code >} output is: reopening it would
   * start at another offset (or in append mode) and clobber, or be clobbered by, what the shell
   * writes around the command.
   *
   * <p>Cost: up to three {@code stat} calls. Thread-safe.
   */
  public static int standardDescriptor(Path path) {
    return standardDescriptor(path, Path.of("/proc/self/fd/1"), Path.of("/proc/self/fd/2"));
  }

  /**
   * 1 or 2 if {@code path} is a name of this process's standard output or error itself
   * ({@code /dev/stdout}, {@code /dev/fd/2}, {@code /proc/self/fd/1}), whatever it is open on;
   * else 0. Unlike {@link #standardDescriptor(Path)}, no file is compared.
   */
  public static int standardName(Path path) {
    Integer named = STANDARD_NAMES.get(path.toAbsolutePath().normalize().toString());
    return named == null ? 0 : named;
  }

  /** As {@link #standardDescriptor(Path)}, with the files standing for descriptors 1 and 2. */
  static int standardDescriptor(Path path, Path out, Path err) {
    int named = standardName(path);
    if (named != 0) {
      return named;
    }
    Object key = fileKey(path);
    if (key == null) {
      return 0;
    }
    if (key.equals(fileKey(out))) {
      return 1;
    }
    return key.equals(fileKey(err)) ? 2 : 0;
  }

  /** The identity (device and inode) of the file {@code p} leads to, or null if unknown. */
  private static Object fileKey(Path p) {
    try {
      return Files.readAttributes(p, BasicFileAttributes.class).fileKey();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The path as given, for messages. */
  public Path given() {
    return given;
  }

  /** The file written or replaced: the given path with its symbolic links followed. */
  public Path file() {
    return file;
  }

  /** Whether the target is written in place (a FIFO, a device, a kernel link), not replaced. */
  public boolean isStream() {
    return stream;
  }

  /** Opens a {@link #isStream() stream} target for writing (appending, as {@code >>} would). */
  public OutputStream openStream() throws OutputException {
    if (!stream) {
      throw new IllegalStateException(given + " is a file: write it through a temporary file");
    }
    try {
      return Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw OutputException.of(given.toString(), e);
    }
  }

  /**
   * Creates an empty hidden temporary file next to the {@link #file()}, named {@code .NAME.N}
   * plus {@code suffix}, with the mode a new or replaced file gets, and registers it in
   * {@link TempFiles}.
   */
  public Path createTemp(String suffix) throws OutputException {
    requireFile();
    for (int attempt = 0; ; attempt++) {
      Path temp = tempName(suffix);
      try {
        Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
            .close();
      } catch (FileAlreadyExistsException e) {
        if (attempt < 100) {
          continue;
        }
        throw OutputException.of(given.toString(), e);
      } catch (IOException e) {
        throw OutputException.of(given.toString(), e);
      }
      TempFiles.register(temp);
      try {
        applyPermissions(temp);
      } catch (OutputException e) {
        try {
          TempFiles.delete(temp);
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
      return temp;
    }
  }

  /**
   * A fresh, unused temporary name next to the {@link #file()} for a file another library
   * creates, {@link TempFiles#register registered} already (checks that the directory is
   * writable by creating and deleting it).
   */
  public Path reserveTemp(String suffix) throws OutputException {
    Path temp = createTemp(suffix);
    try {
      Files.delete(temp);
    } catch (IOException e) {
      throw OutputException.of(given.toString(), e);
    }
    return temp;
  }

  /** Renames {@code from} over {@code to}, atomically where the file system allows it. */
  private static void moveAtomically(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Renames {@code temp} (from {@link #createTemp} or {@link #reserveTemp}) over the target,
   * atomically where the file system allows it, after giving it the replaced file's permissions.
   */
  public void commit(Path temp) throws OutputException {
    requireFile();
    applyPermissions(temp);
    try {
      moveAtomically(temp, file);
    } catch (IOException e) {
      throw OutputException.of(given.toString(), e);
    }
    TempFiles.release(temp);
  }

  private void applyPermissions(Path temp) throws OutputException {
    if (permissions == null) {
      return;
    }
    try {
      Files.setPosixFilePermissions(temp, permissions);
    } catch (IOException e) {
      throw OutputException.of(given.toString(), e);
    }
  }

  private Path tempName(String suffix) {
    String name = file.getFileName().toString();
    if (name.codePointCount(0, name.length()) > NAME_CHARS) {
      name = name.substring(0, name.offsetByCodePoints(0, NAME_CHARS));
    }
    return file.resolveSibling("." + name + "."
        + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()) + suffix);
  }

  private void requireFile() {
    if (stream) {
      throw new IllegalStateException(given + " is written in place, not through a temporary file");
    }
  }
}
