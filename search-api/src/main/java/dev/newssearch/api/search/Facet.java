package dev.newssearch.api.search;

import dev.newssearch.core.schema.Fields;

/** The facet fields: the query parameter that filters on one, its key in the response, its field. */
public enum Facet {
  PERSONS("person", "persons", Fields.PERSONS),
  REPORTERS("reporter", "reporters", Fields.REPORTERS),
  PLACES("place", "places", Fields.PLACES),
  ORGANIZATIONS("org", "organizations", Fields.ORGANIZATIONS),
  SOURCES("source", "sources", Fields.SOURCE),
  FILES("file", "files", Fields.FILE);

  private final String param;
  private final String key;
  private final String field;

  Facet(String param, String key, String field) {
    this.param = param;
    this.key = key;
    this.field = field;
  }

  /** The repeatable query parameter: {@code person=习近平&person=李克强}. */
  public String param() {
    return param;
  }

  /** The key under {@code facets} in the response. */
  public String key() {
    return key;
  }

  public String field() {
    return field;
  }
}
