package dev.ciku.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputTargetTest {
  @TempDir Path dir;

  @Test
  void standardDescriptor_namesOfTheDescriptors_whateverTheyAreOpenOn() throws IOException {
    Path out = Files.writeString(dir.resolve("out"), "");
    Path err = Files.writeString(dir.resolve("err"), "");
    for (String name : new String[] {"/dev/stdout", "/dev/fd/1", "/proc/self/fd/1",
        "/dev/./stdout"}) {
      assertEquals(1, OutputTarget.standardDescriptor(Path.of(name), out, err), name);
    }
    for (String name : new String[] {"/dev/stderr", "/dev/fd/2", "/proc/self/fd/2"}) {
      assertEquals(2, OutputTarget.standardDescriptor(Path.of(name), out, err), name);
    }
    Path other = Files.writeString(dir.resolve("other"), "");
    assertEquals(0, OutputTarget.standardDescriptor(other, out, err));
    assertEquals(0, OutputTarget.standardDescriptor(dir.resolve("missing"), out, err));
  }

  @Test
  void standardDescriptor_sameFileAsADescriptor_linksFollowed() throws IOException {
    Path out = Files.writeString(dir.resolve("out"), "");
    Path err = Files.writeString(dir.resolve("err"), "");
    Path link = Files.createSymbolicLink(dir.resolve("link"), Path.of("out"));
    assertEquals(1, OutputTarget.standardDescriptor(out, out, err));
    assertEquals(1, OutputTarget.standardDescriptor(link, out, err));
    assertEquals(1, OutputTarget.standardDescriptor(dir.resolve(".").resolve("out"), out, err));
    assertEquals(2, OutputTarget.standardDescriptor(err, out, err));
    // With both descriptors on one file, a name that is neither's counts as standard output.
    assertEquals(1, OutputTarget.standardDescriptor(link, out, out));
  }
}
