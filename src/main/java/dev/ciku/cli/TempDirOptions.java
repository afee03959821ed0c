package dev.ciku.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where a command spills what does not fit in memory.
 *
 * <p>A picocli mixin: picocli fills the fields while parsing, and the methods read them (nothing
 * is cached). Not thread-safe; one instance per command run, used on its thread.
 */
public final class TempDirOptions {
  @Option(names = "--temp-dir", paramLabel = "DIR",
      description = "Where spilled data go (default: java.io.tmpdir); deleted at the end, also"
          + " on Ctrl-C.")
  Path tempDir;

  /**
   * The spill directory, checked to be one: otherwise nothing could be written there, an I/O
   * error (74), as for an output.
   */
  public Path tempDir() {
    Path d = tempDir != null ? tempDir : Path.of(System.getProperty("java.io.tmpdir"));
    if (!Files.isDirectory(d)) {
      throw new CikuException(CikuException.IO, "cannot write temporary files in --temp-dir " + d
          + ": " + (Files.exists(d) ? "not a directory" : "no such directory"));
    }
    return d;
  }
}
