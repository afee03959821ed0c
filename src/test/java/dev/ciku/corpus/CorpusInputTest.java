package dev.ciku.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusInputTest {
  @TempDir Path dir;

  @Test
  void expand_sameFileTwice_warnsOncePerFileAndKeepsBoth() throws IOException {
    Path d = Files.createDirectory(dir.resolve("d"));
    Path a = Files.writeString(d.resolve("a.txt"), "中国人民\n", StandardCharsets.UTF_8);
    Path b = Files.writeString(d.resolve("b.txt"), "人民\n", StandardCharsets.UTF_8);
    Path link = Files.createLink(dir.resolve("hard.txt"), b);
    List<String> warnings = new ArrayList<>();
    List<CorpusInput> inputs = CorpusInput.expand(List.of(a.toString(),
        d.resolve(".").resolve("a.txt").toString(), d.toString(), link.toString()), null,
        m -> { }, warnings::add);
    assertEquals(5, inputs.size());
    assertEquals(List.of(a + " is read 3 times (as " + a + ", " + d.resolve(".").resolve("a.txt")
        + ", " + a + "): its text is counted 3 times", b + " is read 2 times (as " + b + ", "
        + link + "): its text is counted 2 times"), warnings);
  }

  @Test
  void expand_distinctFiles_noWarning() throws IOException {
    Path a = Files.writeString(dir.resolve("a.txt"), "中国\n", StandardCharsets.UTF_8);
    Path b = Files.writeString(dir.resolve("b.txt"), "中国\n", StandardCharsets.UTF_8);
    List<String> warnings = new ArrayList<>();
    CorpusInput.expand(List.of(a.toString(), b.toString(), "-"), null, m -> { }, warnings::add);
    assertEquals(List.of(), warnings);
  }

  @Test
  void estimatedChars_plainAndGzipFiles_bytesAndFourTimesTheGzipBytes() throws IOException {
    Path plain = Files.writeString(dir.resolve("a.txt"), "中国人民\n", StandardCharsets.UTF_8);
    Path gz = Files.write(dir.resolve("b.txt.gz"), new byte[100]);
    assertEquals(13, CorpusInput.estimatedChars(List.of(CorpusInput.file(plain))));
    assertEquals(13 + 400,
        CorpusInput.estimatedChars(List.of(CorpusInput.file(plain), CorpusInput.file(gz))));
    assertEquals(0, CorpusInput.estimatedChars(List.of()));
  }

  @Test
  void estimatedChars_gzipDataUnderAnotherName_fourTimesItsBytes() throws IOException {
    byte[] gz = new byte[100];
    gz[0] = (byte) 0x1f;
    gz[1] = (byte) 0x8b;
    Path named = Files.write(dir.resolve("corpus.txt"), gz);
    assertEquals(400, CorpusInput.estimatedChars(List.of(CorpusInput.file(named))));
  }

  @Test
  void estimatedChars_manyInputs_unknown() throws IOException {
    Path plain = Files.writeString(dir.resolve("a.txt"), "中国", StandardCharsets.UTF_8);
    List<CorpusInput> many = new java.util.ArrayList<>();
    for (int i = 0; i <= CorpusInput.ESTIMATED_FILES; i++) {
      many.add(CorpusInput.file(plain));
    }
    assertEquals(-1, CorpusInput.estimatedChars(many));
    assertEquals(6L * CorpusInput.ESTIMATED_FILES,
        CorpusInput.estimatedChars(many.subList(0, CorpusInput.ESTIMATED_FILES)));
  }

  @Test
  void estimatedChars_standardInput_unknown() throws IOException {
    Path plain = Files.writeString(dir.resolve("a.txt"), "中国", StandardCharsets.UTF_8);
    assertEquals(-1,
        CorpusInput.estimatedChars(List.of(CorpusInput.file(plain), CorpusInput.stdin())));
  }

  /**
   * A file of a directory deleted after the directory was listed, before it is read: the error
   * says the file is gone, as for a file named that does not exist (NoSuchFileException, which
   * the command line reports as "cannot open FILE: no such file or directory", exit 66), not as
   * a FileNotFoundException of a stream ("d/b.txt (No such file or directory)").
   */
  @Test
  void open_fileDeletedAfterListing_noSuchFileNamingIt() throws IOException {
    Path d = Files.createDirectories(dir.resolve("d"));
    Files.writeString(d.resolve("a.txt"), "中国", StandardCharsets.UTF_8);
    Path gone = Files.writeString(d.resolve("b.txt"), "人民", StandardCharsets.UTF_8);
    List<CorpusInput> inputs = CorpusInput.expand(List.of(d.toString()));
    assertEquals(2, inputs.size());
    Files.delete(gone);
    java.nio.file.NoSuchFileException e = org.junit.jupiter.api.Assertions.assertThrows(
        java.nio.file.NoSuchFileException.class, () -> inputs.get(1).open(new ByteCounter()));
    assertEquals(gone.toString(), e.getFile());
  }

  @Test
  void expand_linkToDirectoryAsArgument_readsItsFilesUnderTheLinkName() throws IOException {
    Path real = Files.createDirectories(dir.resolve("real/sub"));
    Files.writeString(real.resolve("b.txt"), "中国", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("real/a.txt"), "中国", StandardCharsets.UTF_8);
    Path link = Files.createSymbolicLink(dir.resolve("link"), dir.resolve("real"));
    List<CorpusInput> inputs = CorpusInput.expand(List.of(link.toString()));
    assertEquals(List.of(link.resolve("a.txt"), link.resolve("sub/b.txt")),
        inputs.stream().map(CorpusInput::path).toList());
  }

  /** Expands {@code args} with the default binary rule, standard input being {@code stdin}. */
  private static List<CorpusInput> expandWithStdin(java.io.InputStream stdin, String... args)
      throws IOException {
    java.io.InputStream saved = System.in;
    System.setIn(stdin);
    try {
      return CorpusInput.expand(List.of(args), BinaryData.DEFAULT, m -> { }, m -> { });
    } finally {
      System.setIn(saved);
    }
  }

  /** Reads all of {@code in}'s raw bytes, standard input being {@code stdin}. */
  private static byte[] readRaw(CorpusInput in, java.io.InputStream stdin) throws IOException {
    java.io.InputStream saved = System.in;
    System.setIn(stdin);
    try (java.io.InputStream raw = in.openRaw()) {
      return raw.readAllBytes();
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void expand_textOnStandardInput_lookedAtThenReadWholeFromItsFirstByte() throws IOException {
    byte[] text = Files.readAllBytes(Path.of("corpora-samples", "laws-zh.txt"));
    for (byte[] bytes : new byte[][] {text, TestBytes.gzip(text)}) {
      java.io.InputStream stdin = new java.io.ByteArrayInputStream(bytes);
      List<CorpusInput> inputs = expandWithStdin(stdin, "-", "-");
      assertEquals(2, inputs.size());
      // Named twice, read once: the same input, whose second opening finds the end.
      org.junit.jupiter.api.Assertions.assertSame(inputs.get(0), inputs.get(1));
      org.junit.jupiter.api.Assertions.assertArrayEquals(bytes, readRaw(inputs.get(0), stdin));
      assertEquals(0, readRaw(inputs.get(1), stdin).length);
    }
  }

  @Test
  void open_slowStandardInput_notWaitedOnForItsFirstBlock() throws Exception {
    // A pipe that any thread may read: a PipedInputStream refuses writes once the thread that
    // last read it (here the timeout's, which reads the first block) has ended ("Read end dead").
    java.nio.channels.Pipe pipe = java.nio.channels.Pipe.open();
    java.io.OutputStream producer = java.nio.channels.Channels.newOutputStream(pipe.sink());
    java.io.InputStream stdin = java.nio.channels.Channels.newInputStream(pipe.source());
    List<CorpusInput> inputs = expandWithStdin(stdin, "-");
    producer.write("中华人民共和国成立了\n".getBytes(StandardCharsets.UTF_8));
    producer.flush();
    // The producer writes no more for now: the look must return on the first line.
    java.io.InputStream saved = System.in;
    System.setIn(stdin);
    try (java.io.InputStream raw = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(10), () -> inputs.get(0).openRaw())) {
      producer.write("再见\n".getBytes(StandardCharsets.UTF_8));
      producer.close();
      assertEquals("中华人民共和国成立了\n再见\n",
          new String(raw.readAllBytes(), StandardCharsets.UTF_8));
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void open_nulAfterTheFirstBlockOfStandardInput_readAsText() throws IOException {
    byte[] text = TestBytes.concat(new byte[BinaryData.BLOCK], new byte[] {0});
    java.util.Arrays.fill(text, 0, BinaryData.BLOCK, (byte) 'a');
    java.io.InputStream stdin = new java.io.ByteArrayInputStream(text);
    List<CorpusInput> inputs = expandWithStdin(stdin, "-");
    org.junit.jupiter.api.Assertions.assertArrayEquals(text, readRaw(inputs.get(0), stdin));
  }

  /**
   * Standard input is looked at when the first input is opened, not by expand (so a command's
   * own checks, such as an -o that cannot be written, come before a terminal's typing), and
   * before any input is read: binary data there stops a file given before it from being read.
   */
  @Test
  void open_firstInputWithBinaryStandardInput_refusedBeforeAnyIsRead() throws IOException {
    Path text = Files.writeString(dir.resolve("a.txt"), "中国人民\n");
    java.io.InputStream stdin = new java.io.ByteArrayInputStream(TestBytes.png(1));
    List<CorpusInput> inputs = expandWithStdin(stdin, text.toString(), "-");
    assertEquals(TestBytes.png(1).length, stdin.available());
    java.io.InputStream saved = System.in;
    System.setIn(stdin);
    try {
      MalformedDataException e = org.junit.jupiter.api.Assertions.assertThrows(
          MalformedDataException.class, () -> inputs.get(0).open(new ByteCounter()));
      assertEquals("<stdin>: binary data (a NUL byte at offset 8), not text: is it the right"
          + " file?", e.getMessage());
    } finally {
      System.setIn(saved);
    }
  }

  /**
   * A terminal ends its input with Ctrl-D, after which a read waits for more typing: an end
   * seen while standard input is looked at is its end, not read past.
   */
  @Test
  void expand_standardInputEndedWhileLookedAt_notReadPastItsEnd() throws IOException {
    java.io.InputStream terminal = new java.io.InputStream() {
      private final java.io.InputStream typedAfterCtrlD =
          new java.io.ByteArrayInputStream("中文\n".getBytes(StandardCharsets.UTF_8));
      private boolean ended;

      @Override
      public int read() throws IOException {
        byte[] b = new byte[1];
        return read(b, 0, 1) < 0 ? -1 : b[0] & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (!ended) {
          ended = true;
          return -1;
        }
        return typedAfterCtrlD.read(b, off, len);
      }
    };
    List<CorpusInput> inputs = expandWithStdin(terminal, "-");
    assertEquals(0, readRaw(inputs.get(0), terminal).length);
  }
}
