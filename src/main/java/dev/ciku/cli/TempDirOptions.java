package dev.ciku.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/**
 * Where a command spills what does not fit in memory: {@code --temp-dir}, else {@code $TMPDIR}
 * (the directory every Unix tool that spills uses, often a larger disk than {@code /tmp} on a
 * server), else {@code java.io.tmpdir}. Also the Spark jobs' driver's, whose text says where
 * their tasks spill.
 *
 * <p>A picocli mixin: picocli fills the fields while parsing, and the methods read them (nothing
 * is cached). Not thread-safe; one instance per command run, used on its thread.
 */
public final class TempDirOptions implements OptionTexts.Own {
  @Option(names = "--temp-dir", paramLabel = "DIR",
      description = "Where spilled data go (default: $TMPDIR, else java.io.tmpdir); deleted at"
          + " the end, also on Ctrl-C.")
  Path tempDir;

  /** The command's help text, or null for the annotation's. */
  private final String text;

  /** {@code --temp-dir} with the annotation's text. */
  public TempDirOptions() {
    this(null);
  }

  /** {@code --temp-dir} described by {@code text}. */
  public TempDirOptions(String text) {
    this.text = text;
  }

  /**
   * The spill directory, checked to be one: otherwise nothing could be written there, an I/O
   * error (74), as for an output.
   */
  public Path tempDir() {
    return tempDir(System::getenv);
  }

  /** As {@link #tempDir()}, with the environment variables of {@code env}. */
  Path tempDir(UnaryOperator<String> env) {
    String tmpdir = env.apply("TMPDIR");
    String from;
    Path d;
    if (tempDir != null) {
      from = "--temp-dir";
      d = tempDir;
    } else if (tmpdir != null && !tmpdir.isEmpty()) {
      from = "TMPDIR";
      d = Path.of(tmpdir);
    } else {
      from = "java.io.tmpdir";
      d = Path.of(System.getProperty("java.io.tmpdir"));
    }
    if (!Files.isDirectory(d)) {
      throw new CikuException(CikuException.IO, "cannot write temporary files in " + from + " "
          + d + ": " + (Files.exists(d) ? "not a directory" : "no such directory"));
    }
    return d;
  }

  @Override
  public Map<String, String> texts() {
    return OptionTexts.text("temp-dir", text);
  }
}
