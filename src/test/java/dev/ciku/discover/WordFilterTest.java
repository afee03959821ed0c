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
  };

  @Test
  void isChineseNumberExpression_goldenTable() {
    for (String w : new String[] {"第六十四条", "第二章", "第三", "三十日", "十八届", "第一百零一条",
        "两倍", "〇号", "亿件", "余人", "万人", "余起", "万亿级", "万标箱", "亿欧元", "万剂次",
        "两个月", "几个月", "万车次", "余艘次"}) {
      assertEquals(true, WordFilter.isChineseNumberExpression(w), w);
    }
    for (String w : new String[] {"十五五", "五十", "三星", "四川", "万科", "一带一路", "第一夫人",
        "第", "条", "第条", "日", "十一五规划", "余村", "余额", "二维码", "三星堆", "万钢", "万步炎",
        "亿手", "万兆光网", "两栖攻击舰", "几字弯", "第二个月", "万里归途", "多地", "余志成", "万国成",
        "余小周", "百家号", "千层面", "千禧年", "万圣节", "千斤顶", "两面人", "余英时"}) {
      assertEquals(false, WordFilter.isChineseNumberExpression(w), w);
    }
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
