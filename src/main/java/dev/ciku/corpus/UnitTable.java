package dev.ciku.corpus;

import it.unimi.dsi.fastutil.Hash;
import it.unimi.dsi.fastutil.objects.Object2IntOpenCustomHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Integer ids for units. A Han unit's id is its code point (always below {@link #LATIN_BASE}); a
 * Latin unit gets the next free id at or above {@link #LATIN_BASE} the first time it is seen, so
 * ids depend only on the order of the input, never on thread scheduling. Ids are below
 * {@code 2^21}, so three fit in 63 bits and six in 126.
 *
 * <h2>Keys and written forms</h2>
 * A Latin unit has a <em>key</em>, what it is compared by, and a <em>written form</em>, what every
 * output writes ({@link #text}, {@link #append}). A table made with {@code foldCase} false
 * ({@link LatinCase#KEEP}) compares forms exactly: a form is its unit's key and its written form.
 * A folding table ({@link LatinCase#FOLD}, {@link LatinCase#LOWER}) keys a unit by its form with
 * the Latin letters lower-cased ({@link UnitPolicy#toLowerLatin}): {@code CPU}, {@code cpu} and
 * {@code Cpu} are one unit, and the table counts how often each form is read; the unit is
 * written in its most frequent form (ties: the form first by {@link String#compareTo}, so
 * {@code CPU} before {@code cpu}). That form is kept up to date as forms are counted (one
 * comparison of counts an occurrence), so it is the argmax of everything read so far, whatever
 * the order of reading; {@link #freeze} stops counting (a table read from a store, then used to
 * read its corpus again). Words given by a user are looked up by key ({@link #existingLatinId},
 * {@link #toUnits}), so {@code cpu} finds the unit written {@code CPU}.
 *
 * <p>Cost: one hash look-up of the form an occurrence (as in a table that keeps case), plus an
 * increment and a comparison of two counts; a new form costs its String, and in a folding table
 * its folding and one more look-up, of the key. Memory: the forms and the keys (one String for
 * both when they are equal) and 20 bytes a form. At most {@link #MAX_LATIN} forms are recorded
 * (so at most as many units): past that, a new form of a known unit is that unit, uncounted, and
 * a new form of a new unit has no id.
 *
 * <p>Not thread-safe for {@link #latinId}: one reader thread assigns ids; lookups after reading
 * has finished may happen from any thread.
 */
public final class UnitTable {
  /** First id of Latin units; Han code points are all below it. */
  public static final int LATIN_BASE = 0x40000;
  /** One past the largest id. */
  public static final int MAX_ID = 1 << 21;
  /** Largest number of distinct Latin units (and of Latin forms) a table can hold. */
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

  private final boolean foldCase;
  /** Form as written -> form index. Without folding, a form's index is its unit's. */
  private final Object2IntOpenCustomHashMap<CharSequence> formIds =
      new Object2IntOpenCustomHashMap<>(CONTENT);
  /** Key -> unit index; folding tables only. */
  private final Object2IntOpenCustomHashMap<CharSequence> keyIds;
  private final List<String> forms = new ArrayList<>();
  private final List<String> keys = new ArrayList<>();
  /** Form index -> unit index. */
  private int[] formUnit = new int[64];
  /** Form index -> occurrences counted. */
  private long[] formCount = new long[64];
  /** Unit index -> index of its written form. */
  private int[] shown = new int[64];
  private boolean frozen;
  /** The key of a new form, folded here (reader thread only). */
  private final StringBuilder folding = new StringBuilder(UnitPolicy.MAX_LATIN_LENGTH + 2);

  /**
   * An empty table.
   *
   * @param foldCase compare Latin units without case ({@link LatinCase#folds})
   */
  public UnitTable(boolean foldCase) {
    this.foldCase = foldCase;
    formIds.defaultReturnValue(-1);
    if (foldCase) {
      keyIds = new Object2IntOpenCustomHashMap<>(CONTENT);
      keyIds.defaultReturnValue(-1);
    } else {
      keyIds = null;
    }
  }

  /** An empty table for units read with {@code latinCase}. */
  public static UnitTable of(LatinCase latinCase) {
    return new UnitTable(latinCase.folds());
  }

  /** An empty table for a corpus read with {@code options}. */
  public static UnitTable of(ReaderOptions options) {
    return of(options.latinCase());
  }

  /** Whether Latin units are compared without case (see the class comment). */
  public boolean foldsCase() {
    return foldCase;
  }

  /**
   * Returns the id of the Latin unit written {@code form} (its content: a buffer may be reused
   * after the call) and counts one occurrence of the form, assigning an id if the unit is new, or
   * -1 when the table is full (the caller then treats the run as a boundary). Costs one String
   * only the first time a form is seen.
   */
  public int latinId(CharSequence form) {
    return latinId(form, 1);
  }

  /**
   * As {@link #latinId(CharSequence)}, counting {@code count} occurrences of the form (0
   * registers it without counting; a frozen table counts nothing).
   */
  public int latinId(CharSequence form, long count) {
    int f = formIds.getInt(form);
    if (f < 0) {
      f = addForm(form);
      if (f < 0) {
        return f == -1 ? -1 : LATIN_BASE + (-2 - f);
      }
    }
    if (count != 0 && !frozen) {
      formCount[f] += count;
      consider(f);
    }
    return LATIN_BASE + formUnit[f];
  }

  /**
   * Records a new form: returns its index, or -1 if it has no id (the table is full and its unit
   * new), or {@code -2 - unit} when the table is full but its unit known (not recorded).
   */
  private int addForm(CharSequence form) {
    int unit = -1;
    String key = null;
    if (foldCase) {
      boolean changed = fold(form, folding);
      unit = keyIds.getInt(folding);
      if (forms.size() >= MAX_LATIN) {
        return unit < 0 ? -1 : -2 - unit;
      }
      String text = form.toString();
      key = changed ? folding.toString() : text;
      return record(text, unit, key);
    }
    if (forms.size() >= MAX_LATIN) {
      return -1;
    }
    String text = form.toString();
    return record(text, -1, text);
  }

  /** Records form {@code text} of {@code unit} (-1: a new unit keyed {@code key}). */
  private int record(String text, int unit, String key) {
    int f = forms.size();
    if (f == formUnit.length) {
      int n = Math.min(MAX_LATIN, 2 * f);
      formUnit = Arrays.copyOf(formUnit, n);
      formCount = Arrays.copyOf(formCount, n);
    }
    if (unit < 0) {
      unit = keys.size();
      if (unit == shown.length) {
        shown = Arrays.copyOf(shown, Math.min(MAX_LATIN, 2 * unit));
      }
      keys.add(key);
      if (keyIds != null) {
        keyIds.put(key, unit);
      }
      shown[unit] = f;
    }
    forms.add(text);
    formIds.put(text, f);
    formUnit[f] = unit;
    if (!frozen) {
      consider(f);
    }
    return f;
  }

  /** Makes form {@code f} its unit's written form if it now beats the one written. */
  private void consider(int f) {
    int unit = formUnit[f];
    int b = shown[unit];
    if (b != f) {
      long n = formCount[f];
      long m = formCount[b];
      if (n > m || (n == m && forms.get(f).compareTo(forms.get(b)) < 0)) {
        shown[unit] = f;
      }
    }
  }

  /** Writes {@code s} with its Latin letters lower-cased to {@code out}; true if any changed. */
  private static boolean fold(CharSequence s, StringBuilder out) {
    out.setLength(0);
    boolean changed = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int l = Character.isSurrogate(c) ? c : UnitPolicy.toLowerLatin(c);
      changed |= l != c;
      out.append((char) l);
    }
    return changed;
  }

  /**
   * Stops counting: the written forms stay as they are, and later reads still map forms to units
   * (and record new ones, uncounted). For a table whose counts are complete (read from a store,
   * rebuilt from another's {@link #forms}) that reads its corpus again.
   */
  public void freeze() {
    frozen = true;
  }

  /**
   * Returns the id of an already known Latin unit (its content: a form, or in a folding table
   * any case of one), or -1. Thread-safe once reading has finished; a folding table allocates a
   * buffer when {@code unit} is no form read.
   */
  public int existingLatinId(CharSequence unit) {
    int f = formIds.getInt(unit);
    if (f >= 0) {
      return LATIN_BASE + formUnit[f];
    }
    if (!foldCase) {
      return -1;
    }
    StringBuilder key = new StringBuilder(unit.length());
    fold(unit, key);
    int u = keyIds.getInt(key);
    return u < 0 ? -1 : LATIN_BASE + u;
  }

  /** True if {@code id} denotes a Latin unit. */
  public static boolean isLatinId(int id) {
    return id >= LATIN_BASE;
  }

  /** Number of distinct Latin units seen. */
  public int latinCount() {
    return keys.size();
  }

  /** Appends the written form of unit {@code id} to {@code out}. */
  public void append(StringBuilder out, int id) {
    if (id >= LATIN_BASE) {
      out.append(forms.get(shown[id - LATIN_BASE]));
    } else {
      out.appendCodePoint(id);
    }
  }

  /** The written form of unit {@code id}: its most frequent form in a folding table. */
  public String text(int id) {
    if (id >= LATIN_BASE) {
      return forms.get(shown[id - LATIN_BASE]);
    }
    return new String(Character.toChars(id));
  }

  /**
   * The key of unit {@code id}: what it is compared by (lower-cased in a folding table); a Han
   * unit's is its character.
   */
  public String key(int id) {
    if (id >= LATIN_BASE) {
      return keys.get(id - LATIN_BASE);
    }
    return new String(Character.toChars(id));
  }

  /** The keys of the Latin units in id order (id = LATIN_BASE + index); a view. */
  public List<String> latinKeys() {
    return Collections.unmodifiableList(keys);
  }

  /**
   * The forms recorded, in order of first appearance, with their counts (a copy): adding them
   * to an empty table of the same kind ({@link #addAll}) gives the same ids and written forms.
   */
  public LatinForms forms() {
    return new LatinForms(forms.toArray(new String[0]),
        Arrays.copyOf(formCount, forms.size()));
  }

  /**
   * Adds {@code more} forms with their counts, in their order, as {@link #latinId(CharSequence,
   * long)} does; returns how many had no id (the table was full).
   */
  public int addAll(LatinForms more) {
    int refused = 0;
    for (int i = 0; i < more.size(); i++) {
      if (latinId(more.forms()[i], more.counts()[i]) < 0) {
        refused++;
      }
    }
    return refused;
  }

  /**
   * Splits {@code text} into unit ids using this table (Latin units must already be known, or
   * are assigned, uncounted, when {@code assign} is true). Returns null if {@code text} is not a
   * clause of units, e.g. contains punctuation or an unknown Latin unit.
   */
  public int[] toUnits(String text, boolean assign) {
    int[] out = new int[text.length()];
    int n = toUnits(text, 0, text.length(), assign, out, new StringBuilder());
    return n < 0 ? null : java.util.Arrays.copyOf(out, n);
  }

  /**
   * Splits {@code text[from, to)} into unit ids, written to {@code out} from index 0, as
   * {@link #toUnits(String, boolean)} does; returns how many, or -1 if the text is not a clause
   * of units. Code points are normalised as the corpus reader does, and Latin units looked up by
   * key ({@link #existingLatinId}). Cost: no allocation but the String of a Latin form assigned
   * now (and, in a folding table, a buffer a form not read); {@code latin} is scratch for Latin
   * units.
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
      int id = assign ? latinId(latin, 0) : existingLatinId(latin);
      if (id < 0) {
        return -1;
      }
      out[n++] = id;
    }
    return n;
  }
}
