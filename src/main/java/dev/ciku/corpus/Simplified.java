package dev.ciku.corpus;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Folds traditional Han characters to simplified ones, character by character, so that a word
 * and a lexicon entry written in different scripts compare equal (這樣 and 这样, 臺灣 and 台湾).
 * The table is {@code dict/t2s-chars.tsv} (4,105 characters, derived from OpenCC's t2s
 * character table; see {@code dict/README.md}). Character by character means no phrase rules:
 * a word is folded the same way wherever it comes from, which is all a comparison needs, but
 * the folded form is not always the word's usual simplified spelling (乾隆 folds to 干隆, as
 * does the lexicon's 乾隆).
 *
 * <p>Used by lexicon look-ups ({@code discover --known}, {@code --new-only}) and by the segmenter,
 * which folds both its vocabulary and the text it reads (the text is written out as it was).
 *
 * <p>Immutable after loading; thread-safe. {@link #codePoint} is an array look-up for the Basic
 * Multilingual Plane; {@link #fold} allocates only when something changes.
 */
public final class Simplified {
  /** The bundled table of traditional characters and their simplified forms. */
  public static final String RESOURCE = "dict/t2s-chars.tsv";

  private final Int2IntOpenHashMap table;
  /** The table for the Basic Multilingual Plane: bmp[c] is the folded code point of char c. */
  private final int[] bmp = new int[1 << 16];

  private Simplified(Int2IntOpenHashMap table) {
    this.table = table;
    for (int c = 0; c < bmp.length; c++) {
      bmp[c] = table.getOrDefault(c, c);
    }
  }

  /** The simplified form of one code point (itself if the table does not change it). */
  public int codePoint(int cp) {
    return cp < bmp.length ? bmp[cp] : table.getOrDefault(cp, cp);
  }

  private static final LoadOnce<Simplified> BUNDLED = new LoadOnce<>(Simplified::load);

  /**
   * The bundled table, loaded on first use; an unreadable table throws
   * {@link java.io.UncheckedIOException} (and is read again on the next call).
   */
  public static Simplified bundled() {
    return BUNDLED.get();
  }

  private static Simplified load() {
    Int2IntOpenHashMap t = new Int2IntOpenHashMap(8192);
    try (InputStream in = BundledData.open(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the bundled data file " + RESOURCE + " is missing");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isEmpty() || line.charAt(0) == '#') {
          continue;
        }
        int tab = line.indexOf('\t');
        if (tab <= 0 || line.codePointCount(0, tab) != 1
            || line.codePointCount(tab + 1, line.length()) != 1) {
          throw new IllegalStateException(RESOURCE + ": not 'character<TAB>character': " + line);
        }
        t.put(line.codePointAt(0), line.codePointAt(tab + 1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Close chains (薴 -> 苧 -> 苎), so that folding is idempotent and a character compares equal
    // to every form it folds through.
    for (var e : t.int2IntEntrySet()) {
      int s = e.getIntValue();
      for (int hops = 0; t.containsKey(s) && hops < 8; hops++) {
        s = t.get(s);
      }
      e.setValue(s);
    }
    return new Simplified(t);
  }

  /** Number of characters the table changes. */
  public int size() {
    return table.size();
  }

  /** {@code word} with every traditional character of the table replaced; the same instance if none is. */
  public String fold(String word) {
    StringBuilder sb = null;
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      int n = Character.charCount(cp);
      int s = codePoint(cp);
      if (s != cp && sb == null) {
        sb = new StringBuilder(word.length()).append(word, 0, i);
      }
      if (sb != null) {
        sb.appendCodePoint(s);
      }
      i += n;
    }
    return sb == null ? word : sb.toString();
  }
}
