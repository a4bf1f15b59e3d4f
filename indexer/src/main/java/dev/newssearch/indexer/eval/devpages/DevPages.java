package dev.newssearch.indexer.eval.devpages;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes generated pages as a folder of text files a user could index, with their truth beside them. */
public final class DevPages {
  /** One JSON object per page, in page order; a dot file, so the indexer (which skips dot files) never takes it for a page. */
  public static final String TRUTH = ".truth.jsonl";
  private static final ObjectMapper JSON = new ObjectMapper();

  private DevPages() {}

  /** Generates pages from the corpus found by {@link DevCorpus#locate()}. */
  public static List<DevPage> generate(GeneratorOptions options) {
    Path corpus = DevCorpus.locate().orElseThrow(() -> new IllegalStateException(DevCorpus.absentReason()));
    return PageGenerator.generate(DevCorpus.load(corpus), options);
  }

  public static void write(List<DevPage> pages, Path dir) {
    try {
      Files.createDirectories(dir);
      try (Writer truth = Files.newBufferedWriter(dir.resolve(TRUTH), StandardCharsets.UTF_8)) {
        for (DevPage page : pages) {
          Path file = dir.resolve(page.fileName());
          Files.createDirectories(file.getParent());
          Files.writeString(file, page.text(), StandardCharsets.UTF_8);
          truth.write(JSON.writeValueAsString(truth(page)));
          truth.write('\n');
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write dev pages to " + dir, e);
    }
  }

  private static Map<String, Object> truth(DevPage page) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", page.fileName());
    m.put("layout", page.layout().name());
    m.put("date_mode", page.dateMode().name());
    m.put("page_date", page.pageDate().toString());
    m.put("furniture", page.furniture());
    List<Map<String, Object>> articles = new ArrayList<>();
    for (DevArticle a : page.articles()) {
      Map<String, Object> am = new LinkedHashMap<>();
      am.put("title", a.title());
      am.put("kicker", a.kicker());
      am.put("subtitle", a.subtitle());
      am.put("title_after", a.titleAfter());
      am.put("reporters", a.reporters());
      am.put("dateline", a.dateline());
      am.put("date", a.date() == null ? null : a.date().toString());
      List<List<Map<String, Object>>> paras = new ArrayList<>();
      for (List<DevSentence> p : a.paragraphs()) {
        List<Map<String, Object>> sentences = new ArrayList<>();
        for (DevSentence s : p) {
          Map<String, Object> sm = new LinkedHashMap<>();
          sm.put("text", s.text());
          sm.put("persons", s.persons());
          sm.put("places", s.places());
          sm.put("organizations", s.organizations());
          sentences.add(sm);
        }
        paras.add(sentences);
      }
      am.put("paragraphs", paras);
      articles.add(am);
    }
    m.put("articles", articles);
    return m;
  }
}
