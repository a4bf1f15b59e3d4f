package dev.newssearch.api.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramAggregation;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchItem;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.MultisearchBody;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
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
import dev.newssearch.core.schema.IndexSchema;
import dev.newssearch.core.schema.ParagraphDoc;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

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
  /** What a search hit reads of its paragraph ({@link #toHit}, diversifying, duplicate groups). */
  private static final List<String> HIT_SOURCE = List.of(Fields.TEXT, Fields.TITLE, Fields.DATE, Fields.PERSONS,
      Fields.REPORTERS, Fields.PLACES, Fields.ORGANIZATIONS, Fields.SOURCE, Fields.FILE, Fields.ARTICLE_ID,
      Fields.PARAGRAPH, Fields.DUP_GROUP);
  /** The exact marks of a hit's text and title, made here from the hit's own fields (see {@link ExactMarks}). */
  private static final ExactMarks TEXT_MARKS;
  private static final ExactMarks TITLE_MARKS;

  static {
    IndexSchema schema = IndexSchema.load();
    TEXT_MARKS = ExactMarks.of(schema, Fields.TEXT_CHARS);
    TITLE_MARKS = ExactMarks.of(schema, Fields.TITLE_CHARS);
  }

  private final ElasticsearchClient es;
  private final String alias;
  private final QueryBuilder queries;
  private final MeterRegistry metrics;
  private final String esTimeout;
  /** The partial-match fallback (any word) can match much of the index: it gets a third of the time. */
  private final String partialTimeout;

  /** Groups with duplicates one search lists ({@link #DUPLICATE_BUCKETS} but in tests of the fallback). */
  private final int duplicateBuckets;

  public SearchService(ElasticsearchClient es, String alias, QueryBuilder queries, MeterRegistry metrics, long timeoutMs) {
    this(es, alias, queries, metrics, timeoutMs, DUPLICATE_BUCKETS);
  }

  public SearchService(ElasticsearchClient es, String alias, QueryBuilder queries, MeterRegistry metrics, long timeoutMs,
      int duplicateBuckets) {
    this.duplicateBuckets = duplicateBuckets;
    this.es = es;
    this.alias = alias;
    this.queries = queries;
    this.metrics = metrics;
    this.esTimeout = Math.max(1, timeoutMs) + "ms";
    this.partialTimeout = Math.max(1, timeoutMs / 3) + "ms";
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

  /** At most this many paragraphs of one article on a page of relevance-ranked, collapsed results. */
  static final int PER_ARTICLE = 2;
  /** Diversified paging covers the results up to this rank; deeper pages follow Elasticsearch's order. */
  static final int DIVERSIFY_DEPTH = 100;
  static final String DUPLICATES = "dups";
  /** Most groups with duplicates one search lists; beyond it, the page's other groups are counted apart. */
  static final int DUPLICATE_BUCKETS = 500;
  private static final String FACET = "facet_";
  private static final String SEQ_NO = "_seq_no";
  private static final String WITHOUT_OWN = "without_own";

  public SearchResult search(SearchRequest req) throws IOException {
    QueryBuilder.Level level = QueryBuilder.Level.ALL;
    Round resp = timed("search", () -> round(req, QueryBuilder.Level.ALL));
    if (resp.total() == 0 && !req.query().matchesEverything()) {
      // no paragraph holds every word: rank those holding most of them, then any (never a dead end);
      // a second round trip only when the first found nothing
      level = QueryBuilder.Level.ANY;
      resp = timed("search_partial", () -> round(req, QueryBuilder.Level.ANY));
    }
    long total = resp.total();
    int groupsInQuery = req.query().groups().size();
    int words = level == QueryBuilder.Level.ANY ? queries.words(req.query()).size() : 0;
    List<Hit<ParagraphDoc>> raw = resp.hits();
    List<Hit<ParagraphDoc>> page = raw;
    Map<String, Integer> more = Map.of();
    if (diversified(req)) {
      List<Hit<ParagraphDoc>> window = raw;
      List<String> saturated = saturated(raw, req.from() + req.size(), raw.size() >= windowSize(req));
      if (!saturated.isEmpty()) {
        // a few articles fill the whole window (a long speech whose every paragraph holds the word):
        // the best paragraphs of the other articles, in a second request without those
        QueryBuilder.Level at = level;
        Round first = resp;
        var others = timed("search_others", () -> only(es.msearch(m -> m.index(alias)
            .searches(s -> s.header(h -> h).body(hitsBody(req, at, first.scored(), first.highlighting(), saturated))),
            ParagraphDoc.class)))
            .hits().hits();
        window = merged(raw, others);
      }
      Diversified<ParagraphDoc> d = diversify(window, req.from(), req.size(), SearchService::articleOf);
      page = d.page();
      more = d.more();
    }
    Map<String, Long> duplicates = req.collapse() ? duplicateCounts(req, resp, page) : Map.of();
    List<SearchResult.Hit> hits = new ArrayList<>();
    Marks marks = page.isEmpty() ? null : marks(resp.highlighting());
    for (Hit<ParagraphDoc> hit : page) {
      String tier = req.query().matchesEverything() ? null
          : QueryBuilder.tierOf(level, hit.matchedQueries(), groupsInQuery, words).key();
      hits.add(toHit(hit, marks, duplicates.getOrDefault(groupOf(hit), 1L), tier, more.getOrDefault(hit.id(), 0)));
    }
    String match = null;
    if (!req.query().matchesEverything() && total > 0) {
      match = hits.isEmpty() ? (level == QueryBuilder.Level.ALL ? "all" : "any") : hits.get(0).match();
    }
    Map<String, List<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
    Map<String, Aggregate> all = resp.aggregations();
    for (Facet facet : Facet.values()) {
      Aggregate agg = all.get(FACET + facet.key());
      facets.put(facet.key(), agg == null ? List.of() : facetValues(agg, req.filters().selected(facet)));
    }
    List<SearchResult.DateBucket> histogram = all.get("histogram").dateHistogram().buckets().array().stream()
        .map(bk -> new SearchResult.DateBucket(bk.keyAsString(), bk.docCount()))
        .toList();
    long groups = all.get("groups").cardinality().value();
    long undated = all.get("undated").missing().docCount();

    String next = null;
    if (!req.collapse() && req.size() > 0 && raw.size() == req.size() && req.from() + raw.size() < total) {
      List<FieldValue> sortValues = raw.get(raw.size() - 1).sort();
      if (sortValues != null && !sortValues.isEmpty()) {
        next = new Cursor(req.sort(), sortValues).encode();
      }
    }
    return new SearchResult(total, groups, resp.took(), hits, facets, histogram, undated, next, match);
  }

  /**
   * What one round of a search brought back: the page's hits (none when size is 0) and the counts, with the
   * text query it sent ({@code scored}) and its highlighting (null when it asked for no hits), for a second request
   * of the same round (the articles beyond a saturated window, the duplicates of unlisted groups) and the marks.
   */
  private record Round(List<Hit<ParagraphDoc>> hits, long total, Map<String, Aggregate> aggregations, long took,
      Query scored, QueryBuilder.Highlighting highlighting) {}

  /**
   * One round trip: the {@link SearchBodies} in one {@code _msearch}. (The node ran the two one after the
   * other when measured; the gain is the counts' request cache, see {@link SearchBodies}.)
   */
  private Round round(SearchRequest req, QueryBuilder.Level level) throws IOException {
    Query scored = queries.mainQuery(req.query(), req.filters(), level);
    QueryBuilder.Highlighting highlighting = highlighting(req, level);
    SearchBodies bodies = searchBodies(req, level, scored, highlighting);
    var answer = es.msearch(m -> {
      m.index(alias);
      if (bodies.hits() != null) {
        m.searches(s -> s.header(h -> h).body(bodies.hits()));
      }
      return m.searches(s -> s.header(h -> h).body(bodies.counts()));
    }, ParagraphDoc.class);
    List<MultiSearchItem<ParagraphDoc>> parts = answer.responses().stream().map(SearchService::result).toList();
    MultiSearchItem<ParagraphDoc> counts = parts.get(parts.size() - 1);
    List<Hit<ParagraphDoc>> hits = bodies.hits() == null ? List.of() : parts.get(0).hits().hits();
    long total = counts.hits().total() == null ? hits.size() : counts.hits().total().value();
    return new Round(hits, total, counts.aggregations(), answer.took(), scored, highlighting);
  }

  private static MultiSearchItem<ParagraphDoc> only(MsearchResponse<ParagraphDoc> answer) {
    return result(answer.responses().get(0));
  }

  /**
   * One search of an {@code _msearch}, or its failure thrown as the exception a single search would
   * have thrown, for the edge to map as it maps every Elasticsearch error.
   */
  private static MultiSearchItem<ParagraphDoc> result(MultiSearchResponseItem<ParagraphDoc> item) {
    if (item.isFailure()) {
      ErrorResponse error = ErrorResponse.of(e -> e.error(item.failure().error()).status(item.failure().status()));
      throw new ElasticsearchException("msearch", error);
    }
    return item.result();
  }

  /**
   * How many matching paragraphs each collapsed hit on the page stands for. The request's {@value #DUPLICATES}
   * aggregation lists every group with two or more matches (up to {@value #DUPLICATE_BUCKETS}): one
   * aggregation over the matches instead of a sub-search per hit (collapse {@code inner_hits}), which cost
   * a third of the request. A group the aggregation does not list has one match, unless the list was full:
   * then the page's unlisted groups are counted in a second, size-0 request.
   */
  private Map<String, Long> duplicateCounts(SearchRequest req, Round round, List<Hit<ParagraphDoc>> page)
      throws IOException {
    Map<String, Long> counts = new HashMap<>();
    Aggregate listed = round.aggregations().get(DUPLICATES);
    if (listed == null) {
      return counts;
    }
    List<StringTermsBucket> buckets = listed.sterms().buckets().array();
    buckets.forEach(b -> counts.put(b.key().stringValue(), b.docCount()));
    if (buckets.size() < duplicateBuckets) {
      return counts;
    }
    List<String> unlisted = page.stream().map(SearchService::groupOf)
        .filter(g -> g != null && !counts.containsKey(g)).distinct().toList();
    if (unlisted.isEmpty()) {
      return counts;
    }
    Query query = narrowed(round.scored(), req, List.of());
    var more = timed("search_duplicates", () -> es.search(s -> s.index(alias).query(query).size(0).trackTotalHits(t -> t.enabled(false))
        .aggregations(DUPLICATES, a -> a.terms(t -> t.field(Fields.DUP_GROUP).size(unlisted.size())
            .include(i -> i.terms(unlisted)))), ParagraphDoc.class));
    more.aggregations().get(DUPLICATES).sterms().buckets().array()
        .forEach(b -> counts.put(b.key().stringValue(), b.docCount()));
    return counts;
  }

  private static String groupOf(Hit<ParagraphDoc> hit) {
    ParagraphDoc d = hit.source();
    return d == null || d.dupGroup() == null ? hit.id() : d.dupGroup();
  }

  /**
   * Relevance pages of collapsed results show at most {@link #PER_ARTICLE} paragraphs of one article:
   * the request then asks for the results from the first one up to one page beyond this one, and
   * {@link #diversify} re-orders them.
   */
  static boolean diversified(SearchRequest req) {
    return req.collapse() && req.sort() == SortOrder.RELEVANCE && req.cursor() == null && req.size() > 0
        && !req.query().matchesEverything() && req.from() + req.size() <= DIVERSIFY_DEPTH;
  }

  record Diversified<T>(List<Hit<T>> page, Map<String, Integer> more) {}

  /**
   * An article's first {@link #PER_ARTICLE} results keep their rank; its later ones move behind every
   * result of the round before (round = how many of its article came before, divided by
   * {@link #PER_ARTICLE}). The order of a prefix does not depend on what follows it, so pages cut from
   * growing windows agree. {@code more}: for the last paragraph of an article on this page, how many
   * more of that article the window holds beyond this and the earlier pages.
   */
  static <T> Diversified<T> diversify(List<Hit<T>> window, int from, int size, Function<Hit<T>, String> articleOf) {
    Map<String, Integer> seen = new HashMap<>();
    List<List<Hit<T>>> rounds = new ArrayList<>();
    Map<String, Integer> inWindow = new HashMap<>();
    for (Hit<T> h : window) {
      String article = articleOf.apply(h);
      int k = seen.merge(article, 1, Integer::sum) - 1;
      inWindow.merge(article, 1, Integer::sum);
      int round = k / PER_ARTICLE;
      while (rounds.size() <= round) {
        rounds.add(new ArrayList<>());
      }
      rounds.get(round).add(h);
    }
    List<Hit<T>> ordered = new ArrayList<>();
    rounds.forEach(ordered::addAll);
    int start = Math.min(from, ordered.size());
    int end = Math.min(from + size, ordered.size());
    List<Hit<T>> page = ordered.subList(start, end);
    Map<String, Integer> shownSoFar = new HashMap<>();
    for (Hit<T> h : ordered.subList(0, end)) {
      shownSoFar.merge(articleOf.apply(h), 1, Integer::sum);
    }
    Map<String, Integer> more = new HashMap<>();
    Set<String> done = new HashSet<>();
    for (int i = page.size() - 1; i >= 0; i--) {
      Hit<T> h = page.get(i);
      String article = articleOf.apply(h);
      if (done.add(article)) {
        int rest = inWindow.get(article) - shownSoFar.get(article);
        if (rest > 0) {
          more.put(h.id(), rest);
        }
      }
    }
    return new Diversified<>(List.copyOf(page), more);
  }

  private static String articleOf(Hit<?> h) {
    Object src = h.source();
    if (src instanceof ParagraphDoc d && d.articleId() != null) {
      return d.articleId();
    }
    return h.id();
  }

  /**
   * The window and the other articles' results as one list in Elasticsearch's order. A duplicate group the
   * window holds already comes once: the second request ranks every article but the saturated ones from the
   * top again, so it repeats the window's results of the other articles (and may stand a group for another of
   * its paragraphs).
   */
  static List<Hit<ParagraphDoc>> merged(List<Hit<ParagraphDoc>> window, List<Hit<ParagraphDoc>> others) {
    List<Hit<ParagraphDoc>> out = new ArrayList<>(window);
    Set<String> groups = new HashSet<>();
    window.forEach(h -> groups.add(groupOf(h)));
    others.stream().filter(h -> groups.add(groupOf(h))).forEach(out::add);
    out.sort(RELEVANCE_ORDER);
    return out;
  }

  /** Elasticsearch's order of relevance results, read from the request's own {@link #sorts}. */
  private static final Comparator<Hit<ParagraphDoc>> RELEVANCE_ORDER = order(sorts(SortOrder.RELEVANCE));

  /** The order the sort options put hits in, compared on the sort values Elasticsearch sent with each hit. */
  private static Comparator<Hit<ParagraphDoc>> order(List<SortOptions> sorts) {
    Comparator<Hit<ParagraphDoc>> order = (a, b) -> 0;
    for (int i = 0; i < sorts.size(); i++) {
      int at = i;
      SortOptions sort = sorts.get(i);
      // Elasticsearch's defaults: scores descending, fields ascending
      boolean ascending = sort.isScore() ? sort.score().order() == co.elastic.clients.elasticsearch._types.SortOrder.Asc
          : sort.field().order() != co.elastic.clients.elasticsearch._types.SortOrder.Desc;
      Comparator<Hit<ParagraphDoc>> byValue = Comparator.comparingDouble(h -> sortValue(h, at));
      order = order.thenComparing(ascending ? byValue : byValue.reversed());
    }
    return order;
  }

  /** A hit's {@code i}-th sort value as a number (its score when Elasticsearch sent none). */
  private static double sortValue(Hit<?> h, int i) {
    List<FieldValue> values = h.sort();
    if (values != null && values.size() > i) {
      FieldValue v = values.get(i);
      if (v.isDouble()) {
        return v.doubleValue();
      }
      if (v.isLong()) {
        return v.longValue(); // dates in milliseconds and sequence numbers: exact in a double
      }
    }
    return i == 0 && h.score() != null ? h.score() : 0;
  }

  /** Results a diversified page asks for: up to one page beyond it. */
  static int windowSize(SearchRequest req) {
    return Math.min(req.from() + 2 * req.size(), DIVERSIFY_DEPTH + req.size());
  }

  /**
   * A search's two requests, sent together in one {@code _msearch}: the page's {@code hits} (scored,
   * highlighted, collapsed; null when the page has no hits) and the {@code counts} (size 0: the total,
   * facets, histogram, group count and duplicate counts). Apart, the counts are a size-0 request, which
   * Elasticsearch keeps in its shard request cache until the index changes: the next page of a search,
   * or the same search sorted by date, gets its facets from memory.
   */
  public record SearchBodies(MultisearchBody hits, MultisearchBody counts) {}

  /** The requests of a search at {@link QueryBuilder.Level#ALL}; public so the benchmarks can send the same ones directly. */
  public SearchBodies searchBodies(SearchRequest req) {
    QueryBuilder.Level level = QueryBuilder.Level.ALL;
    return searchBodies(req, level, queries.mainQuery(req.query(), req.filters(), level), highlighting(req, level));
  }

  /** What the hits of a round are highlighted and marked with; null for a round that asks for none (size 0). */
  private QueryBuilder.Highlighting highlighting(SearchRequest req, QueryBuilder.Level level) {
    return req.size() > 0 ? queries.highlighting(req.query(), level) : null;
  }

  private SearchBodies searchBodies(SearchRequest req, QueryBuilder.Level level, Query scored,
      QueryBuilder.Highlighting highlighting) {
    return new SearchBodies(req.size() > 0 ? hitsBody(req, level, scored, highlighting, List.of()) : null,
        countsBody(req, level, scored));
  }

  /**
   * Articles that hold more than their share of a full window: the window ({@code from + size} after
   * diversifying, fetched as twice that) has fewer than {@code needed} results once each article keeps
   * {@link #PER_ARTICLE}, and more results exist. Empty when the window diversifies well enough.
   */
  static List<String> saturated(List<Hit<ParagraphDoc>> window, int needed, boolean moreExist) {
    Map<String, Integer> perArticle = new LinkedHashMap<>();
    window.forEach(h -> perArticle.merge(articleOf(h), 1, Integer::sum));
    int firstRound = perArticle.values().stream().mapToInt(n -> Math.min(n, PER_ARTICLE)).sum();
    if (firstRound >= needed || !moreExist) {
      return List.of();
    }
    return perArticle.entrySet().stream().filter(e -> e.getValue() > PER_ARTICLE).map(Map.Entry::getKey).toList();
  }

  /**
   * The page's hits for the {@code scored} text query (of the articles not in {@code withoutArticles}): scored,
   * sorted, highlighted, collapsed.
   */
  private MultisearchBody hitsBody(SearchRequest req, QueryBuilder.Level level, Query scored,
      QueryBuilder.Highlighting highlighting, List<String> withoutArticles) {
    Query main = narrowed(scored, req, withoutArticles);
    boolean diversify = diversified(req);
    int from = diversify ? 0 : req.from();
    int size = diversify ? windowSize(req) : req.size();
    // the exact marks are made here from each hit's text (toHit); the node highlights only what they cannot mark
    Query textHl = highlighting.text();
    Query titleHl = highlighting.title();
    Query pinyinHl = highlighting.pinyin();
    Query piecesHl = highlighting.pieces();
    return MultisearchBody.of(b -> {
      // scores come with a relevance sort anyway; date sorts only report them when asked; the total
      // comes from the counts
      b.query(main).trackTotalHits(t -> t.enabled(false)).trackScores(req.sort() != SortOrder.RELEVANCE)
          .size(size).from(from).timeout(timeout(level))
          .sort(sorts(req.sort()))
          .source(src -> src.filter(f -> f.includes(HIT_SOURCE)));
      if (textHl != null || titleHl != null || piecesHl != null || pinyinHl != null) {
        // explicit highlight queries: the search itself matches text with ik_max_word, whose
        // overlapping pieces (脱贫, 攻坚) would be marked on their own; see Highlights.union
        b.highlight(h -> {
          h.encoder(HighlighterEncoder.Html).preTags("<em>").postTags("</em>").requireFieldMatch(true);
          if (textHl != null) {
            h.fields(Fields.TEXT, f -> f.type("unified").numberOfFragments(0).highlightQuery(textHl));
          }
          if (titleHl != null) {
            h.fields(Fields.TITLE, f -> f.type("unified").numberOfFragments(0).highlightQuery(titleHl));
          }
          if (piecesHl != null) {
            h.fields(Fields.TEXT_BIGRAMS, f -> f.type("unified").numberOfFragments(0).highlightQuery(piecesHl));
          }
          if (pinyinHl != null) {
            h.fields(Fields.TEXT_TERMS, f -> f.type("unified").numberOfFragments(0).highlightQuery(pinyinHl));
          }
          return h;
        });
      }
      if (req.collapse()) {
        // one hit per duplicate group; how many each stands for comes from the DUPLICATES aggregation
        b.collapse(c -> c.field(Fields.DUP_GROUP));
      }
      if (req.cursor() != null) {
        b.searchAfter(req.cursor().after());
      }
      return b;
    });
  }

  /** The counts of a search for the {@code scored} text query: total, facets, histogram, group and duplicate counts; no hits. */
  private MultisearchBody countsBody(SearchRequest req, QueryBuilder.Level level, Query scored) {
    Query main = narrowed(scored, req, List.of());
    Map<String, Aggregation> aggs = searchAggregations(req, scored);
    return MultisearchBody.of(b -> b.query(main).size(0).trackTotalHits(t -> t.enabled(true)).timeout(timeout(level))
        .aggregations(aggs));
  }

  private String timeout(QueryBuilder.Level level) {
    return level == QueryBuilder.Level.ANY ? partialTimeout : esTimeout;
  }

  /**
   * The request's query: the scored text query, narrowed by the facet filters (not a post_filter: the
   * scoring, the collapse and the facets then run over the paragraphs the user sees, led by the cheapest
   * filter), without the given articles.
   */
  private Query narrowed(Query scored, SearchRequest req, List<String> withoutArticles) {
    Query facets = queries.facetFilter(req.filters(), Set.of());
    return withoutArticles.isEmpty() && facets == null ? scored : Query.of(q -> q.bool(b -> {
      b.must(scored);
      if (facets != null) {
        b.filter(facets);
      }
      if (!withoutArticles.isEmpty()) {
        b.mustNot(QueryBuilder.termsQuery(Fields.ARTICLE_ID, withoutArticles));
      }
      return b;
    }));
  }

  /**
   * Facets, histogram and group count. The request's query already applies every filter, so most
   * aggregations run on its matches directly. Multi-select: a facet with selected values counts under
   * every filter but its own, so it steps out of the query ({@code global}) and filters again with the
   * text query (unscored) and the other facets' filters; only such facets pay for that.
   */
  private Map<String, Aggregation> searchAggregations(SearchRequest req, Query textQuery) {
    Map<String, Aggregation> aggs = new LinkedHashMap<>();
    for (Facet facet : req.facetSize() == 0 ? new Facet[0] : Facet.values()) {
      // facet_size=0: no facets (a terms aggregation of size 0 is an error in Elasticsearch)
      List<String> selected = req.filters().selected(facet);
      Aggregation top = Aggregation.of(a -> a.terms(t -> t.field(facet.field()).size(req.facetSize())
          .order(List.of(NamedValue.of("_count", co.elastic.clients.elasticsearch._types.SortOrder.Desc),
              NamedValue.of("_key", co.elastic.clients.elasticsearch._types.SortOrder.Asc)))));
      if (selected.isEmpty()) {
        // on the query's matches directly: a match_all filter around it made it cost three times as much
        aggs.put(FACET + facet.key(), top);
        continue;
      }
      Map<String, Aggregation> sub = new LinkedHashMap<>();
      sub.put("top", top);
      // selected values are always reported, even outside the top N
      sub.put("selected", Aggregation.of(a -> a.terms(t -> t.field(facet.field()).size(selected.size())
          .include(i -> i.terms(selected)))));
      Query others = queries.facetFilter(req.filters(), Set.of(facet));
      Query own = Query.of(q -> q.bool(b -> {
        b.filter(textQuery);
        if (others != null) {
          b.filter(others);
        }
        return b;
      }));
      aggs.put(FACET + facet.key(), Aggregation.of(a -> a.global(g -> g)
          .aggregations(WITHOUT_OWN, w -> w.filter(own).aggregations(sub))));
    }
    aggs.put("histogram", Aggregation.of(h -> h.dateHistogram(d -> histogram(d, req.interval(), req.filters()))));
    aggs.put("groups", Aggregation.of(g -> g.cardinality(c -> c.field(Fields.DUP_GROUP).precisionThreshold(40_000))));
    aggs.put("undated", Aggregation.of(u -> u.missing(m -> m.field(Fields.DATE))));
    if (req.collapse() && req.size() > 0) {
      aggs.put(DUPLICATES, Aggregation.of(d -> d.terms(t -> t.field(Fields.DUP_GROUP).minDocCount(2).size(duplicateBuckets))));
    }
    return aggs;
  }

  /** Most empty buckets a histogram is widened with to cover the asked dates. */
  static final int MAX_WIDENED_BUCKETS = 1000;

  /**
   * A histogram of the dates in Beijing time, empty buckets included. When the user asked for a date
   * range, it covers that whole range (not just the dates that have paragraphs), so a chart shows the
   * quiet weeks at its ends too; unless that would make more than {@value #MAX_WIDENED_BUCKETS} buckets.
   */
  private static DateHistogramAggregation.Builder histogram(DateHistogramAggregation.Builder d, Interval interval,
      Filters filters) {
    d.field(Fields.DATE).calendarInterval(interval.calendar()).timeZone(TIME_ZONE).format("yyyy-MM-dd").minDocCount(0);
    if (filters.dateFrom() != null && filters.dateTo() != null
        && interval.buckets(filters.dateFrom(), filters.dateTo()) <= MAX_WIDENED_BUCKETS) {
      d.extendedBounds(b -> b.min(FieldDateMath.of(m -> m.expr(filters.dateFrom().toString())))
          .max(FieldDateMath.of(m -> m.expr(filters.dateTo().toString()))));
    }
    return d;
  }

  private static List<SearchResult.FacetValue> facetValues(Aggregate agg, List<String> selected) {
    Map<String, Aggregate> sub = agg.isGlobal()
        ? agg.global().aggregations().get(WITHOUT_OWN).filter().aggregations()
        : agg.isFilter() ? agg.filter().aggregations() : Map.of("top", agg);
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
    // a unique tie-breaker keeps search_after pages disjoint: the shard's sequence number, unique among the live
    // paragraphs of the schema's single shard. The paragraph id was one too, but as a keyword it cost a quarter of
    // the whole request on 104,000 paragraphs (seeds x400, where copies tie on score and date), a number nothing.
    SortOptions tieBreaker = SortOptions.of(s -> s.field(f -> f.field(SEQ_NO)
        .order(co.elastic.clients.elasticsearch._types.SortOrder.Asc)));
    return switch (order) {
      case RELEVANCE -> List.of(score, dateDesc, tieBreaker);
      case DATE_DESC -> List.of(dateDesc, score, tieBreaker);
      case DATE_ASC -> List.of(dateAsc, score, tieBreaker);
    };
  }

  /** What the page's hits are marked with beyond the node's highlights: the query's exact phrases, in text and title. */
  private record Marks(ExactMarks.Phrases text, ExactMarks.Phrases title) {}

  private static Marks marks(QueryBuilder.Highlighting highlighting) {
    List<String> phrases = highlighting.exactPhrases();
    return new Marks(TEXT_MARKS.phrases(phrases),
        highlighting.titleMarkedExactly() ? TITLE_MARKS.phrases(phrases) : null);
  }

  private static SearchResult.Hit toHit(Hit<ParagraphDoc> hit, Marks marks, long duplicates, String match, int more) {
    ParagraphDoc d = hit.source();
    Map<String, List<String>> hl = hit.highlight();
    String text = d.text();
    String textHtml = Highlights.union(first(hl, Fields.TEXT), TEXT_MARKS.html(text, marks.text()));
    String piecesHtml = first(hl, Fields.TEXT_BIGRAMS);
    if (piecesHtml != null && !"exact".equals(match)) {
      // the words apart matter only when the paragraph does not hold the clause as typed
      textHtml = textHtml == null ? piecesHtml : Highlights.union(piecesHtml, textHtml);
    }
    String pinyinHtml = first(hl, Fields.TEXT_TERMS);
    if (pinyinHtml != null) {
      textHtml = textHtml == null ? pinyinHtml : Highlights.union(pinyinHtml, textHtml);
    }
    if (textHtml == null) {
      textHtml = escapeHtml(text);
    }
    String titleHtml = d.title() == null ? null
        : marks.title() != null ? Highlights.mergeAdjacent(TITLE_MARKS.html(d.title(), marks.title()))
        : hl.containsKey(Fields.TITLE) && !hl.get(Fields.TITLE).isEmpty()
        ? Highlights.mergeAdjacent(hl.get(Fields.TITLE).get(0)) : escapeHtml(d.title());
    return new SearchResult.Hit(
        hit.id(),
        hit.score(),
        text,
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
        duplicates,
        match,
        more);
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
      ExactMarks.encode(s.charAt(i), sb);
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
          a.dateHistogram(d -> histogram(d, interval, filters));
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
        first.file(), byMentions(docs, ParagraphDoc::persons), byMentions(docs, ParagraphDoc::places),
        byMentions(docs, ParagraphDoc::organizations), paragraphs));
  }

  /** The article's names, those in most paragraphs first, then in order of first mention. */
  static List<String> byMentions(List<ParagraphDoc> docs, Function<ParagraphDoc, List<String>> names) {
    Map<String, Integer> paragraphs = new LinkedHashMap<>();
    for (ParagraphDoc d : docs) {
      for (String n : new LinkedHashSet<>(names.apply(d))) {
        paragraphs.merge(n, 1, Integer::sum);
      }
    }
    List<String> out = new ArrayList<>(paragraphs.keySet());
    out.sort(Comparator.comparingInt((String n) -> -paragraphs.get(n))); // stable: first mention breaks ties
    return out;
  }

  // ---------------------------------------------------------------- suggest

  /** Longest prefix the {@code index_prefixes} of the names' pinyin fields answer from a term lookup. */
  static final int INDEXED_PREFIX_CHARS = 10;

  /**
   * Persons, places and frequent terms that start with the prefix, written in characters or typed as
   * pinyin ({@code xjp}, {@code xijinping}, {@code tuopin}), with paragraph counts. All from index-time
   * fields (the plugin's {@code news_pinyin} filter wrote {@code xjp|习近平}): a prefix query (on the
   * names' indexed prefixes, on the terms' dictionary) finds the paragraphs, a terms aggregation per field (include = the prefix)
   * counts the words. One request, no completion structure to rebuild.
   */
  public SuggestReport suggest(String prefix, int size) throws IOException {
    String p = prefix.toLowerCase(Locale.ROOT).strip();
    if (p.isEmpty()) {
      return new SuggestReport(prefix, List.of());
    }
    boolean typedAsPinyin = p.chars().allMatch(c -> c < 0x80 && Character.isLetterOrDigit(c));
    // pinyin matches only the keyed forms (whose part after | is the word); characters only the words
    String include = typedAsPinyin ? regexEscape(p) + "[^|]*\\|.*" : regexEscape(p) + "[^|]*";
    String looked = p.length() > INDEXED_PREFIX_CHARS ? p.substring(0, INDEXED_PREFIX_CHARS) : p;
    List<String> fields = List.of(Fields.PERSONS_PINYIN, Fields.PLACES_PINYIN, Fields.TEXT_TERMS);
    List<String> types = List.of("person", "place", "term");
    SearchResponse<Void> resp = timed("suggest", () -> es.search(s -> {
      s.index(alias).size(0).timeout(esTimeout).trackTotalHits(t -> t.enabled(false))
          .query(q -> q.bool(b -> {
            fields.forEach(f -> b.should(sh -> sh.prefix(pr -> pr.field(f).value(looked))));
            return b.minimumShouldMatch("1");
          }));
      for (int i = 0; i < fields.size(); i++) {
        String f = fields.get(i);
        s.aggregations(types.get(i), a -> a.filter(fq -> fq.prefix(pr -> pr.field(f).value(looked)))
            .aggregations("words", w -> w.terms(t -> t.field(f).size(size).include(in -> in.regexp(include)))));
      }
      return s;
    }, Void.class));
    var out = new LinkedHashMap<String, Reports.Suggestion>();
    for (String type : types) {
      for (StringTermsBucket b : resp.aggregations().get(type).filter().aggregations().get("words").sterms().buckets().array()) {
        String key = b.key().stringValue();
        String word = key.indexOf('|') >= 0 ? key.substring(key.indexOf('|') + 1) : key;
        out.putIfAbsent(word, new Reports.Suggestion(word, type, b.docCount()));
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
