package dev.ciku.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the data files of {@code dict/} are read from: a file of that name beside the jar (in
 * the jar's directory or its parent, which is the checkout when running {@code bin/ciku} or the
 * tests), so that an edited or rebuilt file takes effect at once, else the copy packed into the
 * jar as a class-path resource. Stateless and thread-safe.
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
      Path loc = Path.of(src.getLocation().toURI());
      Path dir = Files.isDirectory(loc) ? loc : loc.getParent();
      for (Path d : new Path[] {dir, dir.getParent()}) {
        if (d != null && Files.isRegularFile(d.resolve(name))) {
          return d.resolve(name);
        }
      }
    } catch (Exception e) {
      return null;
    }
    return null;
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
