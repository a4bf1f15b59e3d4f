package dev.newssearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newssearch.api.ApiFixture.Response;
import dev.newssearch.api.query.WordSplitter;
import dev.newssearch.api.search.IndexedNames;
import dev.newssearch.core.schema.Fields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SearchApiIT {
  static final List<String> FACET_KEYS = List.of("persons", "reporters", "places", "organizations", "sources", "files");
  static final Map<String, String> PARAM = Map.of("persons", "person", "reporters", "reporter", "places", "place",
      "organizations", "org", "sources", "source", "files", "file");
  static ApiFixture f;

  @BeforeAll
  static void start() {
    f = ApiFixture.get();
  }

  private static JsonNode ok(Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static List<String> values(JsonNode facet) {
    List<String> out = new ArrayList<>();
    facet.forEach(v -> out.add(v.get("value").asText()));
    return out;
  }

  private static long countOf(JsonNode facet, String value) {
    for (JsonNode v : facet) {
      if (v.get("value").asText().equals(value)) {
        return v.get("count").asLong();
      }
    }
    return 0;
  }

  @Test
  void health_is_ready_when_elasticsearch_answers_and_the_alias_exists() {
    JsonNode h = ok(f.get("/health"));
    assertThat(h.get("status").asText()).isEqualTo("ready");
  }

  @Test
  void an_empty_query_browses_everything_with_every_facet() {
    JsonNode r = ok(f.get("/api/search", "size", "0"));
    assertThat(r.get("total").asLong()).isEqualTo(f.countAll());
    assertThat(r.get("hits")).isEmpty();
    for (String key : FACET_KEYS) {
      assertThat(r.get("facets").has(key)).as(key).isTrue();
    }
    assertThat(r.get("facets").get("persons")).isNotEmpty();
    assertThat(r.get("facets").get("files").size()).isGreaterThanOrEqualTo(5);
  }

  @ParameterizedTest
  @ValueSource(strings = {"day", "week", "month", "year"})
  void histogram_buckets_and_undated_paragraphs_add_up_to_the_total(String interval) {
    JsonNode r = ok(f.get("/api/search", "size", "0", "interval", interval));
    long sum = 0;
    for (JsonNode b : r.get("date_histogram")) {
      sum += b.get("count").asLong();
      assertThat(b.get("date").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
    }
    assertThat(sum + r.get("undated").asLong()).isEqualTo(r.get("total").asLong());
  }

  @Test
  void the_day_histogram_fills_empty_days_between_the_first_and_the_last() {
    JsonNode h = ok(f.get("/api/search", "size", "0", "interval", "day")).get("date_histogram");
    java.time.LocalDate previous = null;
    for (JsonNode b : h) {
      java.time.LocalDate d = java.time.LocalDate.parse(b.get("date").asText());
      if (previous != null) {
        assertThat(d).isEqualTo(previous.plusDays(1));
      }
      previous = d;
    }
  }

  @Test
  void a_histogram_covers_the_whole_range_asked_for_not_only_the_dates_with_paragraphs() {
    // the seeds are dated February and March 2020: the months around them are empty but asked for
    JsonNode r = ok(f.get("/api/search", "size", "0", "interval", "month", "date_from", "2020-01-01",
        "date_to", "2020-06-30"));
    List<String> months = new ArrayList<>();
    r.get("date_histogram").forEach(b -> months.add(b.get("date").asText()));
    assertThat(months).containsExactly("2020-01-01", "2020-02-01", "2020-03-01", "2020-04-01", "2020-05-01",
        "2020-06-01");
    JsonNode persons = ok(f.get("/api/aggregations/dates", "interval", "month", "date_from", "2020-01-01", "date_to", "2020-06-30"));
    assertThat(persons.toString()).contains("2020-01-01").contains("2020-06-01");
  }

  @Test
  void each_facet_filter_narrows_to_the_paragraphs_with_that_value() {
    JsonNode all = ok(f.get("/api/search", "size", "0"));
    for (String key : FACET_KEYS) {
      JsonNode top = all.get("facets").get(key).get(0);
      String value = top.get("value").asText();
      JsonNode r = ok(f.get("/api/search", PARAM.get(key), value, "size", "100", "collapse", "false"));
      long expected = f.count(Map.of(ApiFixture.field(key), List.of(value)));
      assertThat(r.get("total").asLong()).as(key + "=" + value).isEqualTo(expected).isEqualTo(top.get("count").asLong());
      for (JsonNode hit : r.get("hits")) {
        JsonNode field = hit.get(key.equals("sources") ? "source" : key.equals("files") ? "file" : key);
        String text = field.isArray() ? field.toString() : field.asText();
        assertThat(text).as(key).contains(value);
      }
    }
  }

  @Test
  void values_of_one_filter_are_or_ed() {
    List<String> persons = values(ok(f.get("/api/search", "size", "0")).get("facets").get("persons"));
    String a = persons.get(0);
    String b = persons.get(1);
    JsonNode r = ok(f.get("/api/search", "person", a, "person", b, "size", "0"));
    assertThat(r.get("total").asLong()).isEqualTo(f.count(Map.of(Fields.PERSONS, List.of(a, b))));
  }

  @Test
  void multi_select_facet_counts_match_independent_count_queries() {
    JsonNode all = ok(f.get("/api/search", "size", "0", "facet_size", "50"));
    String person = all.get("facets").get("persons").get(0).get("value").asText();
    String source = all.get("facets").get("sources").get(0).get("value").asText();
    JsonNode r = ok(f.get("/api/search", "person", person, "source", source, "size", "0", "facet_size", "50"));

    assertThat(r.get("total").asLong())
        .isEqualTo(f.count(Map.of(Fields.PERSONS, List.of(person), Fields.SOURCE, List.of(source))));
    // the persons facet ignores the person filter but applies the source filter
    for (JsonNode v : r.get("facets").get("persons")) {
      assertThat(v.get("count").asLong()).as("person " + v.get("value"))
          .isEqualTo(f.count(Map.of(Fields.PERSONS, List.of(v.get("value").asText()), Fields.SOURCE, List.of(source))));
    }
    assertThat(r.get("facets").get("persons").size()).as("other persons stay visible").isGreaterThan(1);
    // the sources facet ignores the source filter but applies the person filter
    for (JsonNode v : r.get("facets").get("sources")) {
      assertThat(v.get("count").asLong()).as("source " + v.get("value"))
          .isEqualTo(f.count(Map.of(Fields.PERSONS, List.of(person), Fields.SOURCE, List.of(v.get("value").asText()))));
    }
    // any other facet applies both
    for (JsonNode v : r.get("facets").get("places")) {
      assertThat(v.get("count").asLong()).as("place " + v.get("value")).isEqualTo(f.count(Map.of(
          Fields.PERSONS, List.of(person), Fields.SOURCE, List.of(source), Fields.PLACES, List.of(v.get("value").asText()))));
    }
    assertThat(countOf(r.get("facets").get("persons"), person)).isPositive();
    r.get("facets").get("persons").forEach(v ->
        assertThat(v.get("selected").asBoolean()).isEqualTo(v.get("value").asText().equals(person)));
  }

  @Test
  void a_selected_value_outside_the_top_n_is_still_reported() {
    List<String> persons = values(ok(f.get("/api/search", "size", "0", "facet_size", "20")).get("facets").get("persons"));
    String rare = persons.get(persons.size() - 1);
    JsonNode facet = ok(f.get("/api/search", "person", rare, "size", "0", "facet_size", "1")).get("facets").get("persons");
    assertThat(values(facet)).contains(rare).hasSize(2);
    assertThat(countOf(facet, rare)).isEqualTo(f.count(Map.of(Fields.PERSONS, List.of(rare))));
  }

  @Test
  void an_unknown_filter_value_gives_no_hits_and_is_still_listed_as_selected() {
    JsonNode r = ok(f.get("/api/search", "person", "不存在的人", "size", "5"));
    assertThat(r.get("total").asLong()).isZero();
    assertThat(values(r.get("facets").get("persons"))).contains("不存在的人");
  }

  @Test
  void the_date_range_is_inclusive_at_both_ends() {
    JsonNode day = null;
    for (JsonNode b : ok(f.get("/api/search", "size", "0")).get("date_histogram")) {
      if (b.get("count").asLong() > 0) {
        day = b;
        break;
      }
    }
    assertThat(day).isNotNull();
    String d = day.get("date").asText();
    JsonNode r = ok(f.get("/api/search", "date_from", d, "date_to", d, "size", "100", "collapse", "false"));
    assertThat(r.get("total").asLong()).isEqualTo(day.get("count").asLong());
    r.get("hits").forEach(h -> assertThat(h.get("date").asText()).isEqualTo(d));
  }

  @Test
  void a_phrase_query_only_finds_paragraphs_containing_the_phrase() {
    JsonNode r = ok(f.get("/api/search", "q", "\"全面建成小康社会\"", "size", "100", "collapse", "false"));
    assertThat(r.get("total").asLong()).isPositive();
    for (JsonNode h : r.get("hits")) {
      assertThat(h.get("text").asText() + h.path("title").asText()).contains("全面建成小康社会");
    }
  }

  @Test
  void a_traditional_character_query_finds_the_simplified_text() {
    long simplified = ok(f.get("/api/search", "q", "脱贫攻坚", "size", "0")).get("total").asLong();
    long traditional = ok(f.get("/api/search", "q", "脫貧攻堅", "size", "0")).get("total").asLong();
    assertThat(simplified).isPositive();
    assertThat(traditional).isEqualTo(simplified);
  }

  @Test
  void an_excluded_word_removes_its_paragraphs() {
    JsonNode r = ok(f.get("/api/search", "q", "疫情 -武汉", "size", "100", "collapse", "false"));
    long with = ok(f.get("/api/search", "q", "疫情", "size", "0")).get("total").asLong();
    assertThat(r.get("total").asLong()).isPositive().isLessThan(with);
    r.get("hits").forEach(h -> assertThat(h.get("text").asText() + h.path("title").asText()).doesNotContain("武汉"));
  }

  @Test
  void or_matches_either_word() {
    long a = ok(f.get("/api/search", "q", "脱贫攻坚", "size", "0")).get("total").asLong();
    long b = ok(f.get("/api/search", "q", "疫情", "size", "0")).get("total").asLong();
    long either = ok(f.get("/api/search", "q", "脱贫攻坚 OR 疫情", "size", "0")).get("total").asLong();
    long both = ok(f.get("/api/search", "q", "脱贫攻坚 疫情", "size", "0")).get("total").asLong();
    assertThat(either).isGreaterThanOrEqualTo(Math.max(a, b)).isEqualTo(a + b - both);
  }

  @Test
  void malformed_query_syntax_degrades_instead_of_failing() {
    for (String q : List.of("\"脱贫攻坚", "-", "OR", "脱贫 OR", "((", "title:习近平 AND", "\\", "*?~^")) {
      assertThat(f.get("/api/search", "q", q).status()).as(q).isEqualTo(200);
    }
  }

  @Test
  void synonyms_find_the_same_paragraphs() {
    long shortName = ok(f.get("/api/search", "q", "世卫组织", "size", "0")).get("total").asLong();
    long fullName = ok(f.get("/api/search", "q", "世界卫生组织", "size", "0")).get("total").asLong();
    assertThat(shortName).isEqualTo(fullName);
  }

  @Test
  void highlights_mark_whole_dictionary_words() {
    JsonNode r = ok(f.get("/api/search", "q", "脱贫攻坚", "size", "20"));
    Pattern em = Pattern.compile("<em>(.*?)</em>");
    int marks = 0;
    for (JsonNode h : r.get("hits")) {
      for (JsonNode frag : h.get("highlights")) {
        Matcher m = em.matcher(frag.asText());
        while (m.find()) {
          assertThat(m.group(1)).isEqualTo("脱贫攻坚");
          marks++;
        }
      }
    }
    assertThat(marks).isPositive();
  }

  @Test
  void a_title_match_ranks_above_body_only_matches() {
    JsonNode hits = ok(f.get("/api/search", "q", "脱贫攻坚", "size", "100", "collapse", "false")).get("hits");
    boolean seenBodyOnly = false;
    for (JsonNode h : hits) {
      boolean inTitle = h.path("title").asText().contains("脱贫攻坚");
      if (!inTitle) {
        seenBodyOnly = true;
      } else {
        assertThat(seenBodyOnly).as("title match after a body-only match").isFalse();
      }
    }
  }

  @Test
  void markup_in_a_paragraph_comes_back_escaped_in_highlights_and_raw_in_text() {
    JsonNode r = ok(f.get("/api/search", "q", "注入测试段落", "size", "5"));
    JsonNode hit = r.get("hits").get(0);
    assertThat(hit.get("id").asText()).isEqualTo(ApiFixture.SCRIPT_ID);
    assertThat(hit.get("text").asText()).isEqualTo(ApiFixture.SCRIPT_TEXT);
    String html = hit.get("highlights").get(0).asText();
    assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;").contains("<em>");
    assertThat(hit.get("title_highlight").asText()).doesNotContain("<b>");
  }

  @ParameterizedTest
  @ValueSource(strings = {"脱贫攻坚", "xjp", "疫情 防控", "\"发表重要讲话\"", "世卫组织"})
  void every_hit_carries_its_paragraphs_own_text_whether_the_highlight_marks_it_or_not(String q) {
    JsonNode hits = ok(f.get("/api/search", "q", q, "size", "20")).get("hits");
    assertThat(hits.size()).isPositive();
    for (JsonNode h : hits) {
      JsonNode paragraph = ok(f.get("/api/paragraphs/" + h.get("id").asText()));
      assertThat(h.get("text").asText()).as(h.get("id").asText()).isEqualTo(paragraph.get("text").asText());
    }
  }

  @Test
  void short_paragraphs_come_back_whole_in_highlights() {
    JsonNode hit = ok(f.get("/api/search", "q", "注入测试段落")).get("hits").get(0);
    String plain = hit.get("highlights").get(0).asText().replaceAll("</?em>", "")
        .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("&#39;", "'")
        .replace("&#x27;", "'").replace("&#x2F;", "/").replace("&quot;", "\"");
    assertThat(plain).isEqualTo(ApiFixture.SCRIPT_TEXT);
  }

  @Test
  void page_paging_with_collapse_returns_every_group_exactly_once() {
    JsonNode first = ok(f.get("/api/search", "size", "0"));
    long groups = first.get("total_groups").asLong();
    long total = first.get("total").asLong();
    Set<String> ids = new HashSet<>();
    long duplicates = 0;
    for (int page = 1; ; page++) {
      JsonNode hits = ok(f.get("/api/search", "size", "40", "page", String.valueOf(page), "sort", "date_desc")).get("hits");
      if (hits.isEmpty()) {
        break;
      }
      for (JsonNode h : hits) {
        assertThat(ids.add(h.get("id").asText())).as("seen twice: " + h.get("id")).isTrue();
        duplicates += h.get("duplicates").asLong();
      }
    }
    assertThat((long) ids.size()).isEqualTo(groups);
    assertThat(duplicates).as("collapsed groups account for every paragraph").isEqualTo(total);
  }

  @ParameterizedTest
  @ValueSource(strings = {"relevance", "date_desc", "date_asc"})
  void cursor_paging_returns_every_paragraph_exactly_once(String sort) {
    long total = ok(f.get("/api/search", "size", "0", "q", "疫情")).get("total").asLong();
    Set<String> ids = new HashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      List<String> params = new ArrayList<>(List.of("q", "疫情", "size", "7", "sort", sort, "collapse", "false"));
      if (cursor != null) {
        params.addAll(List.of("cursor", cursor));
      }
      JsonNode r = ok(f.get("/api/search", params.toArray(String[]::new)));
      r.get("hits").forEach(h -> assertThat(ids.add(h.get("id").asText())).as("seen twice").isTrue());
      cursor = r.has("next_cursor") ? r.get("next_cursor").asText() : null;
      assertThat(++pages).isLessThan(1000);
    } while (cursor != null);
    assertThat((long) ids.size()).isEqualTo(total);
  }

  @Test
  void date_sorts_order_the_hits_by_date() {
    List<String> desc = new ArrayList<>();
    ok(f.get("/api/search", "sort", "date_desc", "size", "50")).get("hits").forEach(h -> desc.add(h.path("date").asText("")));
    List<String> asc = new ArrayList<>();
    ok(f.get("/api/search", "sort", "date_asc", "size", "50")).get("hits").forEach(h -> asc.add(h.path("date").asText("")));
    List<String> dated = desc.stream().filter(s -> !s.isEmpty()).toList();
    assertThat(dated).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(asc.stream().filter(s -> !s.isEmpty()).toList()).isSorted();
  }

  @Test
  void without_collapse_the_total_is_the_same_and_duplicates_show_up() {
    JsonNode on = ok(f.get("/api/search", "size", "0"));
    JsonNode off = ok(f.get("/api/search", "size", "0", "collapse", "false"));
    assertThat(off.get("total").asLong()).isEqualTo(on.get("total").asLong());
    assertThat(on.get("total_groups").asLong()).isLessThanOrEqualTo(on.get("total").asLong());
  }

  @Test
  void the_person_aggregation_puts_xi_jinping_first_for_the_whole_corpus() {
    JsonNode r = ok(f.get("/api/aggregations/persons", "size", "10"));
    JsonNode top = r.get("persons").get(0);
    assertThat(top.get("name").asText()).isEqualTo("习近平");
    assertThat(top.get("count").asLong()).isEqualTo(f.count(Map.of(Fields.PERSONS, List.of("习近平"))));
    assertThat(top.get("first_date").asText()).isLessThanOrEqualTo(top.get("last_date").asText());
    top.get("co_mentioned").forEach(c -> assertThat(c.get("value").asText()).isNotEqualTo("习近平"));
  }

  @Test
  void the_dates_aggregation_adds_up_and_breaks_down_by_person() {
    JsonNode r = ok(f.get("/api/aggregations/dates", "interval", "month", "breakdown", "person"));
    long sum = 0;
    for (JsonNode b : r.get("buckets")) {
      sum += b.get("count").asLong();
      assertThat(b.has("persons")).isTrue();
    }
    assertThat(sum + r.get("undated").asLong()).isEqualTo(r.get("total").asLong());
    assertThat(r.get("total").asLong()).isEqualTo(f.countAll());
  }

  @Test
  void a_paragraph_and_its_whole_article_can_be_fetched_by_id() {
    JsonNode hit = ok(f.get("/api/search", "q", "脱贫攻坚", "size", "1")).get("hits").get(0);
    JsonNode p = ok(f.get("/api/paragraphs/" + hit.get("id").asText()));
    assertThat(p.get("text").asText()).isEqualTo(hit.get("text").asText());
    JsonNode article = ok(f.get("/api/articles/" + hit.get("article_id").asText()));
    List<Integer> numbers = new ArrayList<>();
    article.get("paragraphs").forEach(x -> numbers.add(x.get("paragraph").asInt()));
    assertThat(numbers).isSorted().contains(hit.get("paragraph").asInt());
    assertThat(article.get("title").asText()).isEqualTo(hit.get("title").asText());
  }

  @Test
  void a_query_is_cut_with_the_names_the_indexer_learned() throws Exception {
    List<String> persons = values(ok(f.get("/api/search", "size", "0", "facet_size", "30")).get("facets").get("persons"));
    assertThat(persons).contains("习近平");
    // the app read them when it started; read again here, so the test does not race its timer
    new IndexedNames(f.client, f.es.alias(), WordSplitter.shared()).refresh();
    for (String name : persons) {
      // IK cuts at a non-Han character whatever its dictionary holds (伊姆兰·汗): Han names only
      if (name.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
        assertThat(WordSplitter.shared().split(name)).as(name).containsExactly(name);
      }
    }
  }

  @Test
  void an_article_names_the_persons_of_all_its_paragraphs_the_most_mentioned_first() {
    JsonNode hit = ok(f.get("/api/search", "q", "习近平", "size", "1")).get("hits").get(0);
    JsonNode article = ok(f.get("/api/articles/" + hit.get("article_id").asText()));
    Map<String, Integer> paragraphsOf = new LinkedHashMap<>();
    article.get("paragraphs").forEach(x -> x.get("persons").forEach(n -> paragraphsOf.merge(n.asText(), 1, Integer::sum)));
    List<String> persons = new ArrayList<>();
    article.get("persons").forEach(n -> persons.add(n.asText()));
    assertThat(persons).contains("习近平").containsExactlyInAnyOrderElementsOf(paragraphsOf.keySet());
    assertThat(persons.stream().map(paragraphsOf::get).toList()).isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  @Test
  void suggest_offers_persons_for_a_chinese_name_prefix() {
    JsonNode r = ok(f.get("/api/suggest", "q", "习"));
    List<String> persons = new ArrayList<>();
    r.get("suggestions").forEach(s -> {
      if (s.get("type").asText().equals("person")) {
        persons.add(s.get("text").asText());
      }
    });
    assertThat(persons).contains("习近平");
    assertThat(ok(f.get("/api/suggest", "q", "")).get("suggestions")).isEmpty();
  }

  @Test
  void metrics_count_requests_per_route_and_time_elasticsearch() {
    f.get("/api/search", "q", "疫情");
    String metrics = f.get("/metrics").body();
    assertThat(metrics).contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/search\",status=\"200\"}");
    assertThat(metrics).contains("es_requests_seconds_count{op=\"search\",outcome=\"ok\"}");
  }

  @Test
  void the_openapi_document_and_the_pages_are_served() {
    JsonNode doc = ok(f.get("/openapi.json"));
    assertThat(doc.get("paths").has("/api/search")).isTrue();
    Response page = f.get("/");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("/assets/app.js").doesNotContain("http://", "https://");
    assertThat(f.get("/api-docs").body()).contains("/openapi.json");
    assertThat(f.get("/assets/app.js").status()).isEqualTo(200);
    assertThat(f.get("/assets/app.css").status()).isEqualTo(200);
  }

  @Test
  void responses_are_gzipped_when_the_client_accepts_it() {
    Response r = f.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(f.base + "/api/search?size=50&collapse=false"))
        .header("Accept-Encoding", "gzip").GET().build());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Encoding")).isEqualTo("gzip");
  }

  @Test
  void cors_allows_the_configured_origin_only() {
    Response allowed = f.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(f.base + "/api/search?size=0"))
        .header("Origin", ApiFixture.CORS_ORIGIN).GET().build());
    assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(ApiFixture.CORS_ORIGIN);
    Response other = f.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(f.base + "/api/search?size=0"))
        .header("Origin", "http://evil.example").GET().build());
    assertThat(other.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void facet_size_limits_every_facet() {
    JsonNode facets = ok(f.get("/api/search", "size", "0", "facet_size", "2")).get("facets");
    for (String key : FACET_KEYS) {
      assertThat(facets.get(key).size()).as(key).isLessThanOrEqualTo(2);
    }
  }

  @Test
  void every_hit_carries_the_contract_fields() {
    JsonNode hit = ok(f.get("/api/search", "q", "疫情", "size", "1")).get("hits").get(0);
    for (String field : List.of("id", "score", "text", "highlights", "title", "date", "persons", "reporters", "places",
        "organizations", "source", "file", "article_id", "paragraph", "duplicates")) {
      assertThat(hit.has(field)).as(field).isTrue();
    }
  }
}
