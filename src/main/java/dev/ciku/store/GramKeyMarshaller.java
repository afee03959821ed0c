package dev.ciku.store;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.hash.serialization.SizedReader;
import net.openhft.chronicle.hash.serialization.SizedWriter;
import net.openhft.chronicle.hash.serialization.impl.EnumMarshallable;

/**
 * Writes a {@link GramKey} as its two longs (16 bytes, no length prefix: the map is built with a
 * constant key size) and reads it back into a reused instance. Stateless; Chronicle records its
 * class name in the map file and gets the singleton back through {@link #readResolve}.
 */
public final class GramKeyMarshaller
    implements SizedReader<GramKey>, SizedWriter<GramKey>, EnumMarshallable<GramKeyMarshaller> {
  /** The only instance. */
  public static final GramKeyMarshaller INSTANCE = new GramKeyMarshaller();
  static final int SIZE = 16;

  private GramKeyMarshaller() {}

  @Override
  public long size(GramKey key) {
    return SIZE;
  }

  @Override
  public void write(Bytes<?> out, long size, GramKey key) {
    out.writeLong(key.hi);
    out.writeLong(key.lo);
  }

  @Override
  public GramKey read(Bytes<?> in, long size, GramKey using) {
    GramKey k = using != null ? using : new GramKey();
    k.hi = in.readLong();
    k.lo = in.readLong();
    return k;
  }

  @Override
  public GramKeyMarshaller readResolve() {
    return INSTANCE;
  }
}
