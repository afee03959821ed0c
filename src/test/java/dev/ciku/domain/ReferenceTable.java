package dev.ciku.domain;

import java.util.Map;

/** Reference counts from a map, for tests: terms it lacks count 0. */
final class ReferenceTable {
  private ReferenceTable() {}

  static ReferenceCounts of(Map<String, Long> counts, long positions) {
    return new ReferenceCounts() {
      @Override
      public long count(String term) {
        return counts.getOrDefault(term, 0L);
      }

      @Override
      public long positions() {
        return positions;
      }

      @Override
      public String describe() {
        return "table";
      }
    };
  }
}
