package dev.ciku.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClauseScannerTest {

  /**
   * Scans {@code text} as one input and returns its clauses as unit strings: lower-cased with
   * {@code lowercase}, else with case kept ({@link LatinCase#KEEP}, the units as written).
   */
  private static List<List<String>> clauses(String text, boolean lowercase) {
    return clauses(text, lowercase ? LatinCase.LOWER : LatinCase.KEEP, false);
  }

  /**
   * Scans {@code text} as one input, read with {@code latinCase}, and returns its clauses as
   * unit strings: each unit's key if {@code keys}, else its written form once the whole text is
   * read.
   */
  private static List<List<String>> clauses(String text, LatinCase latinCase, boolean keys) {
    UnitTable table = UnitTable.of(latinCase);
    List<int[]> ids = new ArrayList<>();
    ClauseScanner scanner = new ClauseScanner(table, latinCase, false,
        (u, length, owned, start, end) -> {
          assertTrue(start && end, "short clauses come in one chunk");
          assertEquals(length, owned);
          ids.add(Arrays.copyOf(u, length));
        });
    scanner.text(text);
    scanner.finish();
    List<List<String>> out = new ArrayList<>();
    for (int[] clause : ids) {
      List<String> units = new ArrayList<>();
      for (int id : clause) {
        units.add(keys ? table.key(id) : table.text(id));
      }
      out.add(units);
    }
    return out;
  }

  private static List<List<String>> golden(String... clauses) {
    List<List<String>> out = new ArrayList<>();
    for (String c : clauses) {
      out.add(Arrays.asList(c.split(" ")));
    }
    return out;
  }

  @Test
  void scan_mixedScriptsUrlsAndEntities_yieldsTheTabledClauses() {
    String[][] table = {
        // input, expected clauses (units separated by spaces, clauses by |)
        {"iPhone7手机，5G网络COVID-19疫情。12306订票", "iPhone7 手 机|5G 网 络 COVID-19 疫 情|12306 订 票"},
        {"ＡＢＣ１２３中文", "ABC123 中 文"},
        {"Ｘ－１型", "X-1 型"},
        {"中文\u3000汉字", "中 文|汉 字"},
        {"你好😀世界", "你 好|世 界"},
        {"日本のカタカナ漢字", "日 本|漢 字"},
        {"한국어中", "中"},
        {"价格￥100元", "价 格|100 元"},
        {"𠀀𠀁字", "𠀀 𠀁 字"},
        {"二〇二二年", "二 〇 二 二 年"},
        {"3.5倍", "3.5 倍"},
        {"x.y.z", "x.y.z"},
        {"a--b", "a|b"},
        {"COVID-19-", "COVID-19"},
        {"A-中", "A|中"},
        {"中-A", "中|A"},
        {"版本v2.", "版 本 v2"},
        {"Café中", "Café 中"},
        {"3×4", "3|4"},
        {"々⺀中", "中"},
        {"a\tb c", "a|b|c"},
        {"看http://t.cn/A6x?b=1&c=%20转发", "看|转 发"},
        {"见HTTPS://Example.com/a_b(1)，好", "见|好"},
        {"ftp://x.y/z 中", "中"},
        {"http: 协议", "http|协 议"},
        {"http:/a", ""},
        {"我在:http:t.cn/zl7Xr4E蒙牛", "我 在|蒙 牛"},
        {"http:", "http"},
        {"http:中", "http|中"},
        {"http：//a", "http|a"},
        {"xhttp://a", "xhttp|a"},
        {"a-http://b中", "a-http|b 中"},
        {"网址www.example.com", "网 址 www.example.com"},
        {"http://", ""},
        {"你&amp;我&quot;好&#183;的&#x27;", "你|我|好|的"},
        {"&#38388;中", "中"},
        {"AT&T;中", "AT|中"},
        {"R&D 中", "R|D|中"},
        {"&amp中", "amp 中"},
        {"&a-b;中", "中"},
        {"&a-;中", "a|中"},
        {"&abcdefghijk;中", "abcdefghijk|中"},
        {"&##1;中", "1|中"},
        {"＆amp；中", "amp|中"},
        {"说&amp;quot;你好&amp;quot;", "说|你 好"},
        {"&amp;amp;amp;中", "中"},
        {"&quot;quot;中", "quot|中"},
        {"", ""},
        {"，。！", ""},
    };
    for (String[] row : table) {
      List<List<String>> expected = row[1].isEmpty() ? List.of() : golden(row[1].split("\\|"));
      assertEquals(expected, clauses(row[0], false), () -> "input: " + row[0]);
    }
  }

  private static List<List<String>> lowerCased(List<List<String>> clauses) {
    List<List<String>> out = new ArrayList<>();
    for (List<String> c : clauses) {
      List<String> units = new ArrayList<>();
      for (String u : c) {
        StringBuilder sb = new StringBuilder();
        u.codePoints().forEach(cp -> sb.appendCodePoint(UnitPolicy.toLowerLatin(cp)));
        units.add(sb.toString());
      }
      out.add(units);
    }
    return out;
  }

  @Test
  void scan_simplify_foldsHanOnly() {
    UnitTable table = new UnitTable(true);
    List<String> units = new ArrayList<>();
    ClauseScanner s = new ClauseScanner(table, LatinCase.FOLD, true,
        (u, length, owned, start, end) -> {
      for (int i = 0; i < length; i++) {
        units.add(table.text(u[i]));
      }
    });
    s.text("這個國家iPhone7手機乾隆");
    s.finish();
    assertEquals(List.of("这", "个", "国", "家", "iPhone7", "手", "机", "干", "隆"), units);
    assertEquals(8, s.hanChars(), "counters see the text as it was");
    assertEquals(15, s.chars());
  }

  @Test
  void scan_lowercase_foldsLatinOnly() {
    assertEquals(golden("iphone7 手 机", "äb"), clauses("iPhone7手机 ÄB", true));
    assertEquals(golden("iPhone7 手 机", "ÄB"), clauses("iPhone7手机 ÄB", false));
    assertEquals(golden("abc"), clauses("ＡＢＣ", true));
  }

  @Test
  void scan_latinRunOf32_isUnit_of33_isBoundary() {
    String a32 = "a".repeat(32);
    String a33 = "a".repeat(33);
    assertEquals(golden("中 " + a32 + " 文"), clauses("中" + a32 + "文", false));
    assertEquals(golden("中", "文"), clauses("中" + a33 + "文", false));
    assertEquals(golden("中", "文"), clauses("中" + "ab-".repeat(11) + "c文", false));
    assertEquals(List.of(), clauses("z".repeat(1000), false));
  }

  @Test
  void counters_twoLinesOfMixedText_countLinesCharsHanClausesAndUnits() {
    UnitTable table = new UnitTable(true);
    ClauseScanner s = new ClauseScanner(table, LatinCase.FOLD, false, (u, l, o, b, e) -> { });
    String text = "iPhone7手机，5G网络COVID-19疫情。12306订票";
    s.text(text);
    s.endLine();
    s.text("第二行 𠀀");
    s.finish();
    assertEquals(2, s.lines());
    assertEquals(text.codePointCount(0, text.length()) + 5, s.chars());
    assertEquals(8 + 4, s.hanChars());
    assertEquals(5, s.clauses());
    assertEquals(12 + 4, s.units());
    assertEquals(4, s.latinUnits());
    assertEquals(4, table.latinCount());
  }

  @Test
  void counters_url_charsCountedNoUnits() {
    ClauseScanner s = feed("转发http://t.cn/A6x 看\nhttps://a.b/c\nhttp: x\n");
    assertEquals(2, s.urls());
    assertEquals(3, s.lines());
    assertEquals(2 + 15 + 1 + 1 + 13 + 7, s.chars());
    assertEquals(5, s.units()); // 转 发 看, and http and x of the line where a space follows the colon
    assertEquals(2, s.latinUnits());
    assertEquals(4, s.clauses()); // 转发 | 看 | http | x
  }

  @Test
  void codePoint_crlfIsOneLineEnd_loneCrIsCharAndBoundary_finalCrALineEnd() {
    ClauseScanner lf = feed("中文\n好\n");
    ClauseScanner crlf = feed("中文\r\n好\r\n");
    assertEquals(lf.chars(), crlf.chars());
    assertEquals(3, crlf.chars());
    assertEquals(2, crlf.lines());
    ClauseScanner cr = feed("中\r文");
    assertEquals(3, cr.chars());
    assertEquals(2, cr.clauses());
    assertEquals(1, cr.lines());
    // A carriage return that ends the input ends its last line (old Mac text), as a line feed.
    ClauseScanner trailing = feed("中\r");
    assertEquals(1, trailing.chars());
    assertEquals(1, trailing.lines());
    ClauseScanner mac = feed("中文\r好\r");
    assertEquals(feed("中文\r好\n").chars(), mac.chars());
    assertEquals(4, mac.chars());
    assertEquals(1, mac.lines());
    assertEquals(feed("中文\n\n").lines(), feed("中文\n\r").lines());
  }

  private static ClauseScanner feed(String text) {
    ClauseScanner s = new ClauseScanner(new UnitTable(true), LatinCase.FOLD, false, (u, l, o, b, e) -> { });
    char[] a = text.toCharArray();
    s.chars(a, 0, a.length);
    s.finish();
    return s;
  }

  @Test
  void chars_surrogatePair_isOneHanUnit() {
    List<List<String>> out = new ArrayList<>();
    UnitTable table = new UnitTable(true);
    ClauseScanner s = new ClauseScanner(table, LatinCase.FOLD, false, (u, l, o, b, e) -> {
      List<String> c = new ArrayList<>();
      for (int i = 0; i < l; i++) {
        c.add(table.text(u[i]));
      }
      out.add(c);
    });
    char[] a = "中𠀀".toCharArray();
    s.chars(a, 0, a.length);
    s.finish();
    assertEquals(List.of(List.of("中", "𠀀")), out);
    assertEquals(2, s.chars());
    assertEquals(2, s.hanChars());
  }

  @Test
  void scan_invisibleCodePoints_skippedInsideClauses() {
    // A variation selector (also the supplementary one), zero-width characters, U+FEFF and a soft
    // hyphen neither split a clause nor join a unit.
    assertEquals(List.of(List.of("葛", "城", "葛", "城")),
        clauses("葛\uFE00城\u200B葛\uDB40\uDD00\u200D城", false));
    assertEquals(List.of(List.of("中", "国", "人", "民")), clauses("中国\uFEFF人\u00AD民", false));
    assertEquals(List.of(List.of("iphone7")), clauses("iPhone\u200B7", true));
  }

  @Test
  void scan_combiningMarks_stayInLatinUnitsSkippedElsewhere() {
    assertEquals(List.of(List.of("cafe\u0301x")), clauses("cafe\u0301x", false));
    assertEquals(List.of(List.of("Cafe\u0301-au")), clauses("Cafe\u0301-au", false));
    // After a Han character, a joiner or a boundary a mark is skipped; it never splits a clause.
    assertEquals(List.of(List.of("中", "文")), clauses("中\u0301文", false));
    assertEquals(List.of(List.of("a-b")), clauses("a-\u0301b", false));
    assertEquals(List.of(List.of("中")), clauses("\u0301中", false));
    // A mark ends a character reference's name: "&amp\u0301;" is text, not a reference.
    assertEquals(List.of(List.of("amp\u0301")), clauses("&amp\u0301;", false));
  }

  @Test
  void scan_keycapEmoji_digitIsAUnitAndTheClauseEnds() {
    // 1️⃣ is 1 U+FE0F U+20E3: the keycap is an emoji symbol, not a mark of the digit.
    assertEquals(List.of(List.of("步", "骤", "1"), List.of("打", "开")),
        clauses("步骤1\uFE0F\u20E3打开", false));
    assertEquals(List.of(List.of("Q3"), List.of("中")), clauses("Q3\u20E3中", false));
  }

  /** Random mixed text against the independent regular-expression restatement of the policy. */
  @Test
  void scan_randomMixedText_matchesReference() {
    String[] pieces = {"中", "文", "的", "𠀀", "〇", "a", "B", "z", "7", "0", "é", "É", "ß", "-", ".",
        "，", "。", " ", "\u3000", "Ａ", "１", "－", "😀", "カ", "×", "\t", "'", "_", "ｚ", "丶",
        "http", "HTTPS", "ftp", "ｈｔｔｐ", ":", "/", "://", "?", "=", "：", "／", "&", "#", ";",
        "&amp;", "＆", "；", "amp", "quot", "\u0301", "\u20DD", "\u20E3", "\uFE00", "\u200B", "\u200D",
        "\uFEFF", "\u00AD", "\uDB40\uDD00", "\uD834\uDD65", "\u0308"};
    Random random = new Random(20261125L);
    for (int round = 0; round < 2000; round++) {
      StringBuilder sb = new StringBuilder();
      int n = random.nextInt(60);
      for (int i = 0; i < n; i++) {
        // Bias towards Latin so that long runs and joiners happen.
        String p = random.nextInt(4) == 0 ? "a".repeat(1 + random.nextInt(20))
            : pieces[random.nextInt(pieces.length)];
        sb.append(p);
      }
      String text = sb.toString();
      boolean lower = random.nextBoolean();
      assertEquals(ReferenceUnits.clauses(text, lower), clauses(text, lower),
          () -> "input: " + text + " lowercase=" + lower);
      // Folding case makes the units of --lowercase, written in forms of the text.
      List<List<String>> folded = clauses(text, LatinCase.FOLD, false);
      assertEquals(ReferenceUnits.clauses(text, true), clauses(text, LatinCase.FOLD, true),
          () -> "input: " + text + " folded");
      assertEquals(ReferenceUnits.clauses(text, true), lowerCased(folded),
          () -> "input: " + text + " folded, written " + folded);
    }
  }

  /**
   * A clause longer than one chunk: every n-gram of up to OVERLAP + 1 units must start inside
   * exactly one chunk's owned range, and the owned counts must equal a naive count on the whole
   * clause.
   */
  @Test
  void scan_longClause_chunksOwnEveryNgramOnce() {
    int total = 2 * ClauseScanner.MAX_CHUNK + 12_345;
    String[] alphabet = {"甲", "乙", "丙", "5G", "x.y"};
    Random random = new Random(42);
    List<String> original = new ArrayList<>(total);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < total; i++) {
      String u = alphabet[random.nextInt(random.nextInt(8) == 0 ? alphabet.length : 3)];
      // Two Latin units in a row would merge; put a Han unit between them.
      if (u.length() > 1 && !original.isEmpty() && original.get(original.size() - 1).length() > 1) {
        u = "丁";
      }
      original.add(u);
      text.append(u);
    }
    UnitTable table = new UnitTable(true);
    int maxN = ClauseScanner.OVERLAP + 1;
    int[] seen = new int[total];
    int[] offset = {0};
    int[] chunks = {0};
    List<Integer> lengths = List.of(1, 2, 3, 17, 32, 33);
    Map<Integer, Map<String, Integer>> owned = new HashMap<>();
    ClauseScanner s = new ClauseScanner(table, LatinCase.FOLD, false,
        (u, length, ownedEnd, start, end) -> {
      assertTrue(length <= ClauseScanner.MAX_CHUNK);
      assertEquals(chunks[0] == 0, start, "only the first chunk starts the clause");
      assertEquals(end, ownedEnd == length, "only the last chunk owns its whole length");
      int g = offset[0];
      for (int i = 0; i < length; i++) {
        assertEquals(original.get(g + i), table.text(u[i]), "chunk content at " + (g + i));
      }
      for (int i = 0; i < ownedEnd; i++) {
        for (int n = 1; n <= maxN && i + n <= length; n++) {
          seen[g + i]++;
        }
        for (int n : lengths) {
          if (i + n <= length) {
            owned.computeIfAbsent(n, k -> new HashMap<>()).merge(gram(table, u, i, n), 1, Integer::sum);
          }
        }
      }
      offset[0] += ownedEnd;
      chunks[0]++;
    });
    s.text(text);
    s.finish();
    assertEquals(3, chunks[0]);
    assertEquals(total, offset[0]);
    assertEquals(1, s.clauses());
    assertEquals(total, s.units());
    for (int p = 0; p < total; p++) {
      int expected = Math.min(maxN, total - p);
      if (seen[p] != expected) {
        assertEquals(expected, seen[p], "n-grams starting at " + p);
      }
    }
    for (int n : lengths) {
      Map<String, Integer> naive = new HashMap<>();
      for (int i = 0; i + n <= total; i++) {
        naive.merge(String.join(" ", original.subList(i, i + n)), 1, Integer::sum);
      }
      assertEquals(naive, owned.get(n), "n = " + n);
    }
  }

  private static String gram(UnitTable table, int[] u, int from, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < from + n; i++) {
      if (i > from) {
        sb.append(' ');
      }
      sb.append(table.text(u[i]));
    }
    return sb.toString();
  }

  @Test
  void scan_clauseOfExactlyMaxChunk_isOneChunk() {
    int[] calls = {0};
    ClauseScanner s = new ClauseScanner(new UnitTable(true), LatinCase.FOLD, false, (u, length, owned, start, end) -> {
      calls[0]++;
      assertEquals(ClauseScanner.MAX_CHUNK, length);
      assertEquals(length, owned);
      assertTrue(start);
      assertTrue(end);
    });
    s.text("中".repeat(ClauseScanner.MAX_CHUNK));
    s.finish();
    assertEquals(1, calls[0]);
    assertEquals(1, s.clauses());
  }

  @Test
  void unitTable_latinRunsSeenAgainAndMixedText_idsInFirstSeenOrder() {
    UnitTable t = new UnitTable(true);
    assertEquals(UnitTable.LATIN_BASE, t.latinId("5G"));
    assertEquals(UnitTable.LATIN_BASE + 1, t.latinId("iPhone7"));
    assertEquals(UnitTable.LATIN_BASE, t.latinId("5G"));
    assertArrayEquals(new int[] {'中', UnitTable.LATIN_BASE, 0x20000},
        t.toUnits("中5G𠀀", false));
    assertEquals(null, t.toUnits("中，文", false));
  }
}
