package dev.ciku.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogTest {
  @Test
  void printable_textWithAndWithoutControlCharacters_onlyControlsEscaped() {
    String[][] cases = {
        {"no\u001b[31mfile\nsecond", "no\\x1b[31mfile\\nsecond"},
        {"a\tb\rc", "a\\tb\\rc"},
        {"prediction \u0000", "prediction \\x00"},
        {"del\u007f c1\u0085", "del\\x7f c1\\x85"},
        {"中文 ÿ é 😀", "中文 ÿ é 😀"},
        {"", ""},
    };
    for (String[] c : cases) {
      assertEquals(c[1], Log.printable(c[0]), c[0]);
    }
    String plain = "cannot open corpus.txt: no such file or directory";
    assertSame(plain, Log.printable(plain), "no copy without control characters");
  }

  @Test
  void warn_fileNameWithALineFeed_staysOneLine() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Log log = new Log(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
    log.warn("evil\nname.txt: 2 malformed byte sequence(s)");
    log.info("not shown with --quiet");
    assertEquals("ciku: warning: evil\\nname.txt: 2 malformed byte sequence(s)\n",
        bytes.toString(StandardCharsets.UTF_8));
  }
}
