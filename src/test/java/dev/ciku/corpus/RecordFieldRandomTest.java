package dev.ciku.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random records: texts with quotes, commas, backslashes, brackets, blanks, line breaks,
 * control characters, surrogate pairs and lone surrogates, encoded as JSON (escapes of every
 * kind, keys escaped too, nested decoy values, duplicated keys), CSV (quoted or not, doubled
 * quotes, text after the closing quote) and TSV. The field found must be the text encoded, both
 * by the finders alone and through {@link CorpusReader} over whole files.
 */
class RecordFieldRandomTest {
  private static final String FIELD = "text";
  private static final char[] SHORT = {'n', 't', 'r', 'b', 'f'};
  private static final String SHORT_CHARS = "\n\t\r\b\f";
  private static final int[] ODD = {0x1F600, 0x20000, 0x2028, 0x3000, 0xFEFF, 0xFFFD, 0xFF10};

  @TempDir Path dir;

  /**
   * A random text of up to {@code max} chars; {@code without} lists chars it must not hold.
   * Lone surrogates (which UTF-8 cannot encode) are left out when {@code without} holds U+D800.
   */
  private static String text(Random r, int max, String without) {
    boolean lone = without.indexOf('\uD800') < 0;
    int n = r.nextInt(max + 1);
    StringBuilder b = new StringBuilder();
    while (b.length() < n) {
      int k = r.nextInt(24);
      int before = b.length();
      switch (k) {
        case 0 -> b.append('"');
        case 1 -> b.append('\\');
        case 2 -> b.append(',');
        case 3 -> b.append("{}[]:/u".charAt(r.nextInt(7)));
        case 4 -> b.append(" \t\n\r".charAt(r.nextInt(4)));
        case 5 -> b.append((char) r.nextInt(0x20));
        case 6 -> b.appendCodePoint(0x10000 + r.nextInt(0x100000));
        case 7 -> b.append(lone ? (char) (0xD800 + r.nextInt(0x800)) : '中');
        case 8 -> b.appendCodePoint(ODD[r.nextInt(ODD.length)]);
        case 9, 10, 11 -> b.append((char) ('a' + r.nextInt(26))).append(r.nextInt(10));
        default -> b.append((char) (0x4E00 + r.nextInt(0x5000)));
      }
      for (int i = before; i < b.length(); i++) {
        if (without.indexOf(b.charAt(i)) >= 0) {
          b.setLength(before);
          break;
        }
      }
    }
    return b.toString();
  }

  /**
   * {@code s} as a JSON string, each char written raw or escaped at random (both halves of a
   * surrogate pair alike; a lone surrogate, which UTF-8 cannot encode, always escaped).
   */
  private static void jsonString(Random r, String s, boolean oneLine, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int shortAt = SHORT_CHARS.indexOf(c);
      int how = r.nextInt(4);
      if (Character.isSurrogate(c)) {
        boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length()
            && Character.isLowSurrogate(s.charAt(i + 1));
        if (pair && how < 3) {
          out.append(c).append(s.charAt(++i));
          continue;
        }
        unicodeEscape(r, c, out);
        if (pair) {
          unicodeEscape(r, s.charAt(++i), out);
        }
      } else if (c == '"' || c == '\\' || (c == '/' && how == 0)) {
        out.append('\\').append(c);
      } else if (shortAt >= 0 && how < 2) {
        out.append('\\').append(SHORT[shortAt]);
      } else if (how == 3 || (c == '\n' && oneLine)) {
        unicodeEscape(r, c, out);
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }

  /** {@code c} as a JSON escape, hex digits in either case. */
  private static void unicodeEscape(Random r, char c, StringBuilder out) {
    String hex = String.format("%04x", (int) c);
    out.append("\\u").append(r.nextBoolean() ? hex : hex.toUpperCase(java.util.Locale.ROOT));
  }

  private static void blanks(Random r, boolean oneLine, StringBuilder out) {
    String blanks = oneLine ? " \t\r" : " \t\r\n";
    for (int n = r.nextInt(3) == 0 ? r.nextInt(3) : 0; n > 0; n--) {
      out.append(blanks.charAt(r.nextInt(blanks.length())));
    }
  }

  /** A random JSON value: a scalar, a string unless {@code noString}, an array, an object. */
  private static void decoyValue(Random r, int depth, boolean oneLine, StringBuilder out,
      boolean noString) {
    int k = r.nextInt(depth > 2 ? 3 : 5);
    if (noString && (k == 1 || k == 2)) {
      k = 0;
    }
    switch (k) {
      case 0 -> out.append(new String[] {"0", "-1.5e3", "true", "false", "null"}[r.nextInt(5)]);
      case 1, 2 -> jsonString(r, text(r, 12, ""), oneLine, out);
      case 3 -> {
        out.append('[');
        for (int n = r.nextInt(3); n > 0; n--) {
          blanks(r, oneLine, out);
          decoyValue(r, depth + 1, oneLine, out, false);
          out.append(n > 1 ? "," : "");
        }
        out.append(']');
      }
      default -> {
        out.append('{');
        for (int n = r.nextInt(3); n > 0; n--) {
          blanks(r, oneLine, out);
          jsonString(r, r.nextBoolean() ? FIELD : text(r, 6, ""), oneLine, out);
          out.append(':');
          decoyValue(r, depth + 1, oneLine, out, false);
          out.append(n > 1 ? "," : "");
        }
        out.append('}');
      }
    }
  }

  /** A key that is not the field's name but may look like it. */
  private static String decoyKey(Random r) {
    String[] near = {"tex", "textx", "Text", "", "te xt", "ttext"};
    String key = r.nextBoolean() ? near[r.nextInt(near.length)] : text(r, 8, "");
    return key.equals(FIELD) ? "other" : key;
  }

  /** One JSON record from the builder below: its line and the text expected (null if none). */
  private record Json(String line, String text, boolean object) {}

  private static Json json(Random r, boolean oneLine) {
    StringBuilder out = new StringBuilder();
    blanks(r, oneLine, out);
    out.append('{');
    List<Runnable> members = new ArrayList<>();
    String[] expected = {null};
    int decoys = r.nextInt(4);
    int duplicates = r.nextInt(4) == 0 ? 1 + r.nextInt(2) : 0;
    int last = r.nextInt(10); // 0: no field, 1: a non-string last, else a string last
    int total = decoys + duplicates + (last == 0 ? 0 : 1);
    int fieldsLeft = duplicates + (last == 0 ? 0 : 1);
    for (int m = 0; m < total; m++) {
      boolean field = fieldsLeft > 0 && (r.nextInt(total - m) < fieldsLeft);
      if (m > 0) {
        blanks(r, oneLine, out);
        out.append(',');
      }
      blanks(r, oneLine, out);
      if (field) {
        fieldsLeft--;
        boolean isLast = fieldsLeft == 0 && last != 0;
        jsonString(r, FIELD, oneLine, out);
        blanks(r, oneLine, out);
        out.append(':');
        blanks(r, oneLine, out);
        if ((isLast && last == 1) || (!isLast && r.nextBoolean())) {
          decoyValue(r, 0, oneLine, out, true);
          expected[0] = null;
        } else {
          String t = text(r, r.nextInt(20) == 0 ? 2000 : 60, "");
          jsonString(r, t, oneLine, out);
          expected[0] = t;
        }
      } else {
        jsonString(r, decoyKey(r), oneLine, out);
        blanks(r, oneLine, out);
        out.append(':');
        blanks(r, oneLine, out);
        decoyValue(r, 0, oneLine, out, false);
      }
    }
    blanks(r, oneLine, out);
    out.append('}');
    blanks(r, oneLine, out);
    boolean object = true;
    if (r.nextInt(20) == 0) {
      out.append(new String[] {" x", "{}", "}", ","}[r.nextInt(4)]);
      object = false;
      expected[0] = null;
    }
    return new Json(out.toString(), expected[0], object);
  }

  /** {@code s} as a CSV field: raw if it can be, else quoted, sometimes with text after. */
  private static String csvField(Random r, String s) {
    boolean mustQuote = s.indexOf(',') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0
        || s.startsWith("\"");
    if (!mustQuote && r.nextInt(3) > 0) {
      return s;
    }
    int split = s.length() == 0 ? 0 : r.nextInt(s.length() + 1);
    String after = s.substring(split);
    // Not after a high surrogate: the quote would part a pair, which UTF-8 cannot encode.
    if (r.nextBoolean() || after.startsWith("\"") || after.indexOf(',') >= 0
        || after.indexOf('\n') >= 0 || after.indexOf('\r') >= 0
        || (split > 0 && Character.isHighSurrogate(s.charAt(split - 1)))) {
      split = s.length();
      after = "";
    }
    return "\"" + s.substring(0, split).replace("\"", "\"\"") + "\"" + after;
  }

  /** A CSV or TSV record of 1 to 5 fields, {@code text} in {@code column} if it has one. */
  private static String columns(Random r, boolean csv, String text, int column, int count,
      String without) {
    StringBuilder out = new StringBuilder();
    for (int c = 1; c <= count; c++) {
      String f = c == column ? text : text(r, 10, without);
      out.append(c > 1 ? (csv ? "," : "\t") : "").append(csv ? csvField(r, f) : f);
    }
    return out.toString();
  }

  private static String found(RecordField f, String record) {
    char[] a = ("\"}," + record + "\"\\u").toCharArray();
    int r = f.find(a, 3, 3 + record.length());
    return r == RecordField.TEXT ? FoundText.of(f) : r == RecordField.LACKING ? null : "NOT_OBJECT";
  }

  @Test
  void jsonFind_randomRecords_fieldIsTheTextEncoded() {
    Random r = new Random(20240611);
    JsonField f = new JsonField(FIELD);
    int texts = 0;
    for (int i = 0; i < 20_000; i++) {
      Json j = json(r, r.nextBoolean());
      String expected = j.object() ? j.text() : "NOT_OBJECT";
      texts += j.text() != null ? 1 : 0;
      assertEquals(expected, found(f, j.line()), "record " + i + ": " + j.line());
    }
    assertTrue(texts > 10_000, "most records hold the field: " + texts);
  }

  @Test
  void csvFind_randomRecords_columnIsTheTextEncoded() {
    Random r = new Random(7_777);
    for (int column = 1; column <= 4; column++) {
      CsvColumn f = new CsvColumn(column);
      for (int i = 0; i < 5_000; i++) {
        String text = text(r, r.nextInt(20) == 0 ? 2000 : 40, "");
        int count = 1 + r.nextInt(5);
        String record = columns(r, true, text, column, count, "");
        assertEquals(column <= count ? text : null, found(f, record), "record: " + record);
      }
    }
  }

  @Test
  void tsvFind_randomRecords_columnIsTheTextEncoded() {
    Random r = new Random(31_337);
    for (int column = 1; column <= 4; column++) {
      TsvColumn f = new TsvColumn(column);
      for (int i = 0; i < 5_000; i++) {
        String text = text(r, 40, "\t");
        int count = 1 + r.nextInt(5);
        String record = columns(r, false, text, column, count, "\t");
        assertEquals(column <= count ? text : null, found(f, record), "record: " + record);
      }
    }
  }

  /** What a scanner emitted: each chunk's units, and its flags. */
  private static final class Clauses {
    final UnitTable table = new UnitTable(true);
    final List<String> chunks = new ArrayList<>();
    final ClauseScanner scanner;

    Clauses(boolean lowercase) {
      scanner = new ClauseScanner(table, lowercase ? LatinCase.LOWER : LatinCase.FOLD, false, (u, length, owned, start, end) -> {
        StringBuilder b = new StringBuilder().append(start).append(end).append(owned);
        for (int i = 0; i < length; i++) {
          b.append(' ').append(table.text(u[i]));
        }
        chunks.add(b.toString());
      });
    }

    String counters() {
      ClauseScanner s = scanner;
      return s.lines() + " lines, " + s.chars() + " chars, " + s.hanChars() + " han, "
          + s.clauses() + " clauses, " + s.units() + " units, " + s.latinUnits() + " latin, "
          + s.urls() + " urls";
    }
  }

  private static boolean blank(String s) {
    return s.chars().allMatch(Character::isWhitespace);
  }

  @Test
  void read_randomJsonCsvTsvFiles_sameClausesAsTheirTexts() throws IOException {
    Random r = new Random(4_2424);
    for (InputFormat format : new InputFormat[] {InputFormat.JSONL, InputFormat.CSV,
        InputFormat.TSV}) {
      int column = 2;
      Clauses expected = new Clauses(false);
      StringBuilder file = new StringBuilder();
      int lacking = 0;
      int notObjects = 0;
      int records = 4_000;
      for (int i = 0; i < records; i++) {
        // Some records far longer than the reader's buffer, so that records span buffers.
        int max = r.nextInt(500) == 0 ? 100_000 : 80;
        String text;
        String record;
        if (format == InputFormat.JSONL) {
          Json j = r.nextInt(500) == 0
              ? new Json("{\"text\":\"" + "长".repeat(max) + "\"}", "长".repeat(max), true)
              : json(r, true);
          record = j.line();
          text = j.text();
          if (!j.object()) {
            notObjects++;
          } else if (text == null) {
            lacking++;
          }
        } else if (format == InputFormat.CSV) {
          // A line break inside quotes ends a record of MAX_RECORD chars: keep long ones whole.
          String without = max > 1_000 ? "\n\uD800" : "\uD800";
          text = text(r, max, without);
          int count = 1 + r.nextInt(4);
          record = columns(r, true, text, column, count, without);
          text = count >= column ? text : null;
        } else {
          text = text(r, max, "\t\n\r\uD800");
          int count = 1 + r.nextInt(4);
          record = columns(r, false, text, column, count, "\t\n\r\uD800");
          text = count >= column ? text : null;
        }
        if (text == null && format != InputFormat.JSONL && !blank(record)) {
          lacking++;
        }
        file.append(record).append(r.nextInt(4) == 0 ? "\r\n" : "\n");
        if (text != null) {
          expected.scanner.text(text);
        }
        expected.scanner.endLine();
      }
      expected.scanner.finish();
      Path p = dir.resolve("random." + format.toString().toLowerCase(java.util.Locale.ROOT));
      Files.writeString(p, file, StandardCharsets.UTF_8);
      Clauses actual = new Clauses(false);
      List<String> warnings = new ArrayList<>();
      ReaderOptions options =
          new ReaderOptions(StandardCharsets.UTF_8, format, FIELD, column, false);
      new CorpusReader(options, new ByteCounter(), warnings::add)
          .read(CorpusInput.expand(List.of(p.toString())), actual.scanner);
      assertEquals(expected.counters(), actual.counters(), format.toString());
      assertEquals(records, actual.scanner.lines(), format.toString());
      assertEquals(expected.chunks.size(), actual.chunks.size(), format.toString());
      for (int i = 0; i < expected.chunks.size(); i++) {
        assertEquals(expected.chunks.get(i), actual.chunks.get(i), format + " chunk " + i);
      }
      assertTrue(lacking > 1 && (format != InputFormat.JSONL || notObjects > 1),
          format + ": the files hold records without text");
      String counts = format == InputFormat.JSONL
          ? notObjects + " lines are not a JSON object, " + lacking + " lines lack a string field"
          : lacking + " lines lack column " + column;
      assertEquals(1, warnings.size(), warnings.toString());
      assertTrue(warnings.get(0).contains(": " + counts), warnings + " vs " + counts);
    }
  }
}
