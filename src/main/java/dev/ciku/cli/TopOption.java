package dev.ciku.cli;

import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --top K}: the number of rows a command writes at most, in its order (0: all), checked
 * alike everywhere ({@link OutputOptions#checkTop}). Mixed in by {@code count}, {@code discover},
 * {@code domain} and {@code vocab} (and the Spark jobs of the first three), which say what their
 * rows are ({@link OptionTexts}) and may start from another default than 0 (vocab's 200,000
 * words).
 *
 * <p>A picocli mixin: picocli fills the field while parsing, and {@link #value} reads it (nothing
 * is cached). Not thread-safe; one instance per command run, used on its thread.
 */
public final class TopOption implements OptionTexts.Own {
  // Without an annotated default, the field's value when the command is built is the default.
  @Option(names = "--top", paramLabel = "K", description = "Print only the first K rows (0: all).")
  int top;

  /** The command's help text, or null for the annotation's. */
  private final String text;

  /** {@code --top} with the default 0 (all rows) and the annotation's text. */
  public TopOption() {
    this(0, null);
  }

  /**
   * {@code --top} with the default {@code defaultTop}, described by {@code text} (which may hold
   * {@code ${DEFAULT-VALUE}}).
   */
  public TopOption(int defaultTop, String text) {
    this.top = defaultTop;
    this.text = text;
  }

  /**
   * The number of rows to write at most; 0 writes all.
   *
   * @throws CikuException (usage) if it is negative
   */
  public int value() {
    return OutputOptions.checkTop(top);
  }

  @Override
  public Map<String, String> texts() {
    return OptionTexts.text("top", text);
  }
}
