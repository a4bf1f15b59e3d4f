package dev.newssearch.localnode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Low-level HTTP to the node, so the tests exercise the REST API and nothing else. */
final class Http {

  record Token(String term, int start, int end, int position) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;

  Http(URI base) {
    this.base = base;
  }

  JsonNode send(String method, String path, String body) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300 && !(method.equals("DELETE") && response.statusCode() == 404)) {
      throw new AssertionError(method + " " + path + " -> " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  List<Token> analyze(String path, String body) throws IOException, InterruptedException {
    List<Token> tokens = new ArrayList<>();
    for (JsonNode t : send("POST", path, body).get("tokens")) {
      tokens.add(new Token(t.get("token").asText(), t.get("start_offset").asInt(), t.get("end_offset").asInt(),
          t.get("position").asInt()));
    }
    return tokens;
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
