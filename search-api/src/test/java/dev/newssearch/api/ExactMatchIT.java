package dev.newssearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import dev.newssearch.api.ApiFixture.Response;
import dev.newssearch.core.schema.Fields;
import dev.newssearch.core.schema.ParagraphDoc;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exact matching against an independent oracle: every paragraph of the test index, fetched with one
 * match_all, and Java's {@code String.contains}.
 */
class ExactMatchIT {
  /** In the seeds as 脱贫攻坚成效; ik_max_word cuts that into 脱贫攻坚, 脱贫, 攻坚, 成效, so IK alone misses it. */
  static final String ACROSS_IK_WORDS = "贫攻坚成效";
  static final Pattern EM = Pattern.compile("<em>(.*?)</em>");

  /** What the API decides about a query word (whether IK keeps it whole, or cuts it into its characters). */
  static final dev.newssearch.api.search.QueryBuilder BUILDER =
      new dev.newssearch.api.search.QueryBuilder(dev.newssearch.api.query.Synonyms.none());

  static ApiFixture f;
  static Map<String, ParagraphDoc> all;

  @BeforeAll
  static void start() throws IOException {
    f = ApiFixture.get();
    var resp = f.client.search(s -> s.index(ApiFixture.ALIAS).size(1000).query(q -> q.matchAll(m -> m)), ParagraphDoc.class);
    all = new HashMap<>();
    for (Hit<ParagraphDoc> h : resp.hits().hits()) {
      all.put(h.id(), h.source());
    }
    assertThat((long) all.size()).as("the oracle sees every paragraph").isEqualTo(f.countAll());
  }

  private static JsonNode ok(Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  /** Every hit of a query, page after page, without collapse: paragraph ids. */
  private static Set<String> ids(String q) {
    Set<String> ids = new HashSet<>();
    long total = -1;
    for (int page = 1; ; page++) {
      JsonNode r = ok(f.get("/api/search", "q", q, "size", "100", "collapse", "false", "page", String.valueOf(page)));
      total = r.get("total").asLong();
      r.get("hits").forEach(h -> ids.add(h.get("id").asText()));
      if (r.get("hits").size() < 100) {
        break;
      }
    }
    assertThat((long) ids.size()).as("hits of " + q + " add up to its total").isEqualTo(total);
    return ids;
  }

  private static Set<String> textContains(String s) {
    return all.values().stream().filter(d -> d.text().contains(s)).map(ParagraphDoc::id).collect(Collectors.toSet());
  }

  @Test
  void a_word_that_cuts_across_ik_words_finds_its_paragraphs_and_is_marked_as_one() throws IOException {
    String paragraph = all.values().stream().map(ParagraphDoc::text).filter(t -> t.contains(ACROSS_IK_WORDS))
        .findFirst().orElseThrow();
    List<String> tokens = f.client.indices().analyze(a -> a.index(ApiFixture.ALIAS).field(Fields.TEXT).text(paragraph))
        .tokens().stream().map(t -> t.token()).toList();
    assertThat(tokens).as("ik_max_word has no such word").doesNotContain(ACROSS_IK_WORDS, "贫攻坚", "攻坚成效");

    Set<String> expected = textContains(ACROSS_IK_WORDS);
    assertThat(ids(ACROSS_IK_WORDS)).containsAll(expected);

    JsonNode hits = ok(f.get("/api/search", "q", ACROSS_IK_WORDS, "size", "100", "collapse", "false")).get("hits");
    int marked = 0;
    for (JsonNode h : hits) {
      if (!expected.contains(h.get("id").asText())) {
        continue;
      }
      String html = "";
      for (JsonNode frag : h.get("highlights")) {
        html += frag.asText();
      }
      assertThat(html).as(h.get("id").asText()).contains("<em>" + ACROSS_IK_WORDS + "</em>");
      marked++;
    }
    assertThat(marked).isEqualTo(expected.size());
  }

  /**
   * The premise of {@code QueryBuilder.textHighlight} leaving out the IK highlight: for a word of Han
   * characters that IK keeps whole, the IK marks add nothing to the exact ones. Checked on the node, for
   * the words IK keeps whole in the index's own paragraphs, on every paragraph that holds each of them.
   */
  @Test
  void a_word_ik_keeps_whole_is_marked_by_its_exact_occurrences_alone() throws IOException {
    Set<String> words = wordsIkKeepsWhole(all.values().stream().map(ParagraphDoc::text).sorted().limit(60));
    assertThat(words).as("words to check").hasSizeGreaterThan(50);
    int compared = 0;
    for (String w : words) {
      var resp = f.client.search(s -> s.index(ApiFixture.ALIAS).size(200)
          .query(q -> q.matchPhrase(m -> m.field(Fields.TEXT_CHARS).query(w)))
          .highlight(h -> h.encoder(co.elastic.clients.elasticsearch.core.search.HighlighterEncoder.Html)
              .preTags("<em>").postTags("</em>").requireFieldMatch(true)
              .fields(Fields.TEXT, x -> x.type("unified").numberOfFragments(0).highlightQuery(ikWords(Fields.TEXT, w)))
              .fields(Fields.TEXT_CHARS, x -> x.type("unified").numberOfFragments(0).noMatchSize(1_000_000)
                  .highlightQuery(q -> q.matchPhrase(m -> m.field(Fields.TEXT_CHARS).query(w))))),
          ParagraphDoc.class);
      for (Hit<ParagraphDoc> h : resp.hits().hits()) {
        String ik = first(h.highlight().get(Fields.TEXT));
        String exact = first(h.highlight().get(Fields.TEXT_CHARS));
        assertThat(dev.newssearch.api.search.Highlights.union(null, exact)).as(w + " in " + h.id())
            .isEqualTo(dev.newssearch.api.search.Highlights.union(ik, exact));
        compared++;
      }
    }
    assertThat(compared).as("paragraphs compared").isGreaterThan(200);
  }

  /**
   * The premise of {@code QueryBuilder.textHighlight} leaving out the IK highlight for a word IK cuts into its
   * characters when every paragraph found holds an exact phrase ({@code 疫情 防控}): the node cuts such a word as
   * the API does, and marks each of its characters as a token of its own, so that beside an exact mark the union
   * of the two highlights is the exact marks alone. Checked for two-character spans of the index's paragraphs that
   * IK cuts into characters, each with a word IK keeps whole from the same paragraph, on every paragraph holding
   * that word and the span's characters.
   */
  @Test
  void a_word_ik_cuts_into_its_characters_adds_no_mark_beside_an_exact_one() throws IOException {
    List<List<String>> pairs = new ArrayList<>();
    for (ParagraphDoc d : all.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList()) {
      String t = d.text();
      List<String> whole = List.copyOf(wordsIkKeepsWhole(java.util.stream.Stream.of(t)));
      for (int i = pairs.size() % 5; i + 2 <= t.length() && !whole.isEmpty(); i += 5) {
        String span = t.substring(i, i + 2);
        if (BUILDER.cutIntoCharacters(span)) {
          pairs.add(List.of(whole.get(pairs.size() % whole.size()), span));
          break;
        }
      }
    }
    assertThat(pairs).as("pairs to check").hasSizeGreaterThan(40);
    int compared = 0;
    int alone = 0;
    for (List<String> pair : pairs) {
      String word = pair.get(0);
      String cut = pair.get(1);
      List<String> nodeCut = f.client.indices().analyze(a -> a.index(ApiFixture.ALIAS).analyzer("ik_smart").text(cut))
          .tokens().stream().map(t -> t.token()).toList();
      assertThat(nodeCut).as("the node's ik_smart cut of " + cut).hasSize(cut.length());
      var characters = cut.codePoints().mapToObj(Character::toString).map(c -> co.elastic.clients.elasticsearch._types
          .query_dsl.Query.of(q -> q.matchPhrase(m -> m.field(Fields.TEXT_CHARS).query(c)))).toList();
      var resp = f.client.search(s -> s.index(ApiFixture.ALIAS).size(200)
          .query(q -> q.bool(b -> b.must(m -> m.matchPhrase(p -> p.field(Fields.TEXT_CHARS).query(word))).filter(characters)))
          .highlight(h -> h.encoder(co.elastic.clients.elasticsearch.core.search.HighlighterEncoder.Html)
              .preTags("<em>").postTags("</em>").requireFieldMatch(true)
              .fields(Fields.TEXT, x -> x.type("unified").numberOfFragments(0).highlightQuery(q -> q.bool(b -> b
                  .should(ikWords(Fields.TEXT, word)).should(ikWords(Fields.TEXT, cut)))))
              .fields(Fields.TEXT_CHARS, x -> x.type("unified").numberOfFragments(0).noMatchSize(1_000_000)
                  .highlightQuery(q -> q.bool(b -> b.should(s2 -> s2.matchPhrase(m -> m.field(Fields.TEXT_CHARS).query(word)))
                      .should(s2 -> s2.matchPhrase(m -> m.field(Fields.TEXT_CHARS).query(cut))))))),
          ParagraphDoc.class);
      for (Hit<ParagraphDoc> h : resp.hits().hits()) {
        String ik = first(h.highlight().get(Fields.TEXT));
        String exact = first(h.highlight().get(Fields.TEXT_CHARS));
        assertThat(dev.newssearch.api.search.Highlights.union(null, exact)).as(word + " " + cut + " in " + h.id())
            .isEqualTo(dev.newssearch.api.search.Highlights.union(ik, exact));
        compared++;
        Matcher m = EM.matcher(ik == null ? "" : ik);
        while (m.find()) {
          if (m.group(1).codePointCount(0, m.group(1).length()) == 1 && !m.group(1).equals(cut)) {
            alone++;
            break;
          }
        }
      }
    }
    assertThat(compared).as("paragraphs compared").isGreaterThan(100);
    assertThat(alone).as("paragraphs where the node marked a character of the cut word on its own").isGreaterThan(20);
  }

  /**
   * The API marks exact occurrences itself ({@code ExactMarks}): for phrases of every kind (words, spans cut
   * anywhere, across punctuation, Latin letters and digits, several phrases at once), on every paragraph the
   * node finds, its marks and its text are the node's own highlighter's, character for character.
   */
  @Test
  void the_api_marks_exactly_what_the_nodes_highlighter_marks() throws IOException {
    var marks = dev.newssearch.api.search.ExactMarks.of(dev.newssearch.core.schema.IndexSchema.load(), Fields.TEXT_CHARS);
    var splitter = dev.newssearch.api.query.WordSplitter.shared();
    List<ParagraphDoc> docs = all.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
    List<List<String>> queries = new ArrayList<>();
    for (int i = 0; i < docs.size() && queries.size() < 120; i += 3) {
      String t = docs.get(i).text();
      int len = 2 + queries.size() % 6;
      int at = (queries.size() * 17) % Math.max(1, t.length() - len);
      String span = t.substring(at, Math.min(t.length(), at + len));
      List<String> words = splitter.split(t);
      String word = words.isEmpty() ? span : words.get(queries.size() % words.size());
      queries.add(List.of(span));
      queries.add(List.of(span, word));
    }
    queries.addAll(List.of(List.of("COVID-19"), List.of("covid 19"), List.of("G20"), List.of("2020年"), List.of("疫情防控"),
        List.of("情，防"), List.of("新冠肺炎", "COVID-19", "新型冠状病毒"), List.of("习近平", "脱贫攻坚")));
    int compared = 0;
    int markedHits = 0;
    for (List<String> phrases : queries) {
      var should = phrases.stream().map(p -> co.elastic.clients.elasticsearch._types.query_dsl.Query.of(q -> q
          .matchPhrase(m -> m.field(Fields.TEXT_CHARS).query(p).slop(0)))).toList();
      var resp = f.client.search(s -> s.index(ApiFixture.ALIAS).size(50)
          .query(q -> q.bool(b -> b.should(should).should(x -> x.matchAll(m -> m.boost(0f)))))
          .highlight(h -> h.encoder(co.elastic.clients.elasticsearch.core.search.HighlighterEncoder.Html)
              .preTags("<em>").postTags("</em>").requireFieldMatch(true)
              .fields(Fields.TEXT_CHARS, x -> x.type("unified").numberOfFragments(0).noMatchSize(1_000_000)
                  .highlightQuery(q -> q.bool(b -> b.should(should))))),
          ParagraphDoc.class);
      var ours = marks.phrases(phrases);
      for (Hit<ParagraphDoc> h : resp.hits().hits()) {
        String node = first(h.highlight().get(Fields.TEXT_CHARS));
        String api = marks.html(h.source().text(), ours);
        assertThat(dev.newssearch.api.search.Highlights.mergeAdjacent(api)).as(phrases + " in " + h.id())
            .isEqualTo(dev.newssearch.api.search.Highlights.mergeAdjacent(node));
        compared++;
        markedHits += node.contains("<em>") ? 1 : 0;
      }
    }
    assertThat(compared).as("paragraphs compared").isGreaterThan(2000);
    assertThat(markedHits).as("paragraphs with marks compared").isGreaterThan(500);
  }

  /**
   * The premise of {@code QueryBuilder.titleMarkedExactly}: for a word of Han characters that IK keeps
   * whole, the node's IK highlight of a title marks the word's exact occurrences, which the API marks
   * itself. Checked for the words IK keeps whole in the index's titles, on every title that holds one.
   */
  @Test
  void a_word_ik_keeps_whole_is_marked_in_a_title_by_its_exact_occurrences() throws IOException {
    var marks = dev.newssearch.api.search.ExactMarks.of(dev.newssearch.core.schema.IndexSchema.load(), Fields.TITLE_CHARS);
    Set<String> words = wordsIkKeepsWhole(all.values().stream().map(ParagraphDoc::title).filter(t -> t != null).distinct());
    assertThat(words).as("words to check").hasSizeGreaterThan(30);
    int compared = 0;
    for (String w : words) {
      var resp = f.client.search(s -> s.index(ApiFixture.ALIAS).size(200)
          .query(q -> q.matchPhrase(m -> m.field(Fields.TITLE_CHARS).query(w)))
          .highlight(h -> h.encoder(co.elastic.clients.elasticsearch.core.search.HighlighterEncoder.Html)
              .preTags("<em>").postTags("</em>").requireFieldMatch(true)
              .fields(Fields.TITLE, x -> x.type("unified").numberOfFragments(0).highlightQuery(ikWords(Fields.TITLE, w)))),
          ParagraphDoc.class);
      var ours = marks.phrases(List.of(w));
      for (Hit<ParagraphDoc> h : resp.hits().hits()) {
        String node = first(h.highlight().get(Fields.TITLE));
        assertThat(node).as(w + " in the title of " + h.id()).isNotNull();
        assertThat(dev.newssearch.api.search.Highlights.mergeAdjacent(marks.html(h.source().title(), ours)))
            .as(w + " in the title of " + h.id()).isEqualTo(dev.newssearch.api.search.Highlights.mergeAdjacent(node));
        compared++;
      }
    }
    assertThat(compared).as("titles compared").isGreaterThan(200);
  }

  /**
   * A word IK cuts into its characters (its every character an IK token of its own) is marked in a title where
   * its characters stand together, never one by one: on the titles of every hit of such words, taken from the
   * index's titles.
   */
  @Test
  void a_word_ik_cuts_into_its_characters_is_marked_in_a_title_only_where_it_stands_whole() {
    Set<String> cuts = new java.util.TreeSet<>();
    for (String t : all.values().stream().map(ParagraphDoc::title).filter(t -> t != null).distinct().sorted().toList()) {
      for (int i = 0; i + 2 <= t.length() && cuts.size() < 40; i += 3) {
        if (BUILDER.cutIntoCharacters(t.substring(i, i + 2))) {
          cuts.add(t.substring(i, i + 2));
          break;
        }
      }
    }
    assertThat(cuts).as("words to check").hasSizeGreaterThan(15);
    int titles = 0;
    int marked = 0;
    for (String cut : cuts) {
      for (JsonNode h : ok(f.get("/api/search", "q", cut, "size", "100", "collapse", "false")).get("hits")) {
        String title = h.path("title").asText("");
        String html = h.path("title_highlight").asText("");
        Matcher m = EM.matcher(html);
        while (m.find()) {
          assertThat(m.group(1)).as(cut + " in the title of " + h.get("id").asText()).matches("(" + Pattern.quote(cut) + ")+");
        }
        if (title.contains(cut)) {
          assertThat(html).as(cut + " in the title of " + h.get("id").asText()).contains("<em>" + cut);
          marked++;
        }
        titles++;
      }
    }
    assertThat(titles).as("titles seen").isGreaterThan(200);
    assertThat(marked).as("titles holding the word").isGreaterThan(15);
  }

  /** The words of two characters or more in {@code texts} that IK keeps whole ({@code QueryBuilder.markedExactly}). */
  private static Set<String> wordsIkKeepsWhole(java.util.stream.Stream<String> texts) {
    var splitter = dev.newssearch.api.query.WordSplitter.shared();
    Set<String> words = new java.util.TreeSet<>();
    texts.forEach(t -> splitter.split(t).stream().filter(w -> w.length() >= 2 && BUILDER.markedExactly(w)).forEach(words::add));
    return words;
  }

  /** The IK marks the API asks the node for: the word cut by ik_smart, every piece present. */
  private static co.elastic.clients.elasticsearch._types.query_dsl.Query ikWords(String field, String w) {
    return co.elastic.clients.elasticsearch._types.query_dsl.Query.of(q -> q.match(m -> m.field(field).query(w)
        .analyzer("ik_smart").operator(co.elastic.clients.elasticsearch._types.query_dsl.Operator.And)));
  }

  private static String first(List<String> values) {
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  @Test
  void paragraphs_holding_the_substring_rank_above_those_with_the_ik_words_apart() {
    JsonNode hits = ok(f.get("/api/search", "q", ACROSS_IK_WORDS, "size", "100", "collapse", "false")).get("hits");
    boolean seenApart = false;
    for (JsonNode h : hits) {
      boolean exact = h.get("text").asText().contains(ACROSS_IK_WORDS) || h.path("title").asText().contains(ACROSS_IK_WORDS);
      if (!exact) {
        seenApart = true;
      } else {
        assertThat(seenApart).as("exact match after an IK-only match").isFalse();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"发表重要讲话", "领导人特别峰会", "全面建成小康社会", ACROSS_IK_WORDS, "疫情防控", "习近平"})
  void a_quoted_phrase_returns_exactly_the_paragraphs_whose_text_contains_it(String phrase) {
    Set<String> expected = textContains(phrase);
    assertThat(expected).as("the phrase is in the seeds").isNotEmpty();
    assertThat(ids("\"" + phrase + "\"")).isEqualTo(expected);
  }

  @Test
  void every_phrase_cut_from_the_seeds_finds_every_paragraph_that_holds_it() {
    // spans at fixed steps through every paragraph: every length from 2 to 6, starting anywhere,
    // so most of them cut across IK words
    List<String> spans = new ArrayList<>();
    List<ParagraphDoc> docs = all.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
    for (int i = 0; i < docs.size() && spans.size() < 40; i += 7) {
      String t = docs.get(i).text();
      int len = 2 + spans.size() % 5;
      int at = (spans.size() * 13) % Math.max(1, t.length() - len);
      String span = t.substring(at, Math.min(t.length(), at + len));
      if (span.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
        spans.add(span);
      }
    }
    assertThat(spans).hasSizeGreaterThan(20);
    for (String span : spans) {
      Set<String> found = ids("\"" + span + "\"");
      assertThat(found).as(span).containsAll(textContains(span));
      // the standard analyzer drops punctuation, so 力，有 also holds the phrase 力有 (see README)
      for (String id : found) {
        assertThat(all.get(id).text().replaceAll("[\\p{P}\\p{S}\\p{Z}\\s]", "")).as(span + " in " + id).contains(span);
      }
    }
  }

  @Test
  void an_excluded_word_removes_every_paragraph_that_contains_it_even_across_ik_words() {
    Set<String> with = ids("脱贫攻坚");
    Set<String> containing = textContains(ACROSS_IK_WORDS);
    assertThat(with).as("the exclusion has something to remove").containsAnyElementsOf(containing);
    Set<String> without = ids("脱贫攻坚 -" + ACROSS_IK_WORDS);
    assertThat(with).containsAll(without);
    assertThat(without).isNotEmpty().doesNotContainAnyElementsOf(containing);
    for (String id : without) {
      String title = all.get(id).title() == null ? "" : all.get(id).title();
      assertThat(all.get(id).text() + " " + title).doesNotContain(ACROSS_IK_WORDS);
    }
  }

  @Test
  void an_excluded_phrase_removes_every_paragraph_whose_text_contains_it() {
    Set<String> without = ids("疫情 -\"疫情防控\"");
    assertThat(without).isNotEmpty().doesNotContainAnyElementsOf(textContains("疫情防控"));
  }

  @Test
  void a_plain_word_finds_every_paragraph_that_contains_it() {
    for (String w : List.of("贫攻坚", "人特别峰", "重要讲话", "脱贫攻坚")) {
      assertThat(ids(w)).as(w).containsAll(textContains(w));
    }
  }

  @Test
  void a_quoted_phrase_is_marked_as_one_whole_phrase() {
    JsonNode hits = ok(f.get("/api/search", "q", "\"发表重要讲话\"", "size", "20")).get("hits");
    assertThat(hits).isNotEmpty();
    for (JsonNode h : hits) {
      List<String> marks = new ArrayList<>();
      for (JsonNode frag : h.get("highlights")) {
        Matcher m = EM.matcher(frag.asText());
        while (m.find()) {
          marks.add(m.group(1));
        }
      }
      assertThat(marks).isNotEmpty().allMatch(s -> s.equals("发表重要讲话"));
    }
  }

  @Test
  void every_json_route_answers_raw_utf8_and_says_so() {
    String id = ok(f.get("/api/search", "q", "脱贫攻坚", "size", "1")).get("hits").get(0).get("id").asText();
    List<Response> withChinese = List.of(f.get("/api/search", "q", "脱贫攻坚", "size", "1"),
        f.get("/api/aggregations/persons", "size", "3"), f.get("/api/paragraphs/" + id), f.get("/api/suggest", "q", "习"),
        f.get("/openapi.json"));
    for (Response r : withChinese) {
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.header("Content-Type")).isEqualToIgnoringWhitespace("application/json;charset=utf-8");
      assertThat(r.body()).doesNotContain("\\u").containsPattern("\\p{IsHan}");
    }
    for (Response r : List.of(f.get("/api/aggregations/dates"), f.get("/health"))) {
      assertThat(r.header("Content-Type")).isEqualToIgnoringWhitespace("application/json;charset=utf-8");
    }
  }
}
