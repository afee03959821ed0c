package dev.ciku.count;

import java.io.IOException;

/**
 * A {@link GramSink} that writes the grams it receives as rows somewhere (the output stage
 * implements it), so that the counting stages can hand grams to the output without knowing its
 * formats. Not thread-safe, as any sink.
 */
public interface RowSink extends GramSink {
  /** The rows written so far. */
  long written();

  /**
   * Called once after the last gram: completes the rows (a header alone when there was none).
   * Committing where they went is the caller's.
   */
  void finish() throws IOException;
}
