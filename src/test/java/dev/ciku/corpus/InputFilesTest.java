package dev.ciku.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {
  @TempDir java.nio.file.Path dir;

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(b)) {
      g.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return b.toByteArray();
  }

  /**
   * A pipe whose writer has sent the bytes before {@code boundary} and sends the rest only once
   * the reader waits for more (a read at the boundary): until then {@code available()} is 0, as
   * a pipe's is while the rest is on its way, and no read returns bytes past the boundary.
   */
  private static final class SlowPipe extends InputStream {
    private final byte[] data;
    private final int boundary;
    private int pos;
    private boolean rest;

    SlowPipe(byte[] data, int boundary) {
      this.data = data;
      this.boundary = boundary;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (pos == data.length) {
        return -1;
      }
      if (pos == boundary) {
        rest = true;
      }
      int end = rest ? data.length : boundary;
      int n = Math.min(len, end - pos);
      System.arraycopy(data, pos, b, off, n);
      pos += n;
      return n;
    }

    @Override
    public int available() {
      return (rest ? data.length : boundary) - pos;
    }
  }

  @Test
  void gunzip_concatenatedMembersFromSlowPipe_readsEveryMember() throws Exception {
    byte[] first = gzip("第一部分\n");
    byte[] second = gzip("第二部分\n");
    byte[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    SlowPipe pipe = new SlowPipe(both, first.length);
    try (InputStream in = InputFiles.gunzip(pipe, "pipe.gz")) {
      assertEquals("第一部分\n第二部分\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    // A reader that asked available() at the end of the first member (as GZIPInputStream does)
    // would get 0 (the rest is still on its way) and stop there: the second member would be lost.
  }

  @Test
  void gunzip_truncatedData_corruptInputNamingIt() throws IOException {
    byte[] gz = gzip("中文".repeat(1000));
    InputStream in = InputFiles.gunzip(new ByteArrayInputStream(Arrays.copyOf(gz, gz.length - 10)),
        "t.gz");
    InputFiles.CorruptInputException e =
        assertThrows(InputFiles.CorruptInputException.class, in::readAllBytes);
    assertTrue(e.getMessage().startsWith("t.gz: truncated or corrupt gzip data ("), e.getMessage());
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      b.writeBytes(p);
    }
    return b.toByteArray();
  }

  private static void assertCorrupt(byte[] data) throws IOException {
    InputStream in = InputFiles.gunzip(new ByteArrayInputStream(data), "t.gz");
    InputFiles.CorruptInputException e =
        assertThrows(InputFiles.CorruptInputException.class, in::readAllBytes);
    assertTrue(e.getMessage().startsWith("t.gz: truncated or corrupt gzip data ("), e.getMessage());
  }

  @Test
  void gunzip_damagedOrCutSecondMember_corruptNotIgnored() throws IOException {
    byte[] first = gzip("中文".repeat(50000));
    byte[] second = gzip("第二部分".repeat(1000));
    byte[] badMethod = second.clone();
    badMethod[2] = 9;
    assertCorrupt(concat(first, badMethod));
    assertCorrupt(concat(first, Arrays.copyOf(second, 5)));
    assertCorrupt(concat(first, new byte[] {0x1f}));
    assertCorrupt(concat(first, "garbage\n".getBytes(StandardCharsets.UTF_8)));
    byte[] badCrc = first.clone();
    badCrc[badCrc.length - 6] ^= 1;
    assertCorrupt(badCrc);
  }

  @Test
  void gunzip_membersAndZeroPadding_everyMemberRead() throws IOException {
    byte[] empty = gzip("");
    byte[] data = concat(gzip("第一"), empty, gzip("中文".repeat(50000)), new byte[512]);
    try (InputStream in = InputFiles.gunzip(new ByteArrayInputStream(data), "t.gz")) {
      assertEquals("第一" + "中文".repeat(50000),
          new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void gunzipIfMagic_plainOrGzip_sameBytes() throws IOException {
    byte[] text = "中文\n".getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(text, InputFiles.gunzipIfMagic(new ByteArrayInputStream(text), "a")
        .readAllBytes());
    assertArrayEquals(text, InputFiles.gunzipIfMagic(new ByteArrayInputStream(gzip("中文\n")), "a")
        .readAllBytes());
    assertArrayEquals(new byte[] {0x1f}, InputFiles.gunzipIfMagic(
        new ByteArrayInputStream(new byte[] {0x1f}), "a").readAllBytes());
  }

  @Test
  void gunzipIfMagic_otherCompressionOrArchive_refusedWithItsUnpacker() {
    // The first bytes of files written by bzip2, xz, zstd, zip (one file, and Python's zipfile),
    // an empty bzip2 stream, and 7z.
    Object[][] cases = {
        {"425a6839314159265359", "bzip2 data; only gzip is decompressed, so pipe it in: 'bzcat"},
        {"425a683917724538509000000000", "bzip2 data; only gzip is decompressed"},
        {"fd377a585a000004e6d6", "xz data; only gzip is decompressed, so pipe it in: 'xzcat"},
        {"28b52ffda4e09304000c", "zstd data; only gzip is decompressed, so pipe it in: 'zstdcat"},
        {"504b0304140000000800", "zip data; only gzip is decompressed, so pipe it in: 'unzip -p"},
        {"504b0304140000000000", "zip data"},
        {"377abcaf271c0004", "7z data; only gzip is decompressed, so pipe it in: '7z x -so"},
    };
    for (Object[] c : cases) {
      byte[] head = java.util.HexFormat.of().parseHex((String) c[0]);
      CorpusInput.UnsupportedInputException e = assertThrows(
          CorpusInput.UnsupportedInputException.class,
          () -> InputFiles.gunzipIfMagic(new ByteArrayInputStream(head), "corpus.txt"));
      assertTrue(e.getMessage().startsWith("corpus.txt: " + c[1]), e.getMessage());
    }
    // Piped in already: the pipe is what decompresses it.
    byte[] bzip2 = java.util.HexFormat.of().parseHex("425a6839314159265359");
    CorpusInput.UnsupportedInputException e = assertThrows(
        CorpusInput.UnsupportedInputException.class,
        () -> InputFiles.gunzipIfMagic(new ByteArrayInputStream(bzip2), "<stdin>"));
    assertEquals("<stdin>: bzip2 data; only gzip is decompressed, so decompress it in the pipe:"
        + " 'bzcat FILE | ciku ... -'", e.getMessage());
  }

  @Test
  void refuseTar_ustarAndGnuArchives_refusedWithTheExtractCommand() throws IOException {
    byte[] content = TestBytes.utf8("中华人民共和国\n");
    for (boolean gnu : new boolean[] {false, true}) {
      byte[] tar = TestBytes.tar("corpus/a.txt", content, gnu);
      CorpusInput.UnsupportedInputException e = assertThrows(
          CorpusInput.UnsupportedInputException.class,
          () -> InputFiles.refuseTar(new ByteArrayInputStream(tar), "a.tar"));
      assertEquals("a.tar: a tar archive; ciku reads text, so pipe its files in: 'tar -xOf FILE"
          + " | ciku ... -'", e.getMessage());
      // Compressed: refused once decompressed.
      e = assertThrows(CorpusInput.UnsupportedInputException.class, () -> InputFiles.refuseTar(
          InputFiles.gunzipIfMagic(new ByteArrayInputStream(TestBytes.gzip(tar)), "a.tgz"),
          "a.tgz"));
      assertTrue(e.getMessage().startsWith("a.tgz: a tar archive"), e.getMessage());
    }
    CorpusInput.UnsupportedInputException e = assertThrows(
        CorpusInput.UnsupportedInputException.class, () -> InputFiles.refuseTar(
            new ByteArrayInputStream(TestBytes.tar("a.txt", content, false)), "<stdin>"));
    assertTrue(e.getMessage().contains("so extract it in the pipe: 'tar -xOf"), e.getMessage());
  }

  @Test
  void refuseTar_text_everyByteReadAndTheFirstLineNotHeldBack() throws IOException {
    String[] texts = {"", "中文", "a", "a.txt\n", "a.txt" + "\0".repeat(95) + "0000644\0中文",
        "x".repeat(120) + "\n", "中华人民共和国".repeat(40), "ustar".repeat(100),
        new String(TestBytes.tar("a.txt", TestBytes.utf8("中文"), false),
            StandardCharsets.ISO_8859_1).substring(0, 262)};
    for (String text : texts) {
      byte[] b = text.startsWith("a.txt\0") || text.length() == 262
          ? text.getBytes(StandardCharsets.ISO_8859_1) : TestBytes.utf8(text);
      assertArrayEquals(b, InputFiles.refuseTar(new ByteArrayInputStream(b), "t.txt")
          .readAllBytes(), text);
    }
    // A first line from a slow pipe is handed on without waiting for the bytes after it: a
    // read of more returns the line alone, also behind the gzip test's look-ahead and a buffer.
    byte[] line = TestBytes.utf8("第一行\n");
    for (boolean behindMagic : new boolean[] {false, true}) {
      InputStream pipe = TestBytes.pipeHolding(line);
      InputStream in = InputFiles.refuseTar(behindMagic ? InputFiles.gunzipIfMagic(
          new java.io.BufferedInputStream(pipe), "<stdin>") : pipe, "<stdin>");
      byte[] got = new byte[4096];
      assertEquals(line.length, in.read(got, 0, got.length));
      assertArrayEquals(line, Arrays.copyOf(got, line.length));
    }
  }

  /** isTar, on bytes held, tells a tar archive as refuseTar does on a stream. */
  @Test
  void isTar_heads_sameAnswerAsRefuseTar() throws IOException {
    byte[] content = TestBytes.utf8("中华人民共和国\n");
    List<byte[]> heads = new java.util.ArrayList<>();
    for (boolean gnu : new boolean[] {false, true}) {
      byte[] tar = TestBytes.tar("corpus/a.txt", content, gnu);
      heads.add(tar);
      heads.add(Arrays.copyOf(tar, InputFiles.TAR_HEAD));
      heads.add(Arrays.copyOf(tar, InputFiles.TAR_HEAD - 1));
    }
    for (String text : new String[] {"", "中文", "a.txt\n", "ustar".repeat(100),
        "中华人民共和国".repeat(40)}) {
      heads.add(TestBytes.utf8(text));
    }
    byte[] fields = TestBytes.tar("a.txt", content, false);
    fields[101] = '8'; // no octal digit in the mode
    heads.add(fields);
    boolean[] expected = {true, true, false, true, true, false, false, false, false, false,
        false, false};
    assertEquals(expected.length, heads.size());
    for (int i = 0; i < expected.length; i++) {
      byte[] head = heads.get(i);
      boolean refused;
      try {
        InputFiles.refuseTar(new ByteArrayInputStream(head), "t").close();
        refused = false;
      } catch (CorpusInput.UnsupportedInputException e) {
        refused = true;
      }
      assertEquals(expected[i], refused, "refuseTar, head " + i);
      assertEquals(expected[i], InputFiles.isTar(head), "isTar, head " + i);
    }
  }

  @Test
  void gunzipIfMagic_textThatStartsLikeAMagic_readAsText() throws IOException {
    for (String text : new String[] {"BZh9 is a name", "BZh", "PK", "7z", "(", "中文"}) {
      byte[] b = text.getBytes(StandardCharsets.UTF_8);
      assertArrayEquals(b, InputFiles.gunzipIfMagic(new ByteArrayInputStream(b), "t.txt")
          .readAllBytes(), text);
    }
  }

  @Test
  void named_readFailure_messageLedByName() {
    InputStream failing = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("Input/output error");
      }
    };
    InputStream in = InputFiles.named(failing, "disk.txt", true);
    IOException e = assertThrows(InputFiles.ReadException.class, () -> in.read(new byte[4]));
    assertEquals("disk.txt: Input/output error", e.getMessage());
  }

  @Test
  void named_sourceCannotTellAvailable_zeroForAStreamErrorNamedForAFile() throws IOException {
    InputStream seeking = new InputStream() {
      @Override
      public int read() {
        return -1;
      }

      @Override
      public int available() throws IOException {
        throw new IOException("Illegal seek");
      }
    };
    assertEquals(10, InputFiles.named(new ByteArrayInputStream(new byte[10]), "fifo", true)
        .available());
    assertEquals(0, InputFiles.named(seeking, "fifo", true).available());
    IOException e = assertThrows(InputFiles.ReadException.class,
        () -> InputFiles.named(seeking, "file.txt", false).available());
    assertEquals("file.txt: Illegal seek", e.getMessage());
  }

  @Test
  void open_fifo_availableCountsTheBytesWaiting() throws Exception {
    java.nio.file.Path fifo = dir.resolve("pipe");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor());
    CountDownLatch done = new CountDownLatch(1);
    Thread producer = new Thread(() -> {
      try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(fifo,
          java.nio.file.StandardOpenOption.WRITE)) {
        out.write("中文\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        done.await(20, TimeUnit.SECONDS); // holds the FIFO open: more may come
      } catch (IOException | InterruptedException e) {
        // the test fails on what it read
      }
    });
    producer.setDaemon(true);
    producer.start();
    try (InputStream in = InputFiles.open(fifo, "pipe")) {
      assertEquals(0xE4, in.read(), "the first byte of 中");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (in.available() < 6 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertEquals(6, in.available(), "the rest of the line, waiting in the FIFO");
      assertEquals(6, in.readNBytes(6).length);
      assertEquals(0, in.available(), "all read, the producer still there: a read would wait");
    } finally {
      done.countDown();
    }
  }

  @Test
  void gunzip_available_oneWhileCompressedDataRemainZeroAtTheEnd() throws IOException {
    InputStream in = InputFiles.gunzip(new ByteArrayInputStream(gzip("中文".repeat(50000))), "a.gz");
    assertEquals(1, in.available());
    assertEquals(300000, in.readNBytes(300000).length);
    assertEquals(-1, in.read());
    assertEquals(0, in.available());
  }

  @Test
  void gunzipIfMagic_shortTextInASlowPipe_readsNoFurtherThanItsFirstByte() throws IOException {
    for (String text : new String[] {"ok\n", "中\n", "7\n", "B\n", "PK\n"}) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      InputStream in = InputFiles.gunzipIfMagic(TestBytes.pipeHolding(bytes), "pipe");
      assertArrayEquals(bytes, in.readNBytes(bytes.length), text);
    }
  }

  @Test
  void magicHead_textZipPrefixGzipBzip2AndEmpty_readsOnlyWhileAMagicMayStart() throws IOException {
    assertEquals(1, InputFiles.magicHead(new ByteArrayInputStream(TestBytes.utf8("中文"))).length);
    assertEquals(3, InputFiles.magicHead(new ByteArrayInputStream(TestBytes.utf8("PKx"))).length);
    assertEquals(2, InputFiles.magicHead(new ByteArrayInputStream(gzip("中文"))).length);
    byte[] bz = {'B', 'Z', 'h', '9', 0x31, 0x41, 0x59, 0x26, 0x53, 0x59, 0x00, 0x01};
    assertEquals(10, InputFiles.magicHead(new ByteArrayInputStream(bz)).length);
    assertEquals(0, InputFiles.magicHead(new ByteArrayInputStream(new byte[0])).length);
  }
}
