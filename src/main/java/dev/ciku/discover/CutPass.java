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
   * @return the units the pass read, with which a discoverer given a store checks that the store
   *     was counted from this corpus (as it checks its own cut pass); null if the pass did not
   *     count them (the counts are this corpus's, made in the same run)
   */
  Read cut(GramIndex g, int gMax, int maxLength, UnitTable units, CutFragments into)
      throws IOException;

  /**
   * The units a cut pass read.
   *
   * @param counts the occurrences of each unit id of the counts' table (index: id; ids past the
   *     end occurred 0 times)
   * @param otherPositions occurrences of units that table lacks (Latin runs the counted corpus
   *     did not have), which make the positions differ
   */
  record Read(long[] counts, long otherPositions) {}
}
