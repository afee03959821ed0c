package dev.ciku.output;

/**
 * Thrown when standard output was closed by the reader (for example {@code ciku ... | head}).
 * The command line ends quietly with exit code 0 when it sees this.
 */
public final class BrokenPipeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BrokenPipeException(Throwable cause) {
    super("standard output closed", cause);
  }
}
