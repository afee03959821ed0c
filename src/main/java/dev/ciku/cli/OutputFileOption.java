package dev.ciku.cli;

import dev.ciku.output.Output;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code -o FILE}: where a command's output goes instead of standard output. Part of
 * {@link OutputOptions}; mixed in alone by {@code segment}, which writes text, not rows, and by
 * the Spark jobs, whose text says the file is the driver's.
 *
 * <p>A picocli mixin: picocli fills the field while parsing, and the methods read it (nothing is
 * cached). Not thread-safe; one instance per command run, used on its thread.
 */
public final class OutputFileOption implements OptionTexts.Own {
  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write to FILE (atomically: complete or not at all) instead of standard output;"
          + " a FIFO, a device or /dev/fd/N is written in place; /dev/stdout, /dev/stderr (or the"
          + " file they are redirected to) as standard output or error.")
  Path output;

  /** The command's help text, or null for the annotation's. */
  private final String text;

  /** {@code -o} with the annotation's text. */
  public OutputFileOption() {
    this(null);
  }

  /** {@code -o} described by {@code text}. */
  public OutputFileOption(String text) {
    this.text = text;
  }

  /** The file given to {@code -o}, or null for standard output. */
  public Path path() {
    return output;
  }

  /** Opens the destination (nothing is written to a file until it is committed). */
  public Output open() throws IOException {
    return Output.open(output);
  }

  @Override
  public Map<String, String> texts() {
    return OptionTexts.text("output", text);
  }
}
