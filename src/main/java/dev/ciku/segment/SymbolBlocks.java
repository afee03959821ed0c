package dev.ciku.segment;

import dev.ciku.io.OutputException;
import dev.ciku.io.TempFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A corpus of symbols written once and read back in blocks, so that the passes of
 * {@link VocabularyLearner} hold one block at a time instead of the whole corpus. Symbols are
 * non-negative ints; {@code -1} ends a clause.
 *
 * <p>A block ends at the first clause end after {@code blockSize} symbols; a clause longer than
 * twice that is cut there by an inserted clause end. Where blocks end depends only on the symbols
 * and {@code blockSize}, never on memory or threads. The first blocks are spilled to a temporary
 * file (4 bytes a symbol) under {@code tempDir} as they fill; the last one stays in memory, so a
 * corpus of one block never touches the disk.
 *
 * <p>Memory: one block buffer of at most {@code 2 * blockSize + 1} ints while writing, and one
 * more while reading spilled blocks back. Not thread-safe; {@link #forEach} hands each block to
 * its consumer on the calling thread.
 */
final class SymbolBlocks implements AutoCloseable {
  /** Default block size: 4 M symbols, 16 MB (32 MB at most for a block cut inside a clause). */
  static final int DEFAULT_BLOCK = 1 << 22;

  /** Receives one block: {@code symbols[0..length)}, ending with a clause end. */
  interface Block {
    void accept(int[] symbols, int length);
  }

  private final Path tempDir;
  private final int blockSize;
  private int[] buffer;
  private int size;
  private Path file;
  private FileChannel channel;
  private int[] spilledLengths = new int[8];
  private int spilled;
  private int[] readBuffer;
  /** Bytes to and from the spill file (allocated at the first spill). */
  private ByteBuffer io;
  private boolean finished;

  /**
   * @param tempDir where blocks beyond the first are spilled
   * @param blockSize symbols a block holds before it ends at the next clause end (1 or more)
   */
  SymbolBlocks(Path tempDir, int blockSize) {
    if (blockSize < 1 || blockSize > (1 << 28)) {
      throw new IllegalArgumentException("blockSize must be in 1..2^28, got " + blockSize);
    }
    this.tempDir = tempDir;
    this.blockSize = blockSize;
    this.buffer = new int[Math.min(1 << 12, 2 * blockSize + 1)];
  }

  /** Appends a symbol ({@code >= 0}) or a clause end ({@code -1}). */
  void add(int symbol) {
    if (finished) {
      throw new IllegalStateException("add after finish");
    }
    put(symbol);
    if (symbol < 0 ? size >= blockSize : size == 2 * blockSize) {
      if (symbol >= 0) {
        put(-1); // a clause too long for one block is cut here
      }
      spill();
    }
  }

  private void put(int value) {
    if (size == buffer.length) {
      buffer = Arrays.copyOf(buffer, (int) Math.min(2L * blockSize + 1, buffer.length * 2L));
    }
    buffer[size++] = value;
  }

  /** Ends the writing: an unterminated last clause gets its clause end. */
  void finish() {
    if (!finished && size > 0 && buffer[size - 1] >= 0) {
      add(-1);
    }
    finished = true;
  }

  /** Number of blocks. */
  int blocks() {
    return spilled + (size > 0 ? 1 : 0);
  }

  /** Whether some blocks are on disk. */
  boolean spilledToDisk() {
    return spilled > 0;
  }

  /** Hands every block, in order, to {@code consumer}. */
  void forEach(Block consumer) {
    finish();
    if (spilled > 0) {
      try {
        if (readBuffer == null) {
          readBuffer = new int[2 * blockSize + 1];
        }
        ByteBuffer bytes = io;
        long offset = 0;
        for (int b = 0; b < spilled; b++) {
          int n = spilledLengths[b];
          int got = 0;
          while (got < n) {
            bytes.clear();
            bytes.limit((int) Math.min(bytes.capacity(), 4L * (n - got)));
            while (bytes.hasRemaining()) {
              if (channel.read(bytes, offset + 4L * got + bytes.position()) < 0) {
                throw new IOException("spill file " + file + " ended early");
              }
            }
            bytes.flip();
            int k = bytes.remaining() / 4;
            bytes.asIntBuffer().get(readBuffer, got, k);
            got += k;
          }
          offset += 4L * n;
          consumer.accept(readBuffer, n);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (size > 0) {
      consumer.accept(buffer, size);
    }
  }

  private void spill() {
    try {
      if (channel == null) {
        file = TempFiles.create(tempDir, "ciku-symbols-", ".bin");
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        io = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
      }
      ByteBuffer bytes = io;
      int i = 0;
      while (i < size) {
        bytes.clear();
        int k = Math.min(size - i, bytes.capacity() / 4);
        bytes.asIntBuffer().put(buffer, i, k);
        bytes.limit(4 * k);
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        i += k;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(OutputException.of("temporary file " + file, e));
    }
    if (spilled == spilledLengths.length) {
      spilledLengths = Arrays.copyOf(spilledLengths, spilled * 2);
    }
    spilledLengths[spilled++] = size;
    size = 0;
  }

  /** Deletes the spill file. */
  @Override
  public void close() throws IOException {
    if (channel != null) {
      try {
        channel.close();
      } finally {
        TempFiles.delete(file);
        channel = null;
      }
    }
  }
}
