package dev.ciku.spark;

import org.apache.spark.Partitioner;

/** Sends a block keyed by its range number to the reduce partition of that number. */
final class BlockPartitioner extends Partitioner {
  private static final long serialVersionUID = 1L;
  private final int partitions;

  BlockPartitioner(int partitions) {
    this.partitions = partitions;
  }

  @Override
  public int numPartitions() {
    return partitions;
  }

  @Override
  public int getPartition(Object key) {
    return (Integer) key;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlockPartitioner b && b.partitions == partitions;
  }

  @Override
  public int hashCode() {
    return partitions;
  }
}
