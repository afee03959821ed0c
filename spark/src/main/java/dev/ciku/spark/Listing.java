package dev.ciku.spark;

import dev.ciku.cli.CikuException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.hadoop.fs.FileStatus;

/**
 * The files of the jobs' INPUT arguments ({@link Inputs#expand}) and what the head of each, read
 * once on the driver, said of its encoding: kept to be said by {@link #encodings} once the
 * listing has been checked (an output that is one of the files is a usage error first).
 *
 * <p>Cost: a verdict per file (its key, the name of its encoding, the warnings about it).
 * Immutable.
 */
final class Listing {
  /**
   * What a file's head said of its encoding: the charset's name and the warnings about it, or why
   * the jobs cannot read it.
   *
   * @param key the file as a split names it ({@link Inputs#lines}' key)
   */
  record Verdict(String key, String charset, List<String> warnings, CikuException refusal) {}

  private final List<FileStatus> files;
  private final List<Verdict> verdicts;
  private final boolean perFile;

  /**
   * @param verdicts one per file, in the same order
   * @param perFile whether each file has its own encoding ({@link Inputs.HeadRule#perFile})
   */
  Listing(List<FileStatus> files, List<Verdict> verdicts, boolean perFile) {
    if (files.size() != verdicts.size()) {
      throw new IllegalArgumentException(files.size() + " files, " + verdicts.size()
          + " verdicts");
    }
    this.files = List.copyOf(files);
    this.verdicts = List.copyOf(verdicts);
    this.perFile = perFile;
  }

  /** The files, in the order the CLI reads them. */
  List<FileStatus> files() {
    return files;
  }

  /**
   * The encoding of each file, by key, or null if all are read in the one given; in the order of
   * the files, {@code warnings} hears what was said of each, and the first file the jobs cannot
   * read is refused, as the checks of one file after another would do.
   *
   * @throws CikuException the first file's refusal
   */
  Map<String, String> encodings(Consumer<String> warnings) {
    Map<String, String> out = new HashMap<>();
    for (Verdict v : verdicts) {
      if (v.refusal() != null) {
        throw v.refusal();
      }
      v.warnings().forEach(warnings);
      out.put(v.key(), v.charset());
    }
    return perFile ? out : null;
  }
}
