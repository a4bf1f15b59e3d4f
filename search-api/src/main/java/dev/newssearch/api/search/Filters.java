package dev.newssearch.api.search;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the user narrowed the search to. Values of one facet are OR-ed, facets are AND-ed, dates
 * are inclusive and either may be null.
 */
public record Filters(Map<Facet, List<String>> facets, LocalDate dateFrom, LocalDate dateTo) {
  public Filters {
    var copy = new EnumMap<Facet, List<String>>(Facet.class);
    facets.forEach((k, v) -> {
      if (v != null && !v.isEmpty()) {
        copy.put(k, List.copyOf(v));
      }
    });
    facets = java.util.Collections.unmodifiableMap(copy);
  }

  public static final Filters NONE = new Filters(Map.of(), null, null);

  public List<String> selected(Facet facet) {
    return facets.getOrDefault(facet, List.of());
  }
}
