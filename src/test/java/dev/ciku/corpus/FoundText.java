package dev.ciku.corpus;

/** The text a {@link RecordField} found, as a string, for tests. */
final class FoundText {
  private FoundText() {}

  /** The text of {@code f}'s last {@link RecordField#find} that returned {@code TEXT}. */
  static String of(RecordField f) {
    return new String(f.chars(), f.start(), f.end() - f.start());
  }
}
