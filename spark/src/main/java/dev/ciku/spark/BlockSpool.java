package dev.ciku.spark;

import dev.ciku.io.OutputException;
import dev.ciku.io.TempFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.util.TaskCompletionListener;
import scala.Tuple2;

/**
 * A task's output blocks ({@code long[]}, each with an int tag: its reduce range), held in
 * memory up to a budget and appended to a temporary file beyond it, then given back once, in the
 * order they were added, by {@link #drain}. So what a task returns to Spark is bounded by the
 * budget, not by the number of its grams: a list of every block would hold all of a partition's
 * distinct grams (24 bytes each) at once.
 *
 * <p>Cost: nothing beyond the blocks themselves until the budget is reached; then one sequential
 * write and one sequential read of every later block (8 bytes a long). The file is deleted when
 * the last block has been read, or when the task ends (a failed or killed task). Not
 * thread-safe: one per task.
 */
final class BlockSpool {
  /**
   * Most bytes handed to the file channel at once: a heap buffer given to a channel goes through
   * a temporary direct buffer of its size, which the JDK then keeps per thread (a block of
   * {@link SparkNgramCounter#BLOCK} grams would leave 24 MB off the heap in every task thread).
   */
  static final int CHUNK = 1 << 20;
  private final long budget;
  private final Path dir;
  private final ArrayDeque<Tuple2<Integer, long[]>> held = new ArrayDeque<>();
  private long heldBytes;
  private Path file;
  private FileChannel out;
  private FileChannel in;
  private long spilled;
  private boolean drained;

  /**
   * @param budget bytes of blocks held in memory before the rest go to disk (at least 1)
   * @param dir where the temporary file goes
   */
  BlockSpool(long budget, Path dir) {
    if (budget < 1) {
      throw new IllegalArgumentException("budget must be 1 byte or more, got " + budget);
    }
    this.budget = budget;
    this.dir = dir;
  }

  /** Adds {@code block} with {@code tag}; {@code block} is kept (not copied) while in memory. */
  void add(int tag, long[] block) throws IOException {
    if (drained) {
      throw new IllegalStateException("add after drain");
    }
    if (out == null && heldBytes + 8L * block.length <= budget) {
      held.add(new Tuple2<>(tag, block));
      heldBytes += 8L * block.length;
      return;
    }
    if (out == null) {
      file = TempFiles.create(dir, "ciku-spark-blocks", ".bin");
      // Registered before the file is opened, so that a failure from here on still deletes it.
      TaskContext task = TaskContext.get();
      if (task != null) {
        TaskCompletionListener cleanup = t -> discard();
        task.addTaskCompletionListener(cleanup);
      }
      try {
        out = FileChannel.open(file, StandardOpenOption.WRITE);
      } catch (IOException e) {
        discard();
        throw OutputException.of("temporary file " + file, e);
      }
    }
    ByteBuffer b = ByteBuffer.allocate(8 + 8 * block.length).order(ByteOrder.nativeOrder());
    b.putInt(tag).putInt(block.length);
    b.asLongBuffer().put(block);
    b.position(b.capacity());
    b.flip();
    try {
      while (b.hasRemaining()) {
        ByteBuffer chunk = b.duplicate();
        chunk.limit(b.position() + Math.min(CHUNK, b.remaining()));
        while (chunk.hasRemaining()) {
          out.write(chunk);
        }
        b.position(chunk.position());
      }
    } catch (IOException e) {
      // A full disk: say which file, as the CLI's spills do.
      throw OutputException.of("temporary file " + file, e);
    }
    spilled++;
  }

  /** Blocks written to the temporary file so far. */
  long spilledBlocks() {
    return spilled;
  }

  /**
   * The blocks in the order they were added, each once; the spool cannot be added to afterwards.
   * The temporary file is read block by block and deleted after the last.
   */
  Iterator<Tuple2<Integer, long[]>> drain() throws IOException {
    if (drained) {
      throw new IllegalStateException("drained twice");
    }
    drained = true;
    if (out != null) {
      out.close();
      in = FileChannel.open(file, StandardOpenOption.READ);
    }
    long toRead = spilled;
    return new Iterator<>() {
      private long read;

      @Override
      public boolean hasNext() {
        return !held.isEmpty() || read < toRead;
      }

      @Override
      public Tuple2<Integer, long[]> next() {
        if (!held.isEmpty()) {
          return held.poll();
        }
        if (read >= toRead) {
          throw new NoSuchElementException();
        }
        try {
          ByteBuffer head = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder());
          fill(in, head);
          int tag = head.getInt();
          long[] block = new long[head.getInt()];
          ByteBuffer body = ByteBuffer.allocate(8 * block.length).order(ByteOrder.nativeOrder());
          fill(in, body);
          body.asLongBuffer().get(block);
          if (++read == toRead) {
            discard();
          }
          return new Tuple2<>(tag, block);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  /** As {@link #drain}, the blocks without their tags (for a reduce side's output). */
  Iterator<long[]> drainBlocks() throws IOException {
    Iterator<Tuple2<Integer, long[]>> tagged = drain();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return tagged.hasNext();
      }

      @Override
      public long[] next() {
        return tagged.next()._2();
      }
    };
  }

  private static void fill(FileChannel in, ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      ByteBuffer chunk = b.duplicate();
      chunk.limit(b.position() + Math.min(CHUNK, b.remaining()));
      while (chunk.hasRemaining()) {
        if (in.read(chunk) < 0) {
          throw new IOException("temporary block file ended early");
        }
      }
      b.position(chunk.position());
    }
    b.flip();
  }

  /** Closes and deletes the temporary file, if any (again: nothing). */
  private void discard() {
    for (java.io.Closeable c : new java.io.Closeable[] {out, in,
        file == null ? null : () -> TempFiles.delete(file)}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (IOException e) {
        // best effort, each step on its own: a temporary file
      }
    }
  }
}
