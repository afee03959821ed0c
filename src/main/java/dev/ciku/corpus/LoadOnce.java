package dev.ciku.corpus;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value loaded on first use and kept, for the data files of {@code dict/} ({@link Simplified},
 * {@link FunctionWords}). Unlike a holder class's static initializer, a load that fails (an
 * unreadable {@code dict/} file beside the jar) throws its own exception to the caller, which
 * {@code ciku} reports as one line, and is tried again on the next call; a failed static
 * initializer throws {@link ExceptionInInitializerError}, which passes the command-line error
 * handling by (a stack trace), and then {@link NoClassDefFoundError} for the rest of the JVM.
 *
 * <p>Thread-safe: the loader runs at most once at a time, and once successfully.
 *
 * @param <T> the value
 */
public final class LoadOnce<T> {
  private final Supplier<T> loader;
  private volatile T value;

  /** A value that {@code loader} makes (it must not return null). */
  public LoadOnce(Supplier<T> loader) {
    this.loader = Objects.requireNonNull(loader);
  }

  /** The value, loaded now if it is not yet; throws what the loader throws. */
  public T get() {
    T v = value;
    if (v == null) {
      synchronized (this) {
        v = value;
        if (v == null) {
          v = Objects.requireNonNull(loader.get(), "loader returned null");
          value = v;
        }
      }
    }
    return v;
  }
}
