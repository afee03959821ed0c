package dev.ciku.store;

import dev.ciku.count.CountSummary;
import dev.ciku.count.Grams;
import dev.ciku.corpus.UnitTable;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.LongBinaryOperator;

/**
 * The metadata of a store, kept inside the Chronicle map under reserved keys {@code (0, k)} (no
 * gram has {@code hi == 0}), so that a store is one file. Each reserved key holds one long:
 * magic, format version, order, min count, clauses, chars, gram count, the normalisation
 * (lower-cased, simplified: absent in older stores, read as off), positions per length, the
 * Latin unit table as a byte blob ({@code int length + UTF-8} per unit) cut into 8-byte
 * little-endian chunks, and (format 3) a checksum of every other entry ({@link #mix}), which a
 * full read checks. Stateless helpers; thread-safe.
 */
final class StoreMeta {
  /** "CIKUCM02" read as a little-endian long. */
  static final long MAGIC = ByteBuffer.wrap("CIKUCM02".getBytes(StandardCharsets.US_ASCII))
      .order(ByteOrder.LITTLE_ENDIAN).getLong();
  /** Format written: 3, which adds the checksum; format 2 (without it) is still read. */
  static final long VERSION = 3;
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
  static final long K_POSITIONS = 16; // 16 + n for n = 0..MAX_ORDER
  static final long K_UNIT_BYTES = 32;
  static final long K_UNIT_COUNT = 33;
  static final long K_UNIT_CHUNK = 1L << 20; // + chunk index

  private StoreMeta() {}

  /** Receives one reserved entry. */
  interface Put {
    void put(long key, long value);
  }

  /** Encodes the unit table as a blob. */
  static byte[] unitBlob(UnitTable units) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer len = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
    for (String s : units.latinUnits()) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      len.clear();
      len.putInt(b.length);
      out.write(len.array(), 0, 4);
      out.write(b, 0, b.length);
    }
    return out.toByteArray();
  }

  /**
   * Number of reserved entries of a store of format {@code version} whose unit blob has this
   * length: those {@link #write} produces, and the checksum in format 3.
   */
  static long entries(int unitBlobBytes, long version) {
    return 9 + (Grams.MAX_ORDER + 1) + 2 + (unitBlobBytes + 7) / 8
        + (version == VERSION_WITHOUT_CHECKSUM ? 0 : 1);
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
  static long write(CountSummary s, Normalization norm, long size, byte[] blob, Put put) {
    long[] sum = {0};
    Put out = (key, value) -> {
      sum[0] += mix(0, key, value);
      put.put(key, value);
    };
    out.put(K_MAGIC, MAGIC);
    out.put(K_VERSION, VERSION);
    out.put(K_ORDER, s.order());
    out.put(K_MIN_COUNT, s.minCount());
    out.put(K_CLAUSES, s.clauses());
    out.put(K_CHARS, s.chars());
    out.put(K_SIZE, size);
    out.put(K_LOWERCASE, norm.lowercase() ? 1 : 0);
    out.put(K_SIMPLIFY, norm.simplify() ? 1 : 0);
    for (int n = 0; n <= Grams.MAX_ORDER; n++) {
      out.put(K_POSITIONS + n, n < s.positions().length ? s.positions()[n] : 0);
    }
    out.put(K_UNIT_BYTES, blob.length);
    out.put(K_UNIT_COUNT, s.units().latinCount());
    ByteBuffer b = ByteBuffer.allocate((blob.length + 7) / 8 * 8).order(ByteOrder.LITTLE_ENDIAN);
    b.put(blob).clear(); // zero-padded to whole chunks
    for (long k = 0; b.remaining() >= 8; k++) {
      out.put(K_UNIT_CHUNK + k, b.getLong());
    }
    return sum[0];
  }

  /** Decoded header values; {@code get} returns {@link Long#MIN_VALUE} for a missing key. */
  static Header read(Path path, LongBinaryOperator get) throws NgramStore.StoreFormatException {
    long magic = get.applyAsLong(0, K_MAGIC);
    if (magic != MAGIC) {
      // The map's own header says it holds ciku's grams: the entries were damaged.
      throw NgramStore.corrupt(path, "ciku's header entries are missing");
    }
    long version = get.applyAsLong(0, K_VERSION);
    if (version != VERSION && version != VERSION_WITHOUT_CHECKSUM) {
      throw new NgramStore.StoreFormatException(
          path + ": store format " + version + " is not supported");
    }
    int order = (int) get.applyAsLong(0, K_ORDER);
    long size = get.applyAsLong(0, K_SIZE);
    long blobBytes = get.applyAsLong(0, K_UNIT_BYTES);
    long unitCount = get.applyAsLong(0, K_UNIT_COUNT);
    long checksum = version == VERSION ? get.applyAsLong(0, K_CHECKSUM) : 0;
    if (version == VERSION && checksum == Long.MIN_VALUE) {
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
    ByteBuffer blob = ByteBuffer.allocate((int) ((blobBytes + 7) / 8 * 8))
        .order(ByteOrder.LITTLE_ENDIAN);
    for (long k = 0; blob.hasRemaining(); k++) {
      long v = get.applyAsLong(0, K_UNIT_CHUNK + k);
      if (v == Long.MIN_VALUE) {
        throw NgramStore.corrupt(path, "damaged unit table");
      }
      blob.putLong(v);
    }
    blob.flip().limit((int) blobBytes);
    UnitTable units = new UnitTable();
    try {
      for (int i = 0; i < unitCount; i++) {
        byte[] s = new byte[blob.getInt()];
        blob.get(s);
        if (units.latinId(new String(s, StandardCharsets.UTF_8)) != UnitTable.LATIN_BASE + i) {
          throw NgramStore.corrupt(path, "duplicate unit in unit table");
        }
      }
    } catch (java.nio.BufferUnderflowException | NegativeArraySizeException e) {
      throw NgramStore.corrupt(path, "damaged unit table");
    }
    return new Header(order, get.applyAsLong(0, K_MIN_COUNT), get.applyAsLong(0, K_CLAUSES),
        get.applyAsLong(0, K_CHARS), positions, size, units,
        new Normalization(get.applyAsLong(0, K_LOWERCASE) == 1,
            get.applyAsLong(0, K_SIMPLIFY) == 1), version, checksum);
  }

  /**
   * What {@link #read} decodes; {@code checksum} is the sum of {@link #mix} over every entry but
   * its own (0 and unchecked in format 2).
   */
  record Header(int order, long minCount, long clauses, long chars, long[] positions, long size,
      UnitTable units, Normalization normalization, long version, long checksum) {

    /** Whether the store has a checksum for a full read to check. */
    boolean checksummed() {
      return version != VERSION_WITHOUT_CHECKSUM;
    }
  }
}
