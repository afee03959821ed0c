package dev.ciku.spark;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The jobs' INPUT arguments read as {@code ciku} reads its own: a directory is walked
 * recursively in sorted order, skipping names that start with '.' only; a file named as an
 * argument is read whatever its name. Hadoop's own listing differs on all three points (it skips
 * names starting with '_' too, even named outright, lists a directory in the file system's order,
 * and splits a list of paths at commas), and the order of the files decides the numbering of
 * Latin units, so the stores would differ. An argument that names nothing is a Hadoop glob, its
 * matches sorted, names starting with '.' left out. Links to directories are not followed.
 * A name with ':' cannot be a Hadoop path.
 *
 * <p>Cost: one listing per directory, on the driver. Stateless.
 */
final class Inputs {
  private Inputs() {}

  /** By path, as the CLI sorts a directory's files. */
  private static final Comparator<FileStatus> BY_PATH =
      Comparator.comparing(f -> f.getPath().toUri().getPath());

  /**
   * The files of {@code args}, in the order the CLI reads them; {@code warnings} hears of a
   * directory without files, as the CLI's does.
   *
   * @throws NoSuchFileException if an argument (or a glob) names nothing
   */
  static List<FileStatus> expand(Configuration conf, List<String> args,
      Consumer<String> warnings) throws IOException {
    List<FileStatus> out = new ArrayList<>();
    for (String arg : args) {
      Path p;
      try {
        p = new Path(arg);
      } catch (IllegalArgumentException e) {
        // Hadoop paths are URIs: "a:b.txt" is not one.
        throw new NoSuchFileException(arg, null, "not a Hadoop path (" + e.getMessage()
            + "); rename the file, or give its directory");
      }
      FileSystem fs = p.getFileSystem(conf);
      FileStatus[] matches;
      if (fs.exists(p)) {
        // A path that exists is that file or directory, whatever glob characters ([ ] { } * ?)
        // its name holds.
        matches = new FileStatus[] {fs.getFileStatus(p)};
      } else {
        FileStatus[] globbed = fs.globStatus(p);
        // A glob, like a directory, passes over names that start with '.' (.crc files).
        matches = globbed == null ? new FileStatus[0] : Arrays.stream(globbed)
            .filter(f -> !f.getPath().getName().startsWith(".")).toArray(FileStatus[]::new);
      }
      if (matches.length == 0) {
        throw new NoSuchFileException(arg, null, "no such file or directory");
      }
      Arrays.sort(matches, BY_PATH);
      for (FileStatus m : matches) {
        if (m.isDirectory()) {
          List<FileStatus> files = new ArrayList<>();
          walk(fs, m.getPath(), files);
          files.sort(BY_PATH);
          if (files.isEmpty()) {
            warnings.accept(arg + " holds no input files");
          }
          out.addAll(files);
        } else {
          out.add(m);
        }
      }
    }
    return out;
  }

  /**
   * The files under {@code dir}: names starting with '.' skipped, and links to directories not
   * followed (links to files are read), as the CLI walks a directory.
   */
  private static void walk(FileSystem fs, Path dir, List<FileStatus> files) throws IOException {
    for (FileStatus f : fs.listStatus(dir)) {
      if (f.getPath().getName().startsWith(".")) {
        continue;
      }
      if (f.isDirectory()) {
        if (!isLink(fs, f)) {
          walk(fs, f.getPath(), files);
        }
      } else {
        files.add(f);
      }
    }
  }

  /** Whether {@code f} is a symbolic link (the local file system reports its target's status). */
  private static boolean isLink(FileSystem fs, FileStatus f) {
    if (f.isSymlink()) {
      return true;
    }
    if (!"file".equals(fs.getScheme())) {
      return false;
    }
    return java.nio.file.Files.isSymbolicLink(java.nio.file.Path.of(f.getPath().toUri()));
  }

  /**
   * The text lines of {@code files} (line ends removed, malformed UTF-8 replaced, as Spark's
   * {@code textFile} gives them), in at least {@code minPartitions} partitions where the files
   * can be split (a .gz file is one partition).
   */
  static JavaRDD<String> lines(JavaSparkContext sc, List<FileStatus> files, int minPartitions)
      throws IOException {
    if (files.isEmpty()) {
      return sc.emptyRDD();
    }
    Job job = Job.getInstance(sc.hadoopConfiguration());
    FileInputFormat.setInputPaths(job, files.stream().map(FileStatus::getPath)
        .toArray(Path[]::new));
    long total = files.stream().mapToLong(FileStatus::getLen).sum();
    // As textFile's minimum: splits of at most total / P bytes (rounded down) give P or more.
    FileInputFormat.setMaxInputSplitSize(job, Math.max(1, total / Math.max(1, minPartitions)));
    return sc.newAPIHadoopRDD(job.getConfiguration(), NamedFiles.class, LongWritable.class,
        Text.class).map(pair -> pair._2().toString());
  }

  /** Text input of exactly the files set as input paths: no name is hidden, nothing listed. */
  public static final class NamedFiles extends TextInputFormat {
    @Override
    protected List<FileStatus> listStatus(JobContext job) throws IOException {
      List<FileStatus> out = new ArrayList<>();
      for (Path p : getInputPaths(job)) {
        out.add(p.getFileSystem(job.getConfiguration()).getFileStatus(p));
      }
      return out;
    }
  }
}
