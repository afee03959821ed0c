package dev.ciku.domain;

import dev.ciku.corpus.ByteCounter;
import dev.ciku.corpus.Chunks;
import dev.ciku.corpus.CorpusInput;
import dev.ciku.corpus.LatinCase;
import dev.ciku.corpus.MalformedDataException;
import dev.ciku.corpus.ReaderOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

/**
 * Where {@code ciku domain} takes its reference counts from: the bundled general profile, a
 * profile file, or reference corpora, in which the candidate terms are counted once they are
 * known. A profile does not depend on the terms, so it loads in the background from the moment
 * it is chosen, while other work (reading the filter lists, counting the domain corpus) runs.
 *
 * <p>Stateless; the sources it returns are used by one run.
 */
public final class ReferenceSources {
  private ReferenceSources() {}

  /**
   * The bundled general-Chinese profile ({@link ReferenceProfile#bundled}), loading now, for a
   * domain corpus read with {@code latinCase}.
   */
  public static Loading bundled(LatinCase latinCase) {
    return inBackground(() -> ReferenceProfile.bundled(latinCase));
  }

  /**
   * The reference {@code inputs} (files that can be read twice; {@code name}: how the user gave
   * them): a profile, loading now for a domain corpus read as {@code reader} says (its case of
   * Latin letters), if they are one profile; otherwise the corpora, read when the
   * terms are asked for ({@link CorpusReference#count}), which then fails with
   * {@link MalformedDataException} if they hold no text ({@link #check} finds that out first).
   *
   * @throws IllegalArgumentException if a profile is one of several inputs
   */
  public static DomainTermMiner.ReferenceSource of(List<CorpusInput> inputs, String name,
      ReaderOptions reader, Consumer<String> warnings) {
    for (CorpusInput in : inputs) {
      if (ReferenceProfile.isProfile(in.path())) {
        if (inputs.size() == 1) {
          Path p = in.path();
          String given = in.name();
          LatinCase latinCase = reader.latinCase();
          return inBackground(() -> ReferenceProfile.load(p, given, latinCase));
        }
        throw new IllegalArgumentException("--reference " + in.name() + " is a profile: a"
            + " profile must be the only --reference (give it alone, or corpora only)");
      }
    }
    return new Corpora(inputs, name, reader, warnings);
  }

  /**
   * Checks a reference the user gave before the domain corpus is read, so that a reference that
   * cannot serve fails at once rather than after the mining: a profile is waited for (a damaged
   * one throws its loading error), corpora are read up to their first unit ({@link Corpora}).
   *
   * @throws MalformedDataException if the reference is damaged or holds no text
   */
  public static void check(DomainTermMiner.ReferenceSource source) throws IOException {
    if (source instanceof Loading loading) {
      loading.await();
    } else if (source instanceof Corpora corpora) {
      corpora.requireText();
    }
  }

  /**
   * The warning for a domain corpus read with {@code latinCase} against {@code source}, named
   * {@code name}, or null: a profile whose case cannot match ({@link
   * ReferenceProfile#caseWarning}; waits for it to load); reference corpora are read as the
   * domain corpus is, so never.
   */
  public static String caseWarning(DomainTermMiner.ReferenceSource source, LatinCase latinCase,
      String name) throws IOException {
    return source instanceof Loading loading ? loading.await().caseWarning(latinCase, name)
        : null;
  }

  /** Reference corpora, in which the terms are counted when they are asked for. */
  private static final class Corpora implements DomainTermMiner.ReferenceSource {
    private final List<CorpusInput> inputs;
    private final String name;
    private final ReaderOptions reader;
    private final Consumer<String> warnings;

    Corpora(List<CorpusInput> inputs, String name, ReaderOptions reader,
        Consumer<String> warnings) {
      this.inputs = inputs;
      this.name = name;
      this.reader = reader;
      this.warnings = warnings;
    }

    /**
     * Reads the corpora up to their first unit, silently (the counting pass reports their
     * malformed bytes). Cost: usually a block of the first input; all of them when they hold no
     * unit.
     *
     * @throws MalformedDataException if they hold no text, or their data are damaged
     */
    void requireText() throws IOException {
      if (!CorpusReference.holdsText(inputs, reader)) {
        throw noText();
      }
    }

    @Override
    public ReferenceCounts counts(Set<String> terms) throws IOException {
      CorpusReference counts = CorpusReference.count(terms, inputs, reader, new ByteCounter(),
          warnings, name);
      if (counts.positions() == 0) {
        throw noText();
      }
      return counts;
    }

    private MalformedDataException noText() {
      return new MalformedDataException("reference " + name,
          "holds no text (no characters to count the terms in)");
    }
  }

  private static Loading inBackground(Callable<ReferenceProfile> load) {
    Loading l = new Loading(new FutureTask<>(load));
    Thread t = new Thread(l.task, "ciku-profile-load");
    t.setDaemon(true);
    t.start();
    return l;
  }

  /** A profile loading in the background: its counts, once loaded, whatever the terms. */
  public static final class Loading implements DomainTermMiner.ReferenceSource {
    private final FutureTask<ReferenceProfile> task;

    private Loading(FutureTask<ReferenceProfile> task) {
      this.task = task;
    }

    /** Waits for the profile; its loading error (a damaged file) is thrown as it was. */
    public ReferenceProfile await() throws IOException {
      return Chunks.await(task);
    }

    @Override
    public ReferenceCounts counts(Set<String> terms) throws IOException {
      return await();
    }
  }
}
