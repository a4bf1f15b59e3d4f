package dev.newssearch.indexer.segment;

import dev.newssearch.indexer.normalize.Drop;
import dev.newssearch.indexer.normalize.Text;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Third segment part: web pages print a story's key sentences as unpunctuated bullets above it. A paragraph
 * that does not end a sentence and whose character 4-grams are (almost) all in a longer paragraph of the same
 * story is such a repeat: it is dropped (and reported), the full sentence stays.
 */
final class RepeatedSummaries {
  record Result(Draft draft, List<Drop> drops) {}

  private RepeatedSummaries() {}

  static Result drop(Draft d) {
    List<Draft.Para> ps = d.paragraphs();
    List<Set<String>> grams = new ArrayList<>();
    for (int i = 0; i < ps.size(); i++) grams.add(null);
    List<Draft.Para> keep = new ArrayList<>();
    List<Drop> drops = new ArrayList<>();
    for (int i = 0; i < ps.size(); i++) {
      String p = ps.get(i).text();
      boolean repeated = false;
      if (!Text.endsSentence(p) && p.length() >= 20) {
        Set<String> mine = grams(grams, ps, i);
        for (int j = 0; j < ps.size() && !repeated; j++) {
          if (j == i || ps.get(j).text().length() < p.length()) continue;
          Set<String> other = grams(grams, ps, j);
          long hit = mine.stream().filter(other::contains).count();
          repeated = hit >= 0.9 * mine.size();
        }
      }
      if (repeated) drops.add(new Drop(ps.get(i).line(), Drop.Reason.REPEATED_SUMMARY, p));
      else keep.add(ps.get(i));
    }
    return new Result(drops.isEmpty() ? d : d.withParagraphs(keep), drops);
  }

  /** 4-grams of paragraph i, computed once per paragraph. */
  private static Set<String> grams(List<Set<String>> cache, List<Draft.Para> ps, int i) {
    Set<String> g = cache.get(i);
    if (g == null) {
      g = new HashSet<>();
      String s = ps.get(i).text();
      for (int k = 0; k + 4 <= s.length(); k++) g.add(s.substring(k, k + 4));
      cache.set(i, g);
    }
    return g;
  }
}
