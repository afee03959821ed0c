package dev.ciku.discover;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LexiconTest {
  @TempDir Path dir;

  @Test
  void addFile_blanksAroundWords_areNotPartOfThem() throws Exception {
    Path f = Files.writeString(dir.resolve("lex.txt"),
        "  香港\n\t深圳\t12\n 澳门 3 n\r\n  # 台北\n   \n");
    Lexicon lex = new Lexicon().addFile(f);
    assertTrue(lex.contains("香港"));
    assertTrue(lex.contains("深圳"));
    assertTrue(lex.contains("澳门"));
    assertFalse(lex.contains("台北"));
    assertFalse(lex.contains("#"));
    assertFalse(lex.contains(""));
  }

  @Test
  void addFile_ideographicAndNoBreakSpaces_separateLikeAsciiBlanks() throws Exception {
    Path f = Files.writeString(dir.resolve("lex.txt"),
        "\u3000香港\u3000\n深圳\u300012\n\u00A0澳门\u00A0\n\u3000\u3000\n");
    Lexicon lex = new Lexicon().addFile(f);
    assertTrue(lex.contains("香港"));
    assertTrue(lex.contains("深圳"));
    assertTrue(lex.contains("澳门"));
    assertFalse(lex.contains("深圳\u300012"));
    assertFalse(lex.contains(""));
    assertFalse(lex.contains("\u3000\u3000"));
  }

  @Test
  void addFile_jsonLinesList_malformedDataNamingIt() throws Exception {
    // What 'ciku discover --format jsonl' writes: every line would be one "word", none matching.
    Path f = Files.writeString(dir.resolve("words.jsonl"),
        "{\"word\":\"或者\",\"count\":3280,\"score\":42.2412}\n");
    dev.ciku.corpus.MalformedDataException e = org.junit.jupiter.api.Assertions.assertThrows(
        dev.ciku.corpus.MalformedDataException.class, () -> new Lexicon().addFile(f));
    assertTrue(e.getMessage().contains("words.jsonl")
        && e.getMessage().contains("holds JSON lines, not a word list"), e.getMessage());
  }
}
