package dev.newssearch.indexer.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Precision, recall and F1 of one field (persons, places, organisations, reporters) over units of text (a
 * seed file, a dev page), with the distinct names per unit as what is counted; plus the facet precision: of
 * the distinct names the facet would show over all units, the share that are real (labelled in some unit).
 * Mutable while adding units; read the figures when done.
 */
public final class FieldScore {

  private final String field;
  private int truePositives;
  private int falsePositives;
  private int misses;
  private final Map<String, Integer> falsePositiveNames = new TreeMap<>();
  private final Map<String, Integer> missedNames = new TreeMap<>();
  private final Set<String> shown = new TreeSet<>();
  private final Set<String> labelled = new TreeSet<>();
  private final Map<String, String> examples = new LinkedHashMap<>();

  public FieldScore(String field) {
    this.field = field;
  }

  /** Adds one unit: what the recogniser found there against the labels of that unit. */
  public void add(String unit, Set<String> found, Set<String> expected) {
    shown.addAll(found);
    labelled.addAll(expected);
    for (String name : found) {
      if (expected.contains(name)) {
        truePositives++;
      } else {
        falsePositives++;
        falsePositiveNames.merge(name, 1, Integer::sum);
        examples.putIfAbsent("fp " + name, unit);
      }
    }
    for (String name : expected) {
      if (!found.contains(name)) {
        misses++;
        missedNames.merge(name, 1, Integer::sum);
        examples.putIfAbsent("fn " + name, unit);
      }
    }
  }

  public String field() {
    return field;
  }

  public int truePositives() {
    return truePositives;
  }

  public int falsePositives() {
    return falsePositives;
  }

  public int misses() {
    return misses;
  }

  public double precision() {
    return ratio(truePositives, truePositives + falsePositives);
  }

  public double recall() {
    return ratio(truePositives, truePositives + misses);
  }

  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** Distinct names shown over all units that are labelled somewhere among the units. */
  public double facetPrecision() {
    long real = shown.stream().filter(labelled::contains).count();
    return ratio((int) real, shown.size());
  }

  public int facetValues() {
    return shown.size();
  }

  /** Names wrongly found, most frequent first, each with its count ({@code 全靠种×3}). */
  public List<String> falsePositiveNames() {
    return byCount(falsePositiveNames);
  }

  public List<String> missedNames() {
    return byCount(missedNames);
  }

  /** The first unit where a name was wrongly found ({@code "fp NAME"}) or missed ({@code "fn NAME"}). */
  public String exampleUnit(String key) {
    return examples.get(key);
  }

  private static List<String> byCount(Map<String, Integer> counts) {
    List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
    entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, Integer> e : entries) {
      names.add(e.getValue() == 1 ? e.getKey() : e.getKey() + "×" + e.getValue());
    }
    return names;
  }

  private static double ratio(int part, int whole) {
    return whole == 0 ? 1.0 : (double) part / whole;
  }
}
