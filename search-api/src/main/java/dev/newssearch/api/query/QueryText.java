package dev.newssearch.api.query;

import java.util.List;

/**
 * A user's query once understood: groups that must all match (each group is satisfied by any one of
 * its alternatives, written with {@code OR}), and clauses that must not match ({@code -word}).
 *
 * @param groups   conjunction of disjunctions; empty means "everything"
 * @param excluded clauses whose documents are removed
 */
public record QueryText(List<List<Clause>> groups, List<Clause> excluded) {

  /** One word or quoted phrase, already normalised (NFKC, simplified Chinese). */
  public record Clause(String text, boolean phrase) {}

  public QueryText {
    groups = groups.stream().map(List::copyOf).toList();
    excluded = List.copyOf(excluded);
  }

  public static final QueryText EVERYTHING = new QueryText(List.of(), List.of());

  public boolean matchesEverything() {
    return groups.isEmpty();
  }
}
