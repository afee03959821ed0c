package dev.ciku.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import dev.ciku.io.OutputException;
import dev.ciku.io.TempFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputTest {
  @TempDir Path dir;

  private List<String> listing() throws IOException {
    return listing(dir);
  }

  private static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void open_standardOutputClosed_failsAtOnceSayingSo() throws IOException {
    OutputException e = assertThrows(OutputException.class, () -> Output.open(null, true));
    assertEquals("cannot write to standard output: it is closed (give -o FILE, or redirect it:"
        + " > FILE)", e.getMessage());
    assertThrows(OutputException.class, () -> Output.open(Path.of("-"), true));
    assertEquals("cannot write /dev/stdout: standard output is closed (give -o FILE, or redirect"
        + " it: > FILE)", assertThrows(OutputException.class,
            () -> Output.open(Path.of("/dev/stdout"), true)).getMessage());
    // A file needs no standard output.
    Path target = dir.resolve("out.tsv");
    try (Output out = Output.open(target, true)) {
      out.writer().write("x\n");
      out.commit();
    }
    assertEquals("x\n", Files.readString(target));
  }

  @Test
  void commit_writesTarget_noTempLeft() throws IOException {
    Path target = dir.resolve("out.tsv");
    try (Output out = Output.open(target)) {
      out.writer().write("中文\t1\n");
      assertFalse(Files.exists(target), "nothing under the name before commit");
      out.commit();
    }
    assertEquals("中文\t1\n", Files.readString(target));
    assertEquals(List.of("out.tsv"), listing());
  }

  @Test
  void close_withoutCommit_leavesNothing() throws IOException {
    Path target = dir.resolve("out.tsv");
    try (Output out = Output.open(target)) {
      out.writer().write("x".repeat(200_000));
    }
    assertEquals(List.of(), listing());
  }

  @Test
  void close_exceptionBeforeCommit_keepsOldTarget() throws IOException {
    Path target = dir.resolve("out.tsv");
    Files.writeString(target, "old");
    assertThrows(IllegalStateException.class, () -> {
      try (Output out = Output.open(target)) {
        out.writer().write("new");
        throw new IllegalStateException("boom");
      }
    });
    assertEquals("old", Files.readString(target));
    assertEquals(List.of("out.tsv"), listing());
  }

  /** A stream whose writes and flushes fail with {@code message}, as the system reports it. */
  private static OutputStream failing(String message) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException(message);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        throw new IOException(message);
      }
    };
  }

  @Test
  void commit_diskFull_outputExceptionNamingOutputAndReason() throws IOException {
    try (Output out = Output.of(failing("No space left on device"), "to standard output")) {
      out.writer().write("x\n");
      OutputException e = assertThrows(OutputException.class, out::commit);
      assertEquals("cannot write to standard output: no space left on device", e.getMessage());
    }
  }

  @Test
  void commit_badDescriptor_outputException() throws IOException {
    try (Output out = Output.of(failing("Bad file descriptor"), "to standard output")) {
      out.writer().write("x\n");
      OutputException e = assertThrows(OutputException.class, out::commit);
      assertEquals("cannot write to standard output: bad file descriptor", e.getMessage());
    }
  }

  @Test
  void commit_brokenPipe_brokenPipeException() throws IOException {
    try (Output out = Output.of(failing("Broken pipe"), "to standard output")) {
      out.writer().write("x\n");
      assertThrows(BrokenPipeException.class, out::commit);
    }
  }

  @Test
  void isBrokenPipe_realClosedPipe_trueOtherErrorsFalse() throws IOException {
    Pipe p = Pipe.open();
    p.source().close();
    IOException closed = assertThrows(IOException.class, () -> {
      try (Pipe.SinkChannel sink = p.sink()) {
        sink.write(ByteBuffer.wrap(new byte[] {1}));
      }
    });
    assertTrue(Output.isBrokenPipe(closed), closed.getMessage());
    assertFalse(Output.isBrokenPipe(new IOException("No space left on device")));
    assertFalse(Output.isBrokenPipe(new IOException("Bad file descriptor")));
    assertFalse(Output.isBrokenPipe(new IOException((String) null)));
  }

  @Test
  void open_missingDirectory_namesTargetAndDirectory() {
    Path target = dir.resolve("nope").resolve("x.tsv");
    OutputException e = assertThrows(OutputException.class, () -> Output.open(target));
    assertEquals("cannot write " + target + ": directory " + dir.resolve("nope")
        + " does not exist", e.getMessage());
  }

  @Test
  void open_directory_isADirectory() throws IOException {
    OutputException e = assertThrows(OutputException.class, () -> Output.open(dir));
    assertEquals("cannot write " + dir + ": is a directory", e.getMessage());
    assertEquals(List.of(), listing());
  }

  @Test
  void open_fileAsDirectory_notADirectory() throws IOException {
    Path file = Files.writeString(dir.resolve("f"), "x");
    OutputException e = assertThrows(OutputException.class, () -> Output.open(file.resolve("x")));
    assertEquals("cannot write " + file.resolve("x") + ": " + file + " is not a directory",
        e.getMessage());
  }

  @Test
  void open_emptyName_illegalArgument() {
    assertThrows(IllegalArgumentException.class, () -> Output.open(Path.of("")));
  }

  @Test
  void open_createsTempAtOnce_registeredUntilCommit() throws IOException {
    Path target = dir.resolve("out.tsv");
    Path temp;
    try (Output out = Output.open(target)) {
      List<String> names = listing();
      assertEquals(1, names.size(), names.toString());
      assertTrue(names.get(0).startsWith(".out.tsv.") && names.get(0).endsWith(".tmp"), names.toString());
      temp = dir.resolve(names.get(0));
      assertTrue(TempFiles.isRegistered(temp));
      out.commit();
    }
    assertFalse(TempFiles.isRegistered(temp));
    try (Output out = Output.open(target)) {
      temp = dir.resolve(listing().stream().filter(n -> n.endsWith(".tmp")).findFirst().get());
    }
    assertFalse(TempFiles.isRegistered(temp), "released when closed without commit");
    assertEquals(List.of("out.tsv"), listing());
  }

  @Test
  void open_newFile_getsModeOfPlainCreation() throws IOException {
    // What a shell's > would give under the current umask (Files.createTempFile gives 0600).
    Path reference = dir.resolve("reference");
    Files.newOutputStream(reference, StandardOpenOption.CREATE_NEW).close();
    Path target = dir.resolve("out.tsv");
    try (Output out = Output.open(target)) {
      out.commit();
    }
    assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(target));
  }

  @Test
  void commit_existingFile_keepsItsPermissions() throws IOException {
    Path target = Files.writeString(dir.resolve("out.tsv"), "old");
    for (String mode : List.of("rw-r-----", "rw-rw-rw-")) {
      Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(mode));
      try (Output out = Output.open(target)) {
        out.writer().write("new");
        out.commit();
      }
      assertEquals(mode, PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
      assertEquals("new", Files.readString(target));
    }
  }

  @Test
  void commit_symlink_replacesLinkedFileKeepsLink() throws IOException {
    Files.createDirectories(dir.resolve("real"));
    Path real = Files.writeString(dir.resolve("real").resolve("data.tsv"), "old");
    Path link = Files.createSymbolicLink(dir.resolve("link.tsv"), Path.of("real", "data.tsv"));
    try (Output out = Output.open(link)) {
      out.writer().write("new");
      out.commit();
    }
    assertTrue(Files.isSymbolicLink(link));
    assertEquals("new", Files.readString(real));
    assertEquals(List.of("data.tsv"), listing(dir.resolve("real")));
    assertEquals(List.of("link.tsv", "real"), listing());
  }

  @Test
  void commit_danglingSymlink_createsLinkedFile() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("link.tsv"), Path.of("made.tsv"));
    try (Output out = Output.open(link)) {
      out.writer().write("new");
      out.commit();
    }
    assertTrue(Files.isSymbolicLink(link));
    assertEquals("new", Files.readString(dir.resolve("made.tsv")));
  }

  @Test
  void open_symlinkLoop_outputException() throws IOException {
    Path a = dir.resolve("a");
    Files.createSymbolicLink(a, Path.of("b"));
    Files.createSymbolicLink(dir.resolve("b"), Path.of("a"));
    OutputException e = assertThrows(OutputException.class, () -> Output.open(a));
    assertTrue(e.getMessage().endsWith("too many levels of symbolic links"), e.getMessage());
  }

  @Test
  void commit_fifo_writtenInPlaceNotReplaced() throws Exception {
    Path fifo = dir.resolve("fifo");
    assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
    CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
      try (InputStream in = Files.newInputStream(fifo)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    try (Output out = Output.open(fifo)) {
      out.writer().write("中文\n");
      out.commit();
    }
    assertEquals("中文\n", read.get(10, TimeUnit.SECONDS));
    assertFalse(Files.isRegularFile(fifo), "still a FIFO");
    assertEquals(List.of("fifo"), listing());
  }

  @Test
  void sameDestination_standardOutputAndResolvedFiles() throws IOException {
    Path a = dir.resolve("a.tsv");
    Path b = dir.resolve("b.tsv");
    Path link = Files.createSymbolicLink(dir.resolve("link"), Path.of("a.tsv"));
    assertTrue(Output.sameDestination(a, a));
    assertTrue(Output.sameDestination(a, dir.resolve(".").resolve("a.tsv")));
    assertTrue(Output.sameDestination(link, a), "a dangling link names its target");
    Files.writeString(a, "x");
    assertTrue(Output.sameDestination(link, a));
    assertFalse(Output.sameDestination(a, b));
    assertTrue(Output.sameDestination(null, Path.of("-")));
    assertTrue(Output.sameDestination(null, Path.of("/dev/stdout")));
    assertTrue(Output.sameDestination(Path.of("/dev/fd/2"), Path.of("/dev/stderr")));
    assertFalse(Output.sameDestination(Path.of("/dev/stdout"), Path.of("/dev/stderr")));
    assertFalse(Output.sameDestination(null, a));
    assertTrue(Output.isStandardOutput(Path.of("-")));
    assertFalse(Output.isStandardOutput(a));
    assertEquals(List.of("a.tsv", "link"), listing(), "nothing created or opened");
  }

  @Test
  void commitAll_oneFails_noneCommitted() throws IOException {
    Path target = dir.resolve("a.tsv");
    try (Output a = Output.open(target);
        Output b = Output.of(failing("No space left on device"), "b.tsv")) {
      a.writer().write("a");
      b.writer().write("b");
      assertThrows(OutputException.class, () -> Output.commitAll(a, b));
    }
    assertEquals(List.of(), listing());
  }

  @Test
  void stream_mixedWithWriterText_bytesOfBothCounted() throws IOException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    try (Output out = Output.of(sink, "x")) {
      out.stream().write(new byte[] {1, 2, 3});
      out.writer().write("é");
      out.commit();
      assertEquals(5, out.bytes());
    }
    assertEquals(5, sink.size());
  }

  @Test
  void rowWriter_tsvAndJsonl() throws IOException {
    StringWriter tsv = new StringWriter();
    RowWriter rows = new RowWriter(tsv, OutputFormat.TSV, List.of("word", "n", "score"), true);
    rows.begin();
    rows.text("a\tb");
    rows.integer(3);
    rows.decimal(0.125, 2);
    rows.end();
    assertEquals("word\tn\tscore\na b\t3\t0.12\n", tsv.toString());
    StringWriter jsonl = new StringWriter();
    rows = new RowWriter(jsonl, OutputFormat.JSONL, List.of("word", "score"), true);
    rows.begin();
    rows.text("\"引\"\n");
    rows.decimal(Double.NaN, 2);
    rows.end();
    assertEquals("{\"word\":\"\\\"引\\\"\\n\",\"score\":null}\n", jsonl.toString());
  }

  @Test
  void rowWriter_lineBreakingCharacters_oneLineInTsvEscapedInJsonl() throws IOException {
    String word = "段\u2028分\u2029a\u000bb\u001bc\u0085d\u007fe\r";
    StringWriter tsv = new StringWriter();
    RowWriter rows = new RowWriter(tsv, OutputFormat.TSV, List.of("word"), false);
    rows.begin();
    rows.text(word);
    rows.end();
    assertEquals("段 分 a b c d e \n", tsv.toString());
    assertEquals(1, tsv.toString().split("[\\n\\r\\u000b\\u000c\\u001c-\\u001e\\u0085\\u2028\\u2029]").length);
    StringWriter jsonl = new StringWriter();
    rows = new RowWriter(jsonl, OutputFormat.JSONL, List.of("word"), false);
    rows.begin();
    rows.text(word);
    rows.end();
    assertEquals("{\"word\":\"段\\u2028分\\u2029a\\u000bb\\u001bc\u0085d\u007fe\\r\"}\n",
        jsonl.toString());
  }

  @Test
  void rowWriterInteger_extremesAndSigns_asLongToString() throws IOException {
    long[] values = {0, 7, -7, 10, 1_000_000_007L, -40, Long.MAX_VALUE, Long.MIN_VALUE};
    StringWriter tsv = new StringWriter();
    RowWriter rows = new RowWriter(tsv, OutputFormat.TSV, List.of("n"), false);
    for (long v : values) {
      rows.begin();
      rows.integer(v);
      rows.end();
    }
    assertEquals("0\n7\n-7\n10\n1000000007\n-40\n9223372036854775807\n-9223372036854775808\n",
        tsv.toString());
  }

  @Test
  void numbers_tinyNegativeAndHalfwayValues_formatted() {
    assertEquals("0.0000", Numbers.format(-0.00001, 4));
    // The binary values: 2.45 a little above, 3.55 a little below the half-way point.
    assertEquals("2.5", Numbers.format(2.45, 1));
    assertEquals("3.5", Numbers.format(3.55, 1));
  }
}
