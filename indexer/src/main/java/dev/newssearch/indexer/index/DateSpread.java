package dev.newssearch.indexer.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import dev.newssearch.core.schema.Fields;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spread of paragraph dates in an index, per file and per year, with the evidence for them, so a user sees
 * at a glance that a volume was dated as expected (a 1998 volume should not show 2020, nor be mostly undated).
 *
 * @param years     paragraphs per year, in order
 * @param undated   paragraphs without a date
 * @param files     per file, by name
 */
public record DateSpread(Map<String, Long> years, long undated, List<FileDates> files) {

  /**
   * @param first    the earliest date of the file's paragraphs, null when none is dated
   * @param last     the latest
   * @param days     distinct dates
   * @param evidence paragraphs per {@code date_evidence} value
   */
  public record FileDates(String file, long paragraphs, long undated, String first, String last, long days,
      Map<String, Long> evidence) {}

  static DateSpread query(ElasticsearchClient client, String index, int maxFiles) throws IOException {
    var r = client.search(s -> s.index(index).size(0)
        .aggregations("years", a -> a.dateHistogram(h -> h.field(Fields.DATE).calendarInterval(CalendarInterval.Year)
            .format("yyyy").minDocCount(1)))
        .aggregations("undated", a -> a.missing(m -> m.field(Fields.DATE)))
        .aggregations("files", a -> a.terms(t -> t.field(Fields.FILE).size(maxFiles))
            .aggregations(Map.of(
                "first", Aggregation.of(x -> x.min(m -> m.field(Fields.DATE).format("yyyy-MM-dd"))),
                "last", Aggregation.of(x -> x.max(m -> m.field(Fields.DATE).format("yyyy-MM-dd"))),
                "days", Aggregation.of(x -> x.cardinality(c -> c.field(Fields.DATE))),
                "undated", Aggregation.of(x -> x.missing(m -> m.field(Fields.DATE))),
                "evidence", Aggregation.of(x -> x.terms(t -> t.field(Fields.DATE_EVIDENCE).size(20)))))),
        Void.class);
    Map<String, Long> years = new LinkedHashMap<>();
    for (var b : r.aggregations().get("years").dateHistogram().buckets().array()) years.put(b.keyAsString(), b.docCount());
    List<FileDates> files = new ArrayList<>();
    for (StringTermsBucket b : r.aggregations().get("files").sterms().buckets().array()) {
      Map<String, Aggregate> sub = b.aggregations();
      Map<String, Long> evidence = new LinkedHashMap<>();
      for (StringTermsBucket e : sub.get("evidence").sterms().buckets().array()) evidence.put(e.key().stringValue(), e.docCount());
      long undated = sub.get("undated").missing().docCount();
      boolean dated = b.docCount() > undated;
      files.add(new FileDates(b.key().stringValue(), b.docCount(), undated,
          dated ? sub.get("first").min().valueAsString() : null, dated ? sub.get("last").max().valueAsString() : null,
          sub.get("days").cardinality().value(), evidence));
    }
    files.sort((a, b) -> a.file().compareTo(b.file()));
    return new DateSpread(years, r.aggregations().get("undated").missing().docCount(), files);
  }

  /** Years on one line, then one line per file (at most {@code maxLines}). */
  public void print(PrintWriter out, int maxLines) {
    StringBuilder y = new StringBuilder();
    years.forEach((year, n) -> y.append(year).append(' ').append(n).append("  "));
    out.printf("dates     %sundated %d%n", y, undated);
    int shown = 0;
    for (FileDates f : files) {
      if (shown++ == maxLines) {
        out.printf("  ... and %d more files%n", files.size() - maxLines);
        break;
      }
      String range = f.first() == null ? "no dates" : f.first().equals(f.last()) ? f.first() : f.first() + " .. " + f.last();
      out.printf("  %-32s %-24s %3d days  %4d/%d undated  %s%n", f.file(), range, f.days(), f.undated(), f.paragraphs(),
          f.evidence());
    }
  }
}
