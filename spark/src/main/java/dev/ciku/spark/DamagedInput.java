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
import org.apache.hadoop.mapreduce.lib.input.FileSplit;

/**
 * Compressed data found damaged by the task that reads it (a gzip member cut short, a CRC that
 * does not match, data after the last member that is no member: anything after the first block,
 * which the driver has decompressed already): the task fails with the CLI's line naming the file
 * ("a.txt.gz: truncated or corrupt gzip data (...)"), carried as an {@link
 * InputFiles.CorruptInputException}, which the driver reports as the CLI does (exit 65: {@link
 * Main#userError}), rather than with Hadoop's exception, which names no file.
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
        String ext = codec.getDefaultExtension();
        out.put(p.getFileSystem(conf).makeQualified(p).toString(), switch (ext) {
          case ".gz" -> "gzip";
          case ".bz2" -> "bzip2";
          default -> ext.startsWith(".") ? ext.substring(1) : ext;
        });
      }
    }
    return out;
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
    if (e instanceof IOException io && isDecompression(io)) {
      String why = e.getMessage() == null ? "unexpected end of input" : e.getMessage();
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
    StackTraceElement[] at = e.getStackTrace();
    return at.length > 0 && at[0].getClassName().startsWith("org.apache.hadoop.io.compress.");
  }
}
