package dev.ciku.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The files a command's inputs read more than once: named twice ({@code a.txt ./a.txt}), named
 * and inside a directory argument, or two hard links to one file. Its text is then counted as
 * often, as {@code cat} would give it, which is seldom meant, so each gets one warning. Local
 * files are the same when the file system says so (device and inode), else when their real
 * paths are; others (the Spark jobs' remote files) when their keys are equal. Cost: one
 * file-status call per local file. Not thread-safe; one per list of inputs.
 */
public final class RepeatedReads {
  /** The names each file was read under, in the order first read. */
  private final Map<Object, List<String>> names = new LinkedHashMap<>();

  /** Adds the local file {@code file}, read as {@code name}; one that cannot be read is left out. */
  public void addLocal(Path file, String name) {
    Object key;
    try {
      Object inode = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
      key = inode != null ? inode : file.toRealPath();
    } catch (IOException e) {
      return; // the reading will say what is wrong with it
    }
    add(key, name);
  }

  /** Adds a file known by {@code key} (a URI, say), read as {@code name}. */
  public void add(Object key, String name) {
    names.computeIfAbsent(key, k -> new ArrayList<>()).add(name);
  }

  /** Says "F is read N times (as A, B, ...): its text is counted N times" of each repeated file. */
  public void warn(Consumer<String> warnings) {
    for (List<String> same : names.values()) {
      int n = same.size();
      if (n > 1) {
        String as = String.join(", ", same.subList(0, Math.min(3, n))) + (n > 3 ? ", ..." : "");
        warnings.accept(same.get(0) + " is read " + n + " times (as " + as + "): its text is"
            + " counted " + n + " times");
      }
    }
  }
}
