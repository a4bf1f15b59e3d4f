package dev.newssearch.indexer.dates;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates in file and folder names: {@code 19980419}, {@code 1998-04-19}, {@code 1998_04_19},
 * {@code 1998年4月19日}, {@code 1998/04/19/page.txt}, {@code rmrb1998041903} (date, then a page number).
 *
 * <p>A name is read as a date only when it can be nothing else: a run of digits is a date when it starts
 * with a valid {@code yyyyMMdd} (years {@value #MIN_YEAR}–{@value #MAX_YEAR}) and at most four more digits
 * follow (a page or issue number), and no other reading of the run is also a valid date. Six digits
 * ({@code 980419}), a digit run inside a hash ({@code 1132cb0b81b05dee}) or a bare page/issue number are
 * not dates. A folder named by its year alone ({@code 1998/}) gives the year. Archives named otherwise
 * state their own pattern (named groups {@code year}, {@code month}, {@code day}), matched against the path.
 */
public final class NameDates {
  static final int MIN_YEAR = 1800;
  static final int MAX_YEAR = 2099;

  private static final Pattern SEPARATED = Pattern.compile(
      "(?<![\\d])(\\d{4})\\s*([-_.年])\\s*(\\d{1,2})\\s*(?:\\2|月)\\s*(\\d{1,2})(?![\\d])");
  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9]+");
  private static final Pattern YEAR_FOLDER = Pattern.compile("(\\d{4})年?");
  private static final Pattern MONTH_OR_DAY = Pattern.compile("\\d{1,2}");
  private static final Pattern MONTH_DAY = Pattern.compile("(\\d{2})(\\d{2})");

  private final Pattern custom;

  private NameDates(Pattern custom) {
    this.custom = custom;
  }

  /** The common forms only. */
  public static NameDates standard() {
    return new NameDates(null);
  }

  /**
   * The common forms, and first {@code pattern} when given: a regular expression with the named groups
   * {@code year}, {@code month} and {@code day} ({@code day} optional), found in the path with '/' separators.
   */
  public static NameDates withPattern(Pattern pattern) {
    if (pattern != null) {
      for (String g : List.of("year", "month")) {
        if (!pattern.pattern().contains("(?<" + g + ">")) {
          throw new IllegalArgumentException("date pattern " + pattern + " has no named group (?<" + g + ">...)");
        }
      }
    }
    return new NameDates(pattern);
  }

  /**
   * The date a file's path gives: its name first (FILE_NAME), then its folders (FOLDER_NAME: one folder named
   * by a date, or year/month/day folders, or a year folder for the year alone). NONE when nothing is certain.
   */
  public PageDate find(Path file) {
    List<String> parts = new ArrayList<>();
    for (Path p : file.normalize()) parts.add(p.toString());
    if (parts.isEmpty()) return PageDate.NONE;
    String name = parts.get(parts.size() - 1);
    if (custom != null) {
      PageDate c = customDate(String.join("/", parts));
      if (c != null) return c;
    }
    Optional<LocalDate> own = inName(stripExtension(name));
    if (own.isPresent()) return PageDate.of(own.get(), DateEvidence.FILE_NAME, YearSource.FILE_NAME);
    List<String> folders = parts.subList(0, parts.size() - 1);
    for (int i = folders.size() - 1; i >= 0; i--) {
      Optional<LocalDate> d = inName(folders.get(i));
      if (d.isPresent()) return PageDate.of(d.get(), DateEvidence.FOLDER_NAME, YearSource.FOLDER_NAME);
      Optional<LocalDate> nested = nested(folders.subList(0, i + 1), stripExtension(name));
      if (nested.isPresent()) return PageDate.of(nested.get(), DateEvidence.FOLDER_NAME, YearSource.FOLDER_NAME);
    }
    for (int i = folders.size() - 1; i >= 0; i--) {
      Matcher y = YEAR_FOLDER.matcher(folders.get(i));
      if (y.matches() && plausibleYear(Integer.parseInt(y.group(1)))) {
        return PageDate.yearOnly(Integer.parseInt(y.group(1)), YearSource.FOLDER_NAME);
      }
    }
    return PageDate.NONE;
  }

  /** The user's pattern decides alone where it matches (NONE when its match is no valid date); null elsewhere. */
  private PageDate customDate(String path) {
    Matcher m = custom.matcher(path);
    PageDate last = null;
    while (m.find()) {
      int y = Integer.parseInt(m.group("year"));
      String day = custom.pattern().contains("(?<day>") ? m.group("day") : null;
      LocalDate d = date(y, Integer.parseInt(m.group("month")), day == null ? 1 : Integer.parseInt(day));
      last = d == null ? PageDate.NONE
          : day == null ? PageDate.yearOnly(y, YearSource.FILE_NAME)
          : PageDate.of(d, DateEvidence.FILE_NAME, YearSource.FILE_NAME);
    }
    return last;
  }

  /** A date written in one name (file name without extension, or one folder name). */
  static Optional<LocalDate> inName(String name) {
    List<LocalDate> found = new ArrayList<>();
    Matcher s = SEPARATED.matcher(name);
    while (s.find()) {
      LocalDate d = date(Integer.parseInt(s.group(1)), Integer.parseInt(s.group(3)), Integer.parseInt(s.group(4)));
      if (d != null) found.add(d);
    }
    if (found.isEmpty()) {
      Matcher t = TOKEN.matcher(name);
      while (t.find()) {
        String token = t.group();
        List<String> runs = new ArrayList<>();
        Matcher r = DIGITS.matcher(token);
        while (r.find()) runs.add(r.group());
        // several digit runs among letters is a hash or an id (1132cb0b81b05dee), never a date
        if (runs.size() != 1) continue;
        LocalDate d = digitRun(runs.get(0));
        if (d != null) found.add(d);
      }
    }
    return found.stream().distinct().count() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

  /** yyyyMMdd followed by at most four digits of page or issue number; null when not certain. */
  static LocalDate digitRun(String run) {
    if (run.length() < 8 || run.length() > 12) return null;
    LocalDate first = eight(run.substring(0, 8));
    if (first == null) return null;
    // "1998041919980420": another date could start later in the run: the digits are not one date
    for (int i = 1; i + 8 <= run.length(); i++) {
      LocalDate other = eight(run.substring(i, i + 8));
      if (other != null && !other.equals(first)) return null;
    }
    return first;
  }

  private static LocalDate eight(String s) {
    return date(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)), Integer.parseInt(s.substring(6, 8)));
  }

  /** Year/month/day folders: {@code 1998/04/19/x.txt}, {@code 1998/04/19.txt}, {@code 1998/0419/x.txt}. */
  private static Optional<LocalDate> nested(List<String> folders, String fileStem) {
    int n = folders.size();
    String last = folders.get(n - 1);
    // 1998/04/19/
    if (n >= 3 && isYear(folders.get(n - 3)) && MONTH_OR_DAY.matcher(folders.get(n - 2)).matches()
        && MONTH_OR_DAY.matcher(last).matches()) {
      return Optional.ofNullable(date(year(folders.get(n - 3)), Integer.parseInt(folders.get(n - 2)), Integer.parseInt(last)));
    }
    // 1998/0419/
    Matcher md = MONTH_DAY.matcher(last);
    if (n >= 2 && isYear(folders.get(n - 2)) && md.matches()) {
      return Optional.ofNullable(date(year(folders.get(n - 2)), Integer.parseInt(md.group(1)), Integer.parseInt(md.group(2))));
    }
    // 1998/04/19.txt: only when the file is named by its day alone
    if (n >= 2 && isYear(folders.get(n - 2)) && MONTH_OR_DAY.matcher(last).matches()
        && MONTH_OR_DAY.matcher(fileStem).matches()) {
      return Optional.ofNullable(date(year(folders.get(n - 2)), Integer.parseInt(last), Integer.parseInt(fileStem)));
    }
    return Optional.empty();
  }

  private static boolean isYear(String folder) {
    Matcher m = YEAR_FOLDER.matcher(folder);
    return m.matches() && plausibleYear(Integer.parseInt(m.group(1)));
  }

  private static int year(String folder) {
    Matcher m = YEAR_FOLDER.matcher(folder);
    m.matches();
    return Integer.parseInt(m.group(1));
  }

  static boolean plausibleYear(int y) {
    return y >= MIN_YEAR && y <= MAX_YEAR;
  }

  private static LocalDate date(int y, int m, int d) {
    if (!plausibleYear(y)) return null;
    try {
      return LocalDate.of(y, m, d);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static String stripExtension(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 && name.length() - dot <= 6 && !name.substring(dot + 1).matches("\\d+") ? name.substring(0, dot) : name;
  }
}
