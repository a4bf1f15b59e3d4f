package dev.newssearch.api.http;

import dev.newssearch.api.query.QueryParser;
import dev.newssearch.api.query.QueryText;
import dev.newssearch.api.query.TextNormalizer;
import dev.newssearch.api.search.Interval;
import dev.newssearch.api.search.SearchService;
import io.javalin.http.Context;
import java.util.List;

/** HTTP I/O of the API routes: parse, validate, call the service, answer. */
public final class SearchHandlers {
  /** What every JSON answer is: raw UTF-8 (Jackson does not escape non-ASCII), and it says so. */
  public static final String JSON_UTF8 = "application/json; charset=utf-8";

  private final SearchService service;
  private final QueryParser parser;
  private final Admission admission;

  public SearchHandlers(SearchService service, QueryParser parser, Admission admission) {
    this.service = service;
    this.parser = parser;
    this.admission = admission;
  }

  /** A place for this request among those sent to Elasticsearch, or a 429 (see {@link Admission}). */
  private Admission.Slot admit(Context ctx, boolean expensive) {
    return admission.admit(ctx.ip(), expensive);
  }

  private static boolean expensive(QueryText query) {
    return QueryCost.of(query).heavy();
  }

  static Params params(Context ctx) {
    return new Params(ctx.queryParamMap());
  }

  public void search(Context ctx) throws Exception {
    var request = params(ctx).searchRequest(parser);
    try (var slot = admit(ctx, expensive(request.query()))) {
      answer(ctx, service.search(request));
    }
  }

  public void persons(Context ctx) throws Exception {
    Params p = params(ctx);
    var query = p.query(parser);
    var filters = p.filters();
    int size = p.integer("size", 20, 1, 200);
    int coSize = p.integer("co_size", 5, 0, 20);
    try (var slot = admit(ctx, expensive(query))) {
      answer(ctx, service.persons(query, filters, size, coSize));
    }
  }

  public void dates(Context ctx) throws Exception {
    Params p = params(ctx);
    var query = p.query(parser);
    var filters = p.filters();
    Interval interval = p.interval(Interval.MONTH);
    String breakdown = p.first("breakdown");
    if (breakdown != null && !breakdown.equals("person") && !breakdown.equals("none")) {
      throw ApiException.badParameter("breakdown", "breakdown must be person or none, got '" + breakdown + "'");
    }
    int perBucket = "person".equals(breakdown) ? p.integer("breakdown_size", 5, 1, 50) : 0;
    try (var slot = admit(ctx, expensive(query))) {
      answer(ctx, service.dates(query, filters, interval, perBucket));
    }
  }

  public void paragraph(Context ctx) throws Exception {
    String id = ctx.pathParam("id");
    try (var slot = admit(ctx, false)) {
      answer(ctx, service.paragraph(id).orElseThrow(() -> ApiException.notFound("no paragraph with id " + id)));
    }
  }

  public void article(Context ctx) throws Exception {
    String id = ctx.pathParam("article_id");
    try (var slot = admit(ctx, false)) {
      answer(ctx, service.article(id).orElseThrow(() -> ApiException.notFound("no article with id " + id)));
    }
  }

  public void suggest(Context ctx) throws Exception {
    Params p = params(ctx);
    String prefix = TextNormalizer.normalize(p.text("q", 50)).strip();
    int size = p.integer("size", 10, 1, 20);
    try (var slot = admit(ctx, false)) {
      answer(ctx, service.suggest(prefix, size));
    }
  }

  public void health(Context ctx) throws Exception {
    var health = service.health();
    if (!health.status().equals("ready")) {
      ctx.status(503).header("Retry-After", "5");
    }
    answer(ctx, health);
  }

  /** The charset parameter keeps clients that default to ISO-8859-1 for text from garbling it. */
  static void answer(Context ctx, Object body) {
    ctx.json(body).contentType(JSON_UTF8);
  }

  static List<String> nonBlank(List<String> values) {
    return values.stream().filter(v -> v != null && !v.isBlank()).toList();
  }
}
