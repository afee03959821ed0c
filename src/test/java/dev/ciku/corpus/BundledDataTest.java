package dev.ciku.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledDataTest {
  @Test
  void open_bundledFile_sameBytesAsTheCheckoutsDict() throws IOException {
    for (String name : new String[] {"dict/stopwords.txt", "dict/t2s-chars.tsv"}) {
      try (InputStream in = BundledData.open(name)) {
        assertNotNull(in, name);
        assertArrayEquals(Files.readAllBytes(Path.of(name)), in.readAllBytes(), name);
      }
    }
  }

  @Test
  void open_missingFile_null() throws IOException {
    assertNull(BundledData.open("dict/no-such-file.txt"));
    assertNull(BundledData.besideJar("dict/no-such-file.txt"));
  }

  @Test
  void beside_dictWithOrWithoutCikusReadme_onlyCikusOverrides(@TempDir Path home)
      throws IOException {
    // A jar copied to ~/bin beside a user's own ~/dict/ (jieba dictionaries, stopwords).
    Path jar = Files.createDirectories(home.resolve("bin")).resolve("ciku.jar");
    Files.write(jar, new byte[] {'P', 'K'});
    Path stop = Files.createDirectories(home.resolve("dict")).resolve("stopwords.txt");
    Files.writeString(stop, "的\n");
    assertNull(BundledData.beside(jar, "dict/stopwords.txt"), "no README");
    Path readme = home.resolve("dict/README.md");
    Files.writeString(readme, "# my dictionaries\n");
    assertNull(BundledData.beside(jar, "dict/stopwords.txt"), "someone else's README");
    // ciku's own dict/ (a checkout: the jar in target/, dict/ in its parent), BOM-less UTF-8.
    Files.copy(Path.of("dict/README.md"), readme,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertEquals(stop, BundledData.beside(jar, "dict/stopwords.txt"));
    assertNull(BundledData.beside(jar, "dict/measure-words.txt"), "a file it lacks");
    // In the jar's own directory too, and for a directory of classes.
    Path lib = Files.createDirectories(home.resolve("lib/dict"));
    Files.copy(Path.of("dict/README.md"), lib.resolve("README.md"));
    Files.writeString(lib.resolve("stopwords.txt"), "了\n");
    assertEquals(lib.resolve("stopwords.txt"),
        BundledData.beside(home.resolve("lib/ciku.jar"), "dict/stopwords.txt"));
    assertEquals(lib.resolve("stopwords.txt"),
        BundledData.beside(home.resolve("lib"), "dict/stopwords.txt"));
  }

  @Test
  void mark_checkoutsDictReadme_isItsFirstLine() throws IOException {
    assertEquals(BundledData.MARK, Files.readAllLines(Path.of("dict/README.md")).get(0));
  }
}
