package dev.ciku.corpus;

/** How each line of an input is turned into text. */
public enum InputFormat {
  /** Every line is text. */
  PLAIN,
  /** Every line is a JSON object; the text is the string field named by {@code --field}. */
  JSONL,
  /** Tab-separated columns; the text is column {@code --column} (1-based). */
  TSV,
  /** Comma-separated columns with RFC 4180 quotes inside one line; column {@code --column}. */
  CSV
}
