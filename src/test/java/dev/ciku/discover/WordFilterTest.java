package dev.ciku.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordFilterTest {
  @TempDir Path dir;

  /** Golden table for --new-only: word, accepted. */
  private static final String[][] NEW_ONLY = {
      {"十五五", "true"}, {"赋能", "true"}, {"UNIQ", "true"}, {"doge", "true"},
      // Digits without a letter are a number; with one, a name.
      {"2006年", "false"}, {"2018", "false"}, {"1.5亿", "false"}, {"３个", "false"},
      {"12月31日", "false"}, {"iPhone7", "true"}, {"5G", "true"}, {"H7N9", "true"},
      {"A380", "true"}, {"COVID-19", "true"}, {"Windows10", "true"}, {"5G手机", "true"},
      {"GPT4o", "true"},
      {"新闻", "false"}, {"中华人民共和国", "false"}, // the bundled general lexicon
      {"的", "false"}, {"他的", "false"}, {"是在", "false"}, {"的一", "false"}, // stopword glue
      {"the", "false"}, {"The", "false"}, {"OF", "false"}, {"and", "false"},
      {"good", "true"}, {"Theory", "true"}, {"thé", "true"}, {"", "true"},
      {"iPhone", "true"}, {"img", "true"}, {"APP", "true"}, {"Pixel", "true"}, {"Ai", "true"},
      {"a", "false"}, {"I", "false"},
      // Chinese-numeral expressions: 第 before or a measure word after the numerals.
      {"第六十四条", "false"}, {"第二章", "false"}, {"第三", "false"}, {"三十日", "false"},
      {"十八届", "false"},
      // Counts whose number the reader cut off (3个月), and bounded quantities.
      {"三个月", "false"}, {"个月", "false"}, {"个百分点", "false"}, {"一万元以上", "false"},
      // General words of the same forms are the lexicon's; new words stay.
      {"个股", "false"}, {"二次元", "false"}, {"十五五", "true"}, {"三星堆", "false"},
      // Traditional script: the same rules (萬, 個, 點 fold), and 著 compares as 着.
      {"萬劑次", "false"}, {"個百分點", "false"}, {"個月", "false"}, {"萬人", "false"},
      {"隨著", "false"}, {"著力", "false"}, {"朝著", "false"}, {"著名", "false"},
      {"读原著", "true"}, // 著 alone is not the stopword 着 in simplified text,
      {"帶著", "false"}, {"試著", "false"}, {"圍繞著", "false"}, // but in traditional text it is
  };

  /** --new-only reads the general lexicon and the stopwords besides the table every list uses. */
  @Test
  void bundledData_newOnlyOrNot_theFilesTheFilterReads() {
    assertEquals(List.of("dict/t2s-chars.tsv"), WordFilter.bundledData(false));
    assertEquals(List.of("dict/t2s-chars.tsv", "dict/known-words.txt.gz", "dict/stopwords.txt"),
        WordFilter.bundledData(true));
  }

  @Test
  void accepts_newOnly_goldenTable() throws IOException {
    WordFilter f = WordFilter.create(List.of(), true, false);
    for (String[] row : NEW_ONLY) {
      assertEquals(Boolean.parseBoolean(row[1]), f.accepts(row[0]), row[0]);
    }
  }

  @Test
  void rejection_newOnly_saysWhichRuleDropsTheWord() throws IOException {
    Path lex = dir.resolve("known.txt");
    Files.writeString(lex, "赋能\n");
    WordFilter f = WordFilter.create(List.of(lex), true, false);
    assertEquals("listed by --known", f.rejection("赋能"));
    assertEquals("a word of ciku's general lexicon (--new-only: dict/known-words.txt.gz)",
        f.rejection("新闻"));
    assertEquals("a stopword (--new-only: dict/stopwords.txt)", f.rejection("The"));
    assertEquals("a number expression (--new-only)", f.rejection("2006年"));
    assertEquals("a number expression (--new-only)", f.rejection("第六十四条"));
    assertEquals("function-word glue: it ends with the stopword 的 (--new-only)",
        f.rejection("公司的"));
    assertEquals("function-word glue: it begins with the stopword 是 (--new-only)",
        f.rejection("是在"));
    assertEquals(null, f.rejection("H7N9"));
    assertEquals(null, f.rejection("十五五"));
  }

  @Test
  void accepts_withoutNewOnly_onlyUserLexiconDropped() throws IOException {
    Path lex = dir.resolve("known.txt");
    Files.writeString(lex, "赋能 120\nthe\n");
    WordFilter f = WordFilter.create(List.of(lex), false, false);
    assertEquals(false, f.accepts("赋能"));
    assertEquals(false, f.accepts("the"));
    assertEquals(true, f.accepts("The"), "case folding is for the bundled stopwords only");
    assertEquals(true, f.accepts("他的"));
    assertEquals(true, f.accepts("2006年"));
    assertEquals(true, f.accepts("十五五"));
  }

  @Test
  void create_knownFileWithBom_firstWordDropped() throws IOException {
    Path lex = dir.resolve("bom.txt");
    Files.writeString(lex, "\uFEFF赋能 120\n数智\n");
    WordFilter f = WordFilter.create(List.of(lex), false, false);
    assertEquals(false, f.accepts("赋能"));
    assertEquals(false, f.accepts("数智"));
    assertEquals(true, f.accepts("新词"));
  }

  /** Lexicon words are compared as the corpus reader writes the corpus's words. */
  @Test
  void accepts_fullWidthAndCasedLexiconWords_matchTheCorpusForms() throws IOException {
    Path lex = dir.resolve("known.txt");
    Files.writeString(lex, "ＣＯＶＩＤ－１９\niPhone7\n這個\n");
    WordFilter asIs = WordFilter.create(List.of(lex), false, false);
    assertEquals(false, asIs.accepts("COVID-19"), "full-width ASCII read as half-width");
    assertEquals(false, asIs.accepts("iPhone7"));
    assertEquals(true, asIs.accepts("iphone7"), "without --lowercase case matters");
    assertEquals(false, asIs.accepts("这个"));
    WordFilter lower = WordFilter.create(List.of(lex), false, true);
    assertEquals(false, lower.accepts("iphone7"), "with --lowercase the lexicon is lower-cased");
    assertEquals(false, lower.accepts("covid-19"));
    assertEquals(true, lower.accepts("iphone8"));
  }
}
