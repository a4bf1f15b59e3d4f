package dev.newssearch.indexer.dates;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What the user states about the dates of one folder of pages, in {@value #NAME} beside the pages (hidden,
 * so no stage reads it as a page). The weakest evidence: used only where the page, its file name and its
 * folder names give no date. {@code key = value} lines, {@code #} comments, values taken literally (no
 * escapes, so a pattern is written as a regular expression):
 *
 * <pre>
 * # pages of this folder print month and day only; they are of 2020
 * year = 2020
 * # every page of this folder is of one day
 * date = 2020-03-28
 * # one file: a date or a year
 * file.002_e46b5dd20027eeff.txt = 2020-03-28
 * # dates in names this archive writes its own way (named groups year, month, day)
 * pattern = rmrb(?&lt;year&gt;\d{4})(?&lt;month&gt;\d{2})(?&lt;day&gt;\d{2})
 * </pre>
 */
public record DatesFile(Integer year, LocalDate date, Pattern pattern, Map<String, String> files) {
  public static final String NAME = ".dates.properties";
  public static final DatesFile EMPTY = new DatesFile(null, null, null, Map.of());

  public DatesFile {
    files = Map.copyOf(files);
  }

  /** The folder's dates file, {@link #EMPTY} when there is none. */
  public static DatesFile of(Path folder) throws IOException {
    Path file = folder.resolve(NAME);
    if (!Files.isRegularFile(file)) return EMPTY;
    return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
  }

  /** @throws IllegalArgumentException naming the line that is wrong */
  public static DatesFile parse(List<String> lines, String where) {
    Integer year = null;
    LocalDate date = null;
    Pattern pattern = null;
    Map<String, String> files = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      int eq = line.indexOf('=');
      String at = where + " line " + (i + 1) + ": ";
      if (eq <= 0) throw new IllegalArgumentException(at + "expected key = value, got " + line);
      String key = line.substring(0, eq).strip();
      String value = line.substring(eq + 1).strip();
      switch (key) {
        case "year" -> year = year(value, at);
        case "date" -> date = date(value, at);
        case "pattern" -> {
          try {
            pattern = Pattern.compile(value);
            NameDates.withPattern(pattern);
          } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(at + "pattern is no regular expression: " + e.getDescription());
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at + e.getMessage());
          }
        }
        default -> {
          if (!key.startsWith("file.") || key.length() == 5) {
            throw new IllegalArgumentException(at + "unknown key " + key + " (year, date, pattern or file.NAME)");
          }
          if (value.length() == 4) year(value, at);
          else date(value, at);
          files.put(key.substring(5), value);
        }
      }
    }
    return new DatesFile(year, date, pattern, files);
  }

  /** What is stated for the file {@code name}: its own entry, else the folder's date, else the folder's year. */
  public PageDate forFile(String name) {
    String own = files.get(name);
    if (own != null) {
      return own.length() == 4 ? PageDate.yearOnly(Integer.parseInt(own), YearSource.DATES_FILE)
          : PageDate.of(LocalDate.parse(own), DateEvidence.STATED, YearSource.DATES_FILE);
    }
    if (date != null) return PageDate.of(date, DateEvidence.STATED, YearSource.DATES_FILE);
    if (year != null) return PageDate.yearOnly(year, YearSource.DATES_FILE);
    return PageDate.NONE;
  }

  private static int year(String value, String at) {
    if (!value.matches("\\d{4}") || !NameDates.plausibleYear(Integer.parseInt(value))) {
      throw new IllegalArgumentException(at + "year must be four digits between " + NameDates.MIN_YEAR + " and "
          + NameDates.MAX_YEAR + ", got " + value);
    }
    return Integer.parseInt(value);
  }

  private static LocalDate date(String value, String at) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(at + "date must be yyyy-MM-dd (or a year), got " + value);
    }
  }
}
