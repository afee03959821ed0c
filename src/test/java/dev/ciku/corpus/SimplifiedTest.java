package dev.ciku.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ciku.discover.Lexicon;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimplifiedTest {
  private final Simplified s = Simplified.bundled();

  @Test
  void fold_traditionalTextWithLatinAndEmoji_simplifiedCharacterByCharacter() {
    String[][] rows = {
        {"這樣", "这样"}, {"國際", "国际"}, {"臺灣", "台湾"}, {"覺得", "觉得"}, {"一個", "一个"},
        {"iPhone7手機", "iPhone7手机"}, {"這🇨🇳個", "这🇨🇳个"}, {"", ""},
        {"乾隆", "干隆"}, // character by character: no phrase rules
        {"薴", "苎"}, {"苧", "苎"}, // a chain in the table is followed to its end
    };
    for (String[] r : rows) {
      assertEquals(r[1], s.fold(r[0]), r[0]);
    }
  }

  @Test
  void fold_simplifiedOrLatin_sameInstance() {
    for (String w : new String[] {"这样", "国际", "COVID-19", "𠀀字", ""}) {
      assertSame(w, s.fold(w), w);
    }
  }

  @Test
  void fold_isIdempotent_onTheWholeTable() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("dict", "t2s-chars.tsv"));
    int pairs = 0;
    for (String line : lines) {
      if (line.startsWith("#")) {
        continue;
      }
      String[] tf = line.split("\t");
      assertEquals(s.fold(tf[1]), s.fold(tf[0]), "a character and its simplified form: " + line);
      assertEquals(s.fold(tf[0]), s.fold(s.fold(tf[0])), "folding twice changes nothing: " + line);
      pairs++;
    }
    assertEquals(pairs, s.size());
    assertTrue(pairs > 4000, "table size " + pairs);
  }

  @Test
  void lexicon_traditionalAndSimplified_matchEachOther(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    Path hans = Files.writeString(dir.resolve("hans.txt"), "这样 10\n台湾\n");
    Path hant = Files.writeString(dir.resolve("hant.txt"), "國際\t5\n");
    Lexicon lex = new Lexicon().addFile(hans).addFile(hant);
    assertTrue(lex.contains("這樣"));
    assertTrue(lex.contains("臺灣"));
    assertTrue(lex.contains("国际"));
    assertTrue(lex.contains("國際"));
    assertEquals(false, lex.contains("国"));
    assertEquals(3, lex.size());
  }
}
