package dev.ciku.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextLinesTest {
  @TempDir Path dir;
  private final List<String> warnings = new ArrayList<>();

  private List<String> lines(Path p) throws IOException {
    List<String> out = new ArrayList<>();
    try (TextLines t = TextLines.open(p, warnings::add)) {
      String line;
      while ((line = t.readLine()) != null) {
        out.add(line);
      }
    }
    return out;
  }

  @Test
  void readLine_bomOnFirstLine_skippedOnlyThere() throws IOException {
    Path p = dir.resolve("bom.txt");
    Files.writeString(p, "\uFEFF中国\n\uFEFF人民\n", StandardCharsets.UTF_8);
    assertEquals(List.of("中国", "\uFEFF人民"), lines(p));
    assertEquals(List.of(), warnings);
  }

  @Test
  void readLine_utf16Or32WithItsMark_readInThatEncoding() throws IOException {
    // A word list saved as "Unicode" by Windows Notepad (UTF-16LE), and the other marked forms.
    for (String name : new String[] {"UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"}) {
      Path p = dir.resolve(name + ".txt");
      Files.write(p, "\uFEFF中国 12\r\n人民 7\r\n".getBytes(java.nio.charset.Charset.forName(name)));
      assertEquals(List.of("中国 12", "人民 7"), lines(p), name);
    }
    assertEquals(List.of(), warnings);
  }

  @Test
  void readLine_malformedBytes_replacedAndOneWarningOnClose() throws IOException {
    Path p = dir.resolve("bad.txt");
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes("好\n坏".getBytes(StandardCharsets.UTF_8));
    b.write(0xC3);
    b.write('\n');
    Files.write(p, b.toByteArray());
    assertEquals(List.of("好", "坏\uFFFD"), lines(p));
    assertEquals(List.of(p + ": 1 malformed or unmappable byte sequence(s) replaced by U+FFFD,"
        + " first on line 2"), warnings);
  }

  @Test
  void readLine_nulByte_errorNamingTheLineAndNoMalformedWarning() throws IOException {
    // An n-gram store given as a word list: malformed bytes, then a NUL.
    Path p = dir.resolve("store.ngrams");
    Files.write(p, new byte[] {'a', '\n', (byte) 0xC3, 'b', '\n', 'c', 0, 'd', '\n'});
    MalformedDataException e = assertThrows(MalformedDataException.class, () -> lines(p));
    assertTrue(e.getMessage().contains(p + ":3") && e.getMessage().contains("a NUL byte"),
        e.getMessage());
    assertEquals(List.of(), warnings);
  }

  /**
   * A binary file without line breaks ({@code --vocab /dev/zero}, a disk image) is refused at
   * its first NUL byte, not read whole into one line first (which never ends on a device).
   */
  @Test
  void readLine_nulInALineWithoutEnd_refusedWithoutReadingTheLineWhole() throws IOException {
    long size = 64L << 20;
    long[] read = {0};
    InputStream noLineBreak = new InputStream() {
      @Override
      public int read() {
        byte[] b = new byte[1];
        return read(b, 0, 1) < 0 ? -1 : b[0] & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (read[0] >= size) {
          return -1;
        }
        int n = (int) Math.min(len, size - read[0]);
        for (int i = 0; i < n; i++) {
          // Text, a NUL byte at offset 1,000 of line 2, then text without a line break.
          long at = read[0] + i;
          b[off + i] = at == 20 ? (byte) '\n' : at == 1_020 ? 0 : (byte) 'a';
        }
        read[0] += n;
        return n;
      }
    };
    MalformedDataException e = assertThrows(MalformedDataException.class, () -> {
      try (TextLines t = TextLines.of(noLineBreak, "image.iso", warnings::add)) {
        while (t.readLine() != null) {
          // read on
        }
      }
    });
    assertEquals("image.iso:2: binary data (a NUL byte), not text: is it the right file?",
        e.getMessage());
    assertTrue(read[0] < 1 << 20, () -> read[0] + " bytes read");
    assertEquals(List.of(), warnings);
  }

  @Test
  void open_gzipWithBomAnyName_decompressed() throws IOException {
    Path p = dir.resolve("words.txt");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
      out.write("\uFEFF词\n".getBytes(StandardCharsets.UTF_8));
    }
    assertEquals(List.of("词"), lines(p));
  }

  @Test
  void open_dash_readsStandardInput() throws IOException {
    InputStream saved = System.in;
    try {
      System.setIn(new ByteArrayInputStream("\uFEFF甲\n乙".getBytes(StandardCharsets.UTF_8)));
      assertEquals(List.of("甲", "乙"), lines(Path.of("-")));
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void stripBom_leadingLoneTrailingOrNull_removesOnlyALeadingBom() {
    assertEquals("a", TextLines.stripBom("\uFEFFa"));
    assertEquals("", TextLines.stripBom("\uFEFF"));
    assertEquals("a\uFEFF", TextLines.stripBom("a\uFEFF"));
    assertNull(TextLines.stripBom(null));
  }

  @Test
  void readLine_gbkWordListWithoutMark_readAsGb18030WarnedAtOnce() throws IOException {
    // THUOCL-style "word<TAB>count" lines, saved in GBK as Windows tools often save them.
    StringBuilder list = new StringBuilder();
    String[] words = {"人民法院", "劳动合同", "行政处罚", "知识产权", "消费者", "土地管理",
        "环境保护", "国务院", "最高人民检察院", "治安管理"};
    for (int i = 0; i < words.length; i++) {
      list.append(words[i]).append('\t').append(1000 - i * 37).append('\n');
    }
    Path p = dir.resolve("law-words.txt");
    Files.write(p, list.toString().getBytes(java.nio.charset.Charset.forName("GBK")));
    try (TextLines t = TextLines.open(p, warnings::add)) {
      assertEquals(words[0] + "\t1000", t.readLine());
      // --encoding is for corpora: the advice for a word list is to convert it.
      assertEquals(List.of(p + ": not UTF-8; read as GB18030 (detected; if that is wrong,"
          + " convert the file to UTF-8)"), warnings, "warned before the end");
      String line;
      int n = 1;
      while ((line = t.readLine()) != null) {
        assertEquals(words[n] + "\t" + (1000 - n * 37), line);
        n++;
      }
      assertEquals(words.length, n);
      assertEquals(0, t.malformed());
    }
    assertEquals(1, warnings.size());
  }
}
