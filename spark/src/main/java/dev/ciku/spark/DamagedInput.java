package dev.ciku.spark;

import dev.ciku.corpus.InputFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;

/**
 * Compressed data found damaged by the task that reads it (a gzip member cut short, a CRC that
 * does not match, data after the last member that is no member, a bzip2 block whose decoding
 * tables make Hadoop's decoder index out of bounds: anything after the first block,
 * which the driver has decompressed already): the task fails with the CLI's line naming the file
 * ("a.txt.gz: truncated or corrupt gzip data (...)"), carried as an {@link
 * InputFiles.CorruptInputException}, which the driver reports as the CLI does (exit 65: {@link
 * Main#userError}), rather than with Hadoop's exception, which names no file.
 *
 * A split that starts inside a compressed file (bzip2's, which Hadoop splits) decodes a block as
 * its reader starts ({@link #starting}): damage met there is said so too.
 *
 * <p>Cost: on the driver, a codec look-up by name per file; in a task, nothing for a file not
 * compressed, one call more per line of one that is. Stateless.
 */
final class DamagedInput {
  private DamagedInput() {}

  /**
   * The format of each compressed one of {@code files} ("gzip", "bzip2", or the codec's
   * extension), by the path its splits give, as Hadoop picks a codec for it by its name.
   */
  static HashMap<String, String> formats(Configuration conf, List<FileStatus> files)
      throws IOException {
    CompressionCodecFactory codecs = new CompressionCodecFactory(conf);
    HashMap<String, String> out = new HashMap<>();
    for (FileStatus f : files) {
      Path p = f.getPath();
      CompressionCodec codec = codecs.getCodec(p);
      if (codec != null) {
        out.put(p.getFileSystem(conf).makeQualified(p).toString(), format(codec));
      }
    }
    return out;
  }

  /** The name of {@code codec}'s format in messages: "gzip", "bzip2", or its extension. */
  private static String format(CompressionCodec codec) {
    String ext = codec.getDefaultExtension();
    return switch (ext) {
      case ".gz" -> "gzip";
      case ".bz2" -> "bzip2";
      default -> ext.startsWith(".") ? ext.substring(1) : ext;
    };
  }

  /**
   * {@code reader} (Hadoop's, of {@code split}), whose start fails, if its file is compressed and
   * the decompression fails, with the CLI's line naming the file, as {@link #named} makes its
   * records fail: a split that starts inside a bzip2 file decodes a block as it starts, before
   * any record is read. Cost: a codec look-up by name.
   */
  static <K, V> RecordReader<K, V> starting(RecordReader<K, V> reader, InputSplit split,
      Configuration conf) {
    Path p = ((FileSplit) split).getPath();
    CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(p);
    if (codec == null) {
      return reader;
    }
    String name = "file".equals(p.toUri().getScheme()) ? p.toUri().getPath() : p.toString();
    String format = format(codec);
    return new RecordReader<>() {
      @Override
      public void initialize(InputSplit s, TaskAttemptContext context) throws IOException,
          InterruptedException {
        try {
          reader.initialize(s, context);
        } catch (IOException | RuntimeException e) {
          throw damaged(e, name, format);
        }
      }

      @Override
      public boolean nextKeyValue() throws IOException, InterruptedException {
        return reader.nextKeyValue();
      }

      @Override
      public K getCurrentKey() throws IOException, InterruptedException {
        return reader.getCurrentKey();
      }

      @Override
      public V getCurrentValue() throws IOException, InterruptedException {
        return reader.getCurrentValue();
      }

      @Override
      public float getProgress() throws IOException, InterruptedException {
        return reader.getProgress();
      }

      @Override
      public void close() throws IOException {
        reader.close();
      }
    };
  }

  /**
   * The records of {@code split} ({@code it}, from Hadoop's reader), which fail, if its file is
   * one of {@code formats} and its decompression fails, with the CLI's line naming the file (by
   * {@code names}, as the split gives its path).
   */
  static <T> Iterator<T> named(Iterator<T> it, InputSplit split, Map<String, String> formats,
      Map<String, String> names) {
    String path = ((FileSplit) split).getPath().toString();
    String format = formats.get(path);
    if (format == null) {
      return it;
    }
    String name = names.getOrDefault(path, path);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        try {
          return it.hasNext();
        } catch (Exception e) {
          throw damaged(e, name, format);
        }
      }

      @Override
      public T next() {
        try {
          return it.next();
        } catch (Exception e) {
          throw damaged(e, name, format);
        }
      }
    };
  }

  /**
   * What the failure {@code e} of reading file {@code name}, compressed as {@code format}, is
   * thrown as: the CLI's line naming the file if Hadoop's decompression failed, else {@code e}.
   */
  private static RuntimeException damaged(Exception e, String name, String format) {
    if (e instanceof IOException io && isDecompression(io) || isDecoderFault(e)) {
      String why = e instanceof RuntimeException ? e.toString()
          : e.getMessage() == null ? "unexpected end of input" : e.getMessage();
      return new UncheckedIOException(new InputFiles.CorruptInputException(name
          + ": truncated or corrupt " + format + " data (" + why + ")", e));
    }
    if (e instanceof RuntimeException r) {
      return r;
    }
    // Hadoop's reader, called from Scala, throws I/O errors unchecked.
    return new UncheckedIOException(e instanceof IOException io ? io : new IOException(e));
  }

  /**
   * Whether {@code e} comes from decompressing the data (thrown by Hadoop's codecs, or the end of
   * data a codec still expected), not from reading the file (a block missing, a checksum).
   */
  static boolean isDecompression(IOException e) {
    if (e instanceof java.io.EOFException || e instanceof java.util.zip.ZipException) {
      return true;
    }
    return inCodec(e);
  }

  /**
   * Whether {@code e} is a codec's decoder failing on damaged data without an I/O error: an index
   * out of bounds (or a negative array size) thrown by Hadoop's codecs, as its bzip2 decoder
   * throws on some damaged block headers. Not any unchecked exception from them: a codec that
   * cannot run here (a native library missing) is no damage to the data.
   */
  static boolean isDecoderFault(Throwable e) {
    return (e instanceof IndexOutOfBoundsException || e instanceof NegativeArraySizeException)
        && inCodec(e);
  }

  /** Whether {@code e} was thrown by Hadoop's compression codecs. */
  private static boolean inCodec(Throwable e) {
    StackTraceElement[] at = e.getStackTrace();
    return at.length > 0 && at[0].getClassName().startsWith("org.apache.hadoop.io.compress.");
  }
}
