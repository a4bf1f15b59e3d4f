package dev.newssearch.indexer.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** How the seeds folder differs from what an index holds (file name → sha256 on both sides). */
public record SeedDiff(List<String> added, List<String> changed, List<String> removed, List<String> unchanged) {

  static SeedDiff of(Map<String, String> indexed, Map<String, SeedFile> seeds) {
    List<String> added = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    seeds.forEach((name, file) -> {
      String hash = indexed.get(name);
      if (hash == null) {
        added.add(name);
      } else if (hash.equals(file.sha256())) {
        unchanged.add(name);
      } else {
        changed.add(name);
      }
    });
    indexed.keySet().stream().filter(n -> !seeds.containsKey(n)).sorted().forEach(removed::add);
    return new SeedDiff(List.copyOf(added), List.copyOf(changed), List.copyOf(removed), List.copyOf(unchanged));
  }

  public boolean inSync() {
    return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
  }

  @Override
  public String toString() {
    return added.size() + " added, " + changed.size() + " changed, " + removed.size() + " removed, "
        + unchanged.size() + " unchanged";
  }
}
