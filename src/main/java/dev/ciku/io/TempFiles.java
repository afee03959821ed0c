package dev.ciku.io;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The temporary files this process has created and not yet committed or deleted, deleted by a
 * JVM shutdown hook when the process ends early (SIGINT, SIGTERM, {@link System#exit} while work
 * is in flight). Whoever creates a temporary file calls {@link #register} right after creating it
 * (or before, for a name another library will create), and {@link #release} once the file is
 * renamed over its target or deleted, so the registry holds only live files: unlike
 * {@link java.io.File#deleteOnExit()}, nothing accumulates in a long-lived process.
 *
 * <p>A file registered after the hook has run is deleted at once; {@link #create} makes no file
 * once the hook has started, and the hook waits for those being made. SIGKILL and a JVM crash
 * run no hook; such files stay. Thread-safe; register and release are a concurrent-set update each.
 */
public final class TempFiles {
  private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
  private static volatile boolean hookInstalled;
  private static volatile boolean shuttingDown;
  /**
   * Calls of {@link #create} between their check of {@link #shuttingDown} and their
   * {@link #register}: the hook waits for them, since the JVM halts once the hooks are done and a
   * file made just before that would be left behind.
   */
  private static final java.util.concurrent.atomic.AtomicInteger CREATING =
      new java.util.concurrent.atomic.AtomicInteger();
  /** How long the hook waits for calls of {@link #create} in flight. */
  private static final long CREATE_WAIT_NANOS = 2_000_000_000L;

  private TempFiles() {}

  /**
   * A new empty file in {@code dir} ({@link Files#createTempFile(Path, String, String)}: private
   * to this user), registered: for spills and scratch files that never become an output.
   *
   * @throws OutputException if it cannot be created (a directory not writable, a full disk):
   *     "cannot write temporary file FILE: REASON", an output error, never taken for an input
   *     that cannot be read
   */
  public static Path create(Path dir, String prefix, String suffix) throws IOException {
    installHook();
    CREATING.incrementAndGet();
    try {
      if (shuttingDown) {
        // The hook has swept or is sweeping: make nothing it could miss.
        throw new IOException("shutting down: no new temporary file in " + dir);
      }
      Path f;
      try {
        f = Files.createTempFile(dir, prefix, suffix);
      } catch (FileSystemException e) {
        String file = e.getFile() != null ? e.getFile()
            : dir.resolve(prefix + "N" + suffix).toString();
        throw OutputException.of("temporary file " + file, e);
      } catch (IOException e) {
        throw OutputException.of("a temporary file in " + dir, e);
      }
      register(f);
      return f;
    } finally {
      CREATING.decrementAndGet();
    }
  }

  /** Deletes {@code file} (if it exists) when the JVM shuts down before {@link #release}. */
  public static void register(Path file) {
    installHook();
    Path p = file.toAbsolutePath();
    LIVE.add(p);
    if (shuttingDown) {
      // The hook may already have swept: delete what arrives late ourselves.
      deleteQuietly(p);
    }
  }

  /** Forgets {@code file}: it was committed (renamed) or deleted. Unknown files are ignored. */
  public static void release(Path file) {
    LIVE.remove(file.toAbsolutePath());
  }

  /** Deletes {@code file} if it exists, then {@link #release releases} it. */
  public static void delete(Path file) throws IOException {
    try {
      Files.deleteIfExists(file);
    } finally {
      release(file);
    }
  }

  /**
   * Deletes each of {@code files} as {@link #delete} does, as far as it can: a file that cannot
   * be deleted is left behind (and released) without failing the caller, which is cleaning up
   * temporary files after its work or after an error.
   */
  public static void deleteAll(Iterable<Path> files) {
    for (Path f : files) {
      try {
        delete(f);
      } catch (IOException e) {
        // A temporary file left behind is not worth failing the run for.
      }
    }
  }

  /**
   * Whether the JVM is shutting down (a signal such as SIGINT or SIGTERM, or {@link System#exit},
   * has started the shutdown hooks). Work still running then fails in odd ways, since hooks close
   * what it uses (this class deletes its temporary files, Chronicle Map closes its maps): such
   * failures are the signal's doing, not errors to report. Cost: registering and removing a hook.
   * Thread-safe.
   */
  public static boolean isShuttingDown() {
    if (shuttingDown) {
      return true;
    }
    Thread probe = new Thread(() -> { }, "ciku-shutdown-probe");
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException e) {
      return true; // "Shutdown in progress"
    }
  }

  /** Whether {@code file} is registered (for tests). */
  public static boolean isRegistered(Path file) {
    return LIVE.contains(file.toAbsolutePath());
  }

  private static void installHook() {
    if (hookInstalled) {
      return;
    }
    synchronized (TempFiles.class) {
      if (!hookInstalled) {
        try {
          Runtime.getRuntime().addShutdownHook(new Thread(TempFiles::sweep, "ciku-temp-files"));
        } catch (IllegalStateException e) {
          shuttingDown = true; // too late for a hook: register deletes at once
        }
        hookInstalled = true;
      }
    }
  }

  private static void sweep() {
    shuttingDown = true;
    // A create() past its check makes its file now: wait for it to be registered (briefly; the
    // threads are still running while the hooks run).
    long deadline = System.nanoTime() + CREATE_WAIT_NANOS;
    while (CREATING.get() > 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      Thread.yield();
    }
    for (Path p : LIVE) {
      deleteQuietly(p);
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException | RuntimeException e) {
      // the process is ending; nothing useful to report
    }
  }
}
