package dev.newssearch.api.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest.Builder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.CompletionSuggestOption;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Suggestion;
import co.elastic.clients.util.NamedValue;
import dev.newssearch.api.query.QueryText;
import dev.newssearch.api.search.Reports.Article;
import dev.newssearch.api.search.Reports.ArticleParagraph;
import dev.newssearch.api.search.Reports.Count;
import dev.newssearch.api.search.Reports.DateSeries;
import dev.newssearch.api.search.Reports.DatesReport;
import dev.newssearch.api.search.Reports.Health;
import dev.newssearch.api.search.Reports.PersonStats;
import dev.newssearch.api.search.Reports.PersonsReport;
import dev.newssearch.api.search.Reports.SuggestReport;
import dev.newssearch.core.schema.Fields;
import dev.newssearch.core.schema.ParagraphDoc;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the typed Elasticsearch requests for every route and shapes the answers. Knows nothing of
 * HTTP; Elasticsearch and I/O errors propagate to the edge, which maps them once.
 */
public final class SearchService {
  /** Paragraphs up to this many characters come back whole in {@code highlights}. */
  static final int WHOLE_PARAGRAPH_CHARS = 200;
  static final int FRAGMENT_CHARS = 100;
  static final int MAX_FRAGMENTS = 3;
  static final String TIME_ZONE = "Asia/Shanghai";
  private static final String[] SOURCE_EXCLUDES = {Fields.SUGGEST, Fields.FILE_HASH, Fields.CONTENT_HASH};

  private final ElasticsearchClient es;
  private final String alias;
  private final QueryBuilder queries;
  private final MeterRegistry metrics;
  private final String esTimeout;

  public SearchService(ElasticsearchClient es, String alias, QueryBuilder queries, MeterRegistry metrics, long timeoutMs) {
    this.es = es;
    this.alias = alias;
    this.queries = queries;
    this.metrics = metrics;
    this.esTimeout = Math.max(1, timeoutMs) + "ms";
  }

  @FunctionalInterface
  interface EsCall<T> {
    T call() throws IOException;
  }

  private <T> T timed(String op, EsCall<T> call) throws IOException {
    Timer.Sample sample = Timer.start(metrics);
    String outcome = "error";
    try {
      T result = call.call();
      outcome = "ok";
      return result;
    } finally {
      sample.stop(Timer.builder("es.requests").description("Elasticsearch round trips")
          .tag("op", op).tag("outcome", outcome).publishPercentileHistogram().register(metrics));
    }
  }

  // ---------------------------------------------------------------- search

  public SearchResult search(SearchRequest req) throws IOException {
    co.elastic.clients.elasticsearch.core.SearchRequest request = buildSearch(req);
    SearchResponse<ParagraphDoc> resp = timed("search", () -> es.search(request, ParagraphDoc.class));
    long total = resp.hits().total() == null ? resp.hits().hits().size() : resp.hits().total().value();
    Map<String, Long> groupSizes = req.collapse() ? duplicateCounts(req, resp.hits().hits()) : Map.of();
    List<SearchResult.Hit> hits = new ArrayList<>();
    for (Hit<ParagraphDoc> hit : resp.hits().hits()) {
      String group = hit.source().dupGroup();
      hits.add(toHit(hit, group == null ? 1 : Math.max(1, groupSizes.getOrDefault(group, 1L))));
    }
    Map<String, List<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
    for (Facet facet : Facet.values()) {
      facets.put(facet.key(), facetValues(resp.aggregations().get("facet_" + facet.key()), req.filters().selected(facet)));
    }
    Aggregate all = resp.aggregations().get("all");
    Map<String, Aggregate> allSub = all.filter().aggregations();
    List<SearchResult.DateBucket> histogram = allSub.get("histogram").dateHistogram().buckets().array().stream()
        .map(bk -> new SearchResult.DateBucket(bk.keyAsString(), bk.docCount()))
        .toList();
    long groups = allSub.get("groups").cardinality().value();
    long undated = allSub.get("undated").missing().docCount();

    String next = null;
    List<Hit<ParagraphDoc>> raw = resp.hits().hits();
    if (!req.collapse() && req.size() > 0 && raw.size() == req.size() && req.from() + raw.size() < total) {
      List<FieldValue> sortValues = raw.get(raw.size() - 1).sort();
      if (sortValues != null && !sortValues.isEmpty()) {
        next = new Cursor(req.sort(), sortValues).encode();
      }
    }
    return new SearchResult(total, groups, resp.took(), hits, facets, histogram, undated, next);
  }

  /** The Elasticsearch request for a search; public so the benchmark can send the same one directly. */
  public co.elastic.clients.elasticsearch.core.SearchRequest buildSearch(SearchRequest req) {
    Query main = queries.mainQuery(req.query(), req.filters());
    Query post = queries.facetFilter(req.filters(), Set.of());
    Map<String, Aggregation> aggs = searchAggregations(req);
    return co.elastic.clients.elasticsearch.core.SearchRequest.of(s -> {
      // scores come with a relevance sort anyway; date sorts only report them when asked
      Builder b = s.index(alias).query(main).trackTotalHits(t -> t.enabled(true))
          .trackScores(req.sort() != SortOrder.RELEVANCE && req.size() > 0)
          .size(req.size()).from(req.from()).timeout(esTimeout).aggregations(aggs)
          .sort(sorts(req.sort()))
          .source(src -> src.filter(f -> f.excludes(List.of(SOURCE_EXCLUDES))));
      if (post != null) {
        b.postFilter(post);
      }
      if (req.size() > 0) {
        Query textHl = queries.textHighlight(req.query());
        Query charsHl = queries.charsHighlight(req.query());
        Query titleHl = queries.titleHighlight(req.query());
        if (textHl != null || charsHl != null || titleHl != null) {
          // explicit highlight queries: the search itself matches text with ik_max_word, whose
          // overlapping pieces (脱贫, 攻坚) would be marked on their own; see Highlights.union
          b.highlight(h -> {
            h.encoder(HighlighterEncoder.Html).preTags("<em>").postTags("</em>").requireFieldMatch(true);
            if (textHl != null) {
              h.fields(Fields.TEXT, f -> f.type("unified").numberOfFragments(0).highlightQuery(textHl));
            }
            if (charsHl != null) {
              h.fields(Fields.TEXT_CHARS, f -> f.type("unified").numberOfFragments(0).highlightQuery(charsHl));
            }
            if (titleHl != null) {
              h.fields(Fields.TITLE, f -> f.type("unified").numberOfFragments(0).highlightQuery(titleHl));
            }
            return h;
          });
        }
      }
      if (req.collapse() && req.size() > 0) {
        // group sizes come from one follow-up aggregation (duplicateCounts), not inner_hits, which
        // runs one query per group and doubled the cost of a page
        b.collapse(c -> c.field(Fields.DUP_GROUP));
      }
      if (req.cursor() != null) {
        b.searchAfter(req.cursor().after());
      }
      return b;
    });
  }

  private Map<String, Aggregation> searchAggregations(SearchRequest req) {
    Map<String, Aggregation> aggs = new LinkedHashMap<>();
    for (Facet facet : Facet.values()) {
      // multi-select: a facet's counts apply every filter but its own
      Query others = queries.facetFilter(req.filters(), Set.of(facet));
      List<String> selected = req.filters().selected(facet);
      Map<String, Aggregation> sub = new LinkedHashMap<>();
      sub.put("top", Aggregation.of(a -> a.terms(t -> t.field(facet.field()).size(req.facetSize())
          .order(List.of(NamedValue.of("_count", co.elastic.clients.elasticsearch._types.SortOrder.Desc),
              NamedValue.of("_key", co.elastic.clients.elasticsearch._types.SortOrder.Asc))))));
      if (!selected.isEmpty()) {
        // selected values are always reported, even outside the top N
        sub.put("selected", Aggregation.of(a -> a.terms(t -> t.field(facet.field()).size(selected.size())
            .include(i -> i.terms(selected)))));
      }
      aggs.put("facet_" + facet.key(), Aggregation.of(a -> a
          .filter(others == null ? Query.of(q -> q.matchAll(m -> m)) : others).aggregations(sub)));
    }
    Query every = queries.facetFilter(req.filters(), Set.of());
    aggs.put("all", Aggregation.of(a -> a
        .filter(every == null ? Query.of(q -> q.matchAll(m -> m)) : every)
        .aggregations("histogram", h -> h.dateHistogram(d -> d.field(Fields.DATE)
            .calendarInterval(req.interval().calendar()).timeZone(TIME_ZONE).format("yyyy-MM-dd").minDocCount(0)))
        .aggregations("groups", g -> g.cardinality(c -> c.field(Fields.DUP_GROUP).precisionThreshold(40_000)))
        .aggregations("undated", u -> u.missing(m -> m.field(Fields.DATE)))));
    return aggs;
  }

  private static List<SearchResult.FacetValue> facetValues(Aggregate agg, List<String> selected) {
    Map<String, Aggregate> sub = agg.filter().aggregations();
    Map<String, SearchResult.FacetValue> values = new LinkedHashMap<>();
    for (StringTermsBucket b : sub.get("top").sterms().buckets().array()) {
      String v = b.key().stringValue();
      values.put(v, new SearchResult.FacetValue(v, b.docCount(), selected.contains(v)));
    }
    if (!selected.isEmpty()) {
      Map<String, Long> counts = new LinkedHashMap<>();
      for (StringTermsBucket b : sub.get("selected").sterms().buckets().array()) {
        counts.put(b.key().stringValue(), b.docCount());
      }
      for (String v : selected) {
        values.putIfAbsent(v, new SearchResult.FacetValue(v, counts.getOrDefault(v, 0L), true));
      }
    }
    return List.copyOf(values.values());
  }

  static List<SortOptions> sorts(SortOrder order) {
    SortOptions score = SortOptions.of(s -> s.score(sc -> sc.order(co.elastic.clients.elasticsearch._types.SortOrder.Desc)));
    SortOptions dateDesc = SortOptions.of(s -> s.field(f -> f.field(Fields.DATE)
        .order(co.elastic.clients.elasticsearch._types.SortOrder.Desc).missing("_last")));
    SortOptions dateAsc = SortOptions.of(s -> s.field(f -> f.field(Fields.DATE)
        .order(co.elastic.clients.elasticsearch._types.SortOrder.Asc).missing("_last")));
    // a unique tie-breaker keeps search_after pages disjoint
    SortOptions id = SortOptions.of(s -> s.field(f -> f.field(Fields.ID)
        .order(co.elastic.clients.elasticsearch._types.SortOrder.Asc)));
    return switch (order) {
      case RELEVANCE -> List.of(score, dateDesc, id);
      case DATE_DESC -> List.of(dateDesc, score, id);
      case DATE_ASC -> List.of(dateAsc, score, id);
    };
  }

  /** How many matching paragraphs (same query and filters) each collapsed group on the page folds. */
  private Map<String, Long> duplicateCounts(SearchRequest req, List<Hit<ParagraphDoc>> page) throws IOException {
    List<String> groups = page.stream().map(h -> h.source().dupGroup()).filter(g -> g != null).distinct().toList();
    if (groups.isEmpty()) {
      return Map.of();
    }
    Query query = unscored(queries.fullQuery(req.query(), req.filters()));
    SearchResponse<Void> resp = timed("duplicates", () -> es.search(s -> s.index(alias).size(0).timeout(esTimeout)
        .query(query)
        .aggregations("groups", a -> a.terms(t -> t.field(Fields.DUP_GROUP).size(groups.size())
            .include(i -> i.terms(groups)))), Void.class));
    Map<String, Long> counts = new java.util.HashMap<>();
    for (StringTermsBucket b : resp.aggregations().get("groups").sterms().buckets().array()) {
      counts.put(b.key().stringValue(), b.docCount());
    }
    return counts;
  }

  private static SearchResult.Hit toHit(Hit<ParagraphDoc> hit, long duplicates) {
    ParagraphDoc d = hit.source();
    Map<String, List<String>> hl = hit.highlight();
    String textHtml = Highlights.union(first(hl, Fields.TEXT), first(hl, Fields.TEXT_CHARS));
    if (textHtml == null) {
      textHtml = escapeHtml(d.text());
    }
    String titleHtml = hl.containsKey(Fields.TITLE) && !hl.get(Fields.TITLE).isEmpty()
        ? Highlights.mergeAdjacent(hl.get(Fields.TITLE).get(0)) : d.title() == null ? null : escapeHtml(d.title());
    return new SearchResult.Hit(
        hit.id(),
        hit.score(),
        d.text(),
        Highlights.fragments(textHtml == null ? "" : textHtml, WHOLE_PARAGRAPH_CHARS, FRAGMENT_CHARS, MAX_FRAGMENTS),
        d.title(),
        titleHtml,
        d.date(),
        d.persons(),
        d.reporters(),
        d.places(),
        d.organizations(),
        d.source(),
        d.file(),
        d.articleId(),
        d.paragraph(),
        duplicates);
  }

  /**
   * Counting requests need no scores; in filter context Elasticsearch skips scoring the character
   * phrases of every matching paragraph and may cache the clauses.
   */
  private static Query unscored(Query query) {
    return Query.of(q -> q.bool(b -> b.filter(query)));
  }

  private static String first(Map<String, List<String>> highlight, String field) {
    List<String> values = highlight.get(field);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  public static String escapeHtml(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#x27;");
        case '/' -> sb.append("&#x2F;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------- aggregations

  public PersonsReport persons(QueryText text, Filters filters, int size, int coSize) throws IOException {
    Query query = unscored(queries.fullQuery(text, filters));
    SearchResponse<Void> resp = timed("persons", () -> es.search(s -> s.index(alias).query(query).size(0)
        .timeout(esTimeout).trackTotalHits(t -> t.enabled(true))
        .aggregations("persons", a -> a.terms(t -> t.field(Fields.PERSONS).size(size))
            .aggregations("first", f -> f.min(m -> m.field(Fields.DATE).format("yyyy-MM-dd")))
            .aggregations("last", f -> f.max(m -> m.field(Fields.DATE).format("yyyy-MM-dd")))
            .aggregations("with", w -> w.terms(t -> t.field(Fields.PERSONS).size(coSize + 1)))), Void.class));
    List<PersonStats> persons = new ArrayList<>();
    for (StringTermsBucket b : resp.aggregations().get("persons").sterms().buckets().array()) {
      String name = b.key().stringValue();
      List<Count> with = b.aggregations().get("with").sterms().buckets().array().stream()
          .filter(w -> !w.key().stringValue().equals(name))
          .limit(coSize)
          .map(w -> new Count(w.key().stringValue(), w.docCount()))
          .toList();
      var first = b.aggregations().get("first").min();
      var last = b.aggregations().get("last").max();
      persons.add(new PersonStats(name, b.docCount(),
          first.valueAsString(), last.valueAsString(), with));
    }
    return new PersonsReport(resp.hits().total().value(), resp.took(), persons);
  }

  public DatesReport dates(QueryText text, Filters filters, Interval interval, int personsPerBucket) throws IOException {
    Query query = unscored(queries.fullQuery(text, filters));
    SearchResponse<Void> resp = timed("dates", () -> es.search(s -> s.index(alias).query(query).size(0)
        .timeout(esTimeout).trackTotalHits(t -> t.enabled(true))
        .aggregations("undated", u -> u.missing(m -> m.field(Fields.DATE)))
        .aggregations("histogram", a -> {
          a.dateHistogram(d -> d.field(Fields.DATE).calendarInterval(interval.calendar())
              .timeZone(TIME_ZONE).format("yyyy-MM-dd").minDocCount(0));
          if (personsPerBucket > 0) {
            a.aggregations("persons", p -> p.terms(t -> t.field(Fields.PERSONS).size(personsPerBucket)));
          }
          return a;
        }), Void.class));
    List<DateSeries> buckets = resp.aggregations().get("histogram").dateHistogram().buckets().array().stream()
        .map(b -> new DateSeries(b.keyAsString(), b.docCount(), personsPerBucket <= 0 ? null
            : b.aggregations().get("persons").sterms().buckets().array().stream()
                .map(p -> new Count(p.key().stringValue(), p.docCount())).toList()))
        .toList();
    return new DatesReport(resp.hits().total().value(), resp.took(), interval.param(),
        resp.aggregations().get("undated").missing().docCount(), buckets);
  }

  // ---------------------------------------------------------------- documents

  public Optional<ParagraphDoc> paragraph(String id) throws IOException {
    SearchResponse<ParagraphDoc> resp = timed("paragraph", () -> es.search(s -> s.index(alias).size(1)
        .timeout(esTimeout).query(q -> q.term(t -> t.field(Fields.ID).value(id)))
        .source(src -> src.filter(f -> f.excludes(Fields.SUGGEST))), ParagraphDoc.class));
    return resp.hits().hits().stream().findFirst().map(Hit::source);
  }

  public Optional<Article> article(String articleId) throws IOException {
    SearchResponse<ParagraphDoc> resp = timed("article", () -> es.search(s -> s.index(alias).size(2000)
        .timeout(esTimeout).query(q -> q.term(t -> t.field(Fields.ARTICLE_ID).value(articleId)))
        .sort(so -> so.field(f -> f.field(Fields.PARAGRAPH).order(co.elastic.clients.elasticsearch._types.SortOrder.Asc)))
        .source(src -> src.filter(f -> f.excludes(List.of(SOURCE_EXCLUDES)))), ParagraphDoc.class));
    List<ParagraphDoc> docs = resp.hits().hits().stream().map(Hit::source).toList();
    if (docs.isEmpty()) {
      return Optional.empty();
    }
    ParagraphDoc first = docs.get(0);
    List<ArticleParagraph> paragraphs = docs.stream()
        .map(d -> new ArticleParagraph(d.id(), d.paragraph(), d.text(), d.persons(), d.places(), d.organizations()))
        .toList();
    return Optional.of(new Article(first.articleId(), first.title(), first.kicker(), first.subtitle(), first.date(),
        first.source(), first.reporters(), first.contributors(), first.datelinePlace(), first.edition(),
        first.file(), paragraphs));
  }

  // ---------------------------------------------------------------- suggest

  public SuggestReport suggest(String prefix, int size) throws IOException {
    if (prefix.isEmpty()) {
      return new SuggestReport(prefix, List.of());
    }
    String regex = regexEscape(prefix) + ".*";
    SearchResponse<Void> resp = timed("suggest", () -> es.search(s -> s.index(alias).size(0).timeout(esTimeout)
        .aggregations("persons", a -> a.terms(t -> t.field(Fields.PERSONS).size(size).include(i -> i.regexp(regex))))
        .suggest(sg -> sg.suggesters("terms", fs -> fs.prefix(prefix)
            .completion(c -> c.field(Fields.SUGGEST).size(size).skipDuplicates(true)))), Void.class));
    var out = new LinkedHashMap<String, Reports.Suggestion>();
    for (StringTermsBucket b : resp.aggregations().get("persons").sterms().buckets().array()) {
      out.put(b.key().stringValue(), new Reports.Suggestion(b.key().stringValue(), "person", b.docCount()));
    }
    Set<String> seen = new LinkedHashSet<>(out.keySet());
    List<Suggestion<Void>> completions = resp.suggest().getOrDefault("terms", List.of());
    for (Suggestion<Void> sug : completions) {
      for (CompletionSuggestOption<Void> opt : sug.completion().options()) {
        if (out.size() >= size) {
          break;
        }
        if (seen.add(opt.text())) {
          out.put(opt.text(), new Reports.Suggestion(opt.text(), "term", null));
        }
      }
    }
    return new SuggestReport(prefix, List.copyOf(out.values()).subList(0, Math.min(size, out.size())));
  }

  static String regexEscape(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints().forEach(cp -> {
      if (!Character.isLetterOrDigit(cp)) {
        sb.append('\\');
      }
      sb.appendCodePoint(cp);
    });
    return sb.toString();
  }

  // ---------------------------------------------------------------- health

  /** Ready when Elasticsearch answers and the alias exists. */
  public Health health() throws IOException {
    var cluster = timed("health", () -> es.cluster().health(h -> h.timeout(t -> t.time("2s"))));
    boolean alias = timed("alias", () -> es.indices().existsAlias(a -> a.name(this.alias))).value();
    String status = cluster.status().jsonValue();
    if (!alias) {
      return new Health("not_ready", status, this.alias, "alias " + this.alias + " does not exist yet");
    }
    if (status.equals("red")) {
      return new Health("not_ready", status, this.alias, "cluster is red");
    }
    return new Health("ready", status, this.alias, null);
  }
}
