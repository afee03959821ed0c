package dev.ciku.corpus;

import dev.ciku.output.TempFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a corpus readable twice: standard input is copied to a temporary file (deleted on
 * {@link #close}); files are left as they are. Used by commands that need two passes.
 */
public final class Spool implements AutoCloseable {
  private final List<CorpusInput> inputs;
  private final Path temp;

  private Spool(List<CorpusInput> inputs, Path temp) {
    this.inputs = inputs;
    this.temp = temp;
  }

  /** Copies standard input, if it is among {@code inputs}, to a file in {@code dir}. */
  public static Spool of(List<CorpusInput> inputs, Path dir) throws IOException {
    if (inputs.stream().noneMatch(CorpusInput::isStdin)) {
      return new Spool(inputs, null);
    }
    Path temp = TempFiles.create(dir, "ciku-stdin-", ".txt");
    try (InputStream in = System.in; OutputStream out = Files.newOutputStream(temp)) {
      in.transferTo(out);
    }
    List<CorpusInput> out = new ArrayList<>();
    boolean copied = false;
    for (CorpusInput i : inputs) {
      if (i.isStdin()) {
        if (!copied) {
          out.add(CorpusInput.file(temp));
          copied = true;
        }
      } else {
        out.add(i);
      }
    }
    return new Spool(out, temp);
  }

  /** The inputs, each readable any number of times. */
  public List<CorpusInput> inputs() {
    return inputs;
  }

  @Override
  public void close() throws IOException {
    if (temp != null) {
      TempFiles.delete(temp);
    }
  }
}
