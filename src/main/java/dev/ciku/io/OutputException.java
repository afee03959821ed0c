package dev.ciku.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;

/**
 * An output could not be written: its message is one line for the user, such as {@code cannot
 * write to standard output: no space left on device} or {@code cannot write out.tsv: is a
 * directory} (the command line exits 74 with it).
 */
public final class OutputException extends IOException {
  private static final long serialVersionUID = 1L;

  /** An error about {@code what} ("to standard output" or a path): "cannot write WHAT: REASON". */
  public OutputException(String what, String reason, Throwable cause) {
    super("cannot write " + what + ": " + reason, cause);
  }

  /** As {@link #OutputException(String, String, Throwable)}, the reason taken from {@code cause}. */
  public static OutputException of(String what, IOException cause) {
    if (cause instanceof OutputException o) {
      return o;
    }
    return new OutputException(what, reason(cause), cause);
  }

  /** The reason of an I/O error in a few lower-case words, e.g. "permission denied". */
  static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    String r = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
    if (r == null || r.isBlank()) {
      return e.getClass().getSimpleName();
    }
    // System messages start upper-case ("No space left on device"); the line reads on from ": ".
    return r.length() > 1 && Character.isUpperCase(r.charAt(0)) && Character.isLowerCase(r.charAt(1))
        ? r.substring(0, 1).toLowerCase(Locale.ROOT) + r.substring(1) : r;
  }
}
