package dev.ciku.discover;

import dev.ciku.corpus.UnitTable;
import dev.ciku.count.GramIndex;
import java.io.IOException;

/**
 * The cut pass of {@link WordDiscoverer} run elsewhere, e.g. distributed over a cluster
 * ({@link WordDiscoverer#withCutPass}). It must cut the same corpus the counts came from with a
 * {@link Cutter} (or an equivalent) and add every fragment it counted.
 *
 * <p>Called once per discovery run, on the thread that runs it; {@code into} is not
 * thread-safe, so an implementation that cuts on several threads (or machines) sums their
 * fragments before adding them. An implementation used by concurrent runs must be thread-safe.
 */
@FunctionalInterface
public interface CutPass {
  /**
   * Cuts the corpus at every gap not covered by a gram of {@code g} (grams of 2..{@code gMax}
   * units) and adds what {@link Cutter}s would count to {@code into}, the number of fragments
   * included; fragments longer than {@code maxLength} units are only segmented
   * ({@link CutFragments#segmentOnly}).
   *
   * @param units the unit table of the counts (read-only: the corpus has no other units)
   */
  void cut(GramIndex g, int gMax, int maxLength, UnitTable units, CutFragments into)
      throws IOException;
}
