package dev.ciku.segment;

/**
 * Counts the characters of text read in pieces the way {@code ciku stats} counts them: code
 * points (a surrogate pair is one, also when a read ends between its halves), line ends (LF, the
 * CR LF pair, or a CR that ends the text) excluded, any other CR counted.
 *
 * <p>Cost: one comparison a {@code char}; no allocation. Not thread-safe: one per reader.
 */
final class CharTally {
  private long count;
  private char previous;

  /** Adds {@code text[from..to)}, the next piece of the text. */
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

  /** Characters added so far, as if the text ended here. */
  long count() {
    return previous == '\r' ? count - 1 : count;
  }
}
