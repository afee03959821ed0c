package dev.ciku.store;

import dev.ciku.count.GramSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the map file of a store without Chronicle Map: the file is mapped read-only and its
 * layout (Chronicle Map's documented format: a self-bootstrapping text header, the global
 * mutable state, segment headers, segment tiers of hash lookup slots and fixed-size entries,
 * extra tier bulks) is walked directly. A store is never written after {@link StoreWriter}
 * renamed it into place, so no lock is needed to read it; Chronicle's own readers take segment
 * locks that live in the file, and a reader killed while it holds one leaves the store locked for
 * every later reader. This class never writes the file (a read-only file reads, its mtime stays)
 * and ignores the lock words, so a reader killed at any point leaves nothing behind.
 *
 * <p>Only the layout {@link ChronicleGrams} writes is accepted (16-byte keys, 8-byte values, both
 * of constant size); anything else, or a layout that does not fit the file, is a {@link
 * NgramStore.StoreFormatException}. Lookups hash the key as Chronicle does (xxHash64 of the 16 key
 * bytes) and probe the hash lookups of the key's segment; {@link #forEach} visits the entries in
 * Chronicle's own iteration order (segments last first, each segment's tiers last first, each
 * tier's slots from the one after its first empty slot).
 *
 * <p>Cost: opening maps the file (in windows of at most 1 GB) and reads the text header and the
 * segment headers; a lookup reads one or a few hash slots and entries; iteration reads every
 * slot and entry once. Thread-safety: immutable after {@link #open}; every read is absolute, so
 * any number of threads may call {@link #get} and {@link #forEach} at once.
 */
final class ChronicleFileReader {
  private static final int KEY_SIZE = 16;
  private static final int VALUE_SIZE = 8;
  /** Bytes before the header text: 8 bytes of Chronicle's magic, 4 of header length. */
  private static final int HEADER_TEXT_OFFSET = 12;
  private static final String HEADER_TYPE = "!net.openhft.chronicle.map.VanillaChronicleMap";
  /** In the global mutable state: after its 8-byte lock, the allocated extra tier bulks (24 bits). */
  private static final int GMS_BULKS = 8;
  /** In the global mutable state: the segment headers offset (32 bits). */
  private static final int GMS_SEGMENT_HEADERS = 21;
  private static final int SEG_ENTRIES = 8;
  private static final int SEG_NEXT_TIER = 16;
  private static final int TIER_NEXT_TIER = 0;
  private static final int TIER_ENTRIES = 32;
  private static final int TIER_COUNTERS_SIZE = 64;
  /** Largest mapped window; windows overlap by a tier so that every tier lies in one. */
  private static final long WINDOW = 1L << 30;
  private static final Pattern FIELD = Pattern.compile("^(  |    )([A-Za-z0-9]+): (.*?),?$");

  private final Path path;
  private final long fileSize;
  private final ByteBuffer[] windows;
  private final long windowStep;
  private final int segments;
  private final int splitBits;
  private final boolean powerOf2;
  private final long chunkSize;
  private final long chunksPerTier;
  private final long segmentHeadersOffset;
  private final long segmentHeaderSize;
  private final long segmentsOffset;
  private final int slotSize;
  private final int keyBits;
  private final long keyMask;
  private final long valueMask;
  private final long capacity;
  private final long maxEntriesPerTier;
  /** Offset in a tier of its counters (after the hash lookup); the entry space's offset. */
  private final long countersOffset;
  private final long entrySpace;
  private final long tierSize;
  private final long maxExtraTiers;
  private final long bulksOffset;
  private final long bulkSize;
  private final long bulkInnerOffset;
  private final int log2TiersInBulk;
  private final long bulks;

  private ChronicleFileReader(Path path, long fileSize, Map<String, String> h, ByteBuffer head)
      throws IOException {
    this.path = path;
    this.fileSize = fileSize;
    if (!h.getOrDefault("keyClass", "").equals("!type dev.ciku.store.GramKey")
        || !h.getOrDefault("valueClass", "").equals("!type long")
        || !h.getOrDefault("keySizeMarshaller", "").endsWith(".ConstantSizeMarshaller {")
        || num(h, "keySizeMarshaller.constantSize") != KEY_SIZE
        || !h.getOrDefault("valueSizeMarshaller", "").endsWith(".ConstantSizeMarshaller {")
        || num(h, "valueSizeMarshaller.constantSize") != VALUE_SIZE
        || num(h, "worstAlignment") != 0) {
      throw corrupt("not the key and value layout of a ciku store");
    }
    segments = (int) positive(h, "actualSegments", 1 << 24);
    String split = h.getOrDefault("hashSplitting", "");
    if (split.contains("$ForSingleSegment")) {
      powerOf2 = true;
      splitBits = 0;
    } else if (split.contains("$ForPowerOf2Segments")) {
      powerOf2 = true;
      splitBits = (int) num(h, "hashSplitting.bits");
    } else if (split.contains("$ForNonPowerOf2Segments")) {
      powerOf2 = false;
      splitBits = 31;
    } else {
      throw corrupt("unknown hash splitting");
    }
    if (powerOf2 && (1L << splitBits) != segments) {
      throw corrupt("hash splitting does not match the segments");
    }
    chunkSize = positive(h, "chunkSize", 1 << 20);
    chunksPerTier = positive(h, "actualChunksPerSegmentTier", 1L << 30);
    segmentHeaderSize = positive(h, "segmentHeaderSize", 1 << 16);
    slotSize = (int) positive(h, "tierHashLookupSlotSize", 8);
    keyBits = (int) positive(h, "tierHashLookupKeyBits", 63);
    int valueBits = (int) positive(h, "tierHashLookupValueBits", 63);
    capacity = positive(h, "tierHashLookupCapacity", 1L << 32);
    maxEntriesPerTier = positive(h, "maxEntriesPerHashLookup", capacity);
    long lookupOuter = positive(h, "tierHashLookupOuterSize", 1L << 40);
    long freeListOuter = positive(h, "tierFreeListOuterSize", 1L << 40);
    long innerOffset = num(h, "tierEntrySpaceInnerOffset");
    tierSize = positive(h, "tierSize", Integer.MAX_VALUE / 4);
    maxExtraTiers = num(h, "maxExtraTiers");
    bulkSize = positive(h, "tierBulkSizeInBytes", 1L << 40);
    bulkInnerOffset = num(h, "tierBulkInnerOffsetToTiers");
    long tiersInBulk = positive(h, "tiersInBulk", 1L << 30);
    log2TiersInBulk = (int) num(h, "log2TiersInBulk");
    if ((slotSize != 4 && slotSize != 8) || keyBits + valueBits > slotSize * 8
        || Long.bitCount(capacity) != 1 || capacity * slotSize > lookupOuter
        || (1L << log2TiersInBulk) != tiersInBulk || innerOffset < 0 || maxExtraTiers < 0
        || bulkInnerOffset < 0 || chunkSize < KEY_SIZE + VALUE_SIZE
        || (1L << valueBits) < chunksPerTier) {
      throw corrupt("inconsistent layout in the header");
    }
    keyMask = (1L << keyBits) - 1;
    valueMask = valueBits == 63 ? Long.MAX_VALUE : (1L << valueBits) - 1;
    countersOffset = lookupOuter;
    entrySpace = lookupOuter + TIER_COUNTERS_SIZE + freeListOuter + innerOffset;
    if (entrySpace + chunksPerTier * chunkSize > tierSize
        || bulkInnerOffset + tiersInBulk * tierSize > bulkSize) {
      throw corrupt("inconsistent layout in the header");
    }
    // The global mutable state follows the header text, aligned to 64 bytes.
    long gms = head.position();
    bulks = (head.getInt((int) gms + GMS_BULKS) & 0xFFFFFF);
    segmentHeadersOffset = head.getInt((int) gms + GMS_SEGMENT_HEADERS) & 0xFFFFFFFFL;
    segmentsOffset = segmentHeadersOffset + segments * segmentHeaderSize;
    bulksOffset = segmentsOffset + segments * tierSize;
    if (segmentHeadersOffset < gms + 64 || segmentHeadersOffset % 64 != 0
        || bulksOffset + bulks * bulkSize > fileSize) {
      throw corrupt("its segments do not fit the file (truncated or overwritten)");
    }
    long span = Math.max(tierSize, segments * segmentHeaderSize);
    if (fileSize <= WINDOW) {
      windowStep = fileSize + 1;
    } else if (span <= WINDOW / 2) {
      windowStep = WINDOW - span;
    } else {
      throw corrupt("segments too large to map");
    }
    int n = (int) ((fileSize + windowStep - 1) / windowStep);
    windows = new ByteBuffer[Math.max(1, n)];
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      for (int i = 0; i < windows.length; i++) {
        long start = i * windowStep;
        long len = Math.min(fileSize - start, fileSize <= WINDOW ? fileSize : WINDOW);
        windows[i] = ch.map(FileChannel.MapMode.READ_ONLY, start, len)
            .order(ByteOrder.LITTLE_ENDIAN);
      }
    }
  }

  /**
   * Maps {@code path} read-only and checks that its layout is that of a ciku store and fits the
   * file.
   *
   * @throws NgramStore.StoreFormatException if it does not
   */
  static ChronicleFileReader open(Path path) throws IOException {
    long size;
    ByteBuffer head;
    int textLength;
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      size = ch.size();
      ByteBuffer prefix = ByteBuffer.allocate(HEADER_TEXT_OFFSET).order(ByteOrder.LITTLE_ENDIAN);
      readFully(ch, prefix, 0);
      textLength = prefix.getInt(8) & 0x3FFFFFFF;
      if (prefix.hasRemaining() || textLength > (1 << 20)
          || HEADER_TEXT_OFFSET + textLength + 64L > size) {
        throw new NgramStore.StoreFormatException(path + " is not a ciku n-gram store");
      }
      // The text header, then the global mutable state (aligned to 64 bytes), 64 bytes of it.
      long stateOffset = (HEADER_TEXT_OFFSET + textLength + 63) / 64 * 64;
      head = ByteBuffer.allocate((int) stateOffset + 64).order(ByteOrder.LITTLE_ENDIAN);
      readFully(ch, head, 0);
      if (head.hasRemaining()) {
        throw new NgramStore.StoreFormatException(path + " is truncated");
      }
      head.position((int) stateOffset);
    }
    String text = new String(head.array(), HEADER_TEXT_OFFSET, textLength, StandardCharsets.UTF_8);
    if (!text.startsWith(HEADER_TYPE + " {")) {
      throw new NgramStore.StoreFormatException(path + " is not a ciku n-gram store (its"
          + " Chronicle Map header is not one this ciku reads)");
    }
    return new ChronicleFileReader(path, size, fields(text), head);
  }

  private static void readFully(FileChannel ch, ByteBuffer b, long at) throws IOException {
    while (b.hasRemaining()) {
      if (ch.read(b, at + b.position()) < 0) {
        return;
      }
    }
  }

  /**
   * The header's top-level fields ({@code name}) and the fields of its objects ({@code
   * object.name}), as text.
   */
  private static Map<String, String> fields(String text) {
    Map<String, String> out = new HashMap<>();
    String parent = "";
    for (String line : text.split("\n")) {
      Matcher m = FIELD.matcher(line);
      if (!m.matches()) {
        continue;
      }
      if (m.group(1).length() == 2) {
        parent = m.group(2);
        out.put(parent, m.group(3));
      } else {
        out.put(parent + "." + m.group(2), m.group(3));
      }
    }
    return out;
  }

  private long num(Map<String, String> h, String key) throws NgramStore.StoreFormatException {
    String v = h.get(key);
    try {
      if (v != null) {
        return Long.parseLong(v.strip());
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw corrupt("header field " + key + " missing or not a number");
  }

  private long positive(Map<String, String> h, String key, long max)
      throws NgramStore.StoreFormatException {
    long v = num(h, key);
    if (v < 1 || v > max) {
      throw corrupt("header field " + key + " out of range: " + v);
    }
    return v;
  }

  private NgramStore.StoreFormatException corrupt(String what) {
    return NgramStore.corrupt(path, what);
  }

  /** The unchecked form of {@link #corrupt}, for failures inside an iteration. */
  private UncheckedIOException damaged(String what) {
    return new UncheckedIOException(corrupt(what));
  }

  /** The window holding the {@code length} bytes at file offset {@code at}. */
  private ByteBuffer window(long at, long length) {
    if (at < 0 || at + length > fileSize) {
      throw damaged("an offset outside the file");
    }
    return windows[(int) (at / windowStep)];
  }

  /** Offset, in its window, of file offset {@code at}. */
  private int inWindow(long at) {
    return (int) (at % windowStep);
  }

  private long segmentHeader(int segment) {
    return segmentHeadersOffset + segment * segmentHeaderSize;
  }

  /** File offset of the tier with 1-based index {@code tierIndex}. */
  private long tierOffset(long tierIndex) {
    long i = tierIndex - 1;
    if (i < 0) {
      throw damaged("a tier index out of range");
    }
    if (i < segments) {
      return segmentsOffset + i * tierSize;
    }
    long extra = i - segments;
    long bulk = extra >> log2TiersInBulk;
    if (extra >= maxExtraTiers || bulk >= bulks) {
      throw damaged("a tier index beyond the allocated tiers");
    }
    return bulksOffset + bulk * bulkSize + bulkInnerOffset
        + (extra & ((1L << log2TiersInBulk) - 1)) * tierSize;
  }

  /** The tiers of {@code segment}, first to last, as file offsets. */
  private long[] chain(int segment) {
    long[] tiers = new long[4];
    int n = 0;
    long h = segmentHeader(segment);
    long next = window(h, 32).getLong(inWindow(h) + SEG_NEXT_TIER);
    tiers[n++] = segmentsOffset + segment * tierSize;
    while (next != 0) {
      if (n > maxExtraTiers) {
        throw damaged("a cycle in the tiers of a segment");
      }
      long t = tierOffset(next);
      if (n == tiers.length) {
        tiers = java.util.Arrays.copyOf(tiers, n * 2);
      }
      tiers[n++] = t;
      next = window(t, tierSize).getLong(inWindow(t) + (int) countersOffset + TIER_NEXT_TIER);
    }
    return java.util.Arrays.copyOf(tiers, n);
  }

  /** Entries recorded for the tier at {@code tier} ({@code first}: the segment's first tier). */
  private long tierEntries(int segment, long tier, boolean first) {
    long e;
    if (first) {
      long h = segmentHeader(segment);
      e = window(h, 32).getInt(inWindow(h) + SEG_ENTRIES) & 0xFFFFFFFFL;
    } else {
      e = window(tier, tierSize).getInt(inWindow(tier) + (int) countersOffset + TIER_ENTRIES)
          & 0xFFFFFFFFL;
    }
    if (e > maxEntriesPerTier) {
      throw damaged("a tier with more entries than it can hold");
    }
    return e;
  }

  /** Total entries (grams and metadata), from the tiers' counters. */
  long entries() {
    long total = 0;
    for (int s = 0; s < segments; s++) {
      long[] tiers = chain(s);
      for (int t = 0; t < tiers.length; t++) {
        total += tierEntries(s, tiers[t], t == 0);
      }
    }
    return total;
  }

  /** The value stored for key {@code (hi, lo)}, or {@link Long#MIN_VALUE} if there is none. */
  long get(long hi, long lo) {
    long hash = xxHash64(hi, lo);
    int segment = powerOf2 ? (int) hash & (segments - 1)
        : ((int) hash & Integer.MAX_VALUE) % segments;
    long key = (hash >>> splitBits) & keyMask;
    if (key == 0) {
      key = keyMask;
    }
    long[] tiers = chain(segment);
    long mask = (capacity - 1) * slotSize;
    for (long tier : tiers) {
      ByteBuffer b = window(tier, tierSize);
      int base = inWindow(tier);
      long pos = (key & (capacity - 1)) * slotSize;
      for (long probes = 0; probes < capacity; probes++) {
        long slot = slot(b, base, pos);
        if (slot == 0) {
          break;
        }
        if ((slot & keyMask) == key) {
          int e = entry(b, base, slot);
          if (b.getLong(e) == hi && b.getLong(e + 8) == lo) {
            return b.getLong(e + KEY_SIZE);
          }
        }
        pos = (pos + slotSize) & mask;
      }
    }
    return Long.MIN_VALUE;
  }

  private long slot(ByteBuffer b, int base, long pos) {
    return slotSize == 4 ? b.getInt(base + (int) pos) & 0xFFFFFFFFL : b.getLong(base + (int) pos);
  }

  /** Window offset of the entry a hash lookup slot points to. */
  private int entry(ByteBuffer b, int base, long slot) {
    long chunk = (slot >>> keyBits) & valueMask;
    if (chunk >= chunksPerTier) {
      throw damaged("a hash slot pointing outside its tier");
    }
    return base + (int) (entrySpace + chunk * chunkSize);
  }

  /** Every entry, keys' halves and value, in Chronicle's iteration order. */
  void forEach(GramSink sink) {
    long mask = (capacity - 1) * slotSize;
    for (int s = segments - 1; s >= 0; s--) {
      long[] tiers = chain(s);
      for (int t = tiers.length - 1; t >= 0; t--) {
        long left = tierEntries(s, tiers[t], t == 0);
        ByteBuffer b = window(tiers[t], tierSize);
        int base = inWindow(tiers[t]);
        long start = 0;
        long probes = 0;
        while (slot(b, base, start) != 0) {
          start = (start + slotSize) & mask;
          if (++probes == capacity) {
            throw damaged("a full hash lookup");
          }
        }
        long pos = start;
        do {
          pos = (pos + slotSize) & mask;
          long slot = slot(b, base, pos);
          if (slot != 0) {
            int e = entry(b, base, slot);
            sink.accept(b.getLong(e), b.getLong(e + 8), b.getLong(e + KEY_SIZE));
            if (--left == 0) {
              break;
            }
          }
        } while (pos != start);
        if (left > 0) {
          throw damaged("a tier holding fewer entries than its counter says");
        }
      }
    }
  }

  /** xxHash64 (seed 0) of the 16 little-endian bytes of {@code a} then {@code b}. */
  static long xxHash64(long a, long b) {
    final long p1 = 0x9E3779B185EBCA87L;
    final long p2 = 0xC2B2AE3D27D4EB4FL;
    final long p3 = 0x165667B19E3779F9L;
    final long p4 = 0x85EBCA77C2B2AE63L;
    final long p5 = 0x27D4EB2F165667C5L;
    long h = p5 + 16;
    h ^= Long.rotateLeft(a * p2, 31) * p1;
    h = Long.rotateLeft(h, 27) * p1 + p4;
    h ^= Long.rotateLeft(b * p2, 31) * p1;
    h = Long.rotateLeft(h, 27) * p1 + p4;
    h ^= h >>> 33;
    h *= p2;
    h ^= h >>> 29;
    h *= p3;
    h ^= h >>> 32;
    return h;
  }
}
