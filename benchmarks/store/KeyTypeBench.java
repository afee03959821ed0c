package dev.ciku.bench;

/*
 * Which Chronicle Map key type for the n-gram store: GramKey (two longs, custom SizedReader/
 * SizedWriter, the one ciku uses), byte[16], or a chronicle-values value interface. Loads the
 * grams of an existing store, then times put (into a new persisted map sized for exactly them),
 * get and forEachEntry on one thread, and prints the file size.
 *
 * HOW TO RUN (from the repository root, after mvn -q -B -DskipTests package):
 *   benchmarks/store/key-type-bench.sh STORE.ngrams gramkey|bytes|value
 */
import dev.ciku.store.*;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import net.openhft.chronicle.map.*;
import net.openhft.chronicle.values.Values;

public class KeyTypeBench {
  public interface VKey { long getHi(); void setHi(long v); long getLo(); void setLo(long v); }

  public static void main(String[] a) throws Exception {
    String kind = a[1];
    long[] hi, lo, c;
    int[] n = {0};
    try (NgramStore s = NgramStore.open(java.nio.file.Path.of(a[0]))) {
      hi = new long[(int) s.size()];
      lo = new long[(int) s.size()];
      c = new long[(int) s.size()];
      s.forEach((h, l, x) -> { hi[n[0]] = h; lo[n[0]] = l; c[n[0]] = x; n[0]++; });
    }
    int N = n[0];
    File f = File.createTempFile("kbench", ".cmap", new File(System.getProperty("java.io.tmpdir"))); f.delete();
    long t0 = System.nanoTime();
    long sum = 0;
    long tPut, tGet, tIter;
    if (kind.equals("gramkey")) {
      try (ChronicleMap<GramKey, Long> m = ChronicleMapBuilder.of(GramKey.class, Long.class)
          .keyMarshallers(GramKeyMarshaller.INSTANCE, GramKeyMarshaller.INSTANCE)
          .constantKeySizeBySample(new GramKey(1, 1)).entries(N).maxBloatFactor(2).createPersistedTo(f)) {
        GramKey k = new GramKey();
        t0 = System.nanoTime();
        for (int i = 0; i < N; i++) m.put(k.set(hi[i], lo[i]), c[i]);
        tPut = System.nanoTime() - t0; t0 = System.nanoTime();
        for (int i = 0; i < N; i++) sum += m.get(k.set(hi[i], lo[i]));
        tGet = System.nanoTime() - t0; t0 = System.nanoTime();
        long[] s2 = {0}; GramKey u = new GramKey();
        m.forEachEntry(e -> s2[0] += e.key().getUsing(u).lo + e.value().get());
        tIter = System.nanoTime() - t0; sum += s2[0];
      }
    } else if (kind.equals("bytes")) {
      try (ChronicleMap<byte[], Long> m = ChronicleMapBuilder.of(byte[].class, Long.class)
          .constantKeySizeBySample(new byte[16]).entries(N).maxBloatFactor(2).createPersistedTo(f)) {
        byte[] kb = new byte[16]; ByteBuffer bb = ByteBuffer.wrap(kb).order(ByteOrder.LITTLE_ENDIAN);
        t0 = System.nanoTime();
        for (int i = 0; i < N; i++) { bb.putLong(0, hi[i]).putLong(8, lo[i]); m.put(kb, c[i]); }
        tPut = System.nanoTime() - t0; t0 = System.nanoTime();
        for (int i = 0; i < N; i++) { bb.putLong(0, hi[i]).putLong(8, lo[i]); sum += m.get(kb); }
        tGet = System.nanoTime() - t0; t0 = System.nanoTime();
        long[] s2 = {0};
        m.forEachEntry(e -> { byte[] k = e.key().get(); s2[0] += k[3] + e.value().get(); });
        tIter = System.nanoTime() - t0; sum += s2[0];
      }
    } else {
      try (ChronicleMap<VKey, Long> m = ChronicleMapBuilder.of(VKey.class, Long.class)
          .constantKeySizeBySample(Values.newHeapInstance(VKey.class)).entries(N).maxBloatFactor(2).createPersistedTo(f)) {
        VKey k = Values.newHeapInstance(VKey.class);
        t0 = System.nanoTime();
        for (int i = 0; i < N; i++) { k.setHi(hi[i]); k.setLo(lo[i]); m.put(k, c[i]); }
        tPut = System.nanoTime() - t0; t0 = System.nanoTime();
        for (int i = 0; i < N; i++) { k.setHi(hi[i]); k.setLo(lo[i]); sum += m.get(k); }
        tGet = System.nanoTime() - t0; t0 = System.nanoTime();
        long[] s2 = {0};
        m.forEachEntry(e -> s2[0] += e.key().get().getLo() + e.value().get());
        tIter = System.nanoTime() - t0; sum += s2[0];
      }
    }
    System.out.printf("%s N=%d put %.2f Mops/s get %.2f Mops/s iterate %.2f M/s file %d B (%.1f B/entry) [%d]%n",
        kind, N, N / (tPut / 1e3), N / (tGet / 1e3), N / (tIter / 1e3), f.length(), f.length() / (double) N, sum % 10);
    f.delete();
  }
}
