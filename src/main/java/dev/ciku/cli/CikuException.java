package dev.ciku.cli;

/**
 * A user-facing error: one line of message and a sysexits-style exit code. Core code throws
 * {@link IllegalArgumentException} or {@link java.io.IOException}; the command layer turns them
 * into this where the message is meant for the user.
 */
public final class CikuException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Bad arguments or options. */
  public static final int USAGE = 2;
  /** Input data that cannot be used. */
  public static final int DATA = 65;
  /** An input that does not exist or cannot be opened. */
  public static final int NO_INPUT = 66;
  /** An internal error. */
  public static final int SOFTWARE = 70;
  /** Reading or writing failed. */
  public static final int IO = 74;

  private final int exitCode;

  public CikuException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  /**
   * What {@code setting} gives, a core precondition it fails (an {@link IllegalArgumentException}
   * whose message names the option) turned into a usage error (exit 2) with that message: how
   * the command layer builds and checks its settings.
   */
  public static <T> T usage(java.util.function.Supplier<T> setting) {
    try {
      return setting.get();
    } catch (IllegalArgumentException e) {
      throw new CikuException(USAGE, e.getMessage());
    }
  }

  /** The process exit code. */
  public int exitCode() {
    return exitCode;
  }
}
