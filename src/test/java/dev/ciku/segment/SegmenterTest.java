package dev.ciku.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ciku.score.WordTrie;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SegmenterTest {
  private static Vocabulary vocab() {
    Vocabulary v = new Vocabulary();
    String[][] words = {{"中国", "50"}, {"人民", "40"}, {"北京", "30"}, {"大学", "30"},
        {"大学生", "5"}, {"学生", "20"}, {"0年", "25"}, {"0月", "25"}, {"A股", "3"},
        {"的", "100"}, {"中", "10"}, {"国", "10"}, {"人", "20"}, {"民", "5"}, {"了", "60"},
        {"增长", "20"}};
    for (String[] w : words) {
      v.add(w[0], Long.parseLong(w[1]));
    }
    return v;
  }

  private final Segmenter seg = new Segmenter(vocab(), " ");

  @Test
  void words_goldenTable_expectedTokens() {
    String[][] table = {
        {"中国人民", "中国|人民"},
        {"中國人民", "中國|人民"}, // traditional text, simplified vocabulary: written as read
        {"北京大學生增長了", "北京|大學生|增長|了"},
        {"北京大学生", "北京|大学生"},
        {"2000年1月", "2000年|1月"},
        {"１９９８年１２月", "１９９８年|１２月"},
        {"增长了3.5%。", "增长|了|3.5%|。"},
        {"增长了８０％", "增长|了|８０％"},
        {"B股和A股", "B股|和|A股"},
        {"GDP增长", "GDP|增长"},
        {"———中国……", "———|中国|……"},
        {"iPhone7的", "iPhone7|的"},
        {"中国😀😀人民", "中国|😀|😀|人民"},
        {"中国---人民", "中国|-|-|-|人民"},
        {"𠀀中国", "𠀀|中国"},
        {"中国❤️人民", "中国|❤️|人民"},
        {"👨‍👩‍👧👍🏽🇨🇳🇯🇵", "👨‍👩‍👧|👍🏽|🇨🇳|🇯🇵"},
        {"🇨🇳🇯中国", "🇨🇳|🇯|中国"},
        {"caf\u0065\u0301的", "caf\u0065\u0301|的"},
        {"中\uDB40\uDD00国人民", "中\uDB40\uDD00国|人民"},
        {"1\uFE0F\u20E3中国", "1\uFE0F\u20E3|中国"},
        {"中国\u200D", "中国\u200D"},
        // Invisible code points stay with the character before them (counting skips them), and
        // one that follows no character, as a BOM, is copied like whitespace.
        {"中\u200B国人民", "中\u200B国|人民"},
        {"\uFEFF中国人民", "中国|人民"},
        {"中国，\u2060人民", "中国|，\u2060|人民"},
        {"中国http://t.cn/A6x?b=1人民", "中国|http://t.cn/A6x?b=1|人民"},
        {"见HTTPS://a.b/c，中国", "见|HTTPS://a.b/c|，|中国"},
        {"ｈｔｔｐ://a中国", "ｈｔｔｐ://a|中国"},
        {"http:/a", "http:/a"},
        {"中国http:t.cn/x人民", "中国|http:t.cn/x|人民"},
        {"http:中国", "http|:|中国"},
        {"xhttp://a", "xhttp|:|/|/|a"},
        {"中国&amp;人民&#183;北京&#x27;", "中国|&amp;|人民|&#183;|北京|&#x27;"},
        {"中国&amp人民", "中国|&|amp|人民"},
        {"中国&amp;quot;人民&amp;", "中国|&amp;quot;|人民|&amp;"},
        {"中国&amp;#1;&amp;x", "中国|&amp;#1;|&amp;|x"},
        {"R&D;", "R|&D;"}, // read as a character reference, as UnitPolicy does
        {"北京大学foo.bar@example.com。", "北京|大学|foo.bar@example.com|。"},
        {"人民572437855@qq.com中国", "人民|572437855@qq.com|中国"},
        {"a_b+c-d%e@mail-x.example.com.cn，", "a_b+c-d%e@mail-x.example.com.cn|，"},
        {"x@y.c中国", "x|@|y.c|中国"}, // the last label too short: no address
        {"x@163.com5", "x|@|163.com5"}, // the last label not letters
        {"x.@y.com", "x|.|@|y.com"}, // the local part ends with a dot
        {"中国@人民", "中国|@|人民"},
        {"C++的C#中国G++", "C++|的|C#|中国|G++"},
        {"Notepad++中国", "Notepad++|中国"},
        {"C+++中国", "C|+|+|+|中国"},
        {"#iPhone#中国", "#|iPhone|#|中国"},
        {"C#D", "C|#|D"},
        {"5++", "5|+|+"},
        {"", ""},
    };
    for (String[] row : table) {
      List<String> expected = row[1].isEmpty() ? List.of() : List.of(row[1].split("\\|"));
      assertEquals(expected, seg.words(row[0]), row[0]);
    }
  }

  @Test
  void segmentLine_inputSpaces_keptAndNotDoubled() {
    assertEquals("中国 人民", seg.segmentLine("中国人民"));
    assertEquals("中国 人民", seg.segmentLine("中国 人民"));
    assertEquals("中国  人民", seg.segmentLine("中国  人民"));
    assertEquals(" 中国\u3000人民 ", seg.segmentLine(" 中国\u3000人民 "));
    assertEquals("中国\t人民", seg.segmentLine("中国\t人民"));
  }

  @Test
  void segmentLine_leadingBom_keptWithNoSeparatorAfterIt() {
    assertEquals("\uFEFF中国 人民", seg.segmentLine("\uFEFF中国人民"));
  }

  @Test
  void segmentLine_otherSeparator_removingItGivesInput() {
    Segmenter bar = new Segmenter(vocab(), "|");
    assertEquals("中国|人民 的|，|北京", bar.segmentLine("中国人民 的，北京"));
  }

  @Test
  void segmentLine_randomStrings_separatorsRemovedGiveInput() {
    String alphabet = "中国人民北京大学生的了增长年月日，。、！？—…  \u3000\t１２３ａｂＡＢ0123abcXYZ.-%％"
        + "😀𠀀𠀁é\uFF0E\u200D\uFE0F\u0301\u20E3🏽🇨🇳👩❤\u200B\uFEFF\u00AD";
    int[] cps = alphabet.codePoints().toArray();
    Random r = new Random(42);
    Segmenter bar = new Segmenter(vocab(), "\u0001");
    for (int t = 0; t < 2000; t++) {
      StringBuilder sb = new StringBuilder();
      int n = r.nextInt(40);
      for (int i = 0; i < n; i++) {
        if (r.nextInt(30) == 0) {
          sb.append(new String[] {"http://", "FTP:/", "&amp;", "&#", ";"}[r.nextInt(5)]);
        }
        sb.appendCodePoint(cps[r.nextInt(cps.length)]);
      }
      if (r.nextInt(10) == 0) {
        sb.append(r.nextBoolean() ? '\uD800' : '\uDC00'); // a lone surrogate
      }
      String in = sb.toString();
      String out = bar.segmentLine(in);
      assertEquals(in, out.replace("\u0001", ""), "input " + in);
      // An invisible code point after whitespace or at the start is copied, not a word.
      String visible = "[ \t\u3000\u200B\u200D\uFEFF\u00AD\uFE0F]";
      assertEquals(in.replaceAll(visible, ""),
          String.join("", bar.words(in)).replaceAll(visible, ""), "words of " + in);
    }
  }

  @Test
  void streamSegmenter_linesAndLastLineWithoutBreak_oneOutputLineEach() throws IOException {
    StreamSegmenter s = new StreamSegmenter(seg);
    StringWriter out = new StringWriter();
    s.run(new StringReader("中国人民\n\n北京大学生\r\n2000年"), out);
    assertEquals("中国 人民\n\n北京 大学生\r\n2000年", out.toString());
    assertEquals(4, s.lines());
  }

  @Test
  void streamSegmenter_veryLongLine_boundedAndExact() throws IOException {
    StringBuilder sb = new StringBuilder();
    Random r = new Random(7);
    String[] pieces = {"中国", "人民", "北京", "大学生", "，", "2000年", "😀"};
    while (sb.length() < 5 * StreamSegmenter.BUFFER) {
      sb.append(pieces[r.nextInt(pieces.length)]);
    }
    // a stretch with no punctuation at all forces a cut inside Han text
    sb.append("中国人民".repeat(StreamSegmenter.BUFFER / 2));
    sb.append('\n');
    String in = sb.toString();
    Segmenter bar = new Segmenter(vocab(), "\u0001");
    StreamSegmenter s = new StreamSegmenter(bar);
    StringWriter out = new StringWriter();
    s.run(new StringReader(in), out);
    assertEquals(in, out.toString().replace("\u0001", ""));
    assertEquals(1, s.lines());
  }

  /** Where a stream cuts a full buffer: after punctuation if it can, else at the end. */
  private static int cutPoint(char[] buf) {
    int cut = ParallelSegmenter.freeCut(buf, buf.length);
    return cut >= 0 ? cut : ParallelSegmenter.forcedCut(buf, buf.length);
  }

  @Test
  void cutPoint_emojiSequenceInTheSecondHalf_notCutInside() {
    for (String cluster : List.of("❤\uFE0F", "👩\u200D💻", "☝🏽")) {
      char[] buf = ("中国".repeat(40) + cluster + "人民".repeat(3)).toCharArray();
      int cut = cutPoint(buf);
      int at = 80;
      assertTrue(cut <= at || cut >= at + cluster.length(), cluster + " cut at " + cut);
    }
  }

  @Test
  void cutPoint_urlInTheSecondHalf_notCutInside() {
    String url = "http://example.com/a(b)-c?d=1&e=2#f";
    char[] buf = ("中国".repeat(40) + url + "人民".repeat(3)).toCharArray();
    int cut = cutPoint(buf);
    assertTrue(cut <= 80 || cut >= 80 + url.length(), "cut at " + cut);
  }

  @Test
  void parallelRun_urlAtABlockBoundaryOfALongLine_oneToken() throws Exception {
    // A line many buffers long, a URL in every sentence: wherever a buffer ends, it is cut after
    // a comma, never inside a URL (http: //example.com).
    String url = "http://example.com/abc";
    // Sentences of 27 characters after a head that makes the first block end inside a URL, just
    // after its "http:/".
    StringBuilder sb = new StringBuilder("中".repeat(Math.floorMod(ParallelSegmenter.BLOCK - 10, 27)));
    int sentences = 0;
    while (sb.length() < 3 * ParallelSegmenter.BLOCK) {
      sb.append("访问").append(url).append("了解，");
      sentences++;
    }
    sb.append('\n');
    StringWriter out = new StringWriter();
    new ParallelSegmenter(new Segmenter(vocab(), " "), 2).run(new StringReader(sb.toString()),
        out);
    List<String> tokens = List.of(out.toString().strip().split(" "));
    assertEquals(sentences, tokens.stream().filter(url::equals).count());
    assertEquals(List.of(), tokens.stream().filter(t -> t.contains("/") && !t.equals(url)).toList());
  }

  @Test
  void constructor_wordsInBothScripts_countsAdded() {
    Vocabulary v = new Vocabulary();
    v.add("这个", 10);
    v.add("這個", 5);
    v.add("这", 5);
    v.add("个", 5);
    WordTrie folded = v.trie(dev.ciku.corpus.Simplified.bundled());
    assertEquals(15.0, folded.count(folded.node(Symbols.toSymbols("这个"), 0, 2)));
    assertEquals(-1, folded.node(Symbols.toSymbols("這個"), 0, 2));
    WordTrie plain = v.trie(null);
    assertEquals(5.0, plain.count(plain.node(Symbols.toSymbols("這個"), 0, 2)));
    assertEquals(List.of("這個", "这个"), new Segmenter(v, " ").words("這個这个"));
  }

  @Test
  void constructor_emptyVocabulary_rejected() {
    assertThrows(IllegalArgumentException.class, () -> new Segmenter(new Vocabulary(), " "));
  }

  @Test
  void parallelSegmenter_noThreads_refusedWithTheValue() {
    assertEquals("threads must be 1 or more, not 0", assertThrows(
        IllegalArgumentException.class, () -> new ParallelSegmenter(seg, 0)).getMessage());
  }

  @Test
  void parallelSegmenter_anyThreads_sameAsStreamSegmenter() throws IOException {
    StringBuilder sb = new StringBuilder();
    Random r = new Random(11);
    String[] pieces = {"中国", "人民", "北京", "大学生", "，", "2000年", "😀", " ", "\n", "——", "ＧＤＰ"};
    while (sb.length() < 3 * ParallelSegmenter.BLOCK) {
      sb.append(pieces[r.nextInt(pieces.length)]);
      if (sb.length() > ParallelSegmenter.BLOCK && sb.length() < ParallelSegmenter.BLOCK + 100) {
        // one line longer than a block, cut only at punctuation
        sb.append("北京，3.5%".repeat(ParallelSegmenter.BLOCK / 5));
      }
    }
    sb.append("人民 中国"); // no final line break
    String in = sb.toString();
    StringWriter expected = new StringWriter();
    StreamSegmenter single = new StreamSegmenter(seg);
    single.run(new StringReader(in), expected);
    for (int threads = 1; threads <= 3; threads++) {
      StringWriter got = new StringWriter();
      try (ParallelSegmenter p = new ParallelSegmenter(seg, threads)) {
        p.run(new StringReader(in), got);
        assertEquals(single.lines(), p.lines(), "lines, threads " + threads);
        assertEquals(in.codePointCount(0, in.length()) - in.chars().filter(c -> c == '\n').count(),
            p.chars());
      }
      assertEquals(expected.toString(), got.toString(), "threads " + threads);
    }
  }

  @Test
  void parallelSegmenter_forcedCuts_sameForAnyThreadsAndExact() throws IOException {
    String in = "中国人民".repeat(ParallelSegmenter.BLOCK / 2) + "\n北京";
    Segmenter bar = new Segmenter(vocab(), "\u0001");
    String first = null;
    for (int threads = 1; threads <= 3; threads++) {
      StringWriter got = new StringWriter();
      try (ParallelSegmenter p = new ParallelSegmenter(bar, threads)) {
        p.run(new StringReader(in), got);
        assertEquals(2, p.lines());
      }
      assertEquals(in, got.toString().replace("\u0001", ""));
      if (first == null) {
        first = got.toString();
      }
      assertEquals(first, got.toString(), "threads " + threads);
    }
  }

  /**
   * A reader fed by the test, like a pipe: a read waits for the next piece the test gives
   * ({@link #give}; {@link #end} ends the input), {@link #ready} says whether a piece is waiting
   * (or, if {@code stallAtEnds}, false at the end of every piece, as a pipe that a slow producer
   * fills piece by piece).
   */
  private static final class Trickle extends Reader {
    private static final String END = new String("end");
    private final BlockingQueue<String> pieces = new LinkedBlockingQueue<>();
    private final boolean stallAtEnds;
    private String current = "";
    private int at;
    private boolean ended;

    Trickle(boolean stallAtEnds) {
      this.stallAtEnds = stallAtEnds;
    }

    void give(String piece) {
      pieces.add(piece);
    }

    void end() {
      pieces.add(END);
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
      if (ended) {
        return -1;
      }
      while (at == current.length()) {
        String next;
        try {
          next = pieces.take();
        } catch (InterruptedException e) {
          throw new java.io.InterruptedIOException();
        }
        if (next == END) {
          ended = true;
          return -1;
        }
        current = next;
        at = 0;
      }
      int n = Math.min(len, current.length() - at);
      current.getChars(at, at + n, cbuf, off);
      at += n;
      return n;
    }

    @Override
    public boolean ready() {
      return at < current.length() || (!stallAtEnds && !pieces.isEmpty());
    }

    @Override
    public void close() {}
  }

  /** A writer that hands what has been written to the test at each flush. */
  private static final class Flushes extends Writer {
    final StringBuilder written = new StringBuilder();
    final BlockingQueue<String> flushed = new LinkedBlockingQueue<>();

    @Override
    public void write(char[] cbuf, int off, int len) {
      written.append(cbuf, off, len);
    }

    @Override
    public void flush() {
      flushed.add(written.toString());
    }

    @Override
    public void close() {}
  }

  @Test
  void parallelSegmenter_stalledInput_eachLineWrittenAndFlushedBeforeTheNextComes()
      throws Exception {
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try (ParallelSegmenter p = new ParallelSegmenter(seg, 2)) {
      Trickle in = new Trickle(false);
      Flushes out = new Flushes();
      Future<?> run = caller.submit(() -> {
        p.run(in, out);
        return null;
      });
      in.give("中国人民\n北京");
      // The unfinished line waits for its end; the whole one is out while the input stalls.
      assertEquals("中国 人民\n", out.flushed.poll(20, TimeUnit.SECONDS));
      in.give("大学生\n");
      assertEquals("中国 人民\n北京 大学生\n", out.flushed.poll(20, TimeUnit.SECONDS));
      in.give("人民");
      in.end();
      run.get(20, TimeUnit.SECONDS);
      assertEquals("中国 人民\n北京 大学生\n人民", out.written.toString());
      assertEquals(3, p.lines());
    } finally {
      caller.shutdownNow();
    }
  }

  @Test
  void parallelSegmenter_randomStalls_sameAsStreamSegmenter() throws IOException {
    String[] pieces = {"中国", "人民", "北京", "大学生", "，", "2000年", "😀", " ", "\n", "ＧＤＰ"};
    for (int round = 0; round < 6; round++) {
      Random r = new Random(round);
      StringBuilder sb = new StringBuilder();
      while (sb.length() < 20_000) {
        sb.append(pieces[r.nextInt(pieces.length)]);
      }
      String text = sb.toString();
      StringWriter expected = new StringWriter();
      new StreamSegmenter(seg).run(new StringReader(text), expected);
      // Pieces of random lengths, all given at once, but ready() is false at the end of each:
      // the segmenter meets a stall at every piece boundary.
      Trickle in = new Trickle(true);
      for (int at = 0; at < text.length(); ) {
        int n = Math.min(text.length() - at, 1 + r.nextInt(3000));
        if (Character.isHighSurrogate(text.charAt(at + n - 1)) && at + n < text.length()) {
          n++;
        }
        in.give(text.substring(at, at + n));
        at += n;
      }
      in.end();
      StringWriter got = new StringWriter();
      try (ParallelSegmenter p = new ParallelSegmenter(seg, 1 + round % 3)) {
        p.run(in, got);
      }
      assertEquals(expected.toString(), got.toString(), "round " + round);
    }
  }
}
