package dev.newssearch.indexer.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newssearch.indexer.pipeline.FileResult;
import dev.newssearch.indexer.segment.Article;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compares the pipeline's articles with a hand-checked segmentation: {@code <dir>/<file name>.json} holding
 * {@code {"file": …, "articles": [{"lead": first characters of the first paragraph, "title": …, …}]}}.
 * Articles are matched by their lead; every field written in the expected file is one check, fields left
 * out are not checked.
 */
public final class ExpectedComparison {
  public record Summary(int passed, int total, List<String> lines) {}

  private ExpectedComparison() {}

  public static Summary compare(Path dir, List<FileResult> results) throws IOException {
    ObjectMapper json = new ObjectMapper();
    int passed = 0;
    int total = 0;
    List<String> lines = new ArrayList<>();
    for (FileResult r : results) {
      Path f = dir.resolve(r.file() + ".json");
      if (!Files.exists(f)) continue;
      JsonNode expected = json.readTree(f.toFile());
      JsonNode arts = expected.get("articles");
      total++;
      if (arts.size() == r.articles().size()) passed++;
      else lines.add(r.file() + ": expected " + arts.size() + " articles, got " + r.articles().size());
      for (JsonNode e : arts) {
        String lead = e.get("lead").asText();
        Article a = r.articles().stream().filter(x -> x.paragraphs().get(0).startsWith(lead)).findFirst().orElse(null);
        total++;
        if (a == null) {
          lines.add(r.file() + ": no article starts with \"" + lead + "\"");
          continue;
        }
        passed++;
        var it = e.fields();
        while (it.hasNext()) {
          var field = it.next();
          String name = field.getKey();
          if (name.equals("lead")) continue;
          Object actual = actual(a, name);
          Object want = field.getValue().isNull() ? null
              : field.getValue().isArray() ? toList(field.getValue())
              : field.getValue().isInt() ? (Object) field.getValue().asInt() : field.getValue().asText();
          total++;
          if (Objects.equals(want, actual)) passed++;
          else lines.add(r.file() + " [" + lead + "] " + name + ": expected " + want + ", got " + actual);
        }
      }
    }
    return new Summary(passed, total, lines);
  }

  private static List<String> toList(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.forEach(x -> out.add(x.asText()));
    return out;
  }

  private static Object actual(Article a, String field) {
    return switch (field) {
      case "title" -> a.title();
      case "kicker" -> a.kicker();
      case "subtitle" -> a.subtitle();
      case "date" -> a.date() == null ? null : a.date().toString();
      case "date_evidence" -> a.dateEvidence();
      case "source" -> a.source();
      case "reporters" -> a.reporters();
      case "contributors" -> a.contributors();
      case "dateline_place" -> a.datelinePlace();
      case "edition" -> a.edition();
      case "paragraphs" -> a.paragraphs().size();
      default -> "unknown field " + field;
    };
  }
}
