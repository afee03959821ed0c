package dev.ciku.corpus;

import it.unimi.dsi.fastutil.Hash;
import it.unimi.dsi.fastutil.objects.Object2IntOpenCustomHashMap;
import java.util.ArrayList;
import java.util.List;

/**
 * Integer ids for units. A Han unit's id is its code point (always below {@link #LATIN_BASE}); a
 * Latin unit gets the next free id at or above {@link #LATIN_BASE} the first time it is seen, so
 * ids depend only on the order of the input, never on thread scheduling. Ids are below
 * {@code 2^21}, so three fit in 63 bits and six in 126.
 *
 * <p>Not thread-safe for {@link #latinId}: one reader thread assigns ids; lookups after reading
 * has finished may happen from any thread.
 */
public final class UnitTable {
  /** First id of Latin units; Han code points are all below it. */
  public static final int LATIN_BASE = 0x40000;
  /** One past the largest id. */
  public static final int MAX_ID = 1 << 21;
  /** Largest number of distinct Latin units a table can hold. */
  public static final int MAX_LATIN = MAX_ID - LATIN_BASE;

  /** Compares units by content, so that a reused buffer can be looked up without a String. */
  private static final Hash.Strategy<CharSequence> CONTENT = new Hash.Strategy<>() {
    @Override
    public int hashCode(CharSequence s) {
      if (s == null) {
        return 0;
      }
      int h = 0;
      for (int i = 0; i < s.length(); i++) {
        h = 31 * h + s.charAt(i);
      }
      return h;
    }

    @Override
    public boolean equals(CharSequence a, CharSequence b) {
      return a == null || b == null ? a == b : CharSequence.compare(a, b) == 0;
    }
  };
  private final Object2IntOpenCustomHashMap<CharSequence> latinIds =
      new Object2IntOpenCustomHashMap<>(CONTENT);
  private final List<String> latinStrings = new ArrayList<>();

  public UnitTable() {
    latinIds.defaultReturnValue(-1);
  }

  /**
   * Returns the id of the Latin unit {@code unit} (its content: a buffer may be reused after the
   * call), assigning one if new, or -1 when the table is full (the caller then treats the run as
   * a boundary). Costs one String only the first time a unit is seen.
   */
  public int latinId(CharSequence unit) {
    int id = latinIds.getInt(unit);
    if (id >= 0) {
      return id;
    }
    if (latinStrings.size() >= MAX_LATIN) {
      return -1;
    }
    id = LATIN_BASE + latinStrings.size();
    String text = unit.toString();
    latinStrings.add(text);
    latinIds.put(text, id);
    return id;
  }

  /** Returns the id of an already known Latin unit (its content), or -1. */
  public int existingLatinId(CharSequence unit) {
    return latinIds.getInt(unit);
  }

  /** True if {@code id} denotes a Latin unit. */
  public static boolean isLatinId(int id) {
    return id >= LATIN_BASE;
  }

  /** Number of distinct Latin units seen. */
  public int latinCount() {
    return latinStrings.size();
  }

  /** Appends the text of unit {@code id} to {@code out}. */
  public void append(StringBuilder out, int id) {
    if (id >= LATIN_BASE) {
      out.append(latinStrings.get(id - LATIN_BASE));
    } else {
      out.appendCodePoint(id);
    }
  }

  /** The text of unit {@code id}. */
  public String text(int id) {
    if (id >= LATIN_BASE) {
      return latinStrings.get(id - LATIN_BASE);
    }
    return new String(Character.toChars(id));
  }

  /** The Latin units in id order (id = LATIN_BASE + index). */
  public List<String> latinUnits() {
    return java.util.Collections.unmodifiableList(latinStrings);
  }

  /**
   * Splits {@code text} into unit ids using this table (Latin units must already be known, or
   * are assigned when {@code assign} is true). Returns null if {@code text} is not a clause of
   * units, e.g. contains punctuation or an unknown Latin unit.
   */
  public int[] toUnits(String text, boolean assign) {
    int[] out = new int[text.length()];
    int n = toUnits(text, 0, text.length(), assign, out, new StringBuilder());
    return n < 0 ? null : java.util.Arrays.copyOf(out, n);
  }

  /**
   * Splits {@code text[from, to)} into unit ids, written to {@code out} from index 0, as
   * {@link #toUnits(String, boolean)} does; returns how many, or -1 if the text is not a clause
   * of units. Code points are normalised as the corpus reader does. Cost: no allocation but the
   * String of a Latin unit assigned now; {@code latin} is scratch for Latin units.
   *
   * @param out at least {@code to - from} ints
   */
  public int toUnits(CharSequence text, int from, int to, boolean assign, int[] out,
      StringBuilder latin) {
    int n = 0;
    int i = from;
    while (i < to) {
      int raw = Character.codePointAt(text, i);
      int cp = UnitPolicy.normalize(raw);
      if (UnitPolicy.isHan(cp)) {
        out[n++] = cp;
        i += Character.charCount(raw);
        continue;
      }
      if (!UnitPolicy.isLatin(cp)) {
        return -1;
      }
      latin.setLength(0);
      while (i < to) {
        int r = Character.codePointAt(text, i);
        int c = UnitPolicy.normalize(r);
        if (UnitPolicy.isLatin(c)) {
          latin.appendCodePoint(c);
          i += Character.charCount(r);
        } else if (UnitPolicy.isCombiningMark(c)) {
          // Part of the Latin unit, as the reader keeps it ("cafe\u0301"; marks of the BMP only):
          // always after a Latin character here, as a joiner is taken only before one.
          latin.appendCodePoint(c);
          i += Character.charCount(r);
        } else if (UnitPolicy.isLatinJoiner(c) && i + 1 < to
            && UnitPolicy.isLatin(UnitPolicy.normalize(Character.codePointAt(text, i + 1)))) {
          latin.appendCodePoint(c);
          i++;
        } else {
          break;
        }
      }
      int id = assign ? latinId(latin) : existingLatinId(latin);
      if (id < 0) {
        return -1;
      }
      out[n++] = id;
    }
    return n;
  }
}
