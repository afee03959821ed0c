package dev.ciku.cli;

import dev.ciku.corpus.BinaryData;
import dev.ciku.corpus.BundledData;
import dev.ciku.corpus.CorpusInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks the inputs a command names before it reads any, alike for every command: standard input
 * ({@code -}, {@code /dev/stdin}, {@code /dev/fd/0}) is read by at most one argument (a corpus
 * given no INPUT reads it, which counts); an auxiliary file (a lexicon, word list, vocabulary,
 * gold file) is not a directory; a store is a regular file (it is memory-mapped); no output
 * ({@code -o}, or standard output redirected to a file when there is no {@code -o}) is a file
 * that an argument reads: named, inside a directory argument, or standard input redirected from
 * it ({@code ciku segment f >> f} would read what it appends). A failed check is a
 * {@link CikuException}: a
 * usage error (2) for standard input named twice or an output that is also an input, missing
 * input (66) for a directory, a missing auxiliary file (named with its option) or a store that
 * is not a file.
 *
 * <p>Cost: one file-status call per file named, and a walk of each directory argument when an
 * output file exists already. Not thread-safe; one instance per command run. Public for the
 * Spark jobs, which check the local files among their inputs with it.
 */
public final class InputChecks {
  /** The arguments that name standard input. */
  private static final Set<String> STDIN = Set.of("-", "/dev/stdin", "/dev/fd/0",
      "/proc/self/fd/0");
  /** The file standard input is, when it is redirected from one (Linux; elsewhere no file). */
  private static final Path STDIN_FILE = Path.of("/proc/self/fd/0");
  /** What standard output is called as an output. */
  private static final String STDOUT = "standard output";

  /** The file standard output is, when it is redirected to one (no file elsewhere). */
  private final Path stdoutFile;

  /** Checks of this process's inputs and outputs (standard output: {@code /proc/self/fd/1}). */
  public InputChecks() {
    this(Path.of("/proc/self/fd/1"));
  }

  /** As {@link #InputChecks()}, with standard output taken to be {@code stdoutFile}. */
  InputChecks(Path stdoutFile) {
    this.stdoutFile = stdoutFile;
  }

  /** How each argument that reads standard input was given, in order. */
  private final List<String> stdinUses = new ArrayList<>();
  /** A file argument of an option ({@code INPUT} for the corpus). */
  private record Named(String option, Path file) {
    @Override
    public String toString() {
      return option.equals(STDOUT) ? STDOUT + " (redirected to " + file + ")"
          : option + " " + file;
    }
  }

  /** Every file argument read (not standard input). */
  private final List<Named> read = new ArrayList<>();
  /** The outputs that are files. */
  private final List<Named> written = new ArrayList<>();

  private void reads(String option, String file) {
    if (!isStdin(file)) {
      read.add(new Named(option, Path.of(file)));
    }
  }

  /** Whether {@code arg} names standard input. */
  static boolean isStdin(String arg) {
    return STDIN.contains(arg);
  }

  /**
   * How the corpus tells binary files from text ({@link #corpus(List, boolean, BinaryData)}), or
   * null when unknown: then every file of a directory argument counts as read.
   */
  private BinaryData binary;

  /**
   * The corpus arguments (files, directories, {@code -}), read as {@code binary} tells binary
   * files from text: a binary file inside a directory argument is skipped when the corpus is
   * read, so an output that is one (a store written into the corpus's directory by an earlier
   * run) is no input; none given reads standard input if {@code defaultsToStdin}.
   */
  public InputChecks corpus(List<String> inputs, boolean defaultsToStdin, BinaryData binary) {
    this.binary = binary;
    return corpus(inputs, defaultsToStdin);
  }

  /**
   * The corpus arguments (files, directories, {@code -}); none given reads standard input if
   * {@code defaultsToStdin}. Every file inside a directory argument counts as read.
   */
  public InputChecks corpus(List<String> inputs, boolean defaultsToStdin) {
    if (inputs.isEmpty()) {
      if (defaultsToStdin) {
        stdinUses.add("INPUT (none given: standard input)");
      }
      return this;
    }
    return corpus("INPUT", inputs);
  }

  /** Corpus arguments of {@code option} (files, directories, {@code -}). */
  public InputChecks corpus(String option, List<String> inputs) {
    for (String s : inputs) {
      if (isStdin(s)) {
        stdinUses.add(option + " " + s);
      }
      reads(option, s);
    }
    return this;
  }

  /** Auxiliary text files of {@code option}: each standard input or not a directory. */
  public InputChecks files(String option, List<Path> files) {
    for (Path p : files) {
      file(option, p);
    }
    return this;
  }

  /** An auxiliary text file of {@code option}, or null if not given. */
  public InputChecks file(String option, Path file) {
    if (file == null) {
      return this;
    }
    if (isStdin(file.toString())) {
      stdinUses.add(option + " " + file);
    } else if (Files.isDirectory(file)) {
      throw new CikuException(CikuException.NO_INPUT,
          option + " " + file + " is a directory, not a file");
    } else if (option.startsWith("-") && !Files.exists(file)) {
      // Named with its option: "cannot open /x" alone does not say which of several files.
      throw new CikuException(CikuException.NO_INPUT,
          "cannot open " + option + " " + file + ": no such file or directory");
    }
    reads(option, file.toString());
    return this;
  }

  /**
   * Data files of ciku's {@code dict/} that the command reads ({@code dict/stopwords.txt}...):
   * those read from ciku's {@code dict/} beside the jar ({@link BundledData#besideJar}, as
   * {@code bin/ciku} runs) are files an output must not replace; copies in the jar are none.
   */
  public InputChecks bundled(String... names) {
    for (String name : names) {
      bundledFile(BundledData.besideJar(name));
    }
    return this;
  }

  /** A bundled data file read from {@code file}, or null if read from the jar. */
  InputChecks bundledFile(Path file) {
    if (file != null) {
      read.add(new Named("ciku's bundled data", file));
    }
    return this;
  }

  /**
   * A store of {@code option}, or null if not given: a regular file (a missing one is left to
   * the store's own message).
   */
  public InputChecks store(String option, Path file) {
    if (file == null) {
      return this;
    }
    if (Files.isDirectory(file)) {
      throw new CikuException(CikuException.NO_INPUT,
          option + " " + file + " is a directory, not a file");
    }
    if (isStdin(file.toString()) || Files.exists(file) && !Files.isRegularFile(file)) {
      throw new CikuException(CikuException.NO_INPUT, option
          + " needs a regular file (a store is memory-mapped), not a pipe or a device: " + file);
    }
    reads(option, file.toString());
    return this;
  }

  /**
   * An output file of {@code option}, or null if not given; with {@code -o} not given the
   * output is standard output, which is checked as a file when it is redirected to one.
   */
  public InputChecks output(String option, Path file) {
    if (file != null) {
      written.add(new Named(option, file));
    } else if (option.equals("-o")) {
      Path target = stdoutTarget();
      if (target != null) {
        written.add(new Named(STDOUT, target));
      }
    }
    return this;
  }

  /** The regular file standard output is redirected to, or null. */
  private Path stdoutTarget() {
    try {
      return Files.isRegularFile(stdoutFile) ? stdoutFile.toRealPath() : null;
    } catch (java.io.IOException | SecurityException e) {
      return null;
    }
  }

  /**
   * Fails if more than one argument reads standard input, naming the first two, or if an output
   * is a regular file that an argument reads (under any name: a link, another path), which
   * writing it would replace.
   */
  public void check() {
    if (stdinUses.size() > 1) {
      throw new CikuException(CikuException.USAGE, "standard input can be read by one argument"
          + " only, not by both " + stdinUses.get(0) + " and " + stdinUses.get(1));
    }
    for (Named out : written) {
      if (!Files.isRegularFile(out.file())) {
        continue;
      }
      if (!stdinUses.isEmpty() && sameFile(out.file(), STDIN_FILE)) {
        throw new CikuException(CikuException.USAGE, out + " is also read (" + stdinUses.get(0)
            + ", redirected from it): writing it would " + verb(out) + " that input");
      }
      for (Named in : read) {
        if (sameFile(out.file(), in.file())) {
          throw new CikuException(CikuException.USAGE, out + " is also read (" + in
              + "): writing it would " + verb(out) + " that input");
        }
        Path inside = Files.isDirectory(in.file()) ? fileUnder(in.file(), out.file(), binary)
            : null;
        if (inside != null) {
          throw new CikuException(CikuException.USAGE, out + " is also read (" + inside
              + ", a file of " + in + "): writing it would " + verb(out) + " that input");
        }
      }
    }
  }

  /**
   * The file of the directory input {@code dir} that is {@code out}, as the corpus reader would
   * walk it (hidden entries skipped, links to files followed; with {@code binary}, binary files
   * skipped too), or null. Cost: a walk of the directory and a file-status call per file in it,
   * and a read of the first block of the one that is {@code out}; only made for an output that
   * exists.
   */
  private static Path fileUnder(Path dir, Path out, BinaryData binary) {
    try {
      for (CorpusInput f : CorpusInput.expand(List.of(dir.toString()))) {
        if (f.path() != null && sameFile(out, f.path())) {
          return binary != null && CorpusInput.isBinary(f, binary) ? null : f.path();
        }
      }
    } catch (java.io.IOException e) {
      // A directory that cannot be listed is reported when it is read.
    }
    return null;
  }

  /** What writing {@code out} does to an input it is: standard output appends or truncates. */
  private static String verb(Named out) {
    return out.option().equals(STDOUT) ? "change" : "replace";
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.isRegularFile(b) && Files.isSameFile(a, b);
    } catch (java.io.IOException e) {
      return false; // an unreadable input is reported when it is read
    }
  }
}
