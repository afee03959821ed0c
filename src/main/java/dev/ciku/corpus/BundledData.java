package dev.ciku.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the data files of {@code dict/} are read from: a file of that name in ciku's own
 * {@code dict/} beside the jar (in the jar's directory or its parent, which is the checkout when
 * running {@code bin/ciku}), so that an edited or rebuilt file takes effect at once, else the
 * copy packed into the jar as a class-path resource. A {@code dict/} counts as ciku's only if it
 * holds ciku's {@code dict/README.md} (its first line names it): a jar copied to
 * {@code ~/bin} must not take a user's own {@code ~/dict/} (jieba dictionaries, stopword lists)
 * for its data. Stateless and thread-safe; cost: a few file-status calls and one short read.
 */
public final class BundledData {
  private BundledData() {}

  /** The file {@code name} (e.g. {@code dict/stopwords.txt}) beside the jar, or null. */
  public static Path besideJar(String name) {
    try {
      var src = BundledData.class.getProtectionDomain().getCodeSource();
      if (src == null) {
        return null;
      }
      return beside(Path.of(src.getLocation().toURI()), name);
    } catch (Exception e) {
      return null;
    }
  }

  /**
   * The file {@code name} in ciku's {@code dict/} beside {@code loc} (a jar, or a directory of
   * classes): in its directory or that directory's parent; or null.
   */
  static Path beside(Path loc, String name) {
    Path dir = Files.isDirectory(loc) ? loc : loc.getParent();
    for (Path d : new Path[] {dir, dir == null ? null : dir.getParent()}) {
      if (d != null && Files.isRegularFile(d.resolve(name)) && isCikus(d)) {
        return d.resolve(name);
      }
    }
    return null;
  }

  /** The first line of ciku's {@code dict/README.md}, which marks a {@code dict/} as ciku's. */
  static final String MARK = "# dict/ — data files shipped with ciku";

  /** Whether {@code dir/dict} is ciku's own: its README.md starts with {@link #MARK}. */
  static boolean isCikus(Path dir) {
    Path readme = dir.resolve("dict/README.md");
    if (!Files.isRegularFile(readme)) {
      return false;
    }
    try (var r = Files.newBufferedReader(readme, java.nio.charset.StandardCharsets.UTF_8)) {
      String first = r.readLine();
      return first != null && first.strip().equals(MARK);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Opens {@code name} (e.g. {@code dict/stopwords.txt}) beside the jar, else on the class path;
   * null if it is in neither. The caller closes the stream.
   */
  public static InputStream open(String name) throws IOException {
    Path beside = besideJar(name);
    if (beside != null) {
      return Files.newInputStream(beside);
    }
    return BundledData.class.getResourceAsStream("/" + name);
  }
}
