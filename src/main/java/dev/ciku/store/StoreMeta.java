package dev.ciku.store;

import dev.ciku.count.CountSummary;
import dev.ciku.count.Grams;
import dev.ciku.corpus.LatinCase;
import dev.ciku.corpus.LatinForms;
import dev.ciku.corpus.UnitTable;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongBinaryOperator;

/**
 * The metadata of a store, kept inside the Chronicle map under reserved keys {@code (0, k)} (no
 * gram has {@code hi == 0}), so that a store is one file. Each reserved key holds one long:
 * magic, format version, order, min count, clauses, chars, gram count, the normalisation
 * (lower-cased, simplified: absent in older stores, read as off), positions per length, the
 * Latin unit table as a byte blob ({@code int length + UTF-8} per unit key, in id order) cut
 * into 8-byte little-endian chunks, (format 3) a checksum of every other entry ({@link #mix}),
 * which a full read checks, and (format 4) the case of Latin letters ({@link LatinCase}: 0 kept,
 * 1 folded, 2 lower-cased) and the forms of a folding table as a second blob ({@code int length
 * + UTF-8 + long count} per form, in order of first appearance; empty unless folded), so that a
 * store writes each unit in the form a direct count writes it and a merge can add the forms'
 * counts. Stores of formats 2 and 3 kept the case of Latin letters unless they lower-cased them
 * ({@code --lowercase}), and are read so. Stateless helpers; thread-safe.
 */
final class StoreMeta {
  /** "CIKUCM02" read as a little-endian long (the same in every format). */
  static final long MAGIC = ByteBuffer.wrap("CIKUCM02".getBytes(StandardCharsets.US_ASCII))
      .order(ByteOrder.LITTLE_ENDIAN).getLong();
  /**
   * Format written: 4, which adds the case of Latin letters and the forms' counts; formats 3
   * (with the checksum) and 2 (without it) are still read.
   */
  static final long VERSION = 4;
  static final long VERSION_WITHOUT_CASE = 3;
  static final long VERSION_WITHOUT_CHECKSUM = 2;

  static final long K_MAGIC = 1;
  static final long K_VERSION = 2;
  static final long K_ORDER = 3;
  static final long K_MIN_COUNT = 4;
  static final long K_CLAUSES = 5;
  static final long K_CHARS = 6;
  static final long K_SIZE = 7;
  /** 1 if the text was lower-cased, 0 or absent (stores written before it was recorded) if not. */
  static final long K_LOWERCASE = 8;
  /** 1 if the text was simplified, 0 or absent if not. */
  static final long K_SIMPLIFY = 9;
  /** The sum of {@link #mix} over every other entry, reserved ones included (format 3). */
  static final long K_CHECKSUM = 10;
  /** How Latin letters were treated: 0 case kept, 1 folded, 2 lower-cased (format 4). */
  static final long K_CASE = 11;
  static final long K_POSITIONS = 16; // 16 + n for n = 0..MAX_ORDER
  static final long K_UNIT_BYTES = 32;
  static final long K_UNIT_COUNT = 33;
  static final long K_UNIT_CHUNK = 1L << 20; // + chunk index
  /** Bytes and entries of the forms blob (format 4). */
  static final long K_FORM_BYTES = 34;
  static final long K_FORM_COUNT = 35;
  static final long K_FORM_CHUNK = 1L << 40; // + chunk index

  private StoreMeta() {}

  /** Receives one reserved entry. */
  interface Put {
    void put(long key, long value);
  }

  /** Encodes the unit table's keys, in id order, as a blob. */
  static byte[] unitBlob(UnitTable units) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer len = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
    for (String s : units.latinKeys()) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      len.clear();
      len.putInt(b.length);
      out.write(len.array(), 0, 4);
      out.write(b, 0, b.length);
    }
    return out.toByteArray();
  }

  /**
   * Encodes the forms of a table read with {@code latinCase}, with their counts, as a blob:
   * empty unless {@link LatinCase#FOLD} (otherwise a unit has one form, its key).
   */
  static byte[] formBlob(UnitTable units, LatinCase latinCase) {
    if (latinCase != LatinCase.FOLD) {
      return new byte[0];
    }
    LatinForms forms = units.forms();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer num = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < forms.size(); i++) {
      byte[] b = forms.forms()[i].getBytes(StandardCharsets.UTF_8);
      num.clear();
      num.putInt(b.length);
      out.write(num.array(), 0, 4);
      out.write(b, 0, b.length);
      num.clear();
      num.putLong(forms.counts()[i]);
      out.write(num.array(), 0, 8);
    }
    return out.toByteArray();
  }

  /**
   * Number of reserved entries of a store of format {@code version} whose blobs have these
   * lengths: those {@link #write} produces, the checksum from format 3, the case and the forms
   * from format 4.
   */
  static long entries(int unitBlobBytes, int formBlobBytes, long version) {
    return 9 + (Grams.MAX_ORDER + 1) + 2 + (unitBlobBytes + 7) / 8
        + (version == VERSION_WITHOUT_CHECKSUM ? 0 : 1)
        + (version < VERSION ? 0 : 3 + (formBlobBytes + 7) / 8);
  }

  /**
   * One entry's share of the checksum: a 64-bit mix of its key and value (the checksum sums
   * them, so it does not depend on the order of the entries). A changed bit anywhere in a key or
   * value changes it.
   */
  static long mix(long hi, long lo, long value) {
    long h = hi * 0x9E3779B97F4A7C15L;
    h ^= Long.rotateLeft(lo * 0xC2B2AE3D27D4EB4FL, 29);
    h ^= Long.rotateLeft(value * 0x165667B19E3779F9L, 43);
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    return h ^ (h >>> 33);
  }

  /**
   * Writes every reserved entry of a store holding {@code size} grams but the checksum, and
   * returns their share of it ({@link #mix} summed).
   */
  static long write(CountSummary s, Normalization norm, long size, byte[] blob,
      byte[] formBlob, Put put) {
    return write(s, norm, size, blob, formBlob, VERSION, put);
  }

  /**
   * As {@link #write(CountSummary, Normalization, long, byte[], byte[], Put)}, in format
   * {@code version}: 3, for tests of stores written before format 4, leaves out the case and the
   * forms (a normalisation it cannot record, a folded case, is refused).
   */
  static long write(CountSummary s, Normalization norm, long size, byte[] blob,
      byte[] formBlob, long version, Put put) {
    if (version != VERSION && (version != VERSION_WITHOUT_CASE
        || norm.latinCase() == LatinCase.FOLD)) {
      throw new IllegalArgumentException("format " + version + " cannot record " + norm);
    }
    long[] sum = {0};
    Put out = (key, value) -> {
      sum[0] += mix(0, key, value);
      put.put(key, value);
    };
    out.put(K_MAGIC, MAGIC);
    out.put(K_VERSION, version);
    out.put(K_ORDER, s.order());
    out.put(K_MIN_COUNT, s.minCount());
    out.put(K_CLAUSES, s.clauses());
    out.put(K_CHARS, s.chars());
    out.put(K_SIZE, size);
    out.put(K_LOWERCASE, norm.latinCase() == LatinCase.LOWER ? 1 : 0);
    out.put(K_SIMPLIFY, norm.simplify() ? 1 : 0);
    for (int n = 0; n <= Grams.MAX_ORDER; n++) {
      out.put(K_POSITIONS + n, n < s.positions().length ? s.positions()[n] : 0);
    }
    out.put(K_UNIT_BYTES, blob.length);
    out.put(K_UNIT_COUNT, s.units().latinCount());
    chunks(blob, K_UNIT_CHUNK, out);
    if (version != VERSION) {
      return sum[0];
    }
    out.put(K_CASE, norm.latinCase() == LatinCase.KEEP ? 0
        : norm.latinCase() == LatinCase.FOLD ? 1 : 2);
    out.put(K_FORM_BYTES, formBlob.length);
    out.put(K_FORM_COUNT, norm.latinCase() == LatinCase.FOLD ? s.units().forms().size() : 0);
    chunks(formBlob, K_FORM_CHUNK, out);
    return sum[0];
  }

  /** Puts {@code blob}, zero-padded to whole 8-byte chunks, under {@code first + k}. */
  private static void chunks(byte[] blob, long first, Put out) {
    ByteBuffer b = ByteBuffer.allocate((blob.length + 7) / 8 * 8).order(ByteOrder.LITTLE_ENDIAN);
    b.put(blob).clear();
    for (long k = 0; b.remaining() >= 8; k++) {
      out.put(first + k, b.getLong());
    }
  }

  /** Reads the blob of {@code bytes} bytes put under {@code first + k}, or throws. */
  private static ByteBuffer blob(Path path, LongBinaryOperator get, long first, long bytes,
      String what) throws NgramStore.StoreFormatException {
    ByteBuffer blob = ByteBuffer.allocate((int) ((bytes + 7) / 8 * 8))
        .order(ByteOrder.LITTLE_ENDIAN);
    for (long k = 0; blob.hasRemaining(); k++) {
      long v = get.applyAsLong(0, first + k);
      if (v == Long.MIN_VALUE) {
        throw NgramStore.corrupt(path, "damaged " + what);
      }
      blob.putLong(v);
    }
    blob.flip().limit((int) bytes);
    return blob;
  }

  /** Decoded header values; {@code get} returns {@link Long#MIN_VALUE} for a missing key. */
  static Header read(Path path, LongBinaryOperator get) throws NgramStore.StoreFormatException {
    long magic = get.applyAsLong(0, K_MAGIC);
    if (magic != MAGIC) {
      // The map's own header says it holds ciku's grams: the entries were damaged.
      throw NgramStore.corrupt(path, "ciku's header entries are missing");
    }
    long version = get.applyAsLong(0, K_VERSION);
    if (version != VERSION && version != VERSION_WITHOUT_CASE
        && version != VERSION_WITHOUT_CHECKSUM) {
      throw new NgramStore.StoreFormatException(
          path + ": store format " + version + " is not supported");
    }
    int order = (int) get.applyAsLong(0, K_ORDER);
    long size = get.applyAsLong(0, K_SIZE);
    long blobBytes = get.applyAsLong(0, K_UNIT_BYTES);
    long unitCount = get.applyAsLong(0, K_UNIT_COUNT);
    long checksum = version != VERSION_WITHOUT_CHECKSUM ? get.applyAsLong(0, K_CHECKSUM) : 0;
    if (version != VERSION_WITHOUT_CHECKSUM && checksum == Long.MIN_VALUE) {
      throw NgramStore.corrupt(path, "its checksum entry is missing");
    }
    if (order < 1 || order > Grams.MAX_ORDER || size < 0 || blobBytes < 0
        || blobBytes > Integer.MAX_VALUE - 8 || unitCount < 0 || unitCount > UnitTable.MAX_LATIN) {
      throw NgramStore.corrupt(path, "damaged store header");
    }
    long[] positions = new long[Grams.MAX_ORDER + 1];
    for (int n = 0; n <= Grams.MAX_ORDER; n++) {
      positions[n] = get.applyAsLong(0, K_POSITIONS + n);
    }
    LatinCase latinCase;
    long formBytes = 0;
    long formCount = 0;
    if (version == VERSION) {
      long c = get.applyAsLong(0, K_CASE);
      formBytes = get.applyAsLong(0, K_FORM_BYTES);
      formCount = get.applyAsLong(0, K_FORM_COUNT);
      if (c < 0 || c > 2 || formBytes < 0 || formBytes > Integer.MAX_VALUE - 8 || formCount < 0
          || formCount > UnitTable.MAX_LATIN || (c != 1 && formCount != 0)) {
        throw NgramStore.corrupt(path, "damaged store header");
      }
      latinCase = c == 0 ? LatinCase.KEEP : c == 1 ? LatinCase.FOLD : LatinCase.LOWER;
    } else {
      // Written before the case was folded by default: kept, unless lower-cased.
      latinCase = get.applyAsLong(0, K_LOWERCASE) == 1 ? LatinCase.LOWER : LatinCase.KEEP;
    }
    ByteBuffer blob = blob(path, get, K_UNIT_CHUNK, blobBytes, "unit table");
    UnitTable units = UnitTable.of(latinCase);
    try {
      if (latinCase == LatinCase.FOLD) {
        ByteBuffer forms = blob(path, get, K_FORM_CHUNK, formBytes, "unit forms");
        for (long i = 0; i < formCount; i++) {
          byte[] s = new byte[forms.getInt()];
          forms.get(s);
          long count = forms.getLong();
          if (count < 0 || units.latinId(new String(s, StandardCharsets.UTF_8), count) < 0) {
            throw NgramStore.corrupt(path, "damaged unit forms");
          }
        }
        if (units.latinCount() != unitCount) {
          throw NgramStore.corrupt(path, "unit forms that do not make its unit table");
        }
        List<String> keys = units.latinKeys();
        for (int i = 0; i < unitCount; i++) {
          byte[] s = new byte[blob.getInt()];
          blob.get(s);
          if (!keys.get(i).equals(new String(s, StandardCharsets.UTF_8))) {
            throw NgramStore.corrupt(path, "unit forms that do not make its unit table");
          }
        }
      } else {
        for (int i = 0; i < unitCount; i++) {
          byte[] s = new byte[blob.getInt()];
          blob.get(s);
          if (units.latinId(new String(s, StandardCharsets.UTF_8)) != UnitTable.LATIN_BASE + i) {
            throw NgramStore.corrupt(path, "duplicate unit in unit table");
          }
        }
      }
    } catch (java.nio.BufferUnderflowException | NegativeArraySizeException e) {
      throw NgramStore.corrupt(path, "damaged unit table");
    }
    // The counts are complete: reading the corpus again (discover --counts STORE INPUT) does not
    // change how a unit is written.
    units.freeze();
    return new Header(order, get.applyAsLong(0, K_MIN_COUNT), get.applyAsLong(0, K_CLAUSES),
        get.applyAsLong(0, K_CHARS), positions, size, units,
        new Normalization(latinCase, get.applyAsLong(0, K_SIMPLIFY) == 1), version, checksum,
        (int) formBytes);
  }

  /**
   * What {@link #read} decodes; {@code checksum} is the sum of {@link #mix} over every entry but
   * its own (0 and unchecked in format 2).
   */
  record Header(int order, long minCount, long clauses, long chars, long[] positions, long size,
      UnitTable units, Normalization normalization, long version, long checksum, int formBytes) {

    /** Number of reserved entries this header says the store holds. */
    long entries() {
      return StoreMeta.entries(unitBlob(units).length, formBytes, version);
    }

    /** Whether the store has a checksum for a full read to check. */
    boolean checksummed() {
      return version != VERSION_WITHOUT_CHECKSUM;
    }
  }
}
