package dev.newssearch.indexer.pipeline;

import dev.newssearch.core.schema.ParagraphDoc;
import dev.newssearch.indexer.chunk.Fingerprint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Across a folder, a paragraph whose character 5-grams are mostly (≥ 80 % of the shorter one's) contained
 * in an earlier paragraph of comparable length (≥ 60 %) joins that paragraph's duplicate group. This catches the same wire story cut at
 * a different place (a page continuation "（上接1版）" starts mid-paragraph) where the exact key differs.
 */
final class NearDuplicates {
  private static final int K = 5;
  private static final double CONTAINMENT = 0.8;
  private static final double LENGTH_RATIO = 0.6;

  private NearDuplicates() {}

  static List<FileResult> merge(List<FileResult> results) {
    Map<String, List<Integer>> index = new HashMap<>();
    List<Set<String>> shingles = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    // An exact repeat (same key) joins whatever group its first copy ended in, without scanning
    // shingles again: a corpus with many identical reprints would otherwise grow the posting lists of
    // every shingle with each copy and make the merge quadratic in the number of copies.
    Map<String, String> groupOfExactKey = new HashMap<>();
    List<FileResult> out = new ArrayList<>();
    for (FileResult r : results) {
      List<ParagraphDoc> docs = new ArrayList<>();
      for (ParagraphDoc d : r.docs()) {
        String known = groupOfExactKey.get(d.dupGroup());
        if (known != null) {
          docs.add(known.equals(d.dupGroup()) ? d : d.withDupGroup(known));
          continue;
        }
        Set<String> sh = shingles(Fingerprint.normalise(d.text()));
        String group = d.dupGroup();
        Map<Integer, Integer> hits = new HashMap<>();
        for (String s : sh) {
          for (int other : index.getOrDefault(s, List.of())) hits.merge(other, 1, Integer::sum);
        }
        for (var e : hits.entrySet()) {
          int smaller = Math.min(sh.size(), shingles.get(e.getKey()).size());
          int larger = Math.max(sh.size(), shingles.get(e.getKey()).size());
          // a short quotation inside a long paragraph is not a repeat of it
          if (smaller >= 8 && smaller >= LENGTH_RATIO * larger && e.getValue() >= CONTAINMENT * smaller) {
            group = groups.get(e.getKey());
            break;
          }
        }
        int id = shingles.size();
        shingles.add(sh);
        groups.add(group);
        for (String s : sh) index.computeIfAbsent(s, k -> new ArrayList<>()).add(id);
        groupOfExactKey.put(d.dupGroup(), group);
        docs.add(group.equals(d.dupGroup()) ? d : d.withDupGroup(group));
      }
      out.add(r.withDocs(docs));
    }
    return out;
  }

  private static Set<String> shingles(String s) {
    Set<String> out = new HashSet<>();
    for (int i = 0; i + K <= s.length(); i++) out.add(s.substring(i, i + K));
    return out;
  }
}
