package dev.ciku.corpus;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Recognises the encoding of a Chinese text from its first {@value #SAMPLE} bytes, for
 * {@code --encoding auto}: a byte-order mark (UTF-8, UTF-16, UTF-32) decides; else the sample is
 * UTF-8 if it is valid UTF-8 (a sequence cut by the sample's end is fine) or nearly so (at most one
 * malformed sequence per 100 Han characters decoded; in a short text, up to one per 10 if UTF-8
 * also turns clearly more of its Han characters into common ones than GB18030 and Big5 do, as
 * below); else it is UTF-16 without a mark, GB18030
 * or Big5 (read as Windows code page 950, the superset with the ETEN extensions that Big5 files
 * use: 恒, 碁), whichever turns more of its Han characters into the commonest characters of
 * Chinese (a wrong guess gives rare ones: GB18030 and Big5 share their byte ranges, so decoding
 * errors alone cannot tell them apart), fewer decoding errors breaking a tie, GB18030 if still
 * tied. UTF-16 must also win by a clear margin, or be mostly ASCII (a zero byte in most of its
 * odd or even positions and almost none in the others).
 *
 * <p>Cost: up to five strict decodings of the sample per input. Stateless and thread-safe.
 */
public final class Encodings {
  /** Bytes looked at. */
  public static final int SAMPLE = 1 << 16;

  /**
   * Bytes in a code unit of {@code charset}: 2 for UTF-16, 4 for UTF-32 (with or without a
   * byte-order mark), 1 for the byte-oriented encodings (UTF-8, GB18030, Big5...).
   */
  public static int codeUnitBytes(Charset charset) {
    String name = charset.name().toUpperCase(java.util.Locale.ROOT);
    return name.contains("UTF-16") ? 2 : name.contains("UTF-32") ? 4 : 1;
  }

  /**
   * How many of the {@code length} bytes at {@code in}'s position, which a decoder reported as
   * malformed or unmappable, one U+FFFD replaces: one code unit in UTF-16 and UTF-32
   * ({@code unitBytes} 2 or 4); else the first byte and the non-ASCII bytes right after it, so
   * that an ASCII byte the decoder took into the sequence is decoded again, as the WHATWG
   * decoders do (the JDK's GB18030 decoder takes the line feed after a cut four-byte sequence
   * into it, and its UTF-16 decoder the character after a lone high surrogate: the line or the
   * character would be lost).
   */
  public static int replacedBytes(ByteBuffer in, int length, int unitBytes) {
    if (unitBytes > 1) {
      return Math.min(length, unitBytes);
    }
    int at = in.position();
    int n = 1;
    while (n < length && (in.get(at + n) & 0x80) != 0) {
      n++;
    }
    return n;
  }

  /**
   * A decoder of {@code charset} that reports malformed and unmappable input rather than
   * replacing it, as every reader of ciku decodes (each report becomes one U+FFFD,
   * {@link #replacedBytes}). Not thread-safe, as any decoder.
   */
  public static CharsetDecoder strictDecoder(Charset charset) {
    return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /**
   * {@code b[off, off + len)} decoded from {@code charset} as the CLI's readers decode: each
   * malformed or unmappable sequence becomes one U+FFFD ({@link #replacedBytes}), where
   * {@code new String(b, off, len, charset)} may take the character after it too. For the Spark
   * jobs, which decode line by line. Cost: one decoding pass and the string.
   */
  public static String decode(byte[] b, int off, int len, Charset charset) {
    CharsetDecoder d = strictDecoder(charset);
    int unitBytes = codeUnitBytes(charset);
    ByteBuffer in = ByteBuffer.wrap(b, off, len);
    CharBuffer out = CharBuffer.allocate(len + 16);
    while (true) {
      // With the end of input declared, a sequence cut by it is reported as malformed.
      CoderResult r = d.decode(in, out, true);
      if (r.isError()) {
        in.position(in.position() + replacedBytes(in, r.length(), unitBytes));
        if (!out.hasRemaining()) {
          out = grown(out);
        }
        out.put('\uFFFD');
      } else if (r.isOverflow()) {
        out = grown(out);
      } else {
        break;
      }
    }
    while (d.flush(out).isOverflow()) {
      out = grown(out);
    }
    return out.flip().toString();
  }

  private static CharBuffer grown(CharBuffer out) {
    return CharBuffer.allocate(out.capacity() * 2).put(out.flip());
  }

  /** The 200 commonest characters of Chinese news text, with the traditional forms that differ. */
  private static final String COMMON =
      "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后"
          + "作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开"
          + "但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并"
          + "物手应战向头文体政美相见被利什二等产或新己制身果加西月话合回特代内信表化老给世位次度门任常先海"
          + "這們來為國說時會對發後過裡經麼現當沒動還進開從實軍無與長機將兩間問體見產學種樣點關頭戰門應話"
          + "東員認電報";

  private static final boolean[] IS_COMMON = new boolean[0x10000];

  static {
    for (int i = 0; i < COMMON.length(); i++) {
      IS_COMMON[COMMON.charAt(i)] = true;
    }
  }

  /**
   * The charsets detection may answer, loaded on first detection only: GB18030 alone costs a
   * cold JVM several milliseconds, which a run that names its encoding need not pay.
   */
  private static final class Detectable {
    static final Charset GB18030 = Charset.forName("GB18030");
    /** UTF-32 with its byte-order mark, either way round (the decoder reads the mark). */
    static final Charset UTF_32 = Charset.forName("UTF-32");
    /** Big5 as Windows writes it (code page 950), when this JVM has it; else strict Big5. */
    static final Charset BIG5 =
        Charset.forName(Charset.isSupported("x-windows-950") ? "x-windows-950" : "Big5");

    private Detectable() {}
  }

  private Encodings() {}

  /** An input stream that starts again at its first byte, and the encoding of its text. */
  public record Sniffed(Charset charset, InputStream stream) {}

  /**
   * The encoding to read {@code in} with: the one {@link #sniff} detects (with the stream it
   * returns) if {@code detect}; else {@code charset}, except that UTF-8 gives way to a UTF-16 or
   * UTF-32 byte-order mark at the start ({@link #utf16Or32Mark}; Windows Notepad's "Unicode"
   * files): its bytes 0xFE and 0xFF never occur in UTF-8, so such a text could only be read as
   * replacement characters. Cost: a look at the first bytes (1 to 4) when {@code charset} is
   * UTF-8.
   */
  public static Sniffed open(InputStream in, Charset charset, boolean detect) throws IOException {
    if (detect) {
      return sniff(in);
    }
    if (!charset.equals(StandardCharsets.UTF_8)) {
      return new Sniffed(charset, in);
    }
    PushbackInputStream p = new PushbackInputStream(in, 4);
    // Only as many bytes as may still start a mark: text costs one byte, so the first line of a
    // slow pipe is not held back until four bytes have come.
    byte[] head = InputFiles.headWhileMayStart(p, MARKS);
    p.unread(head);
    Charset marked = utf16Or32Mark(head, head.length);
    return new Sniffed(marked != null ? marked : charset, p);
  }

  /**
   * The byte-order marks {@link #utf16Or32Mark} knows, UTF-32's before UTF-16's (the UTF-32LE
   * mark starts with the UTF-16LE one), and the charsets that read them ({@link #MARKED}).
   */
  private static final int[][] MARKS = {
      {0x00, 0x00, 0xFE, 0xFF}, {0xFF, 0xFE, 0x00, 0x00}, {0xFE, 0xFF}, {0xFF, 0xFE}};
  private static final Charset[] MARKED = {
      Detectable.UTF_32, Detectable.UTF_32, StandardCharsets.UTF_16, StandardCharsets.UTF_16};
  /**
   * UTF-32 (either byte order) or UTF-16 (either byte order) if {@code bytes[0..n)} start with
   * its byte-order mark, else null; the charsets returned read the mark and skip it.
   */
  public static Charset utf16Or32Mark(byte[] bytes, int n) {
    for (int i = 0; i < MARKS.length; i++) {
      if (n >= MARKS[i].length && InputFiles.agrees(bytes, MARKS[i].length, MARKS[i])) {
        return MARKED[i];
      }
    }
    return null;
  }

  /**
   * Reads up to {@value #SAMPLE} bytes of {@code in}, detects their encoding and returns it with a
   * stream that yields every byte of {@code in} from the first.
   */
  public static Sniffed sniff(InputStream in) throws IOException {
    BufferedInputStream b = new BufferedInputStream(in, SAMPLE);
    b.mark(SAMPLE);
    byte[] head = b.readNBytes(SAMPLE);
    b.reset();
    return new Sniffed(detect(head, head.length, head.length < SAMPLE), b);
  }

  /**
   * The encoding of {@code bytes[0..n)}.
   *
   * @param whole whether these are all the bytes (else a multi-byte sequence may be cut at the end)
   */
  public static Charset detect(byte[] bytes, int n, boolean whole) {
    if (n >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      return StandardCharsets.UTF_8;
    }
    Charset marked = utf16Or32Mark(bytes, n);
    if (marked != null) {
      return marked;
    }
    Charset zeros = utf16ByZeroBytes(bytes, n);
    if (zeros != null) {
      // Checked first: mostly-ASCII UTF-16 is valid UTF-8, zero bytes and all.
      return zeros;
    }
    Score utf8 = score(StandardCharsets.UTF_8, bytes, n, whole);
    if (utf8.errors == 0 || utf8.errors * 100 <= utf8.han) {
      // UTF-8 with a few broken bytes (a damaged web dump) is still UTF-8: text in another
      // encoding decodes into almost no Han characters.
      return StandardCharsets.UTF_8;
    }
    Score gb = score(Detectable.GB18030, bytes, n, whole);
    Score big5 = score(Detectable.BIG5, bytes, n, whole);
    double gbShare = gb.commonShare();
    double big5Share = big5.commonShare();
    if (utf8.errors * 10 <= utf8.han && utf8.commonShare() >= Math.max(gbShare, big5Share) + 0.1) {
      // A short UTF-8 text with one broken byte: too few Han characters for the rule above, but
      // GB18030 and Big5 would read its bytes as rare characters.
      return StandardCharsets.UTF_8;
    }
    for (Charset utf16 : new Charset[] {StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE}) {
      Score u = score(utf16, bytes, n & ~1, whole);
      if (u.han >= 4 && u.errors * 100 <= u.han
          && u.commonShare() >= Math.max(gbShare, big5Share) + 0.1) {
        return utf16;
      }
    }
    if (Math.abs(gbShare - big5Share) >= 0.05) {
      return gbShare > big5Share ? Detectable.GB18030 : Detectable.BIG5;
    }
    return big5.errors < gb.errors ? Detectable.BIG5 : Detectable.GB18030;
  }

  /**
   * Whether {@code bytes[0..n)} decoded from {@code cs} (GB18030 or Big5, say) read as Chinese
   * text: some Han characters, at most one malformed sequence per 10 of them and at least one of
   * the commonest characters per 50. Text in another language that {@link #detect} took for
   * GB18030 fails it: Latin-1 or Windows-1252 letters pair up into rare Han characters (German
   * {@code Größe} gives 鲞), none of them common, and French or English ones leave malformed
   * sequences too. Cost: one strict decoding of the bytes. Thread-safe.
   *
   * @param whole whether these are all the bytes (else a sequence cut at the end is no error)
   */
  static boolean readsAsChinese(Charset cs, byte[] bytes, int n, boolean whole) {
    Score s = score(cs, bytes, n, whole);
    return s.han > 0 && s.errors * 10 <= s.han && s.common * 50 >= s.han;
  }

  /**
   * Whether {@code bytes[0..n)} decode from {@code cs} without a single malformed or unmappable
   * sequence and, if {@code cs} is byte-oriented (GB18030, Big5), into Chinese: at least
   * {@value #CLEAN_MIN_COMMON} of the 200 commonest characters, and at least one per 10 Han
   * characters (real text has three or four); if it is UTF-16, the bytes must also hold its
   * zero bytes (a zero byte in most of the odd or even positions: mostly-ASCII text), since a few
   * dozen bytes of ASCII read as UTF-16 make Han characters, common ones among them. The
   * stricter form of {@link #readsAsChinese}, for a text too short for a share of errors to mean
   * anything: a stray byte of broken UTF-8 that pairs with the ASCII letter after it into a Han
   * character (Big5 reads {@code A4 40} as 一) makes one, rarely a common one. Cost: one strict
   * decoding of the bytes. Thread-safe.
   *
   * @param whole whether these are all the bytes (else a sequence cut at the end is no error)
   */
  static boolean readsCleanly(Charset cs, byte[] bytes, int n, boolean whole) {
    boolean units = codeUnitBytes(cs) > 1;
    if (units && !cs.equals(utf16ByZeroBytes(bytes, n))) {
      return false;
    }
    Score s = score(cs, bytes, n, whole);
    return s.errors == 0 && (units || s.common >= CLEAN_MIN_COMMON && s.common * 10 >= s.han);
  }

  /** Common characters {@link #readsCleanly} asks of a byte-oriented encoding. */
  static final int CLEAN_MIN_COMMON = 2;

  /**
   * UTF-16LE or BE if {@code bytes[0..n)} hold a zero byte in at least 30 % of their odd
   * (even) positions and in at most 2 % of the others: text that is mostly ASCII; else null.
   */
  private static Charset utf16ByZeroBytes(byte[] bytes, int n) {
    int pairs = n / 2;
    if (pairs < 8) {
      return null;
    }
    int even = 0;
    int odd = 0;
    for (int i = 0; i + 1 < n; i += 2) {
      even += bytes[i] == 0 ? 1 : 0;
      odd += bytes[i + 1] == 0 ? 1 : 0;
    }
    if (odd * 10 >= pairs * 3 && even * 50 <= pairs) {
      return StandardCharsets.UTF_16LE;
    }
    if (even * 10 >= pairs * 3 && odd * 50 <= pairs) {
      return StandardCharsets.UTF_16BE;
    }
    return null;
  }

  private static final class Score {
    long errors;
    long han;
    long common;

    double commonShare() {
      return han == 0 ? 0 : (double) common / han;
    }
  }

  /** Strict decoding of the sample: errors, Han characters and how many are common. */
  private static Score score(Charset cs, byte[] bytes, int n, boolean whole) {
    CharsetDecoder d = strictDecoder(cs);
    ByteBuffer in = ByteBuffer.wrap(bytes, 0, n);
    CharBuffer out = CharBuffer.allocate(4096);
    Score s = new Score();
    while (true) {
      CoderResult r = d.decode(in, out, whole);
      count(out, s);
      if (r.isError()) {
        in.position(in.position() + r.length());
        s.errors++;
      } else if (!r.isOverflow()) {
        break;
      }
    }
    if (whole) {
      d.flush(out);
      count(out, s);
    }
    return s;
  }

  private static void count(CharBuffer out, Score s) {
    out.flip();
    while (out.hasRemaining()) {
      char c = out.get();
      if (c >= 0x3400 && c <= 0x9FFF) {
        s.han++;
        if (IS_COMMON[c]) {
          s.common++;
        }
      }
    }
    out.clear();
  }
}
