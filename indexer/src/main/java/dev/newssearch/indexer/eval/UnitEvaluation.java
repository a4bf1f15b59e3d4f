package dev.newssearch.indexer.eval;

import dev.newssearch.indexer.enrich.Entities;
import dev.newssearch.indexer.enrich.EntityRecognizer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Scores persons, places and organisations over labelled units (dev pages or corpus sentences): per-unit
 * precision, recall and F1, facet precision, the false positives and misses by name, and the recogniser's
 * warm speed. Labels and found names are compared after the same canonicalisation (湖北省 and 湖北 are one
 * facet value), persons of one character are not compared (the corpus labels a surname alone too).
 */
public final class UnitEvaluation {
  /** Timed passes of the warm measurement; the fastest counts. */
  static final int WARM_PASSES = 3;

  /** What one evaluation found. */
  public record Result(String title, FieldScore persons, FieldScore places, FieldScore organizations,
                       long characters, long warmNanos, int units, int creditedFalsePositives,
                       int bylinedPersons, FieldScore personsWithBylines) {
    /** Persons precision if the names printed in bylines had been blanked as credits. */
    public double personPrecisionWithoutCredited() {
      int tp = persons.truePositives();
      int fp = persons.falsePositives() - creditedFalsePositives;
      return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
    }

    public double warmCharsPerSecond() {
      return warmNanos == 0 ? 0 : characters * 1e9 / warmNanos;
    }

    public List<FieldScore> fields() {
      return List.of(persons, places, organizations);
    }
  }

  /** How paragraphs share evidence while they are recognised. */
  public enum Mode {
    /** each paragraph alone ({@link EntityRecognizer#recognize}) */
    PARAGRAPH,
    /** the paragraphs of one unit together ({@link EntityRecognizer#recognizeAll}): a page or a file */
    UNIT,
    /** the unit together, plus names strong anywhere in the whole set ({@link EntityRecognizer#resolve}) */
    ARCHIVE
  }

  private final EntityRecognizer recognizer;

  public UnitEvaluation(EntityRecognizer recognizer) {
    this.recognizer = recognizer;
  }

  public Result evaluate(String title, List<LabelledUnit> units) {
    return evaluate(title, units, Mode.UNIT);
  }

  public Result evaluate(String title, List<LabelledUnit> units, Mode mode) {
    Set<String> trusted = Set.of();
    if (mode == Mode.ARCHIVE) {
      List<EntityRecognizer.Analysis> all = new ArrayList<>();
      for (LabelledUnit unit : units) {
        for (String paragraph : unit.paragraphs()) {
          all.add(recognizer.analyse(paragraph));
        }
      }
      trusted = recognizer.strongNames(all);
    }
    FieldScore persons = new FieldScore("persons");
    FieldScore personsWithBylines = new FieldScore("persons");
    int bylined = 0;
    FieldScore places = new FieldScore("places");
    FieldScore organizations = new FieldScore("organizations");
    long characters = 0;
    int creditedFalsePositives = 0;
    for (LabelledUnit unit : units) {
      Set<String> foundPersons = new LinkedHashSet<>();
      Set<String> foundPlaces = new LinkedHashSet<>();
      Set<String> foundOrganizations = new LinkedHashSet<>();
      for (Entities entities : recognise(unit, mode, trusted)) {
        foundPersons.addAll(entities.persons());
        foundPlaces.addAll(entities.places());
        foundOrganizations.addAll(entities.organizations());
      }
      for (String paragraph : unit.paragraphs()) {
        characters += paragraph.length();
      }
      Set<String> labelledPersons = canonical(unit.persons(), recognizer::canonicalPerson);
      personsWithBylines.add(unit.name(), foundPersons, labelledPersons);
      Set<String> expectedPersons = new LinkedHashSet<>(labelledPersons);
      expectedPersons.removeAll(canonical(unit.bylined(), recognizer::canonicalPerson));
      bylined += labelledPersons.size() - expectedPersons.size();
      persons.add(unit.name(), foundPersons, expectedPersons);
      for (String name : foundPersons) {
        if (!expectedPersons.contains(name) && unit.credited().stream().anyMatch(c -> c.startsWith(name)
            || name.startsWith(c) || (name.length() >= 3 && c.startsWith(name.substring(0, 2))))) {
          creditedFalsePositives++;
        }
      }
      places.add(unit.name(), foundPlaces, canonical(unit.places(), recognizer::canonicalPlace));
      organizations.add(unit.name(), foundOrganizations,
          canonical(unit.organizations(), recognizer::canonicalOrganization));
    }
    // CPU time of this thread, not wall time: the figure should not depend on what else the machine runs
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    // analyse + resolve, what recognizeAll does without its cache of paragraphs met before: the second pass
    // would otherwise time cache hits, not recognition. The fastest of WARM_PASSES passes: one pass of a few
    // dozen pages still runs while the JIT compiles HanLP's hot paths (single passes swung from 85k to 118k
    // chars/s on a quiet machine)
    long warm = Long.MAX_VALUE;
    for (int pass = 0; pass < WARM_PASSES; pass++) {
      long started = threads.getCurrentThreadCpuTime();
      for (LabelledUnit unit : units) {
        recognizer.resolve(unit.paragraphs().stream().map(recognizer::analyse).toList(), Set.of());
      }
      warm = Math.min(warm, threads.getCurrentThreadCpuTime() - started);
    }
    return new Result(title, persons, places, organizations, characters, warm, units.size(), creditedFalsePositives,
        bylined, personsWithBylines);
  }

  private List<Entities> recognise(LabelledUnit unit, Mode mode, Set<String> trusted) {
    return switch (mode) {
      case PARAGRAPH -> unit.paragraphs().stream().map(recognizer::recognize).toList();
      case UNIT -> recognizer.recognizeAll(unit.paragraphs());
      case ARCHIVE -> recognizer.resolve(unit.paragraphs().stream().map(recognizer::analyse).toList(), trusted);
    };
  }

  private static Set<String> canonical(Set<String> names, Function<String, String> canonical) {
    Set<String> out = new LinkedHashSet<>();
    for (String name : names) {
      out.add(canonical.apply(name));
    }
    return out;
  }

  /**
   * The corpus sentences as units of their own, clean text, no page damage: {@code ner-dev.tsv}'s format
   * (sentence, persons, places, organisations; mentions separated by |). {@code part} 0 keeps the even lines,
   * 1 the odd ones, -1 all: tune on one half, report both.
   */
  public static List<LabelledUnit> corpusSentences(Path tsv, int part) {
    List<String> lines;
    try {
      lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + tsv, e);
    }
    List<LabelledUnit> units = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("#") || line.isBlank() || (part >= 0 && i % 2 != part)) {
        continue;
      }
      String[] columns = line.split("\t", -1);
      units.add(new LabelledUnit("line " + (i + 1) + ": " + columns[0], List.of(columns[0]),
          persons(mentions(columns, 1)), mentions(columns, 2), mentions(columns, 3)));
    }
    return units;
  }

  /** Persons a facet could show: two characters or more. */
  public static Set<String> persons(Set<String> labelled) {
    Set<String> out = new LinkedHashSet<>();
    for (String name : labelled) {
      if (name.codePointCount(0, name.length()) >= 2) {
        out.add(name);
      }
    }
    return out;
  }

  private static Set<String> mentions(String[] columns, int column) {
    Set<String> out = new LinkedHashSet<>();
    if (columns.length > column && !columns[column].isBlank()) {
      for (String mention : columns[column].split("\\|")) {
        if (!mention.isBlank()) {
          out.add(mention.strip());
        }
      }
    }
    return out;
  }

  /** Prints the result the way the {@code evaluate} command shows it. */
  public static void print(Result result, PrintStream out, int listed, boolean examples) {
    out.println("== " + result.title() + " (" + result.units() + " units; persons of 2+ characters; overrides empty)");
    out.printf(Locale.ROOT, "%-14s %9s %9s %9s %6s %6s %6s %11s%n", "field", "precision", "recall", "f1", "tp", "fp",
        "fn", "facet-prec");
    for (FieldScore s : result.fields()) {
      out.printf(Locale.ROOT, "%-14s %9.3f %9.3f %9.3f %6d %6d %6d %11.3f%n", s.field(), s.precision(), s.recall(),
          s.f1(), s.truePositives(), s.falsePositives(), s.misses(), s.facetPrecision());
    }
    for (FieldScore s : result.fields()) {
      out.println(s.field() + " false positives (" + s.falsePositives() + "): " + head(s.falsePositiveNames(), listed));
      out.println(s.field() + " misses (" + s.misses() + "): " + head(s.missedNames(), listed));
      if (examples) {
        for (String name : s.falsePositiveNames().subList(0, Math.min(listed, s.falsePositiveNames().size()))) {
          String bare = name.replaceFirst("×\\d+$", "");
          out.println("  fp " + bare + " <- " + s.exampleUnit("fp " + bare));
        }
        for (String name : s.missedNames().subList(0, Math.min(listed, s.missedNames().size()))) {
          String bare = name.replaceFirst("×\\d+$", "");
          out.println("  fn " + bare + " <- " + s.exampleUnit("fn " + bare));
        }
      }
    }
    if (result.creditedFalsePositives() > 0) {
      out.printf(Locale.ROOT, "persons false positives that are byline names the credit grammar left in the text: %d "
          + "(persons precision without them: %.3f)%n", result.creditedFalsePositives(), result.personPrecisionWithoutCredited());
    }
    if (result.bylinedPersons() > 0) {
      FieldScore all = result.personsWithBylines();
      out.printf(Locale.ROOT, "labelled persons printed only in bylines or faceted as reporters (left out of persons above): %d; "
          + "counted as persons misses instead: precision %.3f recall %.3f f1 %.3f%n", result.bylinedPersons(),
          all.precision(), all.recall(), all.f1());
    }
    out.printf(Locale.ROOT, "warm recognition: %d chars in %.0f ms of CPU: %.0f chars/s (one thread, fastest of "
        + WARM_PASSES + " passes)%n", result.characters(),
        result.warmNanos() / 1e6, result.warmCharsPerSecond());
  }

  private static String head(List<String> names, int listed) {
    if (names.size() <= listed) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, listed)) + ", … (" + (names.size() - listed) + " more)";
  }
}
