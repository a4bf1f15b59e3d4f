package dev.newssearch.indexer.eval;

import dev.newssearch.core.schema.ParagraphDoc;
import dev.newssearch.indexer.credit.CreditSpans;
import dev.newssearch.indexer.enrich.Surnames;
import dev.newssearch.indexer.eval.devpages.DevArticle;
import dev.newssearch.indexer.eval.devpages.DevPage;
import dev.newssearch.indexer.eval.devpages.DevPages;
import dev.newssearch.indexer.eval.devpages.DevSentence;
import dev.newssearch.indexer.pipeline.FileResult;
import dev.newssearch.indexer.pipeline.Pipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Generated dev pages as labelled units: each page is written to a scratch folder and read back by the real
 * pipeline (decode, reflow, segment, chunk), so the recogniser sees the paragraphs as they would be indexed;
 * the labels are the mentions of every corpus sentence printed in the page's stories.
 */
public final class DevPageUnits {

  private static final CreditSpans CREDITS = new CreditSpans(Surnames.load());

  private DevPageUnits() {}

  public static List<LabelledUnit> of(List<DevPage> pages, Pipeline pipeline) {
    Path dir;
    try {
      dir = Files.createTempDirectory("dev-pages");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a scratch folder for dev pages", e);
    }
    try {
      DevPages.write(pages, dir);
      Map<String, FileResult> results = pipeline.processFolder(dir).stream()
          .collect(Collectors.toMap(FileResult::file, Function.identity()));
      List<LabelledUnit> units = new ArrayList<>();
      for (DevPage page : pages) {
        FileResult result = results.get(Path.of(page.fileName()).getFileName().toString());
        List<String> paragraphs = result == null ? List.of() : result.docs().stream().map(ParagraphDoc::text).toList();
        Set<String> persons = new LinkedHashSet<>();
        Set<String> places = new LinkedHashSet<>();
        Set<String> organizations = new LinkedHashSet<>();
        Set<String> reporterNames = new LinkedHashSet<>();
        for (DevArticle article : page.articles()) {
          reporterNames.addAll(article.reporters());
          for (DevSentence sentence : article.sentences()) {
            persons.addAll(UnitEvaluation.persons(Set.copyOf(sentence.persons())));
            places.addAll(sentence.places());
            organizations.addAll(sentence.organizations());
          }
        }
        Set<String> reporters = new LinkedHashSet<>();
        if (result != null) {
          result.docs().forEach(doc -> reporters.addAll(doc.reporters()));
        }
        // a labelled person printed only inside credits (本报巴西利亚5月5日电记者吴志华报道 in mid-paragraph, where
        // the generator put a corpus sentence that opens a story) is a byline: the recogniser blanks credits
        String credited = String.join("\n", paragraphs.stream().map(CREDITS::blank).toList());
        String printed = String.join("\n", paragraphs);
        Set<String> bylined = new LinkedHashSet<>();
        for (String person : persons) {
          if (reporters.contains(person) || (printed.contains(person) && !credited.contains(person))) {
            bylined.add(person);
          }
        }
        units.add(new LabelledUnit(page.fileName(), paragraphs, persons, places, organizations, reporterNames, bylined));
      }
      return units;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run the pipeline over dev pages in " + dir, e);
    } finally {
      deleteQuietly(dir);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a scratch folder under the system temp dir; nothing depends on it being gone
    }
  }
}
