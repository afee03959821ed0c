package dev.ciku.segment;

/**
 * Counts the characters of text read in pieces the way {@code ciku stats} counts them: code
 * points (a surrogate pair is one, also when a read ends between its halves), line ends (LF, the
 * CR LF pair, or a CR that ends an input) excluded, any other CR counted. {@link #endInput}
 * separates inputs. A byte-order mark is not its business: the reader drops it
 * ({@link dev.ciku.corpus.DecodingReader}), as {@code ciku stats} does.
 *
 * <p>Cost: one comparison a {@code char}; no allocation. Not thread-safe: one per reader.
 */
final class CharTally {
  private long count;
  private char previous;

  /** Adds {@code text[from..to)}, the next piece of the current input. */
  void add(char[] text, int from, int to) {
    long n = count + (to - from);
    char prev = previous;
    for (int i = from; i < to; i++) {
      char c = text[i];
      if (c == '\n') {
        n -= prev == '\r' ? 2 : 1;
      } else if (Character.isLowSurrogate(c) && Character.isHighSurrogate(prev)) {
        n--;
        c = 0; // a pair is complete: the next low surrogate is a lone one
      }
      prev = c;
    }
    count = n;
    previous = prev;
  }

  /** Ends the current input: a CR at its end was a line end. */
  void endInput() {
    count = count();
    previous = 0;
  }

  /** Characters added so far, as if the input ended here. */
  long count() {
    return previous == '\r' ? count - 1 : count;
  }
}
