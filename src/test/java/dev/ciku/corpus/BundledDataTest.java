package dev.ciku.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

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
}
