package dev.ciku.store;

import java.io.File;
import java.io.IOException;
import java.util.Locale;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ChronicleMapBuilder;

/**
 * The only place that configures Chronicle Map. Loading this class (which happens only when a
 * store is written; reading one needs no Chronicle) switches Chronicle's analytics off before any Chronicle class runs;
 * the first map of a JVM then costs about 2-4 s of start-up (Chronicle generates and compiles
 * code at run time). Stateless and thread-safe.
 */
final class ChronicleGrams {
  static {
    System.setProperty("chronicle.analytics.disable", "true");
    System.setProperty("chronicle.announcer.disable", "true");
  }

  /** Chunks the segments are sized for beyond the exact entry count (hash spread). */
  private static final double MAX_BLOAT = 2.0;

  private ChronicleGrams() {}

  /** Creates a new persisted map at {@code file} (which must not exist) for exactly {@code entries}. */
  static ChronicleMap<GramKey, Long> create(File file, long entries) throws IOException {
    // Chronicle Values writes the source of the classes it generates with the default locale's
    // upper case: in a Turkish or Azerbaijani locale "i" becomes "İ" (writeİnt), the source does
    // not compile and no map is made (Chronicle-Map issue 476). The first map of a JVM generates
    // them, so the default locale is the root one while a map is made, where it would matter.
    if ("i".toUpperCase().equals("I") && "I".toLowerCase().equals("i")) {
      return builder().entries(Math.max(1, entries)).maxBloatFactor(MAX_BLOAT)
          .createPersistedTo(file);
    }
    Locale saved = Locale.getDefault();
    Locale display = Locale.getDefault(Locale.Category.DISPLAY);
    Locale format = Locale.getDefault(Locale.Category.FORMAT);
    Locale.setDefault(Locale.ROOT);
    try {
      return builder().entries(Math.max(1, entries)).maxBloatFactor(MAX_BLOAT)
          .createPersistedTo(file);
    } finally {
      Locale.setDefault(saved);
      Locale.setDefault(Locale.Category.DISPLAY, display);
      Locale.setDefault(Locale.Category.FORMAT, format);
    }
  }

  /**
   * The map's configuration. Stores are read without Chronicle ({@link ChronicleFileReader});
   * tests open one with it ({@code builder().entries(1).createPersistedTo(file)}) to do what an
   * older ciku did.
   */
  static ChronicleMapBuilder<GramKey, Long> builder() {
    return ChronicleMapBuilder.of(GramKey.class, Long.class)
        .name("ciku-ngrams")
        .keyMarshallers(GramKeyMarshaller.INSTANCE, GramKeyMarshaller.INSTANCE)
        .constantKeySizeBySample(new GramKey(1, 1))
        .checksumEntries(false);
  }
}
