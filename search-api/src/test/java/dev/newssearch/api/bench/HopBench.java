package dev.newssearch.api.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newssearch.api.ApiApp;
import dev.newssearch.api.ApiConfig;
import dev.newssearch.api.http.Params;
import dev.newssearch.api.query.QueryParser;
import dev.newssearch.api.query.Synonyms;
import dev.newssearch.api.search.QueryBuilder;
import dev.newssearch.api.search.SearchRequest;
import dev.newssearch.api.search.SearchService;
import dev.newssearch.core.es.EsConfig;
import dev.newssearch.core.schema.ParagraphDoc;
import io.javalin.Javalin;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark, not a test: where the API's hop goes, as interleaved A/B runs on a noisy machine. Each
 * round sends every target once, one after the other (sequential, {@code BENCH_GAP_MS} apart), for
 * {@code BENCH_RUNS} rounds, and prints per target the median and p90 of the client's round trip, the
 * median of Elasticsearch's {@code took} where there is one, and the answer's size. Targets: the plain
 * request of {@link ApiBench}, the API's own Elasticsearch request sent raw (JDK HTTP client) and through
 * the API's Elasticsearch client (typed parse), the service in process, and the API over HTTP.
 *
 * <p>Run with {@code bench/hop-bench.sh} after {@code bench/api-bench.sh} made the corpus. Environment:
 * ES_URL, BENCH_ALIAS (bench-paragraphs), BENCH_RUNS (200), BENCH_GAP_MS (30), BENCH_VARIANTS (the API's request
 * with one thing changed, see {@link #variants}), BENCH_TARGETS (substrings of the target names to keep),
 * BENCH_PAIRS ({@code a|b,...}: the median of a minus b over rounds), BENCH_OTHER_API ({@code name=url,...}: other
 * builds of the API on the same node, one more target each).
 */
public final class HopBench {
  private static final Pattern TOOK = Pattern.compile("\"took\"\\s*:\\s*(\\d+)");

  interface Target {
    /** One call: {round trip µs, took ms or -1, answer bytes or -1}. */
    long[] call() throws Exception;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    EsConfig es = EsConfig.fromEnv(env).withAlias(env.getOrDefault("BENCH_ALIAS", "bench-paragraphs"));
    int runs = Integer.parseInt(env.getOrDefault("BENCH_RUNS", "200"));
    long gapMs = Long.parseLong(env.getOrDefault("BENCH_GAP_MS", "30"));

    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("q", List.of("疫情 防控"));
    params.put("person", List.of("习近平"));
    params.put("size", List.of("10"));
    params.put("facet_size", List.of("10"));
    params.put("interval", List.of("day"));
    QueryParser parser = new QueryParser(Synonyms.shipped());
    SearchRequest req = new Params(params).searchRequest(parser);

    ElasticsearchClient client = ApiApp.esClient(es);
    ElasticsearchClient reactor = ApiApp.reactorEsClient(es);
    SearchService service = new SearchService(client, es.alias(), new QueryBuilder(parser.synonyms()),
        new SimpleMeterRegistry(), es.timeout().toMillis());
    SearchService reactorService = new SearchService(reactor, es.alias(), new QueryBuilder(parser.synonyms()),
        new SimpleMeterRegistry(), es.timeout().toMillis());
    SearchService.SearchBodies bodies = service.searchBodies(req);
    String apiJson = ApiBench.msearchBody(bodies);
    String oneJson = ApiBench.asOneSearch(bodies);
    String plainJson = ApiBench.plainRequestJson();
    URI esUri = URI.create(es.url().toString().replaceAll("/$", "") + "/" + es.alias() + "/_search");
    URI msearchUri = URI.create(es.url().toString().replaceAll("/$", "") + "/" + es.alias() + "/_msearch");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Javalin app = ApiApp.create(ApiConfig.local(es)).start();
    try {
      StringBuilder q = new StringBuilder();
      params.forEach((k, v) -> q.append(q.length() == 0 ? "" : "&").append(k).append('=')
          .append(URLEncoder.encode(v.get(0), StandardCharsets.UTF_8)));
      HttpRequest apiGet = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/search?" + q))
          .timeout(Duration.ofSeconds(10)).GET().build();
      ObjectMapper out = dev.newssearch.core.es.EsClients.objectMapper();
      Map<String, String> variants = variants(oneJson);

      Map<String, Target> targets = new LinkedHashMap<>();
      targets.put("plain, jdk", raw(http, ApiBench.esPost(es, esUri, plainJson)));
      targets.put("plain, blocking", blocking(esUri, plainJson));
      targets.put("api's requests, jdk", raw(http, ApiBench.esPost(es, msearchUri, apiJson)));
      targets.put("api's requests, blocking", blocking(msearchUri, apiJson));
      targets.put("api's requests as one search, jdk", raw(http, ApiBench.esPost(es, esUri, oneJson)));
      variants.forEach((name, json) -> targets.put(name + ", jdk", raw(http, ApiBench.esPost(es, esUri, json))));
      targets.put("api's requests as one search, es client reactor", typed(reactor, es.alias(), oneJson));
      targets.put("api's requests as one search, es client blocking", typed(client, es.alias(), oneJson));
      variants.forEach((name, json) -> targets.put(name + ", es client reactor", typed(reactor, es.alias(), json)));
      variants.forEach((name, json) -> targets.put(name + ", es client blocking", typed(client, es.alias(), json)));
      targets.put("service.search, reactor", search(reactorService, req));
      targets.put("service.search, blocking", search(service, req));
      targets.put("query parsing", () -> {
        long t0 = System.nanoTime();
        new Params(params).searchRequest(parser);
        return new long[] {(System.nanoTime() - t0) / 1000, -1, -1};
      });
      targets.put("parsing, service.search, json out", () -> {
        long t0 = System.nanoTime();
        var r = service.search(new Params(params).searchRequest(parser));
        byte[] body = out.writeValueAsBytes(r);
        return new long[] {(System.nanoTime() - t0) / 1000, r.tookMs(), body.length};
      });
      HttpRequest staticGet = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/openapi.json"))
          .timeout(Duration.ofSeconds(10)).GET().build();
      targets.put("api's /openapi.json over http", () -> {
        long t0 = System.nanoTime();
        HttpResponse<byte[]> r = http.send(staticGet, HttpResponse.BodyHandlers.ofByteArray());
        long us = (System.nanoTime() - t0) / 1000;
        check(r);
        return new long[] {us, -1, r.body().length};
      });
      byte[] answer = http.send(ApiBench.esPost(es, URI.create(esUri + "?typed_keys=true"), oneJson),
          HttpResponse.BodyHandlers.ofByteArray()).body();
      var mapper = client._transport().jsonpMapper();
      var deserializer = SearchResponse.createSearchResponseDeserializer(
          co.elastic.clients.json.JsonpDeserializer.of(ParagraphDoc.class));
      targets.put("typed parse of the one-search answer", () -> {
        long t0 = System.nanoTime();
        try (var jp = mapper.jsonProvider().createParser(new java.io.ByteArrayInputStream(answer))) {
          deserializer.deserialize(jp, mapper);
        }
        return new long[] {(System.nanoTime() - t0) / 1000, -1, answer.length};
      });
      targets.put("api over http", () -> {
        long t0 = System.nanoTime();
        HttpResponse<byte[]> r = http.send(apiGet, HttpResponse.BodyHandlers.ofByteArray());
        long us = (System.nanoTime() - t0) / 1000;
        check(r);
        return new long[] {us, took(new String(r.body(), StandardCharsets.UTF_8), "\"took_ms\"\\s*:\\s*(\\d+)"), r.body().length};
      });
      for (String other : env.getOrDefault("BENCH_OTHER_API", "").split(",")) {
        if (other.isBlank()) {
          continue;
        }
        // another build of the API, started apart on the same node: the end-to-end A/B of a change
        String[] nameUrl = other.strip().split("=", 2);
        String url = nameUrl.length == 2 ? nameUrl[1] : nameUrl[0];
        HttpRequest otherGet = HttpRequest.newBuilder(URI.create(url.replaceAll("/$", "") + "/api/search?" + q))
            .timeout(Duration.ofSeconds(10)).GET().build();
        targets.put((nameUrl.length == 2 ? nameUrl[0] : "other api") + " over http", () -> {
          long t0 = System.nanoTime();
          HttpResponse<byte[]> r = http.send(otherGet, HttpResponse.BodyHandlers.ofByteArray());
          long us = (System.nanoTime() - t0) / 1000;
          check(r);
          return new long[] {us, took(new String(r.body(), StandardCharsets.UTF_8), "\"took_ms\"\\s*:\\s*(\\d+)"), r.body().length};
        });
      }
      String only = env.getOrDefault("BENCH_TARGETS", "");
      if (!only.isBlank()) {
        List<String> wanted = List.of(only.split(","));
        targets.keySet().removeIf(k -> wanted.stream().noneMatch(w -> k.contains(w.strip())));
      }

      for (Target t : targets.values()) { // warm up: JIT, caches, connections
        for (int i = 0; i < 30; i++) {
          t.call();
        }
      }
      Map<String, List<long[]>> results = new LinkedHashMap<>();
      targets.keySet().forEach(k -> results.put(k, new ArrayList<>()));
      List<String> order = new ArrayList<>(targets.keySet());
      for (int round = 0; round < runs; round++) {
        java.util.Collections.rotate(order, 1); // no target always follows the same one
        for (String name : order) {
          results.get(name).add(targets.get(name).call());
          Thread.sleep(gapMs);
        }
      }
      System.out.printf("%d rounds, sequential, %d ms apart, %s%n", runs, gapMs, es.alias());
      System.out.printf("%-46s %9s %9s %9s %9s %9s%n", "target", "rtt p50", "rtt p90", "took p50", "rtt-took", "bytes");
      for (var e : results.entrySet()) {
        long[] rtt = e.getValue().stream().mapToLong(a -> a[0]).sorted().toArray();
        long[] took = e.getValue().stream().mapToLong(a -> a[1]).sorted().toArray();
        long bytes = e.getValue().get(0)[2];
        double p50 = rtt[rtt.length / 2] / 1000.0;
        double tookP50 = took[took.length / 2];
        double diff = e.getValue().stream().mapToDouble(a -> a[0] / 1000.0 - a[1]).sorted().toArray()[rtt.length / 2];
        System.out.printf("%-46s %9.2f %9.2f %9s %9s %9s%n", e.getKey(), p50, rtt[rtt.length * 9 / 10] / 1000.0,
            tookP50 < 0 ? "" : String.format("%.1f", tookP50), tookP50 < 0 ? "" : String.format("%.2f", diff),
            bytes < 0 ? "" : String.valueOf(bytes));
      }
      // paired: the same round's two calls ran back to back, so the machine's drift cancels out
      for (String pair : env.getOrDefault("BENCH_PAIRS", "").split(",")) {
        String[] ab = pair.split("\\|");
        if (ab.length != 2 || !results.containsKey(ab[0].strip()) || !results.containsKey(ab[1].strip())) {
          continue;
        }
        List<long[]> a = results.get(ab[0].strip());
        List<long[]> b = results.get(ab[1].strip());
        double[] d = new double[a.size()];
        int below = 0;
        for (int i = 0; i < d.length; i++) {
          d[i] = (a.get(i)[0] - b.get(i)[0]) / 1000.0;
          below += d[i] < 0 ? 1 : 0;
        }
        Arrays.sort(d);
        System.out.printf("paired %s minus %s: median %+.2f ms (p25 %+.2f, p75 %+.2f), first faster in %d of %d rounds%n",
            ab[0].strip(), ab[1].strip(), d[d.length / 2], d[d.length / 4], d[d.length * 3 / 4], below, d.length);
      }
    } finally {
      app.stop();
      client._transport().close();
      reactor._transport().close();
    }
    System.exit(0);
  }

  /** The API's requests as one search, with one thing changed: each a candidate for the API to adopt. */
  static Map<String, String> variants(String apiJson) throws Exception {
    ObjectMapper json = new ObjectMapper();
    Map<String, String> out = new LinkedHashMap<>();
    String vars = System.getenv().getOrDefault("BENCH_VARIANTS", "");
    for (String v : vars.split(",")) {
      if (v.isBlank()) {
        continue;
      }
      ObjectNode r = (ObjectNode) json.readTree(apiJson);
      switch (v.strip()) {
        case "includes" -> r.set("_source", json.readTree("{\"includes\":[\"title\",\"date\",\"persons\",\"reporters\","
            + "\"places\",\"organizations\",\"source\",\"file\",\"article_id\",\"paragraph\",\"dup_group\",\"text\"]}"));
        case "nohl" -> r.remove("highlight");
        case "notexthl" -> ((ObjectNode) r.get("highlight").get("fields")).remove("text");
        case "notitlehl" -> ((ObjectNode) r.get("highlight").get("fields")).remove("title");
        case "noselectedfacet" -> ((ObjectNode) r.get("aggregations")).remove("facet_persons");
        case "nogroups" -> ((ObjectNode) r.get("aggregations")).remove("groups");
        case "nohistogram" -> ((ObjectNode) r.get("aggregations")).remove("histogram");
        case "nocollapse" -> r.remove("collapse");
        case "size10" -> r.put("size", 10);
        case "noaggs" -> r.remove("aggregations");
        case "nodups" -> ((ObjectNode) r.get("aggregations")).remove("dups");
        default -> throw new IllegalArgumentException("unknown variant " + v);
      }
      out.put(v.strip(), json.writeValueAsString(r));
    }
    return out;
  }

  static Target search(SearchService service, SearchRequest req) {
    return () -> {
      long t0 = System.nanoTime();
      var r = service.search(req);
      return new long[] {(System.nanoTime() - t0) / 1000, r.tookMs(), -1};
    };
  }

  static Target raw(HttpClient http, HttpRequest request) {
    return () -> {
      long t0 = System.nanoTime();
      HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      long us = (System.nanoTime() - t0) / 1000;
      check(r);
      String s = new String(r.body(), 0, Math.min(200, r.body().length), StandardCharsets.UTF_8);
      return new long[] {us, took(s, TOOK.pattern()), r.body().length};
    };
  }

  /** Blocking I/O in the calling thread (keep-alive), against the JDK client's selector thread hand-offs. */
  static Target blocking(URI uri, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return () -> {
      long t0 = System.nanoTime();
      var c = (java.net.HttpURLConnection) uri.toURL().openConnection();
      c.setRequestMethod("POST");
      c.setDoOutput(true);
      c.setRequestProperty("Content-Type", ApiBench.contentType(uri));
      try (var o = c.getOutputStream()) {
        o.write(bytes);
      }
      byte[] answer;
      try (var in = c.getInputStream()) {
        answer = in.readAllBytes();
      }
      long us = (System.nanoTime() - t0) / 1000;
      String s = new String(answer, 0, Math.min(200, answer.length), StandardCharsets.UTF_8);
      return new long[] {us, took(s, TOOK.pattern()), answer.length};
    };
  }

  static Target typed(ElasticsearchClient client, String alias, String body) {
    var request = co.elastic.clients.elasticsearch.core.SearchRequest.of(b -> b.index(alias).withJson(new StringReader(body)));
    return () -> {
      long t0 = System.nanoTime();
      SearchResponse<ParagraphDoc> r = client.search(request, ParagraphDoc.class);
      return new long[] {(System.nanoTime() - t0) / 1000, r.took(), -1};
    };
  }

  private static void check(HttpResponse<byte[]> r) {
    if (r.statusCode() != 200) {
      throw new IllegalStateException("HTTP " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
    }
  }

  private static long took(String s, String pattern) {
    Matcher m = Pattern.compile(pattern).matcher(s);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  private HopBench() {}
}
