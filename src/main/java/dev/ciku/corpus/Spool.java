package dev.ciku.corpus;

import dev.ciku.io.OutputException;
import dev.ciku.io.TempFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a corpus readable twice: inputs that can be read only once (standard input, a pipe, a
 * FIFO, a process substitution, {@code /dev/stdin}; see {@link CorpusInput#isStream}) are copied
 * to temporary files (deleted on {@link #close}), still named as given in messages; regular files
 * are left as they are. Standard input named more than once is read once. Used by commands that
 * need two passes.
 *
 * <p>Cost of {@link #of}: one copy of each stream input to the temporary directory (disk speed;
 * the disk space of the input as stored); regular files cost nothing. Not thread-safe while
 * built; afterwards {@link #inputs} may be read from several threads, and {@link #close} is
 * called once, when no input is being read.
 */
public final class Spool implements AutoCloseable {
  private final List<CorpusInput> inputs;
  private final List<Path> temps;

  private Spool(List<CorpusInput> inputs, List<Path> temps) {
    this.inputs = inputs;
    this.temps = temps;
  }

  /** Copies the stream inputs among {@code inputs} to files in {@code dir}. */
  public static Spool of(List<CorpusInput> inputs, Path dir) throws IOException {
    List<Path> temps = new ArrayList<>();
    if (inputs.stream().noneMatch(CorpusInput::isStream)) {
      return new Spool(inputs, temps);
    }
    Spool spool = new Spool(new ArrayList<>(), temps);
    try {
      boolean stdinCopied = false;
      for (CorpusInput i : inputs) {
        if (!i.isStream()) {
          spool.inputs.add(i);
          continue;
        }
        if (i.isStdin()) {
          if (stdinCopied) {
            continue;
          }
          stdinCopied = true;
        }
        boolean gz = i.path() != null && i.path().getFileName().toString()
            .toLowerCase(java.util.Locale.ROOT).endsWith(".gz");
        Path temp = TempFiles.create(dir, "ciku-input-", gz ? ".gz" : ".txt");
        temps.add(temp);
        try (InputStream in = i.openRaw();
            OutputStream out = Files.newOutputStream(temp)) {
          byte[] buf = new byte[1 << 16];
          for (int n; (n = in.read(buf)) >= 0; ) {
            try {
              out.write(buf, 0, n);
            } catch (IOException e) {
              // The copy's error (a full disk), said as every temporary file's, not the input's.
              throw OutputException.of("temporary file " + temp, e);
            }
          }
        }
        spool.inputs.add(CorpusInput.copyOf(i, temp));
      }
      return spool;
    } catch (IOException | RuntimeException e) {
      spool.close();
      throw e;
    }
  }

  /** The inputs, each readable any number of times. */
  public List<CorpusInput> inputs() {
    return inputs;
  }

  @Override
  public void close() throws IOException {
    for (Path temp : temps) {
      TempFiles.delete(temp);
    }
  }
}
