package dev.ciku.output;

/** Formats of the data written to stdout or {@code -o}. Not every command accepts every one. */
public enum OutputFormat {
  /** Tab-separated values with a header line. */
  TSV,
  /** One JSON object per line. */
  JSONL,
  /** One JSON object for the whole result ({@code stats} only). */
  JSON,
  /** {@code word count} lines, usable as a segmenter dictionary ({@code discover}, {@code vocab}). */
  DICT
}
