package dev.newssearch.api.http;

import dev.newssearch.api.query.QueryParser;
import dev.newssearch.api.query.QueryText;
import dev.newssearch.api.search.Cursor;
import dev.newssearch.api.search.Facet;
import dev.newssearch.api.search.Filters;
import dev.newssearch.api.search.Interval;
import dev.newssearch.api.search.SearchRequest;
import dev.newssearch.api.search.SortOrder;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads and validates query parameters. Works on a plain multi-map so it is unit-testable without
 * a server; every refusal is an {@link ApiException} naming the parameter.
 */
public final class Params {
  static final int MAX_QUERY_CHARS = 500;
  static final int MAX_FILTER_VALUES = 50;
  static final int MAX_VALUE_CHARS = 200;
  /** The dates the index's {@code yyyy-MM-dd} format can hold (year of era: there is no year 0). */
  static final LocalDate MIN_DATE = LocalDate.of(1, 1, 1);
  static final LocalDate MAX_DATE = LocalDate.of(9999, 12, 31);

  private final Map<String, List<String>> params;

  public Params(Map<String, List<String>> params) {
    this.params = params;
  }

  public String first(String name) {
    List<String> values = params.get(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    String v = values.get(0);
    return v == null || v.isBlank() ? null : v.strip();
  }

  public boolean has(String name) {
    return first(name) != null;
  }

  public String text(String name, int maxChars) {
    String v = first(name);
    if (v != null && v.length() > maxChars) {
      throw ApiException.badParameter(name, name + " is limited to " + maxChars + " characters");
    }
    return v == null ? "" : v;
  }

  public int integer(String name, int defaultValue, int min, int max) {
    String v = first(name);
    if (v == null) {
      return defaultValue;
    }
    int n;
    try {
      n = Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw ApiException.badParameter(name, name + " must be a whole number, got '" + v + "'");
    }
    if (n < min || n > max) {
      throw ApiException.badParameter(name, name + " must be between " + min + " and " + max + ", got " + n);
    }
    return n;
  }

  public <E extends Enum<E>> E choice(String name, E defaultValue, Function<String, java.util.Optional<E>> parse,
      List<String> allowed) {
    String v = first(name);
    if (v == null) {
      return defaultValue;
    }
    return parse.apply(v).orElseThrow(() -> ApiException.badParameter(name,
        name + " must be one of " + String.join(", ", allowed) + ", got '" + v + "'"));
  }

  public Boolean bool(String name) {
    String v = first(name);
    if (v == null) {
      return null;
    }
    return switch (v) {
      case "true" -> true;
      case "false" -> false;
      default -> throw ApiException.badParameter(name, name + " must be true or false, got '" + v + "'");
    };
  }

  public LocalDate date(String name) {
    String v = first(name);
    if (v == null) {
      return null;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw ApiException.badParameter(name, name + " must be an ISO date such as 2020-03-27, got '" + v + "'");
    }
    if (date.isBefore(MIN_DATE) || date.isAfter(MAX_DATE)) {
      throw ApiException.badParameter(name, name + " must be between " + MIN_DATE + " and " + MAX_DATE
          + ", got '" + v + "'");
    }
    return date;
  }

  public Filters filters() {
    Map<Facet, List<String>> facets = new EnumMap<>(Facet.class);
    for (Facet facet : Facet.values()) {
      List<String> values = params.getOrDefault(facet.param(), List.of()).stream()
          .filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
      if (values.size() > MAX_FILTER_VALUES) {
        throw ApiException.badParameter(facet.param(),
            "at most " + MAX_FILTER_VALUES + " values of " + facet.param() + " can be combined");
      }
      for (String v : values) {
        if (v.length() > MAX_VALUE_CHARS) {
          throw ApiException.badParameter(facet.param(),
              facet.param() + " values are limited to " + MAX_VALUE_CHARS + " characters");
        }
      }
      facets.put(facet, values);
    }
    LocalDate from = date("date_from");
    LocalDate to = date("date_to");
    if (from != null && to != null && from.isAfter(to)) {
      throw ApiException.badParameter("date_to", "date_to (" + to + ") is before date_from (" + from + ")");
    }
    return new Filters(facets, from, to);
  }

  /** The parsed {@code q}, refused when it would cost more than {@link QueryCost} allows. */
  public QueryText query(QueryParser parser) {
    QueryText query = parser.parse(text("q", MAX_QUERY_CHARS));
    QueryCost.of(query).checked();
    return query;
  }

  public Interval interval(Interval defaultValue) {
    return choice("interval", defaultValue, Interval::fromParam, names(Interval.values(), Interval::param));
  }

  public SearchRequest searchRequest(QueryParser parser) {
    QueryText query = query(parser);
    Filters filters = filters();
    SortOrder sort = choice("sort", SortOrder.RELEVANCE, SortOrder::fromParam, names(SortOrder.values(), SortOrder::param));
    int size = integer("size", 10, 0, SearchRequest.MAX_SIZE);
    int facetSize = integer("facet_size", 10, 0, SearchRequest.MAX_FACET_SIZE);
    Interval interval = interval(Interval.DAY);
    Boolean collapseParam = bool("collapse");
    Cursor cursor = null;
    String cursorText = first("cursor");
    int page;
    if (cursorText != null) {
      try {
        cursor = Cursor.decode(cursorText);
      } catch (IllegalArgumentException e) {
        throw ApiException.badParameter("cursor", "cursor is not a next_cursor value returned by this API");
      }
      if (cursor.sort() != sort) {
        throw ApiException.badParameter("cursor",
            "cursor was made for sort=" + cursor.sort().param() + "; repeat the same sort with it");
      }
      if (has("page") && integer("page", 1, 1, Integer.MAX_VALUE) != 1) {
        throw ApiException.badParameter("page", "use either page or cursor, not both");
      }
      if (Boolean.TRUE.equals(collapseParam)) {
        throw ApiException.badParameter("cursor",
            "cursor paging walks every paragraph: use it with collapse=false");
      }
      page = 1;
    } else {
      page = integer("page", 1, 1, Integer.MAX_VALUE);
      long end = (long) page * Math.max(size, 1);
      if (end > SearchRequest.MAX_WINDOW) {
        throw ApiException.badParameter("page", "page " + page + " with size " + size + " goes beyond the first "
            + SearchRequest.MAX_WINDOW + " results: use cursor (next_cursor with collapse=false) for deep paging");
      }
    }
    // cursor paging cannot collapse (Elasticsearch's search_after needs the collapse field as sort)
    boolean collapse = collapseParam != null ? collapseParam : cursor == null;
    return new SearchRequest(query, filters, sort, size, page, cursor, facetSize, interval, collapse);
  }

  static <E> List<String> names(E[] values, Function<E, String> name) {
    return Arrays.stream(values).map(name).collect(Collectors.toList());
  }
}
