package dev.ciku.spark;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.util.LineReader;

/**
 * Input of whole files, one split per file, read as lines that keep their line feed (a last line
 * without one comes without it) and their carriage returns: for CSV, whose quoted fields may span
 * lines, so that a split of a file could not tell where its first record starts. The key of a line
 * is its number in the file, from 0. Files are those set as input paths, in their order (as
 * {@link Inputs.NamedFiles}), decompressed by the codec their name gives.
 *
 * <p>Cost: no parallelism inside a file; memory of one line at a time. A reader is not
 * thread-safe (Hadoop uses one per split).
 */
public final class WholeFileLines extends FileInputFormat<LongWritable, Text> {
  @Override
  protected boolean isSplitable(JobContext context, Path file) {
    return false;
  }

  @Override
  protected List<FileStatus> listStatus(JobContext job) throws IOException {
    return new Inputs.NamedFiles().listStatus(job);
  }

  @Override
  public RecordReader<LongWritable, Text> createRecordReader(InputSplit split,
      TaskAttemptContext context) {
    return new Reader();
  }

  /** Reads the lines of one file, each with its line feed. */
  private static final class Reader extends RecordReader<LongWritable, Text> {
    private static final byte[] LINE_FEED = {'\n'};
    private LineReader lines;
    private InputStream in;
    private final LongWritable key = new LongWritable(-1);
    private final Text value = new Text();
    private long length;
    private long consumed;

    @Override
    public void initialize(InputSplit split, TaskAttemptContext context) throws IOException {
      FileSplit file = (FileSplit) split;
      Configuration conf = context.getConfiguration();
      Path p = file.getPath();
      length = file.getLength();
      InputStream raw = p.getFileSystem(conf).open(p);
      CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(p);
      in = codec == null ? raw : codec.createInputStream(raw);
      // A custom delimiter: lines end at a line feed only, carriage returns are kept.
      lines = new LineReader(in, conf, LINE_FEED);
    }

    @Override
    public boolean nextKeyValue() throws IOException {
      int n = lines.readLine(value, Integer.MAX_VALUE, Integer.MAX_VALUE);
      if (n == 0) {
        return false;
      }
      consumed += n;
      if (n > value.getLength()) {
        value.append(LINE_FEED, 0, 1);
      }
      key.set(key.get() + 1);
      return true;
    }

    @Override
    public LongWritable getCurrentKey() {
      return key;
    }

    @Override
    public Text getCurrentValue() {
      return value;
    }

    @Override
    public float getProgress() {
      return length == 0 ? 1f : Math.min(1f, consumed / (float) length);
    }

    @Override
    public void close() throws IOException {
      if (in != null) {
        in.close();
      }
    }
  }
}
