package dev.ciku.corpus;

import java.io.IOException;

/**
 * An input whose content breaks its format: a line of a pattern file or a reference profile that
 * cannot be read as one. The message is one line for the user that names the input and, when
 * known, the line ({@code stop.txt:3: ...}); the command line exits 65 (bad data) with it.
 * Immutable.
 */
public final class MalformedDataException extends IOException {
  private static final long serialVersionUID = 1L;

  /** A fault of the whole input {@code name}: "NAME: WHAT". */
  public MalformedDataException(String name, String what) {
    super(name + ": " + what);
  }

  /** A fault of line {@code line} (1-based) of {@code name}: "NAME:LINE: WHAT". */
  public MalformedDataException(String name, long line, String what) {
    super(name + ":" + line + ": " + what);
  }
}
