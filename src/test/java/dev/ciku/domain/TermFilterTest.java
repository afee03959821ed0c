package dev.ciku.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TermFilterTest {
  @Test
  void rejects_wordAffixInfixHeadAndLengthGuardPatterns_eachMatchesItsForm() {
    TermFilter f = TermFilter.none().add("或者", false).add("*的", false).add("由*", false)
        .add("*之*", false).add("# comment", false).add("工作", true).add("3:*本", false)
        .add("3:经*", false);
    assertTrue(f.rejects("或者"));
    assertFalse(f.rejects("或者说"));
    assertTrue(f.rejects("合法的"));
    assertTrue(f.rejects("由市"));
    assertTrue(f.rejects("总之类"));
    assertTrue(f.rejects("工作"));
    assertTrue(f.rejects("审判工作"));
    assertFalse(f.rejects("工作日"));
    assertFalse(f.rejects("人民法院"));
    assertTrue(f.rejects("违反本"));
    assertFalse(f.rejects("资本"));
    assertTrue(f.rejects("经省级"));
    assertFalse(f.rejects("经营"));
  }

  @Test
  void rejection_foldingCase_patternsAndTermsComparedWithoutCase() {
    // A corpus that folds case writes a unit in its most frequent form, CPU or cpu: a pattern
    // must find it in either.
    TermFilter f = TermFilter.none(true).add("cpu", false).add("*OS", true).add("!iOS", false)
        .add("App*", false);
    assertEquals("pattern 'cpu'", f.rejection("CPU"));
    assertEquals("pattern 'cpu'", f.rejection("cpu"));
    assertEquals("pattern '*os'", f.rejection("BIOS"));
    assertEquals(null, f.rejection("IOS"), "an exception folds too");
    assertEquals("pattern 'app*'", f.rejection("APPLE"));
    // Keeping case, they are compared as written (and so by none()).
    TermFilter kept = TermFilter.none(false).add("cpu", false);
    assertEquals(null, kept.rejection("CPU"));
    assertEquals(null, TermFilter.none().add("cpu", false).rejection("CPU"));
  }

  @Test
  void rejection_goldenTable_namesTheMatchingPatternAsWritten() {
    TermFilter f = TermFilter.none().add("或者", false).add("*的", false).add("由*", false)
        .add("*之*", false).add("工作", true).add("3:*本", false).add("3:经*", false)
        .add("被*", false).add("!被*人", false).add("上*级", false).add("應當", false);
    String[][] cases = {
        {"或者", "pattern '或者'"},
        {"合法的", "pattern '*的'"},
        {"由市", "pattern '由*'"},
        {"总之类", "pattern '*之*'"},
        {"审判工作", "pattern '*工作'"}, // a head: its leading * implied
        {"违反本", "pattern '3:*本'"},
        {"经省级", "pattern '3:经*'"},
        {"被撤销", "pattern '被*'"},
        {"上一级", "pattern '上*级'"},
        {"应当", "pattern '应当'"}, // patterns and terms folded to simplified
        {"應當", "pattern '应当'"},
        {"被害人", null}, // the exception !被*人
        {"资本", null},
        {"人民法院", null},
    };
    for (String[] c : cases) {
      assertEquals(c[1], f.rejection(c[0]), c[0]);
      assertEquals(c[1] != null, f.rejects(c[0]), c[0]);
    }
  }

  @Test
  void rejection_bundledNumbers_saysWhichKind() throws Exception {
    TermFilter f = TermFilter.bundled();
    assertEquals("it holds a digit", f.rejection("16款"));
    assertEquals("it is a number in Chinese numerals", f.rejection("第二十九条"));
    assertEquals(null, TermFilter.none().rejection("16款"));
  }

  @Test
  void bundled_genericWordsAndLegalTerms_dropsTheGenericKeepsTheTerms() throws Exception {
    TermFilter f = TermFilter.bundled();
    assertTrue(f.size() > 100);
    for (String w : new String[] {"或者", "应当", "进行", "问题", "有关情况", "审判工作", "违反本法的"}) {
      assertTrue(f.rejects(w), w);
    }
    for (String w : new String[] {"人民法院", "行政处罚", "转让", "住所", "规则", "资本", "刑事责任"}) {
      assertFalse(f.rejects(w), w);
    }
  }

  @Test
  void bundled_traditionalCharacters_sameAsSimplified() throws Exception {
    TermFilter f = TermFilter.bundled();
    for (String w : new String[] {"應當", "進行", "問題", "有關情況", "審判工作", "違反本法的"}) {
      assertTrue(f.rejects(w), w);
    }
    for (String w : new String[] {"人民法院", "行政處罰", "轉讓", "規則", "資本", "刑事責任"}) {
      assertFalse(f.rejects(w), w);
    }
  }

  @Test
  void rejects_wrapPatternsAndExceptions() {
    TermFilter f = TermFilter.none().add("被*", false).add("!被*人", false).add("!被告", false)
        .add("上*级", false).add("人*人", false);
    assertTrue(f.rejects("被撤销"));
    assertTrue(f.rejects("被吊销营业执照"));
    assertFalse(f.rejects("被害人"));
    assertFalse(f.rejects("被申请人"));
    assertFalse(f.rejects("被告"));
    assertTrue(f.rejects("上一级"));
    assertTrue(f.rejects("上级"));
    assertTrue(f.rejects("人人"));
    assertFalse(f.rejects("人"), "the two parts of a wrap pattern do not overlap");
    assertFalse(f.rejects("犯罪嫌疑人"));
  }

  @Test
  void bundled_numbersInDigitsOrNumeralsAndLatinTerms_dropsTheNumbersKeepsTheTerms()
      throws Exception {
    TermFilter f = TermFilter.bundled();
    for (String w : new String[] {"16款", "5万公里", "10万元以下罚款", "２０元", "第二十九条",
        "第二十九條", "三个月", "十五日以内"}) {
      assertTrue(f.rejects(w), w);
    }
    for (String w : new String[] {"SUV", "CVT变速箱", "被害人", "十五五", "三星堆"}) {
      assertFalse(f.rejects(w), w);
    }
    assertFalse(TermFilter.none().rejects("16款"));
  }

  @Test
  void addFile_bomAndMalformedBytes_firstPatternAppliesAndWarned(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) throws Exception {
    java.nio.file.Path p = dir.resolve("stop.txt");
    java.nio.file.Files.write(p, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF,
        (byte) 0xE8, (byte) 0xA1, (byte) 0x8C, (byte) 0xE6, (byte) 0x94, (byte) 0xBF, '\n',
        (byte) 0xFF, '\n'});
    java.util.List<String> warnings = new java.util.ArrayList<>();
    TermFilter f = TermFilter.none().addFile(p, false, warnings::add);
    assertTrue(f.rejects("行政"));
    assertEquals(java.util.List.of(p + ": 1 malformed or unmappable byte sequence(s) replaced by"
        + " U+FFFD, first on line 2"), warnings);
  }

  @Test
  void addFile_patternsAmongBlanks_eachApplies(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) throws Exception {
    java.nio.file.Path p = dir.resolve("stop.txt");
    java.nio.file.Files.writeString(p, "\t法规\t\n 物业 \n\u3000*工作\u3000# a note\n  # 规定\n",
        java.nio.charset.StandardCharsets.UTF_8);
    TermFilter f = TermFilter.none().addFile(p, false);
    assertTrue(f.rejects("法规"));
    assertTrue(f.rejects("物业"));
    assertTrue(f.rejects("审判工作"));
    assertFalse(f.rejects("规定"), "a comment line indented is still a comment");
    assertEquals(3, f.size());
  }

  @Test
  void addFile_malformedPattern_namesFileAndLine(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) throws Exception {
    java.nio.file.Path p = dir.resolve("stop.txt");
    java.nio.file.Files.writeString(p, "法规\n3:本\n", java.nio.charset.StandardCharsets.UTF_8);
    dev.ciku.corpus.MalformedDataException e = org.junit.jupiter.api.Assertions.assertThrows(
        dev.ciku.corpus.MalformedDataException.class, () -> TermFilter.none().addFile(p, false));
    assertEquals(p + ":2: a length-guarded pattern must be N:*suffix or N:prefix*, not '3:本'",
        e.getMessage());
    java.nio.file.Files.writeString(p, "99999999999:*定\n", java.nio.charset.StandardCharsets.UTF_8);
    e = org.junit.jupiter.api.Assertions.assertThrows(dev.ciku.corpus.MalformedDataException.class,
        () -> TermFilter.none().addFile(p, true));
    assertEquals(p + ":1: the length guard of '99999999999:' is too large (at most 1000"
        + " characters)", e.getMessage());
  }

  @Test
  void add_lengthGuardAtTheLimit_applies() {
    TermFilter f = TermFilter.none().add(TermFilter.MAX_GUARD + ":*定", false);
    assertFalse(f.rejects("规定"));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> TermFilter.none().add((TermFilter.MAX_GUARD + 1) + ":*定", false));
  }

  @Test
  void add_patternsThatMatchNothing_rejectedWithTheSyntax() {
    for (String bad : new String[] {"*", "**", "!", "!!规定", "规*定*", "*规*定", "a*b*c", "!*",
        "3:", "3:a*b*", "3:*规*定", "!#规定", "!规*定*"}) {
      IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
          IllegalArgumentException.class, () -> TermFilter.none().add(bad, false), bad);
      assertTrue(e.getMessage().endsWith("'" + bad + "'"), bad + ": " + e.getMessage());
    }
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> TermFilter.none().add("**", true), "a heads file too");
    // Each form of the syntax still works, and a blank or a comment is no pattern.
    TermFilter f = TermFilter.none().add("规定", false).add("*法", false).add("条*", false)
        .add("*管理*", false).add("被*人", false).add("!被害人", false).add("  ", false)
        .add("# *", false);
    assertTrue(f.rejects("规定") && f.rejects("刑法") && f.rejects("条款") && f.rejects("物业管理处")
        && f.rejects("被申请人"));
    assertFalse(f.rejects("被害人") || f.rejects("司法鉴定"));
    assertEquals(6, f.size(), "five patterns and one exception");
  }
}
