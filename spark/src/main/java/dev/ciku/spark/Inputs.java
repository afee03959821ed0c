package dev.ciku.spark;

import dev.ciku.cli.CikuException;
import dev.ciku.corpus.BinaryData;
import dev.ciku.corpus.Encodings;
import dev.ciku.corpus.InputFiles;
import dev.ciku.corpus.InputFormat;
import dev.ciku.corpus.ReaderOptions;
import dev.ciku.corpus.RepeatedReads;
import dev.ciku.corpus.Utf8Fallback;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaNewHadoopRDD;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Tuple2;

/**
 * The jobs' INPUT arguments read as {@code ciku} reads its own: a directory is walked
 * recursively in sorted order, skipping names that start with '.' only; a file named as an
 * argument is read whatever its name. Hadoop's own listing differs on all three points (it skips
 * names starting with '_' too, even named outright, lists a directory in the file system's order,
 * and splits a list of paths at commas), and the order of the files decides the numbering of
 * Latin units, so the stores would differ. An argument that names nothing is a Hadoop glob, its
 * matches sorted, names starting with '.' left out. Links to directories are not followed.
 * A file whose name holds ':' cannot be read by Hadoop: refused, named, before the job. Binary
 * data (a NUL byte in a file's first 8 KB, {@link BinaryData}) is skipped with a warning inside a
 * directory and refused when named, as the CLI does.
 *
 * <p>Cost: one listing per directory and one read of up to 64 KB per file (decompressed), on the
 * driver ({@link #expand}). Stateless.
 */
final class Inputs {
  private Inputs() {}

  /** By path, as the CLI sorts a directory's files. */
  private static final Comparator<FileStatus> BY_PATH =
      Comparator.comparing(f -> f.getPath().toUri().getPath());

  /**
   * The files of {@code args}, in the order the CLI reads them, with what {@code rule} makes of
   * the encoding of each (said by {@link Listing#encodings} once the listing has been checked);
   * {@code warnings} hears of a directory without files and of binary data skipped in a
   * directory, as the CLI's do.
   *
   * <p>Cost: one listing per directory, and one read of each file's head (decompressed) for both
   * checks: {@code rule}'s bytes, at least 8 KB (once more, 64 KB, if an encoding given outright
   * leaves the read at 8 KB and they hold a NUL byte).
   *
   * @param binary how the inputs are read, which tells binary data from text
   * @param rule how each file's encoding follows from its head
   * @throws NoSuchFileException if an argument (or a glob) names nothing
   * @throws CikuException (bad data) for binary data named as an argument, or matched by a glob
   *     (missing input for a local n-gram store, as in the CLI); see {@link #lookAt} for the
   *     other files refused
   */
  static Listing expand(Configuration conf, List<String> args, BinaryData binary,
      HeadRule rule, Consumer<String> warnings) throws IOException {
    java.util.Objects.requireNonNull(binary, "binary");
    List<FileStatus> out = new ArrayList<>();
    List<Listing.Verdict> verdicts = new ArrayList<>();
    CompressionCodecFactory codecs = new CompressionCodecFactory(conf);
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
      FileStatus named = statusOrNull(fs, p);
      if (named != null) {
        // A path that exists is that file or directory, whatever glob characters ([ ] { } * ?)
        // its name holds.
        matches = new FileStatus[] {named};
      } else {
        FileStatus[] globbed;
        try {
          globbed = fs.globStatus(p);
        } catch (IllegalArgumentException e) {
          // Listing a directory that holds a name Hadoop cannot make a path of ("a:b.txt").
          throw new CikuException(CikuException.NO_INPUT, arg + ": Hadoop cannot list the files"
              + " it matches (" + e.getMessage() + "): a name there holds ':'; rename that"
              + " file, or name the inputs one by one");
        }
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
          int skipped = 0;
          for (FileStatus f : files) {
            Look look = lookAt(conf, codecs, f, binary, rule);
            if (look.binary() == null) {
              out.add(f);
              verdicts.add(look.verdict());
            } else {
              skipped++;
              warnings.accept(name(f) + ": " + look.binary() + ", not text; skipped");
            }
          }
          if (skipped == files.size()) {
            warnings.accept(arg + " holds no input files"
                + (skipped > 0 ? " (" + skipped + " binary file(s) skipped)" : ""));
          }
        } else {
          Look look = lookAt(conf, codecs, m, binary, rule);
          if (look.binary() != null && isLocal(m)) {
            refuseStore(m);
          }
          if (look.binary() != null) {
            throw new CikuException(CikuException.DATA, name(m) + ": " + look.binary()
                + ", not text: is it the right file?");
          }
          out.add(m);
          verdicts.add(look.verdict());
        }
      }
    }
    warnRepeated(out, warnings);
    for (FileStatus f : out) {
      refuseUnreadableName(f);
    }
    return new Listing(out, verdicts, rule.perFile());
  }

  /**
   * Refuses {@code f} if Hadoop cannot read it: a local file that is not a regular file, or a
   * name that holds ':'.
   */
  private static void refuseUnreadableName(FileStatus f) {
    if (isLocal(f) && !java.nio.file.Files.isRegularFile(localPath(f))) {
      // A pipe or a device: Hadoop reads a file by its length, 0 here, and would see nothing.
      throw new CikuException(CikuException.NO_INPUT, f.getPath().toUri().getPath()
          + ": not a regular file (a pipe or a device?): Hadoop reads files by their length;"
          + " write the data to a file first");
    }
    if (f.getPath().getName().indexOf(':') >= 0) {
      // Hadoop reaches a file through names derived from its own (the checksum file
      // .NAME.crc), which a ':' makes no path: the read would fail deep in the job.
      throw new CikuException(CikuException.NO_INPUT, f.getPath().toUri().getPath()
          + ": Hadoop cannot read a file whose name holds ':'; rename it");
    }
  }

  /**
   * Warns once for each file that {@code files} hold more than once (named twice, named and in
   * a directory argument, two hard links to it), as the CLI warns ({@link RepeatedReads}): its
   * text is counted as often. Local files are the same when the file system says so (device and
   * inode), other files when their URIs are. Cost: one file-status call per local file.
   */
  private static void warnRepeated(List<FileStatus> files, Consumer<String> warnings) {
    if (files.size() < 2) {
      return;
    }
    RepeatedReads repeated = new RepeatedReads();
    for (FileStatus f : files) {
      String name = f.getPath().toUri().getPath();
      if (isLocal(f)) {
        repeated.addLocal(localPath(f), name);
      } else {
        repeated.add(f.getPath().toUri().toString(), name);
      }
    }
    repeated.warn(warnings);
  }

  /**
   * What the head of a file said: why it is binary data ("binary data (a NUL byte at offset
   * 8)"), or null if it is text, and then what it says of its encoding.
   */
  private record Look(String binary, Listing.Verdict verdict) {}

  /**
   * Whether {@code f} is binary data, not text, as the CLI tells it ({@link BinaryData}, on its
   * first bytes decompressed by the codec its name gives), and if it is text, what {@code rule}
   * makes of its encoding from the same bytes. Before that, refuses it as {@link
   * #refuseUnreadableName} does (a pipe would block the read), as {@link #refuseNonText} does (a
   * tar archive or compressed data is no binary data to skip) and as {@link #head} does.
   *
   * <p>Cost: one read of {@code rule}'s bytes, at least 8 KB; if they are fewer than 64 KB and
   * their first 8 KB hold a NUL byte, one more of 64 KB (to decide the encoding, as the CLI does:
   * UTF-16 text holds NUL bytes).
   */
  private static Look lookAt(Configuration conf, CompressionCodecFactory codecs, FileStatus f,
      BinaryData binary, HeadRule rule) throws IOException {
    refuseUnreadableName(f);
    Path p = f.getPath();
    boolean byName = codecs.getCodec(p) != null;
    int n = Math.max(Math.max(HEAD, BinaryData.BLOCK), rule.bytes());
    byte[] head = head(conf, codecs, p, n);
    refuseNonText(conf, p, head, byName);
    if (holdsNul(head)) {
      // Fewer bytes than asked for are the whole file.
      byte[] sample = head.length < n || n >= Encodings.SAMPLE ? head
          : head(conf, codecs, p, Encodings.SAMPLE);
      long at = binary.nulAt(new java.io.ByteArrayInputStream(sample));
      if (at >= 0) {
        return new Look(BinaryData.reason(at, byName), null);
      }
    }
    return new Look(null, verdict(conf, p, head, rule));
  }

  /**
   * What {@code rule} makes of the encoding of {@code p}, whose first bytes are {@code head}: kept
   * to be said, warnings and refusal alike, once the whole listing has been checked.
   */
  private static Listing.Verdict verdict(Configuration conf, Path p, byte[] head, HeadRule rule)
      throws IOException {
    String key = key(fs(conf, p), p);
    List<String> said = new ArrayList<>(1);
    try {
      return new Listing.Verdict(key, rule.charset(p, head, said::add).name(), List.copyOf(said),
          null);
    } catch (CikuException e) {
      return new Listing.Verdict(key, null, List.of(), e);
    }
  }

  /**
   * Refuses {@code f}, a local file, if it is an n-gram store, with the CLI's line (exit 66): a
   * store named as INPUT is more likely a mistaken argument than binary data.
   */
  private static void refuseStore(FileStatus f) throws IOException {
    try {
      InputFiles.refuseStore(localPath(f), name(f));
    } catch (dev.ciku.corpus.CorpusInput.UnsupportedInputException e) {
      throw new CikuException(CikuException.NO_INPUT, e.getMessage());
    }
  }

  private static boolean holdsNul(byte[] head) {
    for (int i = 0; i < Math.min(head.length, BinaryData.BLOCK); i++) {
      if (head[i] == 0) {
        return true;
      }
    }
    return false;
  }

  /** The name of {@code f} in messages of the listing: a local file's path, another's URI. */
  private static String name(FileStatus f) {
    return name(f.getPath());
  }

  /** The name of {@code p} in messages: a local file's path, another file's URI. */
  private static String name(Path p) {
    return "file".equals(p.toUri().getScheme()) ? p.toUri().getPath() : p.toString();
  }

  /** Whether {@code f} is on the driver's local file system. */
  static boolean isLocal(FileStatus f) {
    return "file".equals(f.getPath().toUri().getScheme());
  }

  /** The local path of {@code f}, which {@link #isLocal}. */
  static java.nio.file.Path localPath(FileStatus f) {
    return java.nio.file.Path.of(f.getPath().toUri());
  }

  /**
   * The files under {@code dir}: names starting with '.' skipped, links to directories not
   * followed (links to files are read), and local files that are not regular files (FIFOs,
   * sockets, links to nothing) skipped, as the CLI walks a directory.
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
      } else if (!isLocal(f) || java.nio.file.Files.isRegularFile(localPath(f))) {
        // A local FIFO, socket, device or link to nothing is skipped, as the CLI's walk skips
        // it (named as an argument, it is refused).
        files.add(f);
      }
    }
  }

  /** The status of {@code p}, or null if nothing is there (one call, not exists + status). */
  private static FileStatus statusOrNull(FileSystem fs, Path p) throws IOException {
    try {
      return fs.getFileStatus(p);
    } catch (java.io.FileNotFoundException e) {
      return null;
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
   * Whether Hadoop's text input can split text of {@code cs} into lines: a line break must be the
   * byte 0x0A (0x0D 0x0A) and ASCII its own bytes, as in UTF-8, GB18030, GBK and Big5, whose
   * multi-byte characters never hold those bytes. UTF-16 and UTF-32 do not qualify.
   */
  static boolean splitsAtLineFeeds(Charset cs) {
    if (!cs.canEncode()) {
      return false;
    }
    byte[] ascii = "\n\r Az~".getBytes(cs);
    return Arrays.equals(ascii, "\n\r Az~".getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * How a file's encoding follows from its first bytes, read once for it and for the check for
   * binary data ({@link #expand}): {@link #DETECT}, {@link #BY_DEFAULT} or {@link #given}.
   */
  interface HeadRule {
    /**
     * The encoding of {@code p}, whose first {@link #bytes} bytes (fewer at its end) are {@code
     * head}; {@code warnings} hears what the user should know of it.
     *
     * @throws CikuException if the jobs cannot read it so
     */
    Charset charset(Path p, byte[] head, Consumer<String> warnings);

    /** How many first bytes of a file it looks at. */
    int bytes();

    /** Whether each file has its own encoding, or all have the one given. */
    default boolean perFile() {
      return true;
    }
  }

  /**
   * {@code --encoding auto}: what {@link Encodings#detect} makes of a file's first {@value
   * Encodings#SAMPLE} bytes (decompressed by the codec its name gives, as the text input
   * decompresses it), as the CLI's {@code --encoding auto} detects each input's; refuses (bad
   * data) a file detected as UTF-16 or UTF-32, which Hadoop cannot split.
   */
  static final HeadRule DETECT = new HeadRule() {
    @Override
    public Charset charset(Path p, byte[] head, Consumer<String> warnings) {
      Charset cs = Encodings.detect(head, head.length, head.length < Encodings.SAMPLE);
      refuseUnsplittable(p, cs, "--encoding auto");
      return cs;
    }

    @Override
    public int bytes() {
      return Encodings.SAMPLE;
    }
  };

  /**
   * No {@code --encoding}: UTF-8, or for a file whose first {@value Encodings#SAMPLE} bytes
   * (decompressed as for {@link #DETECT}) are clearly not UTF-8, the encoding {@link
   * Utf8Fallback#decide} finds in them, with the CLI's warning, as the CLI decides for each input
   * read by default. Refuses (bad data) a file with a UTF-16 or UTF-32 byte-order mark, or one
   * that falls back to UTF-16 or UTF-32, which Hadoop cannot split. Cost: one decoding of the
   * bytes.
   */
  static final HeadRule BY_DEFAULT = new HeadRule() {
    @Override
    public Charset charset(Path p, byte[] head, Consumer<String> warnings) {
      refuseMarked(p, head);
      Charset cs = Utf8Fallback.decide(head, head.length, head.length < Encodings.SAMPLE);
      if (cs == null) {
        return StandardCharsets.UTF_8;
      }
      refuseUnsplittable(p, cs, "not UTF-8");
      warnings.accept(Utf8Fallback.warning(name(p), cs));
      return cs;
    }

    @Override
    public int bytes() {
      return Encodings.SAMPLE;
    }
  };

  /**
   * {@code --encoding CHARSET}: every file is read in {@code cs}; with UTF-8, a file that starts
   * with a UTF-16 or UTF-32 byte-order mark, which the CLI reads in its marked encoding and
   * Hadoop cannot split into lines, is refused (bad data).
   */
  static HeadRule given(Charset cs) {
    boolean utf8 = cs.equals(StandardCharsets.UTF_8);
    return new HeadRule() {
      @Override
      public Charset charset(Path p, byte[] head, Consumer<String> warnings) {
        if (utf8) {
          refuseMarked(p, head);
        }
        return cs;
      }

      @Override
      public int bytes() {
        return HEAD;
      }

      @Override
      public boolean perFile() {
        return false;
      }
    };
  }

  /**
   * Refuses {@code p}, read as {@code cs} (found as {@code how} says), if Hadoop cannot split
   * {@code cs} into lines.
   */
  private static void refuseUnsplittable(Path p, Charset cs, String how) {
    if (!splitsAtLineFeeds(cs)) {
      throw new CikuException(CikuException.DATA, p + " looks like " + cs.name() + " text"
          + " (" + how + "), which Hadoop cannot split into lines: convert it to UTF-8"
          + " (iconv -f " + cs.name() + " -t UTF-8)");
    }
  }

  /**
   * Refuses {@code p}, whose first bytes are {@code head}, read as UTF-8, if it starts with a
   * UTF-16 or UTF-32 byte-order mark.
   */
  private static void refuseMarked(Path p, byte[] head) {
    Charset cs = Encodings.utf16Or32Mark(head, head.length);
    if (cs != null) {
      throw new CikuException(CikuException.DATA, p + " starts with a " + cs.name()
          + " byte-order mark: Hadoop cannot split such text into lines; convert it to UTF-8"
          + " (iconv -f " + cs.name() + " -t UTF-8)");
    }
  }

  /**
   * Bytes of a file's head that {@link #refuseNonText} needs: the magic bytes of any compressed
   * format (10 at most) and a tar header up to its magic.
   */
  private static final int HEAD = InputFiles.TAR_HEAD;

  /**
   * Refuses {@code p}, whose first bytes (decompressed if {@code byName}, a codec chosen by its
   * name) are {@code head}, at least {@value #HEAD} of them where the file has as many, if it is
   * a tar archive (as the CLI tells one: {@link InputFiles#isTar}), also one compressed by gzip
   * under a name without {@code .gz} ({@code .tgz}); if it holds gzip data under such a name; or
   * data of a format neither Hadoop nor the CLI decompresses.
   *
   * @throws CikuException (bad data, naming the file, as the CLI says it) if the first bytes of
   *     gzip data under another name cannot be decompressed
   */
  private static void refuseNonText(Configuration conf, Path p, byte[] head, boolean byName)
      throws IOException {
    boolean gzipByBytes = !byName && head.length >= 2
        && InputFiles.isGzipMagic(head[0] & 0xFF, head[1] & 0xFF);
    // With gzip data under another name, what the CLI, which goes by the bytes, reads.
    if (InputFiles.isTar(gzipByBytes ? gunzippedHead(conf, p) : head)) {
      // The CLI's line, but for its way out: the jobs read files, not a pipe.
      throw new CikuException(CikuException.NO_INPUT, p + ": a tar archive; the jobs read text,"
          + " so extract its files first: 'tar -xOf FILE > FILE.txt'");
    }
    if (gzipByBytes) {
      throw new CikuException(CikuException.NO_INPUT, p + ": gzip data in a file not named"
          + " .gz, which Hadoop reads as text (it picks a codec by the name); name it FILE.gz");
    }
    InputFiles.Unsupported other = InputFiles.Unsupported.byMagic(head);
    if (other != null) {
      throw new CikuException(CikuException.NO_INPUT, p + ": " + other.format() + " data,"
          + " which the jobs do not decompress (Hadoop decompresses .gz and .bz2 files);"
          + " decompress it first ('" + other.unpack() + " FILE > FILE.txt')");
    }
  }

  /**
   * Up to {@value #HEAD} first bytes of {@code p}, which holds gzip data, decompressed as the CLI
   * decompresses them.
   *
   * @throws CikuException (bad data, naming {@code p}) if they are truncated or corrupt
   */
  private static byte[] gunzippedHead(Configuration conf, Path p) throws IOException {
    try (InputStream in = InputFiles.gunzip(fs(conf, p).open(p), p.toString())) {
      return in.readNBytes(HEAD);
    } catch (InputFiles.CorruptInputException e) {
      throw new CikuException(CikuException.DATA, e.getMessage());
    }
  }

  /**
   * Up to {@code n} first bytes of {@code p}, decompressed by the codec its name gives.
   *
   * @throws CikuException (missing input) if the codec cannot run here (a {@code .zst} file
   *     where Hadoop's native library lacks zstd); (bad data, naming the file) if it is named
   *     {@code .gz} but does not start as gzip data does, or its first bytes are truncated or
   *     corrupt compressed data (an I/O error of the codec, or its decoder's fault: {@link
   *     DamagedInput#isDecoderFault}), which a task would fail on without naming it
   */
  private static byte[] head(Configuration conf, CompressionCodecFactory codecs, Path p, int n)
      throws IOException {
    CompressionCodec codec = codecs.getCodec(p);
    if (codec == null) {
      try (InputStream raw = fs(conf, p).open(p)) {
        return raw.readNBytes(n);
      }
    }
    try (org.apache.hadoop.fs.FSDataInputStream raw = fs(conf, p).open(p)) {
      if (".gz".equals(codec.getDefaultExtension())) {
        byte[] magic = raw.readNBytes(2);
        if (magic.length > 0 && (magic.length < 2
            || !InputFiles.isGzipMagic(magic[0] & 0xFF, magic[1] & 0xFF))) {
          // Hadoop would fail in a task, saying neither which file nor why.
          throw new CikuException(CikuException.DATA, name(p) + ": not gzip data,"
              + " though named .gz (it does not start as gzip does); if it is text, rename it"
              + " without .gz");
        }
        raw.seek(0);
      }
      try (InputStream in = codec.createInputStream(raw)) {
        return in.readNBytes(n);
      } catch (IOException | RuntimeException | LinkageError e) {
        if (e instanceof IOException || DamagedInput.isDecoderFault(e)) {
          // The file opened: its first bytes are truncated or corrupt compressed data (an I/O
          // error of the codec, or its decoder's fault: bzip2's on a damaged block header).
          throw new CikuException(CikuException.DATA, name(p) + ": truncated or corrupt"
              + " compressed data (" + e + ")");
        }
        // The codec cannot run here (a native library missing), whatever the data.
        throw new CikuException(CikuException.NO_INPUT, p + ": Hadoop cannot decompress it"
            + " here (" + e.getMessage() + "); decompress it first");
      }
    }
  }

  private static FileSystem fs(Configuration conf, Path p) throws IOException {
    return p.getFileSystem(conf);
  }

  /** How {@link #lines} finds a split's file in a map of encodings: its qualified path. */
  private static String key(FileSystem fs, Path p) {
    return fs.makeQualified(p).toString();
  }

  /**
   * The text lines of {@code files} (line ends removed, malformed bytes replaced by U+FFFD, as
   * Spark's {@code textFile} gives them), in at least {@code minPartitions} partitions where the
   * files can be split (a .gz file is one partition), decoded from {@code charset}, or with
   * {@code byFile} (from {@link Listing#encodings}) from each file's own encoding.
   */
  static JavaRDD<String> lines(JavaSparkContext sc, List<FileStatus> files, int minPartitions,
      Charset charset, Map<String, String> byFile) throws IOException {
    if (files.isEmpty()) {
      return sc.emptyRDD();
    }
    // The carriage return of a CRLF end is removed below.
    JavaPairRDD<LongWritable, Text> pairs = splitLines(sc, files, minPartitions);
    String name = charset.name();
    HashMap<String, String> encodings = byFile == null ? null : new HashMap<>(byFile);
    HashMap<String, String> shown = names(sc.hadoopConfiguration(), files);
    HashMap<String, String> compressed = DamagedInput.formats(sc.hadoopConfiguration(), files);
    // A split knows its file, so each line is decoded by its own file's encoding, and damaged
    // compressed data is reported naming its file.
    return ((JavaNewHadoopRDD<LongWritable, Text>) pairs).mapPartitionsWithInputSplit(
        (split, it) -> decoded(DamagedInput.named(it, split, compressed, shown),
            encodings == null ? name : encodingOf(encodings, split), false),
        true);
  }

  /**
   * The texts of the records of {@code files} read as {@code options} say (JSON lines, TSV or
   * CSV: {@link Records}), one string per record ("" for a record without its text), in the order
   * the CLI reads them: JSON and TSV lines in at least {@code minPartitions} partitions where the
   * files can be split, the header of {@code --skip-header} dropped from the split that starts
   * each file; CSV files one partition each, read whole ({@link WholeFileLines}), since a quoted
   * field may span lines. Decoded as {@link #lines} decodes.
   *
   * <p>No pass runs here: each split read to its end counts its records without the text ({@link
   * RecordTally}), and once the job's first pass has read them all, {@link
   * InputText#firstPassDone} tells {@code warnings}, for each file that has some, the CLI's warning
   * (and for CSV its warnings about quotes), or fails as the CLI does if no record of any file
   * holds the text. Cost: tasks send the driver a few counters each.
   */
  static InputText records(JavaSparkContext sc, List<FileStatus> files, int minPartitions,
      Charset charset, Map<String, String> byFile, ReaderOptions options,
      Consumer<String> warnings) throws IOException {
    if (files.isEmpty()) {
      return InputText.of(sc.emptyRDD());
    }
    boolean csv = options.format() == InputFormat.CSV;
    JavaNewHadoopRDD<LongWritable, Text> pairs = (JavaNewHadoopRDD<LongWritable, Text>)
        (csv ? wholeFiles(sc, files) : splitLines(sc, files, minPartitions));
    String name = charset.name();
    HashMap<String, String> encodings = byFile == null ? null : new HashMap<>(byFile);
    HashMap<String, String> shown = names(sc.hadoopConfiguration(), files);
    HashMap<String, String> compressed = DamagedInput.formats(sc.hadoopConfiguration(), files);
    RecordFormat format = new RecordFormat(options);
    RecordTally tally = RecordTally.register(sc);
    JavaRDD<String> texts = pairs.mapPartitionsWithInputSplit((split, it) -> records(split,
        DamagedInput.named(it, split, compressed, shown), format.options(),
        encodings == null ? name : encodingOf(encodings, split), shown, tally), true);
    return InputText.records(texts, tally, options, shown, files.size(), warnings);
  }

  /**
   * Where the text is in a record, sent to the tasks (reader options are not serializable; the
   * tasks need no more of them).
   */
  private record RecordFormat(InputFormat format, String field, int column, boolean skipHeader)
      implements java.io.Serializable {
    RecordFormat(ReaderOptions o) {
      this(o.format(), o.field(), o.column(), o.skipHeader());
    }

    ReaderOptions options() {
      return new ReaderOptions(StandardCharsets.UTF_8, format, field, column, false, false, false,
          skipHeader);
    }
  }

  /**
   * The texts of the records of the lines of {@code split} ({@code it}), decoded from {@code
   * charset}: JSON and TSV lines without their carriage return, as {@link #lines} gives them; CSV
   * lines (from {@link WholeFileLines}) as they are. Read to its end, the split puts its count of
   * records without the text into {@code tally}.
   */
  private static Records records(InputSplit split, Iterator<Tuple2<LongWritable, Text>> it,
      ReaderOptions options, String charset, Map<String, String> names, RecordTally tally) {
    FileSplit file = (FileSplit) split;
    boolean csv = options.format() == InputFormat.CSV;
    Iterator<String> lines = decoded(it, charset, csv);
    String path = file.getPath().toString();
    return new Records(lines, options, file.getStart() == 0, names.getOrDefault(path, path),
        r -> tally.put(path, file.getStart(), r.skipped(), r.warnings()));
  }

  /**
   * The name of each of {@code files} in messages, by qualified path (as a split names its
   * file): the path of a local file, the URI of another.
   */
  static HashMap<String, String> names(Configuration conf, List<FileStatus> files)
      throws IOException {
    HashMap<String, String> out = new java.util.LinkedHashMap<>();
    for (FileStatus f : files) {
      Path p = f.getPath();
      out.put(key(fs(conf, p), p), isLocal(f) ? p.toUri().getPath() : p.toString());
    }
    return out;
  }

  /** The files' lines, in splits of at most their total length / {@code minPartitions}. */
  private static JavaPairRDD<LongWritable, Text> splitLines(JavaSparkContext sc,
      List<FileStatus> files, int minPartitions) throws IOException {
    Job job = Job.getInstance(sc.hadoopConfiguration());
    // Lines end at a line feed only, as in the CLI: Hadoop's default also ends one at a lone
    // carriage return (old Mac text), which the CLI reads as a clause boundary inside a line.
    job.getConfiguration().set("textinputformat.record.delimiter", "\n");
    FileInputFormat.setInputPaths(job, files.stream().map(FileStatus::getPath)
        .toArray(Path[]::new));
    long total = files.stream().mapToLong(FileStatus::getLen).sum();
    // As textFile's minimum: splits of at most total / P bytes (rounded down) give P or more.
    FileInputFormat.setMaxInputSplitSize(job, Math.max(1, total / Math.max(1, minPartitions)));
    return sc.newAPIHadoopRDD(job.getConfiguration(), NamedFiles.class, LongWritable.class,
        Text.class);
  }

  /** The files' lines with their line feeds, one split per file ({@link WholeFileLines}). */
  private static JavaPairRDD<LongWritable, Text> wholeFiles(JavaSparkContext sc,
      List<FileStatus> files) throws IOException {
    Job job = Job.getInstance(sc.hadoopConfiguration());
    FileInputFormat.setInputPaths(job, files.stream().map(FileStatus::getPath)
        .toArray(Path[]::new));
    return sc.newAPIHadoopRDD(job.getConfiguration(), WholeFileLines.class, LongWritable.class,
        Text.class);
  }

  private static String encodingOf(Map<String, String> encodings, InputSplit split) {
    String file = ((FileSplit) split).getPath().toString();
    String name = encodings.get(file);
    if (name == null) {
      throw new IllegalStateException("no encoding was detected for " + file);
    }
    return name;
  }

  /**
   * The values of {@code it} decoded from {@code charset} as the CLI decodes (the reader reuses
   * each Text): a malformed sequence is one U+FFFD, and the character after it is kept. The
   * carriage return of a CRLF end is dropped unless {@code keepCr} (CSV lines, whose records
   * {@link Records} ends).
   */
  private static Iterator<String> decoded(Iterator<Tuple2<LongWritable, Text>> it,
      String charset, boolean keepCr) {
    Charset cs = Charset.forName(charset);
    boolean utf8 = cs.equals(StandardCharsets.UTF_8);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public String next() {
        Text t = it.next()._2();
        int n = keepCr ? t.getLength() : withoutCr(t);
        if (!utf8) {
          return Encodings.decode(t.getBytes(), 0, n, cs);
        }
        try {
          return Text.decode(t.getBytes(), 0, n); // as lines decodes UTF-8
        } catch (java.nio.charset.CharacterCodingException e) {
          throw new IllegalStateException(e); // not thrown: malformed bytes are replaced
        }
      }
    };
  }

  /** The length of a line's bytes without the carriage return of a CRLF line end. */
  private static int withoutCr(Text t) {
    int n = t.getLength();
    return n > 0 && t.getBytes()[n - 1] == '\r' ? n - 1 : n;
  }

  /**
   * Text input of exactly the files set as input paths: no name is hidden, nothing listed; a
   * reader that starts on damaged compressed data names the file ({@link DamagedInput#starting}).
   */
  public static final class NamedFiles extends TextInputFormat {
    /** Hadoop's line reader, whose start, if it decodes damaged data, names the file. */
    @Override
    public org.apache.hadoop.mapreduce.RecordReader<LongWritable, Text> createRecordReader(
        InputSplit split, org.apache.hadoop.mapreduce.TaskAttemptContext context) {
      return DamagedInput.starting(super.createRecordReader(split, context), split,
          context.getConfiguration());
    }

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
