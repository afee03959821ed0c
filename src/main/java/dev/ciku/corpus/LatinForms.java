package dev.ciku.corpus;

import java.io.Serializable;

/**
 * The Latin forms of a {@link UnitTable}, as written in the input, in order of first appearance,
 * with how often each was read: what rebuilds the table elsewhere ({@link UnitTable#addAll}),
 * with the same unit ids and the same written forms (a cluster job's tasks, a merge of tables
 * read apart). The arrays are the record's own: neither side changes them once made.
 *
 * @param forms the forms, in order of first appearance
 * @param counts occurrences of each form (0 for a form registered but not read)
 */
public record LatinForms(String[] forms, long[] counts) implements Serializable {
  public LatinForms {
    if (forms.length != counts.length) {
      throw new IllegalArgumentException(forms.length + " forms, " + counts.length + " counts");
    }
  }

  /** Number of forms. */
  public int size() {
    return forms.length;
  }
}
