package dev.newssearch.indexer.enrich;

import dev.newssearch.indexer.credit.CreditSpans;
import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enrich stage: persons, places and organisations mentioned in a reflowed paragraph, as canonical
 * names ready to facet on.
 *
 * <p>HanLP's statistical recogniser proposes names; what the text itself says decides. A person not in
 * {@code known_persons.tsv} is kept only with evidence (a title right before it, a verb of speech right after
 * it, HanLP's person tag on a string shaped like a Chinese name, or a second mention) and only when it is
 * neither in {@code rejected_persons.txt} nor an ordinary word of HanLP's core dictionary. Byline credits are
 * blanked first: a name after 记者 in a credit is a reporter, not a person the paragraph talks about.
 *
 * <p>Loading HanLP takes about a second; build one recogniser per run and reuse it. Not thread-safe to share
 * across threads while the data is being loaded; {@link #recognize} itself keeps no state between calls.
 */
public final class EntityRecognizer {

  private static final Logger LOG = LoggerFactory.getLogger(EntityRecognizer.class);

  /** Two or more single CJK characters separated by single spaces: a letter-spaced word (王 婷, 会 议 以 …). */
  private static final Pattern LETTER_SPACED = Pattern.compile("(?<!\\p{IsHan})\\p{IsHan}(?:[ \\u3000]\\p{IsHan})+");
  private static final String CJK = "[\\p{IsHan}\\p{InCJKSymbolsAndPunctuation}\\p{InHalfwidthAndFullwidthForms}“”‘’]";
  private static final Pattern HAN_SPACE_HAN = Pattern.compile("(?<=" + CJK + ")[ \\u3000]+(?=" + CJK + ")");
  private static final String QUANTITY_CHARS = "0123456789０１２３４５６７８９零一二三四五六七八九十百千万亿两多余几数";
  private static final String CLAUSE_START = "。！？；：，、“”（） \u3000";
  private static final String LEADING_FUNCTION_CHARS = "驻从向同在对与和由把及将赴为到据经县";

  private enum Evidence { KNOWN, TITLE, SPEECH, LIST, TAGGED }

  private record Span(int start, int end, String name, Evidence evidence) {
    boolean overlaps(Span other) {
      return start < other.end && other.start < end;
    }
  }

  private final Lexicon lexicon;
  private final CreditSpans credits;
  private final Segment segment;
  private final List<String> knownSpellingsLongestFirst;
  private final List<String> organizationSpellingsLongestFirst;
  private final List<String> titlesLongestFirst;
  private final List<String> followers;
  private final List<String> placeSuffixesLongestFirst;

  EntityRecognizer(Lexicon lexicon) {
    this.lexicon = lexicon;
    this.credits = new CreditSpans(lexicon.surnames());
    this.segment = HanLP.newSegment()
        .enableNameRecognize(true)
        .enablePlaceRecognize(true)
        .enableOrganizationRecognize(true)
        .enableTranslatedNameRecognize(true)
        .enableOffset(true);
    this.knownSpellingsLongestFirst = longestFirst(lexicon.knownPersons().keySet());
    this.organizationSpellingsLongestFirst = longestFirst(lexicon.organizations().keySet());
    this.titlesLongestFirst = longestFirst(lexicon.personTitles());
    this.placeSuffixesLongestFirst = longestFirst(lexicon.placeSuffixes());
    Set<String> after = new LinkedHashSet<>(lexicon.speechVerbs());
    after.addAll(lexicon.nameFollowers());
    this.followers = longestFirst(after);
    long started = System.nanoTime();
    segment.seg("国家主席习近平同美国总统特朗普通电话。");
    LOG.info("HanLP loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
  }

  /** Loads the recogniser with the project's data files (known persons, rejections, roles, …). */
  public static EntityRecognizer loadDefault() {
    return new EntityRecognizer(Lexicon.loadDefault());
  }

  public Entities recognize(String paragraphText) {
    if (paragraphText == null || paragraphText.isBlank()) {
      return Entities.NONE;
    }
    String text = clean(paragraphText);
    List<Term> terms = segment.seg(text);
    List<Span> persons = persons(text, terms);
    List<String> places = places(terms, persons);
    List<String> organizations = organizations(text, terms);
    return new Entities(names(persons), places, organizations);
  }

  /** Credits blanked, letter-spaced words joined, spaces between CJK characters dropped. */
  String clean(String paragraphText) {
    String text = credits.blank(paragraphText);
    if (text.indexOf(' ') < 0 && text.indexOf('\u3000') < 0) {
      return text; // most reflowed paragraphs: nothing to join
    }
    Matcher letterSpaced = LETTER_SPACED.matcher(text);
    StringBuilder joined = new StringBuilder();
    while (letterSpaced.find()) {
      letterSpaced.appendReplacement(joined, letterSpaced.group().replaceAll("[ \\u3000]", ""));
    }
    letterSpaced.appendTail(joined);
    return HAN_SPACE_HAN.matcher(joined).replaceAll("");
  }

  // ---------------------------------------------------------------- persons

  private List<Span> persons(String text, List<Term> terms) {
    List<Span> candidates = new ArrayList<>();
    for (String spelling : knownSpellingsLongestFirst) {
      for (int at = text.indexOf(spelling); at >= 0; at = text.indexOf(spelling, at + spelling.length())) {
        candidates.add(new Span(at, at + spelling.length(), lexicon.knownPersons().get(spelling), Evidence.KNOWN));
      }
    }
    for (int end : titleEnds(text)) {
      Span anchored = anchoredName(text, terms, end, Evidence.TITLE);
      if (anchored != null) {
        candidates.add(anchored);
      }
    }
    for (int start : titleStarts(text)) {
      Span titled = nameBeforeTitle(text, start);
      if (titled != null) {
        candidates.add(titled);
      }
    }
    for (Term term : terms) {
      if (!term.nature.toString().startsWith("nr")) {
        continue;
      }
      Span tagged = taggedName(text, terms, term);
      if (tagged != null) {
        candidates.add(tagged);
      }
    }
    List<Span> accepted = resolve(candidates);
    // a name in a list (纳云德、杨发森、蔡松涛) shares the evidence of the name before it
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Span span : List.copyOf(accepted)) {
        if (span.end < text.length() && text.charAt(span.end) == '、') {
          Span next = anchoredName(text, terms, span.end + 1, Evidence.LIST);
          if (next != null && accepted.stream().noneMatch(next::overlaps)) {
            accepted.add(next);
            grew = true;
          }
        }
      }
    }
    accepted.sort(Comparator.comparingInt(Span::start));
    return accepted;
  }

  /** Positions right after a title (副市长|李波), longest title first so 副市长 wins over 市长. */
  private List<Integer> titleEnds(String text) {
    Set<Integer> ends = new LinkedHashSet<>();
    for (String title : titlesLongestFirst) {
      for (int at = text.indexOf(title); at >= 0; at = text.indexOf(title, at + 1)) {
        ends.add(at + title.length());
      }
    }
    return List.copyOf(ends);
  }

  /** Positions where a title starts (李兰娟|院士), so a name printed before its title can be found. */
  private List<Integer> titleStarts(String text) {
    Set<Integer> starts = new LinkedHashSet<>();
    for (String title : titlesLongestFirst) {
      for (int at = text.indexOf(title); at >= 0; at = text.indexOf(title, at + 1)) {
        starts.add(at);
      }
    }
    return List.copyOf(starts);
  }

  /** A 2-3 character name right before a title that itself starts a clause (，李兰娟院士团队…). */
  private Span nameBeforeTitle(String text, int titleStart) {
    for (int length = 3; length >= 2; length--) {
      int start = titleStart - length;
      if (start < 0) {
        continue;
      }
      boolean clauseStart = start == 0 || CLAUSE_START.indexOf(text.charAt(start - 1)) >= 0;
      String name = text.substring(start, titleStart);
      // 常务副|县长: the "name" is the front of a longer title
      boolean partOfTitle = false;
      for (int i = start; i < titleStart && !partOfTitle; i++) {
        partOfTitle = startsWithAny(text, i, titlesLongestFirst);
      }
      if (clauseStart && !partOfTitle && looksLikeChineseName(name) && acceptable(name, false)) {
        return new Span(start, titleStart, canonical(name), Evidence.TITLE);
      }
    }
    return null;
  }

  /** A name starting at {@code start} right after a title or list comma: HanLP's cut if it is a name, else 2-4 chars that end where a name can end. */
  private Span anchoredName(String text, List<Term> terms, int start, Evidence evidence) {
    if (start >= text.length() || !isHan(text.charAt(start))) {
      return null;
    }
    List<Integer> lengths = new ArrayList<>();
    Term term = termAt(terms, start);
    if (term != null && term.nature.toString().startsWith("nr") && term.word.length() >= 2) {
      lengths.add(term.word.length());
    }
    lengths.addAll(List.of(2, 3, 4));
    for (int length : lengths) {
      int end = start + length;
      if (end > text.length()) {
        break;
      }
      String name = text.substring(start, end);
      if (!name.codePoints().allMatch(c -> isHan(c) || c == '·')) {
        break;
      }
      if (endsAName(text, end) && acceptable(name, false)) {
        return new Span(start, end, canonical(name), evidence);
      }
    }
    return null;
  }

  private Span taggedName(String text, List<Term> terms, Term term) {
    String word = term.word;
    int start = term.offset;
    int end = start + word.length();
    boolean foreign = term.nature.toString().startsWith("nrf");
    // a verb of speech or a title right after the name (谭德塞指出, 李兰娟院士)
    boolean spoke = startsWithAny(text, end, lexicon.speechVerbs()) || startsWithAny(text, end, titlesLongestFirst);
    boolean repeated = text.indexOf(word, end) >= 0 || text.lastIndexOf(word, start - 1) >= 0;
    Evidence evidence = spoke ? Evidence.SPEECH : Evidence.TAGGED;
    if (start > 0 && QUANTITY_CHARS.indexOf(text.charAt(start - 1)) >= 0) {
      return null; // 10万单, 400余次, 500万非贫困人口: a count, not a surname
    }
    // the subject of a clause doing something (刘强先后来到…, 。武新亮一行来到…) is evidence too
    boolean subject = (start == 0 || CLAUSE_START.indexOf(text.charAt(start - 1)) >= 0)
        && startsWithAny(text, end, followers);
    if (!foreign && !spoke && !subject && !plausibleOnTagAlone(word)) {
      return null; // a repeated abbreviation (沙方, 成渝) is still an abbreviation
    }
    if (!foreign && !spoke && start > 0 && isOrdinaryWord(text.substring(start - 1, start + 1))) {
      return null; // 做强|文旅: the "surname" ends the word before it
    }
    if (acceptable(word, foreign) && (!foreign || spoke || repeated || word.length() >= 3)) {
      return new Span(start, end, canonical(word), evidence);
    }
    // a bad cut that swallowed the next word's first character (乔治因细菌感染)
    String trimmed = word.substring(0, word.length() - 1);
    if (word.length() >= 3 && lexicon.nameStopChars().contains(word.substring(word.length() - 1))
        && acceptable(trimmed, foreign)) {
      return new Span(start, end - 1, canonical(trimmed), evidence);
    }
    return null;
  }

  /**
   * When HanLP's tag is the only evidence, only a full three-character name (surname + two-character given
   * name) counts: two-character tags are mostly abbreviations (农旅, 施策, 沙方), and a surname that forms an
   * ordinary word with the next character (安全关, 高新盈) or a place ending (武隆区) is a bad cut.
   */
  private boolean plausibleOnTagAlone(String word) {
    if (lexicon.knownPersons().containsKey(word)) {
      return true;
    }
    boolean compoundSurname = word.length() == 4 && lexicon.surnames().contains(word.substring(0, 2));
    if (word.length() != 3 && !compoundSurname) {
      return false;
    }
    for (String suffix : placeSuffixesLongestFirst) {
      if (word.endsWith(suffix)) {
        return false;
      }
    }
    CoreDictionary.Attribute head = CoreDictionary.get(word.substring(0, 2));
    return compoundSurname || head == null || head.hasNatureStartsWith("nr");
  }

  private static boolean isOrdinaryWord(String word) {
    CoreDictionary.Attribute attribute = CoreDictionary.get(word);
    return attribute != null && !attribute.hasNatureStartsWith("nr");
  }

  /** Shape, rejection list and common-word checks that every non-curated person must pass. */
  private boolean acceptable(String name, boolean foreign) {
    if (lexicon.knownPersons().containsKey(name)) {
      return true;
    }
    if (lexicon.rejectedPersons().contains(name) || lexicon.personTitles().contains(name)
        || lexicon.speechVerbs().contains(name) || lexicon.nameFollowers().contains(name)) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      if (lexicon.nameStopChars().contains(name.substring(i, i + 1))) {
        return false;
      }
    }
    if (!foreign && !looksLikeChineseName(name)) {
      return false;
    }
    if (foreign && name.length() < 2) {
      return false;
    }
    CoreDictionary.Attribute attribute = CoreDictionary.get(name);
    boolean commonWord = attribute != null && !attribute.hasNatureStartsWith("nr");
    // 汪洋 and 韩正 are ordinary words too; people with such names belong in known_persons.tsv
    return !commonWord;
  }

  private boolean looksLikeChineseName(String name) {
    if (!name.codePoints().allMatch(EntityRecognizer::isHan)) {
      return false;
    }
    int length = name.length();
    if (length >= 3 && length <= 4 && lexicon.surnames().contains(name.substring(0, 2))) {
      return true;
    }
    return length >= 2 && length <= 3 && lexicon.surnames().contains(name.substring(0, 1));
  }

  private boolean endsAName(String text, int end) {
    return end >= text.length() || !isHan(text.charAt(end)) || startsWithAny(text, end, followers);
  }

  private List<Span> resolve(List<Span> candidates) {
    List<Span> ordered = new ArrayList<>(candidates);
    ordered.sort(Comparator.comparing(Span::evidence)
        .thenComparing(Comparator.comparingInt((Span s) -> s.end - s.start).reversed())
        .thenComparingInt(Span::start));
    List<Span> accepted = new ArrayList<>();
    for (Span candidate : ordered) {
      if (accepted.stream().noneMatch(candidate::overlaps)) {
        accepted.add(candidate);
      }
    }
    return accepted;
  }

  private String canonical(String name) {
    return lexicon.knownPersons().getOrDefault(name, name);
  }

  // ---------------------------------------------------------------- places

  private List<String> places(List<Term> terms, List<Span> persons) {
    Set<String> places = new LinkedHashSet<>();
    for (Term term : terms) {
      String word = term.word;
      String nature = term.nature.toString();
      Span asSpan = new Span(term.offset, term.offset + word.length(), word, Evidence.TAGGED);
      if (persons.stream().anyMatch(asSpan::overlaps)) {
        continue;
      }
      String known = lexicon.places().get(word);
      if (known == null && nature.startsWith("nt")) {
        known = placeAtStart(word); // 湖北省民宗委, 山西省政协: the organisation's place
      }
      if (known != null) {
        places.add(known);
      } else if (nature.startsWith("nsf") && word.length() >= 2 && !lexicon.rejectedPlaces().contains(word)
          && word.codePoints().allMatch(c -> isHan(c) || c == '·')) {
        places.add(word);
      } else if ((nature.startsWith("ns") || nature.startsWith("nr") || nature.startsWith("nt"))
          && plausibleUnlistedPlace(word)) {
        places.add(word);
      }
    }
    return List.copyOf(places);
  }

  private String placeAtStart(String word) {
    for (int length = Math.min(word.length() - 1, 6); length >= 2; length--) {
      String place = lexicon.places().get(word.substring(0, length));
      if (place != null) {
        return place;
      }
    }
    return null;
  }

  private boolean plausibleUnlistedPlace(String word) {
    if (lexicon.rejectedPlaces().contains(word) || word.length() > 12
        || !word.codePoints().allMatch(EntityRecognizer::isHan)
        || LEADING_FUNCTION_CHARS.indexOf(word.charAt(0)) >= 0) {
      return false;
    }
    for (String suffix : placeSuffixesLongestFirst) {
      if (word.endsWith(suffix) && word.length() >= suffix.length() + 2) {
        String stem = word.substring(0, word.length() - suffix.length());
        if (lexicon.places().containsKey(stem)) {
          return true;
        }
        // 织密城市, 城乡社区: the suffix is the end of an ordinary word, not an administrative unit
        CoreDictionary.Attribute tail = CoreDictionary.get(word.substring(word.length() - suffix.length() - 1));
        boolean ordinaryTail = tail != null && !tail.hasNatureStartsWith("ns");
        CoreDictionary.Attribute whole = CoreDictionary.get(word);
        return !ordinaryTail && (whole == null || whole.hasNatureStartsWith("ns"));
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- organisations

  private List<String> organizations(String text, List<Term> terms) {
    List<Span> spans = new ArrayList<>();
    for (String spelling : organizationSpellingsLongestFirst) {
      for (int at = text.indexOf(spelling); at >= 0; at = text.indexOf(spelling, at + spelling.length())) {
        Span span = new Span(at, at + spelling.length(), lexicon.organizations().get(spelling), Evidence.KNOWN);
        if (spans.stream().noneMatch(span::overlaps)) {
          spans.add(span);
        }
      }
    }
    for (Term term : terms) {
      if (!term.nature.toString().startsWith("nt")) {
        continue;
      }
      Span span = new Span(term.offset, term.offset + term.word.length(), term.word, Evidence.TAGGED);
      if (plausibleUnlistedOrganization(term.word) && spans.stream().noneMatch(span::overlaps)) {
        spans.add(span);
      }
    }
    spans.sort(Comparator.comparingInt(Span::start));
    return names(spans);
  }

  private boolean plausibleUnlistedOrganization(String word) {
    if (lexicon.rejectedOrganizations().contains(word) || word.length() < 4 || word.length() > 16
        || !word.codePoints().allMatch(EntityRecognizer::isHan)
        || LEADING_FUNCTION_CHARS.indexOf(word.charAt(0)) >= 0) {
      return false;
    }
    return lexicon.organizationSuffixes().stream().anyMatch(word::endsWith);
  }

  // ---------------------------------------------------------------- helpers

  private static List<String> names(List<Span> spans) {
    Set<String> names = new LinkedHashSet<>();
    for (Span span : spans) {
      names.add(span.name);
    }
    return List.copyOf(names);
  }

  private static Term termAt(List<Term> terms, int offset) {
    for (Term term : terms) {
      if (term.offset == offset) {
        return term;
      }
      if (term.offset > offset) {
        return null;
      }
    }
    return null;
  }

  private static boolean startsWithAny(String text, int at, Iterable<String> words) {
    for (String word : words) {
      if (text.startsWith(word, at)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> longestFirst(Set<String> words) {
    List<String> sorted = new ArrayList<>(words);
    sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
    return List.copyOf(sorted);
  }

  private static boolean isHan(int codePoint) {
    return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
  }

}
