package dev.newssearch.indexer.dates;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page's printed header or masthead: a line made only of header parts: publication ({@code 人民日报}), date
 * ({@code 1998年4月19日}, {@code 1998-04-19}), weekday ({@code 星期日}), lunar date, page ({@code 第4版},
 * {@code 04版}, {@code A4版}), section ({@code 要闻}, from {@code dates/sections.txt}), issue number
 * ({@code 第18745期}). Such a line is furniture: it is kept out of paragraphs and titles, its date dates the
 * page and its page number is the edition.
 *
 * <p>A date alone is not a header (a letter ends on its date; a date printed under a headline belongs to
 * its story): it needs a weekday, a publication, a page or a section beside it. A line without a date is a
 * header when it is a page number or a section label, with or without the other parts.
 */
public final class PageHeader {
  /**
   * @param date        the full printed date, null when the header prints none or no year
   * @param month       month printed without a year ({@code 4月19日 星期日}), else null
   * @param day         day printed with {@code month}, else null
   * @param edition     the page as {@code 04版} (A-pages: {@code A4版}), null when not printed
   * @param publication the newspaper's name when printed, else null
   */
  public record Header(LocalDate date, Integer month, Integer day, String edition, String publication) {}

  private static final String HAN_NUM = "[一二三四五六七八九十]{1,3}";
  private static final Pattern PART = Pattern.compile(String.join("|",
      "(?<ymd>(?<y>\\d{4})\\s*年\\s*(?<m>\\d{1,2})\\s*月\\s*(?<d>\\d{1,2})\\s*日)",
      "(?<iso>(?<iy>\\d{4})\\s*(?<sep>[-./])\\s*(?<im>\\d{1,2})\\s*\\k<sep>\\s*(?<id>\\d{1,2}))",
      "(?<md>(?<mm>\\d{1,2})\\s*月\\s*(?<mdd>\\d{1,2})\\s*日)",
      "(?<week>星期[一二三四五六日天]|礼拜[一二三四五六日天])",
      "(?<lunar>农历\\S{2,10})",
      "(?<ed>第\\s*(?<edn>\\d{1,3}|" + HAN_NUM + ")\\s*版|(?<edl>[A-H])?\\s*(?<edd>\\d{1,3})\\s*版)",
      "(?<issue>(?:总\\s*)?第\\s*\\d{1,6}\\s*(?:期|号))",
      "(?<pub>《?\\p{IsHan}{1,8}(?:日报|晚报|早报|时报|商报|青年报|报|周刊|画报)(?:海外版|农村版)?》?)",
      "(?<sec>\\p{IsHan}{2,5})"));
  private static final Pattern SEPARATOR = Pattern.compile("[\\s|｜·•/／—\\-_]+");

  private final Set<String> sections;
  /** The first characters of the section labels: most lines hold none of them. */
  private final BitSet sectionStarts = new BitSet();
  /** The sections' lengths, longest first: {@link #longestSection} probes the set once per length. */
  private final int[] sectionLengths;

  private PageHeader(Set<String> sections) {
    this.sections = Set.copyOf(sections);
    sections.forEach(sec -> sectionStarts.set(sec.charAt(0)));
    this.sectionLengths = sections.stream().mapToInt(String::length).distinct().map(n -> -n).sorted().map(n -> -n)
        .toArray();
  }

  public static PageHeader loadDefault() {
    Set<String> sections = new LinkedHashSet<>();
    try (var in = PageHeader.class.getResourceAsStream("/dates/sections.txt")) {
      if (in == null) throw new IllegalStateException("dates/sections.txt missing from the classpath");
      var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        line = line.strip();
        if (!line.isEmpty() && !line.startsWith("#")) sections.add(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new PageHeader(sections);
  }

  /** True when {@code line} is a page header or masthead (furniture). */
  public boolean isHeader(String line) {
    return parse(line).isPresent();
  }

  /** The header {@code line} prints, empty when the line is anything else. */
  public Optional<Header> parse(String line) {
    String s = line.strip();
    if (s.isEmpty() || s.length() > 60 || !holdsAnchor(s)) return Optional.empty();
    LocalDate date = null;
    Integer month = null;
    Integer day = null;
    String edition = null;
    String publication = null;
    boolean dated = false;
    boolean weekday = false;
    boolean section = false;
    boolean issue = false;
    int pos = 0;
    Matcher sep = SEPARATOR.matcher(s);
    Matcher m = PART.matcher(s);
    while (pos < s.length()) {
      sep.region(pos, s.length());
      if (sep.lookingAt()) {
        pos = sep.end();
        continue;
      }
      m.region(pos, s.length());
      if (!m.lookingAt()) return Optional.empty();
      if (m.group("ymd") != null || m.group("iso") != null) {
        boolean ymd = m.group("ymd") != null;
        LocalDate d = date(m.group(ymd ? "y" : "iy"), m.group(ymd ? "m" : "im"), m.group(ymd ? "d" : "id"));
        if (d == null || dated) return Optional.empty();
        date = d;
        dated = true;
      } else if (m.group("md") != null) {
        if (dated) return Optional.empty();
        month = Integer.valueOf(m.group("mm"));
        day = Integer.valueOf(m.group("mdd"));
        if (month < 1 || month > 12 || day < 1 || day > 31) return Optional.empty();
        dated = true;
      } else if (m.group("week") != null) {
        weekday = true;
      } else if (m.group("lunar") != null) {
        weekday = true; // printed beside the date only, like the weekday
      } else if (m.group("ed") != null) {
        if (edition != null) return Optional.empty();
        edition = edition(m.group("edn"), m.group("edl"), m.group("edd"));
      } else if (m.group("issue") != null) {
        issue = true;
      } else if (m.group("pub") != null || m.group("sec") != null) {
        String word = m.group();
        // a section label is matched whole; a longer run of characters is a publication or not a header at all
        String bare = word.replaceAll("[《》]", "");
        if (sections.contains(bare)) {
          section = true;
        } else if (m.group("pub") != null && publication == null) {
          publication = bare;
        } else {
          int len = longestSection(s, pos);
          if (len == 0) return Optional.empty();
          section = true;
          pos += len;
          continue;
        }
      }
      pos = m.end();
    }
    boolean header = dated ? weekday || publication != null || edition != null || section || issue
        : edition != null || section;
    if (!header) return Optional.empty();
    // a bare publication name with a section ("人民日报 要闻") is a masthead; a lone headline-like word is not
    if (!dated && edition == null && publication == null && !sectionOnly(s)) return Optional.empty();
    return Optional.of(new Header(date, date == null ? month : null, date == null ? day : null, edition, publication));
  }

  /**
   * Whether {@code s} holds what every header needs: a date's digits, a page's 版 or a section label (see the
   * rule at the end of {@link #parse}). Nearly every line of a page holds none of them, and this answers without
   * the parts' pattern.
   */
  private boolean holdsAnchor(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= '0' && c <= '9') || c == '版' || (sectionStarts.get(c) && longestSection(s, i) > 0)) return true;
    }
    return false;
  }

  /** The length of the longest section name at {@code pos} in {@code s}, 0 if none starts there. */
  private int longestSection(String s, int pos) {
    if (!sectionStarts.get(s.charAt(pos))) return 0;
    for (int n : sectionLengths) {
      if (pos + n <= s.length() && sections.contains(s.substring(pos, pos + n))) return n;
    }
    return 0;
  }

  private boolean sectionOnly(String s) {
    for (String part : SEPARATOR.split(s.strip())) {
      if (!part.isEmpty() && !sections.contains(part)) return false;
    }
    return true;
  }

  private static String edition(String han, String letter, String digits) {
    if (han != null) {
      int n = han.matches("\\d+") ? Integer.parseInt(han) : hanNumber(han);
      return String.format("%02d版", n);
    }
    return letter != null ? letter + Integer.parseInt(digits) + "版" : String.format("%02d版", Integer.parseInt(digits));
  }

  static int hanNumber(String s) {
    String digits = "零一二三四五六七八九";
    int ten = s.indexOf('十');
    if (ten < 0) return digits.indexOf(s.charAt(0));
    int tens = ten == 0 ? 1 : digits.indexOf(s.charAt(0));
    int units = ten == s.length() - 1 ? 0 : digits.indexOf(s.charAt(s.length() - 1));
    return tens * 10 + units;
  }

  private static LocalDate date(String y, String m, String d) {
    int year = Integer.parseInt(y);
    if (!NameDates.plausibleYear(year)) return null;
    try {
      return LocalDate.of(year, Integer.parseInt(m), Integer.parseInt(d));
    } catch (DateTimeException e) {
      return null;
    }
  }
}
