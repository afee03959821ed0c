package dev.ciku.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BinaryDataTest {
  private static final String LAWS = read("corpora-samples/laws-zh.txt");
  private static final BinaryData UTF16LE =
      new BinaryData(StandardCharsets.UTF_16LE, false, false);
  private static final BinaryData AUTO = new BinaryData(StandardCharsets.UTF_8, true, false);
  private static final BinaryData UTF8 = new BinaryData(StandardCharsets.UTF_8, false, false);
  private static final BinaryData GBK = new BinaryData(Charset.forName("GBK"), false, false);

  private static String read(String path) {
    try {
      return Files.readString(Path.of(path)).substring(0, 50_000);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static long nulAt(BinaryData binary, byte[] b) throws IOException {
    return binary.nulAt(new ByteArrayInputStream(b));
  }

  @Test
  void nulAt_goldenTable_binaryUnlessText() throws IOException {
    byte[] png = TestBytes.png(1);
    byte[] elf = TestBytes.elf(2);
    byte[] text = LAWS.substring(0, 5000).getBytes(StandardCharsets.UTF_8);
    byte[] late = Arrays.copyOf(TestBytes.utf8(LAWS), BinaryData.BLOCK + 10);
    byte[] last = late.clone();
    late[BinaryData.BLOCK] = 0;
    last[BinaryData.BLOCK - 1] = 0;
    String ascii = "The quick brown fox, 2024 edition: a mostly ASCII text.\n".repeat(40);
    byte[] utf16 = ascii.getBytes(StandardCharsets.UTF_16LE);
    byte[] utf16Han = LAWS.substring(0, 3000).getBytes(StandardCharsets.UTF_16LE);
    byte[] marked32 = LAWS.substring(0, 300).getBytes(Charset.forName("UTF-32"));
    Object[][] rows = {
        // bytes, what they are, read as (null: the default), NUL offset that makes them binary
        {png, "a PNG header", null, 8L}, {png, "a PNG header", AUTO, 8L},
        {png, "a PNG header", UTF8, 8L}, {png, "a PNG header", GBK, 8L},
        {png, "a PNG header", UTF16LE, -1L},
        {TestBytes.storeHead(), "an n-gram store", null, 10L},
        {elf, "an ELF header", null, 7L}, {elf, "an ELF header", AUTO, 7L},
        {text, "UTF-8 text", null, -1L}, {text, "UTF-8 text", GBK, -1L},
        {late, "a NUL after the first block", null, -1L},
        {last, "a NUL as the first block's last byte", null, (long) BinaryData.BLOCK - 1},
        {utf16, "BOM-less UTF-16LE, mostly ASCII", null, -1L},
        {utf16, "BOM-less UTF-16LE, mostly ASCII", AUTO, -1L},
        {utf16, "BOM-less UTF-16LE, mostly ASCII", UTF16LE, -1L},
        {utf16, "BOM-less UTF-16LE, mostly ASCII", UTF8, -1L},
        {utf16Han, "BOM-less UTF-16LE, Chinese", null, -1L},
        {utf16Han, "BOM-less UTF-16LE, Chinese", GBK, -1L},
        {marked32, "UTF-32 with its byte-order mark", null, -1L},
        {marked32, "UTF-32 with its byte-order mark", UTF8, -1L},
        {new byte[0], "empty", null, -1L}};
    for (Object[] row : rows) {
      BinaryData binary = row[2] == null ? BinaryData.DEFAULT : (BinaryData) row[2];
      assertEquals((long) row[3], nulAt(binary, (byte[]) row[0]), (String) row[1]);
    }
  }

  /**
   * Seeded random bytes of any length, none of them zero but for up to three zero bytes put at
   * random places: binary at the first zero byte if it is in the first block, else text. The
   * offset expected is found by a plain scan here, not by the code under test.
   */
  @Test
  void nulAt_seededRandomBytesWithZeros_binaryAtTheFirstZeroInTheFirstBlock() throws IOException {
    Random r = new Random(7);
    int binaryTrials = 0;
    int lateZeros = 0;
    for (int trial = 0; trial < 300; trial++) {
      byte[] b = new byte[1 + r.nextInt(3 * BinaryData.BLOCK)];
      for (int i = 0; i < b.length; i++) {
        b[i] = (byte) (1 + r.nextInt(255));
      }
      for (int zeros = r.nextInt(4); zeros > 0; zeros--) {
        b[r.nextInt(b.length)] = 0;
      }
      long expected = -1;
      for (int i = 0; i < b.length; i++) {
        if (b[i] == 0) {
          expected = i < BinaryData.BLOCK ? i : -1;
          lateZeros += i < BinaryData.BLOCK ? 0 : 1;
          break;
        }
      }
      binaryTrials += expected >= 0 ? 1 : 0;
      for (BinaryData binary : new BinaryData[] {BinaryData.DEFAULT, AUTO, GBK}) {
        assertEquals(expected, nulAt(binary, b), "trial " + trial + ", " + b.length + " bytes");
      }
    }
    // Measured on this seed: both answers, and zeros first met after the first block.
    assertEquals(196, binaryTrials, "trials binary");
    assertEquals(38, lateZeros, "trials whose first zero is after the first block");
  }

  @Test
  void reason_plainAndCompressed_offsetSaid() {
    assertEquals("binary data (a NUL byte at offset 8)", BinaryData.reason(8, false));
    assertEquals("binary data (a NUL byte at offset 0 of its decompressed data)",
        BinaryData.reason(0, true));
  }
}
