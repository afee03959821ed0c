package dev.ciku.domain;

import dev.ciku.corpus.UnitTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the text of a term into the texts of its units, by the rule of
 * {@link UnitTable#toUnits(String, boolean)} (the corpus reader's: one Han character, or one
 * Latin run of letters and digits, joined by single {@code -} or {@code .}, with its combining
 * marks; full-width ASCII normalised). Returns null when the text holds anything that is not
 * part of a unit. Stateless; thread-safe as long as each thread passes its own table.
 */
final class TermUnits {
  private TermUnits() {}

  /**
   * The unit texts of {@code text}, or null; {@code table} assigns the units their ids (one table
   * may serve many terms: its Latin units are kept, nothing else changes).
   */
  static List<String> split(String text, UnitTable table) {
    int[] ids = table.toUnits(text, true);
    if (ids == null) {
      return null;
    }
    List<String> out = new ArrayList<>(ids.length);
    for (int id : ids) {
      out.add(table.text(id));
    }
    return out;
  }
}
