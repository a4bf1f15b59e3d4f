package dev.newssearch.api.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.newssearch.api.query.QueryParser;
import dev.newssearch.api.query.Synonyms;
import dev.newssearch.api.query.WordSplitter;
import dev.newssearch.api.search.Cursor;
import dev.newssearch.api.search.Filters;
import dev.newssearch.api.search.Interval;
import dev.newssearch.api.search.QueryBuilder;
import dev.newssearch.api.search.SearchRequest;
import dev.newssearch.api.search.SearchResult;
import dev.newssearch.api.search.SearchService;
import dev.newssearch.api.search.SortOrder;
import dev.newssearch.core.es.EsClients;
import dev.newssearch.core.es.EsConfig;
import dev.newssearch.core.schema.Fields;
import dev.newssearch.core.schema.ParagraphDoc;
import dev.newssearch.indexer.eval.devpages.DevArticle;
import dev.newssearch.indexer.eval.devpages.DevCorpus;
import dev.newssearch.indexer.eval.devpages.DevPage;
import dev.newssearch.indexer.eval.devpages.DevPages;
import dev.newssearch.indexer.eval.devpages.DevSentence;
import dev.newssearch.indexer.eval.devpages.GeneratorOptions;
import dev.newssearch.indexer.index.IndexRun;
import dev.newssearch.indexer.index.SeedIndexer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Relevance evaluation, not a test: S@1, S@3, S@10 and the zero-result rate of the API beside plain
 * Elasticsearch {@code match} (OR and AND) on {@code text}, same index, same run.
 *
 * <ul>
 *   <li>{@code seeds-judged}: the hand-judged queries of {@code eval/search/seeds-judged.tsv} on the seeds
 *       (query, then the text that answers it: a hit is right when its text holds one of them);
 *   <li>{@code dev-known-item}: pages generated from the dev corpus (the lead's {@code devpages}),
 *       indexed by the real pipeline; each query is two or three words of one sentence typed together,
 *       and a hit is right when its text holds that sentence from the first chosen word to the last.
 * </ul>
 *
 * <p>Run with {@code bench/search-eval.sh}. Environment: ES_URL, EVAL_PAGES (40), EVAL_QUERIES (200),
 * EVAL_SEED (11).
 */
public final class SearchEval {
  record Query(String text, Predicate<String> answers) {}

  record Score(int n, int at1, int at3, int at10, int zero) {
    String row(String set, String system) {
      return String.format("%-16s %-18s %5d %7.3f %7.3f %7.3f %7.3f", set, system, n,
          at1 / (double) n, at3 / (double) n, at10 / (double) n, zero / (double) n);
    }
  }

  interface Engine {
    List<String> top10(String q) throws IOException;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    EsConfig base = EsConfig.fromEnv(env);
    int pages = Integer.parseInt(env.getOrDefault("EVAL_PAGES", "40"));
    int queries = Integer.parseInt(env.getOrDefault("EVAL_QUERIES", "200"));
    long seed = Long.parseLong(env.getOrDefault("EVAL_SEED", "11"));
    Path seeds = Path.of(args.length > 0 ? args[0] : "seeds").toAbsolutePath().normalize();
    Path judged = Path.of(args.length > 1 ? args[1] : "eval/search/seeds-judged.tsv");

    List<String> rows = new ArrayList<>();
    EsConfig seedsEs = base.withAlias("eval-seeds");
    index(seedsEs, seeds);
    rows.addAll(evaluate("seeds-judged", seedsEs, judged(judged)));

    if (DevCorpus.locate().isPresent()) {
      List<DevPage> generated = DevPages.generate(GeneratorOptions.defaults(seed, pages));
      Path dir = Files.createTempDirectory("eval-devpages");
      DevPages.write(generated, dir);
      EsConfig devEs = base.withAlias("eval-dev");
      index(devEs, dir);
      rows.addAll(evaluate("dev-known-item", devEs, knownItems(generated, queries, new Random(seed))));
    } else {
      rows.add("dev-known-item   skipped: " + DevCorpus.absentReason());
    }
    System.out.printf("%n%-16s %-18s %5s %7s %7s %7s %7s%n", "set", "system", "n", "S@1", "S@3", "S@10", "zero");
    rows.forEach(System.out::println);
    System.exit(0);
  }

  private static void index(EsConfig es, Path dir) throws IOException {
    long t0 = System.nanoTime();
    IndexRun run = SeedIndexer.rebuild(es, dir);
    System.out.printf("indexed %s into %s in %.1f s: %s%n", dir, es.alias(), (System.nanoTime() - t0) / 1e9, run.summary());
  }

  private static List<String> evaluate(String set, EsConfig es, List<Query> qs) throws IOException {
    try (var transport = EsClients.client(es)._transport()) {
      ElasticsearchClient client = new ElasticsearchClient(transport);
      QueryParser parser = new QueryParser(Synonyms.shipped());
      SearchService service = new SearchService(client, es.alias(), new QueryBuilder(parser.synonyms()),
          new SimpleMeterRegistry(), 10_000);
      Map<String, Engine> engines = new LinkedHashMap<>();
      engines.put("api", q -> {
        SearchResult r = service.search(new SearchRequest(parser.parse(q), Filters.NONE, SortOrder.RELEVANCE,
            10, 1, (Cursor) null, 10, Interval.MONTH, true));
        return r.hits().stream().map(SearchResult.Hit::text).toList();
      });
      engines.put("es match OR", q -> plain(client, es.alias(), q, Operator.Or));
      engines.put("es match AND", q -> plain(client, es.alias(), q, Operator.And));
      List<String> rows = new ArrayList<>();
      for (var e : engines.entrySet()) {
        int at1 = 0, at3 = 0, at10 = 0, zero = 0;
        for (Query q : qs) {
          List<String> texts = e.getValue().top10(q.text());
          if (texts.isEmpty()) {
            zero++;
          }
          int rank = -1;
          for (int i = 0; i < texts.size(); i++) {
            if (q.answers().test(texts.get(i))) {
              rank = i;
              break;
            }
          }
          at1 += rank == 0 ? 1 : 0;
          at3 += rank >= 0 && rank < 3 ? 1 : 0;
          at10 += rank >= 0 ? 1 : 0;
          if (rank < 0 && e.getKey().equals("api") && Boolean.parseBoolean(System.getenv().getOrDefault("EVAL_VERBOSE", "false"))) {
            System.out.printf("miss %s: %s%n", set, q.text());
          }
        }
        rows.add(new Score(qs.size(), at1, at3, at10, zero).row(set, e.getKey()));
      }
      return rows;
    }
  }

  private static List<String> plain(ElasticsearchClient client, String alias, String q, Operator op) throws IOException {
    var resp = client.search(s -> s.index(alias).size(10)
        .query(qq -> qq.match(m -> m.field(Fields.TEXT).query(q).operator(op))), ParagraphDoc.class);
    return resp.hits().hits().stream().map(Hit::source).map(ParagraphDoc::text).toList();
  }

  static String squeeze(String s) {
    return s.replaceAll("[\\s\\u3000]", "");
  }

  /** {@code query<TAB>answer text[<TAB>answer text…]}; {@code #} starts a comment. */
  static List<Query> judged(Path file) throws IOException {
    List<Query> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\t");
      List<String> answers = new ArrayList<>();
      for (int i = 1; i < parts.length; i++) {
        answers.add(squeeze(parts[i]));
      }
      out.add(new Query(parts[0], text -> answers.stream().anyMatch(a -> squeeze(text).contains(a))));
    }
    return out;
  }

  /**
   * Two or three IK words (two characters or more) of one sentence, in their order, typed together;
   * the answer is the sentence's span from the first of them to the end of the last.
   */
  static List<Query> knownItems(List<DevPage> pages, int count, Random random) {
    List<String> sentences = new ArrayList<>();
    for (DevPage page : pages) {
      for (DevArticle a : page.articles()) {
        for (List<DevSentence> p : a.paragraphs()) {
          p.forEach(s -> sentences.add(s.text()));
        }
      }
    }
    WordSplitter splitter = WordSplitter.shared();
    List<Query> out = new ArrayList<>();
    for (int tries = 0; out.size() < count && tries < count * 20; tries++) {
      String sentence = squeeze(sentences.get(random.nextInt(sentences.size())));
      List<String> words = splitter.split(sentence).stream()
          .filter(w -> w.length() >= 2 && w.codePoints().allMatch(Character::isLetterOrDigit)).toList();
      int k = 2 + random.nextInt(2);
      if (words.size() < k + 1) {
        continue;
      }
      List<Integer> picked = new ArrayList<>();
      while (picked.size() < k) {
        int i = random.nextInt(words.size());
        if (!picked.contains(i)) {
          picked.add(i);
        }
      }
      picked.sort(Integer::compare);
      StringBuilder q = new StringBuilder();
      int from = -1;
      int to = -1;
      int cursor = 0;
      String lower = sentence.toLowerCase(java.util.Locale.ROOT);
      boolean found = true;
      for (int i : picked) {
        String w = words.get(i);
        q.append(w);
        int at = lower.indexOf(w, cursor);
        if (at < 0) {
          found = false;
          break;
        }
        from = from < 0 ? at : from;
        to = at + w.length();
        cursor = to;
      }
      if (!found) {
        continue;
      }
      String span = squeeze(lower.substring(from, to));
      out.add(new Query(q.toString(), text -> squeeze(text).toLowerCase(java.util.Locale.ROOT).contains(span)));
    }
    return out;
  }
}
