package dev.newssearch.indexer.enrich;

import dev.newssearch.indexer.credit.CreditSpans;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.corpus.dictionary.item.EnumItem;
import com.hankcs.hanlp.corpus.tag.NR;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.nr.PersonDictionary;
import com.hankcs.hanlp.dictionary.nr.TranslatedPersonDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enrich stage: persons, places and organisations mentioned in reflowed paragraphs, as canonical names
 * ready to facet on.
 *
 * <p>Persons: candidates come from HanLP's person tags and from our own generation around what makes a name a
 * name in any newspaper — a title or role before it, a title or verb of speech after it, a list comma beside
 * another person, transliteration characters joined by ·. Each candidate's evidence is weighed with
 * {@link EvidenceWeights} into one score. A paragraph alone decides only its strong candidates; paragraphs
 * recognised together ({@link #recognizeAll}, an article or a page) or with archive-wide evidence
 * ({@link #resolve}) also accept weaker mentions of names that are strong elsewhere, resolve title forms
 * (吴先生, 李主席) to the full name the article gives, and repair cuts that swallowed a neighbour (克林顿当).
 *
 * <p>Places and organisations: general gazetteers and HanLP's tags, kept when they have the shape of a
 * place or a body, on word boundaries; a place inside an organisation's name (中国 in 中国队) is not a place
 * mention. Byline credits are blanked first: a reporter is not a person the paragraph talks about.
 *
 * <p>Loading HanLP takes about a second; build one recogniser per run and reuse it. {@link #recognize} keeps
 * no state between calls.
 */
public final class EntityRecognizer {

  private static final Logger LOG = LoggerFactory.getLogger(EntityRecognizer.class);

  /** The kinds of evidence a person candidate can have; {@link EvidenceWeights} weighs each. */
  public enum Evidence {
    KNOWN, HANLP_TAG, FULL_NAME, TRANSLITERATION, MIDDLE_DOT, TITLE_BEFORE, TITLE_AFTER, SPEECH_AFTER,
    LIST_NEIGHBOUR, CLAUSE_SUBJECT, REPEATED, SHORT_NAME, ORDINARY_WORD, WORD_INSIDE, GLUED_BEFORE, RAGGED_START,
    RAGGED_END, COUNT_BEFORE, PLACE_SHAPE, GIVEN_NAME_CHARS, UNUSUAL_GIVEN_NAME, FOREIGN_NAME, DICTIONARY_PERSON,
    UNKNOWN_FOREIGN_RUN, HEADS_A_BODY, SCATTERED_NAME, JAPANESE_NAME, CAPTION_POSITION
  }

  /** A person candidate of one paragraph: its spelling as printed, its evidence and score. */
  public record Mention(int start, int end, String name, Set<Evidence> evidence, double score) {
    boolean overlaps(int otherStart, int otherEnd) {
      return start < otherEnd && otherStart < end;
    }
  }

  /** A surname with a title or honorific instead of a given name (吴先生, 李主席). */
  public record TitleForm(int start, int end, String surname) {}

  /**
   * What one paragraph says on its own: person mentions (non-overlapping, at least the weak score), title
   * forms, places and organisations. {@link #resolve} turns analyses into facet values.
   */
  public record Analysis(List<Mention> mentions, List<TitleForm> titleForms, List<String> places,
                         List<String> organizations) {
    public Analysis { // immutable: analyses are shared through the cache
      mentions = List.copyOf(mentions);
      titleForms = List.copyOf(titleForms);
      places = List.copyOf(places);
      organizations = List.copyOf(organizations);
    }

    public static final Analysis NONE = new Analysis(List.of(), List.of(), List.of(), List.of());
  }

  /** Two or more single CJK characters separated by single spaces: a letter-spaced word (王 婷, 会 议 以 …). */
  private static final Pattern LETTER_SPACED = Pattern.compile("(?<!\\p{IsHan})\\p{IsHan}(?:[ \\u3000]\\p{IsHan})+");
  private static final String CJK = "[\\p{IsHan}\\p{InCJKSymbolsAndPunctuation}\\p{InHalfwidthAndFullwidthForms}“”‘’]";
  private static final Pattern HAN_SPACE_HAN = Pattern.compile("(?<=" + CJK + ")[ \\u3000]+(?=" + CJK + ")");
  private static final String QUANTITY_CHARS = "0123456789０１２３４５６７８９零一二三四五六七八九十百千万亿两多余几数";
  private static final String CLAUSE_START = "。！？；：，、“”（）《》 \u3000";
  /** Prepositions and conjunctions that HanLP glues onto the front of a name mid-clause (于张志, 向李明). */
  private static final String LEADING_FUNCTION_CHARS = "于在对向与和同据被把给由让将从为及跟";
  /** Administrative endings: a candidate ending in one is shaped like a place (武隆区). */
  private static final String PLACE_ENDINGS = "省市县区乡镇村州旗盟";
  private static final char DOT = '·';
  /** Where a person stands in a photo, as captions print it after the name: （左）, （右二）, （前排左三）, （中）. */
  private static final Pattern CAPTION_POSITION = Pattern.compile("[（(](?:前排|后排|中排)?(?:左|右|中)起?[一二三四五六七八九十1-9]?[）)]");
  /** Numbered units right after a body, its branches: 十四局三处, 第二工程处, 38军, 一分厂. */
  private static final Pattern NUMBERED_UNITS = Pattern.compile(
      "(?:第?[一二三四五六七八九十百零0-9０-９]{1,4}(?:分局|工程局|工程处|分公司|分厂|支队|大队|中队|局|处|师|军|旅|团|厂))+");
  /** An ordinal session right before a body: 第九届, 十五届. */
  private static final Pattern SESSION_BEFORE = Pattern.compile("第?[一二三四五六七八九十0-9０-９]{1,3}届$");
  /** A title in 《》 that names a publication: it ends as papers and magazines do (日报, 时报, 周刊, 杂志, 新闻). */
  private static final Pattern PUBLICATION_TITLE = Pattern.compile("《([\\p{IsHan}&&[^的之]]{1,15}(?:报|刊|杂志|新闻))》");

  private final Lexicon lexicon;
  /** The longest listed organisation ending, in characters: how far back {@link #organizationEnding} looks. */
  private final int longestOrganizationEnding;
  private final EvidenceWeights weights;
  private final CreditSpans credits;
  /** Analyses kept: at about 1.5 KB each (text and mentions), a few MB of the indexer's 256 MB heap. */
  static final int ANALYSES_KEPT = 4096;

  /**
   * Analyses of paragraphs met before, by their text. {@link #analyse} depends on the text alone (context
   * enters in {@link #resolve}), and archives repeat text word for word: wire copy reprinted by several
   * papers and editions, standing columns, page furniture, summaries. HanLP is most of the pipeline's
   * time, so a repeat costs a lookup instead. Bounded by Caffeine (size-based, least recently and
   * frequently used out first), safe for the pipeline's workers.
   */
  private final Cache<String, Analysis> seen = Caffeine.newBuilder().maximumSize(ANALYSES_KEPT).build();

  private final Segment segment;
  private final Segment plainSegment;
  private final Phrases known;
  private final Phrases titles;
  private final Phrases honorifics;
  private final Phrases speech;
  private final Phrases followers;
  private final Phrases places;
  private final Phrases organizations;
  private final Phrases japaneseSurnames;

  EntityRecognizer(Lexicon lexicon, EvidenceWeights weights) {
    this.lexicon = lexicon;
    this.longestOrganizationEnding = lexicon.organizationSuffixes().stream().mapToInt(String::length).max().orElse(0);
    this.weights = weights;
    this.credits = new CreditSpans(lexicon.surnames());
    this.segment = HanLP.newSegment()
        .enableNameRecognize(true)
        .enablePlaceRecognize(true)
        .enableOrganizationRecognize(true)
        .enableTranslatedNameRecognize(true)
        .enableOffset(true);
    this.plainSegment = HanLP.newSegment().enableCustomDictionary(false);
    this.known = Phrases.of(lexicon.knownPersons());
    this.titles = new Phrases(lexicon.personTitles());
    this.honorifics = new Phrases(lexicon.honorifics());
    this.speech = new Phrases(lexicon.speechVerbs());
    this.followers = new Phrases(lexicon.nameFollowers());
    this.places = Phrases.of(lexicon.places());
    this.organizations = Phrases.of(lexicon.organizations());
    this.japaneseSurnames = new Phrases(lexicon.japaneseSurnames());
    long started = System.nanoTime();
    segment.seg("国家主席习近平同美国总统特朗普通电话。");
    LOG.info("HanLP loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
  }

  /** The recogniser indexing uses: general knowledge plus the user's overrides. */
  public static EntityRecognizer loadDefault() {
    return new EntityRecognizer(Lexicon.loadDefault(), EvidenceWeights.DEFAULT);
  }

  /** General knowledge only, the overrides folder left out: what evaluation figures are measured with. */
  public static EntityRecognizer loadGeneral() {
    return new EntityRecognizer(Lexicon.general(), EvidenceWeights.DEFAULT);
  }

  /** One paragraph on its own: only what the paragraph itself proves. */
  public Entities recognize(String paragraphText) {
    return recognizeAll(List.of(paragraphText == null ? "" : paragraphText)).get(0);
  }

  /**
   * The paragraphs of one article or page together: a name strong in one paragraph is trusted in its weaker
   * mentions in the others, and title forms resolve to the full names given in any of them.
   */
  public List<Entities> recognizeAll(List<String> paragraphs) {
    List<Analysis> analyses = new ArrayList<>(paragraphs.size());
    for (String paragraph : paragraphs) {
      analyses.add(seen.get(paragraph, this::analyse));
    }
    return resolve(analyses, Set.of());
  }

  /** Names strong enough in these analyses to be trusted elsewhere: the archive-wide evidence to keep. */
  public Set<String> strongNames(Collection<Analysis> analyses) {
    Set<String> strong = new LinkedHashSet<>();
    for (Analysis analysis : analyses) {
      for (Mention mention : analysis.mentions()) {
        if (mention.score() >= weights.strong()) {
          strong.add(mention.name());
        }
      }
    }
    return strong;
  }

  /**
   * Facet values of analysed paragraphs that belong together (an article or a page), given the names trusted
   * across the archive ({@code trusted}, from {@link #strongNames} over every paragraph). A pure function of
   * its inputs, so an incremental run that passes the same trusted names gives what a full build gives.
   */
  public List<Entities> resolve(List<Analysis> analyses, Set<String> trusted) {
    Set<String> strong = new LinkedHashSet<>(trusted);
    strong.addAll(strongNames(analyses));
    Map<String, Integer> mentioned = new HashMap<>();
    for (Analysis analysis : analyses) {
      for (Mention mention : analysis.mentions()) {
        mentioned.merge(mention.name(), 1, Integer::sum);
      }
    }
    for (Map.Entry<String, Integer> entry : mentioned.entrySet()) {
      if (entry.getValue() >= 2) {
        for (Analysis analysis : analyses) {
          for (Mention mention : analysis.mentions()) {
            if (mention.name().equals(entry.getKey()) && mention.score() + weights.repeated() >= weights.accept()) {
              strong.add(mention.name()); // named twice with some evidence each time
            }
          }
        }
      }
    }
    List<List<String>> persons = new ArrayList<>();
    Set<String> accepted = new LinkedHashSet<>();
    for (Analysis analysis : analyses) {
      List<String> names = new ArrayList<>();
      for (Mention mention : analysis.mentions()) {
        String name = repairedByStrong(mention, strong);
        if (name != null) {
          names.add(name);
        }
      }
      accepted.addAll(names);
      persons.add(names);
    }
    Map<String, String> longer = longerForms(accepted);
    List<Entities> out = new ArrayList<>(analyses.size());
    for (int i = 0; i < analyses.size(); i++) {
      Analysis analysis = analyses.get(i);
      Set<String> names = new LinkedHashSet<>();
      for (String name : persons.get(i)) {
        names.add(canonicalPerson(longer.getOrDefault(name, name)));
      }
      for (TitleForm form : analysis.titleForms()) {
        String full = fullNameFor(form.surname(), accepted);
        if (full != null) {
          names.add(canonicalPerson(longer.getOrDefault(full, full)));
        }
      }
      names.removeAll(lexicon.notPersons());
      out.add(new Entities(List.copyOf(names), analysis.places(), analysis.organizations()));
    }
    return out;
  }

  /** The facet value a person's spelling is shown as. */
  public String canonicalPerson(String name) {
    return lexicon.knownPersons().getOrDefault(name, name);
  }

  public String canonicalPlace(String name) {
    String place = lexicon.places().get(name);
    return place != null ? place : lexicon.placeAbbreviations().getOrDefault(name, name);
  }

  public String canonicalOrganization(String name) {
    return lexicon.organizations().getOrDefault(name, name);
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

  /** HanLP's words and tags of a paragraph as the recogniser reads it (for {@code evaluate --explain}). */
  public String words(String paragraphText) {
    return new Text(clean(paragraphText)).terms.toString();
  }

  // ---------------------------------------------------------------- one paragraph

  /** Everything one paragraph says on its own. */
  public Analysis analyse(String paragraphText) {
    if (paragraphText == null || paragraphText.isBlank()) {
      return Analysis.NONE;
    }
    Text t = new Text(clean(paragraphText));
    List<int[]> placesBefore = new ArrayList<>();
    List<int[]> organizationSpans = organizationSpans(t, placesBefore);
    List<TitleForm> titleForms = titleForms(t);
    List<Mention> mentions = new ArrayList<>(persons(t, titleForms));
    // a name inside a body's name is the body's (伊拉斯莫斯大学医学院, 宋庆龄基金会), as newspapers' entity corpora label it
    mentions.removeIf(m -> organizationSpans.stream().anyMatch(o -> o[0] <= m.start() && m.end() <= o[1]));
    List<String> placeNames = places(t, mentions, organizationSpans, placesBefore);
    List<String> organizationNames = new ArrayList<>();
    for (int[] span : organizationSpans) {
      String name = canonicalOrganization(t.text.substring(span[0], span[1]));
      if (!organizationNames.contains(name) && !lexicon.notOrganizations().contains(name)) {
        organizationNames.add(name);
      }
    }
    return new Analysis(mentions, titleForms, placeNames, organizationNames);
  }

  /** One paragraph's text with its segmentation and the phrases found in it. */
  private final class Text {
    final String text;
    final int length;
    final List<Term> terms;
    final boolean[] termStart;
    final boolean[] termEnd;
    final Term[] termAt;
    final Term[] termOver;
    final Phrases.Marks titleMarks;
    final Phrases.Marks honorificMarks;
    final Phrases.Marks speechMarks;
    final Phrases.Marks followerMarks;
    final Phrases.Marks japaneseMarks;

    Text(String text) {
      this.text = text;
      this.length = text.length();
      this.terms = segment.seg(text);
      this.termStart = new boolean[length + 1];
      this.termEnd = new boolean[length + 1];
      this.termAt = new Term[length + 1];
      this.termOver = new Term[length + 1];
      for (Term term : terms) {
        if (term.offset >= 0 && term.offset + term.length() <= length) {
          termStart[term.offset] = true;
          termEnd[term.offset + term.length()] = true;
          termAt[term.offset] = term;
          for (int i = term.offset; i < term.offset + term.length(); i++) {
            termOver[i] = term;
          }
        }
      }
      termStart[length] = true;
      termEnd[0] = true;
      // a title counts where it lines up with HanLP's words at one end at least (区长 inside 硚口区长丰街道 does not)
      // (or HanLP took the title into a name or a body: 李兰娟院士团队/nt)
      this.titleMarks = titles.mark(text, (begin, end) -> termStart[begin] || termEnd[end]
          || (termOver[begin] != null && termOver[begin].nature.toString().matches("n[rt].*")));
      this.honorificMarks = honorifics.mark(text, (begin, end) -> true);
      // a one-character verb of speech other than 说 counts only before punctuation (乔治称： but not 街道)
      this.speechMarks = speech.mark(text, (begin, end) -> end - begin > 1 || text.charAt(begin) == '说'
          || end >= length || !isHan(text.charAt(end)));
      this.followerMarks = followers.mark(text, (begin, end) -> true);
      this.japaneseMarks = japaneseSurnames.mark(text, (begin, end) -> true);
    }

    private List<Term> bodies;

    /** HanLP's words tagged as a body or a place (nt, ns), found once per paragraph. */
    List<Term> bodies() {
      if (bodies == null) {
        bodies = new ArrayList<>();
        for (Term term : terms) {
          String nature = term.nature.toString();
          if (nature.startsWith("nt") || nature.startsWith("ns")) {
            bodies.add(term);
          }
        }
      }
      return bodies;
    }

    char at(int i) {
      return text.charAt(i);
    }

    boolean han(int i) {
      return i >= 0 && i < length && isHan(text.charAt(i));
    }

    /** A name may end here: text ends, a non-Han character, or a word that follows names starts. */
    boolean nameEnd(int end) {
      return end >= length || !han(end) || followerMarks.startsAt(end) || speechMarks.startsAt(end)
          || titleMarks.startsAt(end) || honorificMarks.startsAt(end) || dateAt(end);
    }

    /** A date or time starts here (瓦利|六日宣布, 李明|昨天说): news names the actor, then when. */
    boolean dateAt(int at) {
      Term term = termAt[at];
      if (term == null) {
        return false;
      }
      String nature = term.nature.toString();
      Term after = at + term.length() < length ? termAt[at + term.length()] : null;
      return nature.equals("t") || (nature.equals("m") && after != null
          && (after.word.equals("日") || after.word.equals("月") || after.word.startsWith("日")));
    }

    /** A name may start here: text starts, a non-Han character, a title ends, or HanLP starts a word. */
    boolean nameStart(int start) {
      return start == 0 || !han(start - 1) || titleMarks.endsAt(start) || termStart[start];
    }
  }

  // ---------------------------------------------------------------- persons

  /** Every scored person candidate of a paragraph, overlapping ones too (for {@code evaluate --explain}). */
  public List<Mention> candidates(String paragraphText) {
    Text t = new Text(clean(paragraphText));
    return candidates(t, titleForms(t));
  }

  private List<Mention> candidates(Text t, List<TitleForm> titleForms) {
    Map<Long, Set<Evidence>> spans = new LinkedHashMap<>();
    known.each(t.text, (begin, end, value) -> {
      boolean partOfLongerName = (begin > 0 && t.at(begin - 1) == DOT) || (end < t.length && t.at(end) == DOT);
      if (!partOfLongerName) {
        propose(spans, begin, end, Evidence.KNOWN); // 马克思 but not in 马克思·卢布里克
      }
    });
    for (Term term : t.terms) {
      String nature = term.nature.toString();
      if (nature.startsWith("nr") && term.offset >= 0) {
        // a Japanese name (nrj) is written in kanji, not in transliteration characters (东条英机)
        boolean foreign = nature.startsWith("nrf");
        int[] repaired = repair(t, term.offset, term.offset + term.length(), foreign);
        if (repaired != null) {
          propose(spans, repaired[0], repaired[1], Evidence.HANLP_TAG);
          if (nature.startsWith("nrj")) {
            propose(spans, repaired[0], repaired[1], Evidence.JAPANESE_NAME);
          }
          if (foreign || t.han(repaired[0] - 1) || allTransliteration(t.text.substring(repaired[0], repaired[1]))) {
            extendForeign(t, repaired[0], repaired[1], spans); // 费尔南|德斯
          }
          completeGivenName(t, repaired[0], repaired[1], spans);
          joinLoneSurname(t, repaired[0], repaired[1], spans);
        }
      } else if (term.offset >= 0 && foreignDictionaryName(term.word)) {
        propose(spans, term.offset, term.offset + term.length(), Evidence.FOREIGN_NAME); // 亨德利 read as nt
      }
    }
    unknownForeignRuns(t, spans);
    scatteredNames(t, spans);
    japaneseNames(t, spans);
    for (int i = 0; i <= t.length; i++) {
      if (t.titleMarks.endsAt(i) || (i > 0 && listJoin(t, i - 1))) {
        forward(t, i, spans);
      }
      if (i > 0 && (t.titleMarks.startsAt(i) || t.speechMarks.startsAt(i) || t.honorificMarks.startsAt(i)
          || (i < t.length && listJoin(t, i)))) {
        backward(t, i, spans);
      }
      if (i < t.length && t.at(i) == DOT) {
        dotted(t, i, spans);
      }
      if (i > 0 && captionPositionAt(t, i)) {
        backward(t, i, spans);
      }
    }
    List<Mention> scored = new ArrayList<>();
    for (Map.Entry<Long, Set<Evidence>> entry : spans.entrySet()) {
      int start = (int) (entry.getKey() >> 32);
      int end = (int) (long) entry.getKey();
      Mention mention = score(t, start, end, entry.getValue());
      if (mention != null && titleForms.stream().noneMatch(f -> mention.overlaps(f.start(), f.end())
          && !mention.evidence().contains(Evidence.KNOWN))) {
        scored.add(mention);
      }
    }
    // of two candidates from one start, the one that stops where a name can stop wins (冯骥|才、 → 冯骥才)
    for (int i = 0; i < scored.size(); i++) {
      Mention m = scored.get(i);
      if (t.nameEnd(m.end()) || m.evidence().contains(Evidence.RAGGED_END)) {
        continue;
      }
      boolean cleanRival = scored.stream().anyMatch(o -> o.start() == m.start() && o.end() > m.end() && t.nameEnd(o.end()));
      if (cleanRival) {
        EnumSet<Evidence> evidence = EnumSet.copyOf(m.evidence());
        evidence.add(Evidence.RAGGED_END);
        scored.set(i, new Mention(m.start(), m.end(), m.name(), evidence, m.score() + weights.raggedEnd()));
      }
    }
    // names in a list share the evidence of their accepted neighbours, one round per list step
    for (int round = 0; round < 4; round++) {
      boolean grew = false;
      for (int i = 0; i < scored.size(); i++) {
        Mention m = scored.get(i);
        if (m.evidence().contains(Evidence.LIST_NEIGHBOUR)) {
          continue;
        }
        boolean neighbour = false;
        for (Mention other : scored) {
          if (other.score() >= weights.accept()
              && ((other.start() == m.end() + 1 && listJoin(t, m.end()))
              || (m.start() == other.end() + 1 && listJoin(t, other.end())))) {
            neighbour = true;
            break;
          }
        }
        if (neighbour) {
          EnumSet<Evidence> evidence = EnumSet.copyOf(m.evidence());
          evidence.add(Evidence.LIST_NEIGHBOUR);
          scored.set(i, new Mention(m.start(), m.end(), m.name(), evidence, m.score() + weights.listNeighbour()));
          grew = true;
        }
      }
      if (!grew) {
        break;
      }
    }
    return scored;
  }

  private List<Mention> persons(Text t, List<TitleForm> titleForms) {
    List<Mention> scored = candidates(t, titleForms);
    scored.sort(Comparator.comparingDouble(Mention::score).reversed()
        .thenComparing(Comparator.comparingInt((Mention m) -> m.end() - m.start()).reversed())
        .thenComparingInt(Mention::start));
    List<Mention> kept = new ArrayList<>();
    for (Mention m : scored) {
      if (m.score() >= weights.weak() && kept.stream().noneMatch(k -> k.overlaps(m.start(), m.end()))) {
        kept.add(m);
      }
    }
    kept.sort(Comparator.comparingInt(Mention::start));
    return List.copyOf(kept);
  }

  /**
   * What joins two names of a list: a list comma, or 和, 与, 及 or 同 read by HanLP as a conjunction word of
   * its own (涅姆佐夫和赫里斯坚科 but not 和平).
   */
  private static boolean listJoin(Text t, int at) {
    if (at < 0 || at >= t.length) {
      return false;
    }
    char c = t.at(at);
    if (c == '、') {
      return true;
    }
    Term term = t.termAt[at];
    return "和与及同".indexOf(c) >= 0 && term != null && term.length() == 1 && term.nature.toString().startsWith("c");
  }

  /**
   * Three or more transliteration characters HanLP could only read one by one (克|林|斯|曼, 涅|姆|佐|夫): a
   * foreign word its dictionaries do not hold, most often a name. Its edges are where HanLP starts a word
   * made of other characters.
   */
  private void unknownForeignRuns(Text t, Map<Long, Set<Evidence>> spans) {
    int i = 0;
    while (i < t.length) {
      int run = i;
      while (run < t.length && isTransliteration(t.at(run)) && t.termAt[run] != null && t.termAt[run].length() == 1
          && !t.speechMarks.startsAt(run) && !t.titleMarks.startsAt(run) && !t.followerMarks.startsAt(run)) {
        run++;
      }
      if (run - i >= 3 && t.termStart[run] && t.nameStart(i)) {
        propose(spans, i, run, Evidence.UNKNOWN_FOREIGN_RUN);
      }
      i = Math.max(run, i + 1);
    }
  }

  /**
   * A surname and two characters HanLP could only read one by one (刘|绍|棠, 彭|小|民): no word of its dictionary
   * covers them, which is what an unknown given name looks like. Not where one of them is a function word, a
   * number or a word that follows names (的, 了, 是, 说), and the name must end where HanLP starts a word.
   */
  private void scatteredNames(Text t, Map<Long, Set<Evidence>> spans) {
    for (int i = 0; i + 3 <= t.length; i++) {
      if (surnameLength(t.text, i) != 1 || !t.nameStart(i) || !t.termStart[i + 3] || !allHan(t.text, i, i + 3)) {
        continue;
      }
      boolean scattered = true;
      for (int k = i; k < i + 3 && scattered; k++) {
        Term term = t.termAt[k];
        scattered = term != null && term.length() == 1 && !functionNature(term.nature.toString())
            && (k == i || (!t.followerMarks.startsAt(k) && !t.speechMarks.startsAt(k) && !t.titleMarks.startsAt(k)
            && !t.honorificMarks.startsAt(k)));
      }
      if (scattered) {
        propose(spans, i, i + 3, Evidence.SCATTERED_NAME);
      }
    }
  }

  /**
   * A Japanese family name (桥本, 小渊, 佐佐木) and one to three given characters, ending where a name can end
   * and HanLP starts a word (冈田武史说, 谷口清太郎等): the Chinese surname grammar reads such a name wrongly (田武史) or not at all.
   */
  private void japaneseNames(Text t, Map<Long, Set<Evidence>> spans) {
    japaneseSurnames.each(t.text, (begin, end, value) -> {
      if (!t.nameStart(begin)) {
        return;
      }
      for (int given = 1; given <= 3; given++) {
        int stop = end + given;
        if (stop > t.length || !allHan(t.text, end, stop) || t.followerMarks.startsAt(stop - 1)
            || t.speechMarks.startsAt(stop - 1) || t.titleMarks.startsAt(stop - 1)) {
          return;
        }
        if (t.nameEnd(stop) && t.termStart[stop]) { // not inside a word (桥本|坦率地 is no 桥本坦)
          propose(spans, begin, stop, Evidence.JAPANESE_NAME);
        }
      }
    });
  }

  /** Function words, numbers, measures, places in time and space, punctuation: no part of a given name. */
  private static boolean functionNature(String nature) {
    return nature.startsWith("u") || nature.startsWith("p") || nature.startsWith("c") || nature.startsWith("w")
        || nature.startsWith("m") || nature.startsWith("q") || nature.startsWith("f") || nature.startsWith("r")
        || nature.startsWith("y") || nature.startsWith("e") || nature.startsWith("o") || nature.startsWith("d")
        || nature.startsWith("t") || nature.equals("vshi") || nature.equals("vyou");
  }

  /** HanLP's dictionary of transliterated persons holds the word, and nothing says it is a place (伦敦 is both). */
  private boolean foreignDictionaryName(String word) {
    if (word.length() < 2 || !allTransliteration(word) || lexicon.places().containsKey(word)
        || !TranslatedPersonDictionary.containsKey(word)) {
      return false;
    }
    CoreDictionary.Attribute attribute = CoreDictionary.get(word);
    return attribute == null || !(attribute.hasNatureStartsWith("ns") || attribute.hasNatureStartsWith("nt"));
  }

  /**
   * The paragraph also prints the candidate as the head of a body's or a place's name HanLP reads as one word
   * (迪斯尼 beside 迪斯尼公司/nt, 库卡尔特 beside 库卡尔特河/ns): the name of a firm, a river or a town, not a person.
   */
  private static boolean headsABody(Text t, String name) {
    for (Term term : t.bodies()) {
      int rest = term.offset + name.length();
      // not where a title follows the name inside HanLP's word (李兰娟院士团队/nt is the scientist's team)
      if (term.length() > name.length() && term.word.startsWith(name) && !t.titleMarks.startsAt(rest)
          && !t.honorificMarks.startsAt(rest)) {
        return true;
      }
    }
    return false;
  }

  /**
   * HanLP reads the name as the front of one body's or site's word whose rest ends like a body or a site
   * (肯尼迪航天中心/nt, 白求恩医院/nt): the name is the site's.
   */
  private boolean namesASite(Text t, int start, int end) {
    Term over = t.termOver[start];
    if (over == null || over.offset != start || over.length() <= end - start) {
      return false;
    }
    String nature = over.nature.toString();
    String rest = over.word.substring(end - start);
    return (nature.startsWith("nt") || nature.startsWith("ns")) && rest.length() >= 2
        && (endsLikeFacility(rest) || endsLikeOrganization(rest) || rest.endsWith("中心")) && !t.titleMarks.startsAt(end);
  }

  /** A firm's ending follows, perhaps after a bracketed place (捷安特（中国）有限公司, 飞利浦公司): the name is the firm's. */
  private static boolean firmAfter(Text t, int end) {
    int at = end;
    if (at < t.length && (t.at(at) == '（' || t.at(at) == '(')) {
      int close = t.text.indexOf(t.at(at) == '（' ? '）' : ')', at);
      if (close < 0 || close - at > 8) {
        return false;
      }
      at = close + 1;
    }
    for (String ending : COMMERCIAL_ENDINGS) {
      if (t.text.startsWith(ending, at)) {
        return true;
      }
    }
    return t.text.startsWith("股份", at);
  }

  /**
   * What follows a name only when the cut is wrong: a lone bound character (HanLP's ng, g: 梁伟|棠, the rest of a
   * given name) or an aspect particle (了, 着, 过: 管起|了 is a verb).
   */
  private static boolean boundAfter(Term next) {
    String nature = next.nature.toString();
    return (next.length() == 1 && (nature.equals("ng") || nature.equals("g")))
        || nature.equals("ule") || nature.equals("uzhe") || nature.equals("uguo");
  }

  /** A common word's part of speech: noun, verb, adjective or adverb, not a name of any kind. */
  private static boolean commonWordNature(String nature) {
    return (nature.startsWith("n") && !nature.startsWith("nr") && !nature.startsWith("ns") && !nature.startsWith("nt")
        && !nature.startsWith("nz")) || nature.startsWith("v") || nature.startsWith("a") || nature.startsWith("d");
  }

  /** HanLP's core dictionary holds the word as a person's name and as nothing else (桥本). */
  private static boolean dictionaryPerson(String word) {
    CoreDictionary.Attribute attribute = CoreDictionary.get(word);
    if (attribute == null || word.length() < 2) {
      return false;
    }
    for (var nature : attribute.nature) {
      if (!nature.toString().startsWith("nr")) {
        return false;
      }
    }
    return true;
  }

  private static void propose(Map<Long, Set<Evidence>> spans, int start, int end, Evidence evidence) {
    spans.computeIfAbsent(((long) start << 32) | end, k -> EnumSet.noneOf(Evidence.class)).add(evidence);
  }

  /**
   * Boundary repair of a HanLP person tag: a preposition glued on mid-clause (于张志 → 张志) is cut off the
   * front; a character that cannot end a name (刘两人, 乔治称, 克林顿当) is cut off the end. Null when nothing
   * name-like is left.
   */
  private int[] repair(Text t, int start, int end, boolean foreign) {
    if (end - start >= 3 && LEADING_FUNCTION_CHARS.indexOf(t.at(start)) >= 0 && t.han(start - 1)
        && (isSurnameAt(t.text, start + 1) || foreign)) {
      start++;
    }
    while (end - start >= 3) {
      char last = t.at(end - 1);
      boolean cut = lexicon.nameStopChars().contains(String.valueOf(last))
          || (foreign && !lexicon.transliterationChars().contains(last));
      if (!cut) {
        break;
      }
      end--;
    }
    return end - start >= 2 ? new int[] {start, end} : null;
  }

  /** A transliterated name HanLP cut short (罗纳尔|多, 贾斯蒂|卡): the rest of the run, up to where a name can end. */
  private void extendForeign(Text t, int start, int end, Map<Long, Set<Evidence>> spans) {
    // 基里/ns 延科/nr: a short transliterated piece HanLP split off the front joins the name
    Term before = start > 0 ? t.termOver[start - 1] : null;
    int front = start;
    if (before != null && before.offset + before.length() == start && before.length() <= 2
        && before.word.chars().allMatch(c -> isTransliteration((char) c)) && !lexicon.places().containsKey(before.word)
        && name(t.text.substring(start, end)).chars().allMatch(c -> isTransliteration((char) c))) {
      propose(spans, before.offset, end, Evidence.HANLP_TAG);
      front = before.offset; // 帕|斯特|拉纳: the rest of the run below joins this longer start too
    }
    if (!t.text.substring(start, end).chars().allMatch(c -> c == DOT || isTransliteration((char) c))) {
      return;
    }
    int run = end;
    while (run < t.length && isTransliteration(t.at(run)) && !t.followerMarks.startsAt(run) && !t.speechMarks.startsAt(run)
        && !t.titleMarks.startsAt(run)) {
      run++;
    }
    for (int stop = run; stop > end; stop--) {
      if (t.nameEnd(stop) || t.termStart[stop]) {
        propose(spans, start, stop, Evidence.HANLP_TAG);
        if (front < start) {
          propose(spans, front, stop, Evidence.HANLP_TAG);
        }
        return;
      }
    }
  }

  /**
   * HanLP read every character of the span as a word of its own and starts a word right after it (叶|钊|颖|状态):
   * a name its dictionary does not know, which may end there though no punctuation or title follows.
   */
  private static boolean singleCharacters(Text t, int start, int end) {
    if (end > t.length || !t.termStart[end] || end - start < 3) {
      return false;
    }
    for (int i = start; i < end; i++) {
      if (t.termAt[i] == null || t.termAt[i].length() != 1) {
        return false;
      }
    }
    return true;
  }

  /** The character at {@code at} is a word of its own, or its word crosses {@code edge}. */
  private static boolean loneOrAcross(Text t, int at, int edge) {
    Term over = t.termOver[at];
    return over == null || over.length() == 1 || (over.offset < edge && over.offset + over.length() > edge);
  }

  /** A word HanLP tagged as a person, all transliteration characters: a piece of a foreign name. */
  private boolean taggedForeignPiece(Term term) {
    return term != null && term.nature.toString().startsWith("nr") && allTransliteration(term.word);
  }

  private boolean allTransliteration(String s) {
    return s.length() >= 2 && s.chars().allMatch(c -> isTransliteration((char) c));
  }

  /**
   * A surname and one given character HanLP tagged, followed by a character it left alone where a name can
   * end (严义|埙、, 陈国|琦报道): the name's last character is one its dictionary does not hold as a given
   * name, so the whole three characters are proposed too; the evidence decides.
   */
  private void completeGivenName(Text t, int start, int end, Map<Long, Set<Evidence>> spans) {
    int surname = surnameLength(t.text, start);
    if (surname == 0 || end - start != surname + 1 || end >= t.length || !t.han(end)) {
      return;
    }
    Term after = t.termAt[end];
    // it must end where a name can, unless it is a bound character that cannot stand alone (梁伟|棠|八段)
    // (or HanLP tagged the lone character as a name of its own: 张雅/nr|茹/nr, one name in two pieces)
    if (after == null || after.length() != 1 || lexicon.nameStopChars().contains(after.word)
        || !(t.nameEnd(end + 1) || boundAfter(after) || after.nature.toString().startsWith("nr"))) {
      return;
    }
    propose(spans, start, end + 1, Evidence.HANLP_TAG);
  }

  /**
   * HanLP tagged a two-character given name and left the surname before it alone (唐|四清, 梅|方权): the surname
   * and the given name together are proposed too; the evidence decides.
   */
  private void joinLoneSurname(Text t, int start, int end, Map<Long, Set<Evidence>> spans) {
    // (the given name may open with a surname's character too, 俞|平伯, unless the lone character is a function word)
    if (end - start != 2 || start < 1 || t.termAt[start - 1] == null || t.termAt[start - 1].length() != 1
        || !isSurnameAt(t.text, start - 1) || !t.nameStart(start - 1)
        || (isSurnameAt(t.text, start) && functionNature(t.termAt[start - 1].nature.toString()))) {
      return;
    }
    propose(spans, start - 1, end, Evidence.HANLP_TAG);
  }

  private static String name(String s) {
    return s;
  }

  /** Candidates starting right after a title or a list comma. */
  private void forward(Text t, int start, Map<Long, Set<Evidence>> spans) {
    if (!t.han(start)) {
      return;
    }
    int surname = surnameLength(t.text, start);
    if (surname > 0) {
      for (int length = surname + 2; length >= surname + 1; length--) {
        int end = start + length;
        if (end <= t.length && allHan(t.text, start, end) && (t.nameEnd(end) || singleCharacters(t, start, end))) {
          propose(spans, start, end, Evidence.FULL_NAME);
        }
      }
    }
    int run = start;
    while (run < t.length && (isTransliteration(t.at(run)) || (t.at(run) == DOT && run + 1 < t.length
        && isTransliteration(t.at(run + 1))))) {
      run++;
    }
    for (int end = run; end >= start + 2; end--) {
      // the whole run also ends a name where HanLP starts a word of other characters (外长哈洛宁|举行)
      if (t.nameEnd(end) || (end == run && end - start >= 3 && t.termStart[end])) {
        propose(spans, start, end, Evidence.TRANSLITERATION);
        break;
      }
    }
  }

  /** Candidates ending right before a title, an honorific, a verb of speech or a list comma. */
  private void backward(Text t, int end, Map<Long, Set<Evidence>> spans) {
    for (int length = 2; length <= 4; length++) {
      int start = end - length;
      if (start < 0 || !allHan(t.text, start, end)) {
        break;
      }
      int surname = surnameLength(t.text, start);
      if (surname > 0 && length - surname >= 1 && length - surname <= 2 && t.nameStart(start)) {
        propose(spans, start, end, Evidence.FULL_NAME);
      }
    }
    int run = end;
    while (run > 0 && (isTransliteration(t.at(run - 1)) || (t.at(run - 1) == DOT && run >= 2
        && isTransliteration(t.at(run - 2))))) {
      run--;
    }
    for (int start = run; start <= end - 2; start++) {
      if (t.nameStart(start)) {
        propose(spans, start, end, Evidence.TRANSLITERATION);
        break;
      }
    }
  }

  /** Transliterated parts joined by · (科菲·安南, 伊姆兰·汗). */
  private void dotted(Text t, int dot, Map<Long, Set<Evidence>> spans) {
    int start = dot;
    while (start > 0 && (isTransliteration(t.at(start - 1)) || t.at(start - 1) == DOT)) {
      start--;
    }
    int end = dot + 1;
    while (end < t.length && (isTransliteration(t.at(end)) || t.at(end) == DOT)) {
      end++;
    }
    while (start < dot && !t.nameStart(start)) {
      start++;
    }
    Term before = dot > 0 ? t.termOver[dot - 1] : null;
    if (before != null && before.offset + before.length() == dot && before.offset < start
        && before.nature.toString().startsWith("nr")) {
      start = before.offset; // 约翰·马吉: HanLP's foreign name before the dot, whatever its characters
    }
    while (end > dot + 1 && !t.nameEnd(end) && !lexicon.transliterationChars().contains(t.at(end - 1))) {
      end--;
    }
    Term after = dot + 1 < t.length ? t.termAt[dot + 1] : null;
    if (after != null && after.nature.toString().startsWith("nr") && dot + 1 + after.length() > end) {
      end = dot + 1 + after.length(); // 塞·威廉姆斯: HanLP's foreign name after the dot, whatever its characters
    }
    for (int length = 4; length >= 2; length--) {
      if (dot + 1 + length <= t.length && lexicon.knownPersons().containsKey(t.text.substring(dot + 1, dot + 1 + length))) {
        end = Math.max(end, dot + 1 + length); // 拉·甘地: a well-known name after the dot, whatever its characters
        break;
      }
    }
    if (start < dot && end > dot + 1) {
      propose(spans, start, end, Evidence.MIDDLE_DOT);
    }
  }

  /** Shape checks, then the weighed evidence of one candidate; null when it cannot be a name at all. */
  private Mention score(Text t, int start, int end, Set<Evidence> proposed) {
    String name = t.text.substring(start, end);
    boolean knownName = lexicon.knownPersons().containsKey(name);
    boolean dotted = name.indexOf(DOT) > 0 && name.charAt(name.length() - 1) != DOT;
    boolean chinese = chineseShape(name);
    boolean japanese = japaneseShape(name);
    boolean transliterated = name.length() >= 2 && name.chars().allMatch(c -> c == DOT || isTransliteration((char) c));
    boolean tagged = proposed.contains(Evidence.HANLP_TAG);
    boolean foreignName = foreignDictionaryName(name);
    boolean dictionaryPerson = tagged && dictionaryPerson(name);
    // a dotted name whose parts are transliterations or well-known names (拉·甘地): 地 is no transliteration
    // character, the whole is still a foreign name
    // (or HanLP's own foreign name: 塞·威廉姆斯/nrf, though 廉 is no transliteration character)
    boolean dottedKnownParts = dotted;
    int partStart = start;
    for (String part : dotted ? name.split(String.valueOf(DOT)) : new String[0]) {
      Term word = partStart < t.length ? t.termAt[partStart] : null;
      dottedKnownParts &= !part.isEmpty() && (part.chars().allMatch(c -> isTransliteration((char) c))
          || lexicon.knownPersons().containsKey(part)
          || (word != null && word.length() == part.length() && word.nature.toString().startsWith("nr")));
      partStart += part.length() + 1;
    }
    if (!knownName && !chinese && !transliterated && !(tagged && dotted) && !dictionaryPerson && !dottedKnownParts
        && !japanese) {
      return null;
    }
    if (!name.codePoints().allMatch(c -> c == DOT || isHan(c)) || name.startsWith("·") || name.endsWith("·")) {
      return null;
    }
    if (name.length() == 2 && name.charAt(1) == '方' && lexicon.placeAbbreviations().containsKey(name.substring(0, 1))) {
      return null; // 韩方, 美方: a country's side in talks
    }
    if (!knownName && lexicon.organizations().containsKey(name)) {
      return null; // 杜马, 欧佩克: a listed body's name, spelt like a transliterated person
    }
    if (!knownName && (lexicon.personTitles().contains(name) || lexicon.speechVerbs().contains(name)
        || lexicon.nameFollowers().contains(name) || lexicon.honorifics().contains(name))) {
      return null;
    }
    if (!knownName && (chinese || japanese) && !transliterated) {
      int surname = japanese ? t.japaneseMarks.lengthStartingAt(start) : surnameLength(name, 0);
      for (int i = surname; i < name.length(); i++) {
        if (lexicon.nameStopChars().contains(name.substring(i, i + 1))) {
          return null;
        }
      }
    }
    // a title or honorific inside the candidate (李主席 tagged as one name) makes it a title form, not a name
    for (int i = start + 1; i < end; i++) {
      if (!knownName && (t.titleMarks.startsAt(i) || t.honorificMarks.startsAt(i)) && i + t.titleMarks.lengthStartingAt(i) >= end) {
        return null;
      }
    }
    EnumSet<Evidence> evidence = EnumSet.noneOf(Evidence.class);
    if (knownName) {
      evidence.add(Evidence.KNOWN);
    }
    if (tagged) {
      evidence.add(Evidence.HANLP_TAG);
    }
    if (japanese && proposed.contains(Evidence.JAPANESE_NAME)) {
      evidence.add(Evidence.JAPANESE_NAME);
    }
    int surname = surnameLength(name, 0);
    if (chinese && name.length() - surname == 2 && surname > 0) {
      evidence.add(Evidence.FULL_NAME);
    }
    if (chinese && name.length() - surname == 1 && surname > 0) {
      evidence.add(Evidence.SHORT_NAME);
    }
    if ((transliterated || knownName) && name.indexOf(DOT) < 0 && ((start > 0 && t.at(start - 1) == DOT)
        || (end < t.length && t.at(end) == DOT))) {
      return null; // 鲍里斯 of 鲍里斯·贝克尔: the dotted whole is the candidate
    }
    if (transliterated && !knownName && ((start >= 2 && t.at(start - 1) == '—' && foreignAt(t, start - 2))
        || (end + 1 < t.length && t.at(end) == '—' && foreignAt(t, end + 1)))) {
      return null; // 琼斯 of 道—琼斯, 格伦 of 约翰—格伦: one part of a foreign name joined by a dash
    }
    if (foreignName) {
      evidence.add(Evidence.FOREIGN_NAME);
    }
    if (dictionaryPerson) {
      evidence.add(Evidence.DICTIONARY_PERSON);
    }
    if (proposed.contains(Evidence.UNKNOWN_FOREIGN_RUN)) {
      evidence.add(Evidence.UNKNOWN_FOREIGN_RUN);
    }
    if (proposed.contains(Evidence.SCATTERED_NAME) && chinese) {
      evidence.add(Evidence.SCATTERED_NAME);
    }
    if (chinese && !knownName && !foreignName) { // a foreign name's characters say nothing of Chinese given names
      Evidence given = givenNameEvidence(name.substring(surname));
      // a transliteration's characters are rare in Chinese given names by nature (索罗斯): no evidence against it
      // nor is a doubled character, a common way to name a child (罗点点, 李香香)
      boolean doubled = name.length() - surname == 2 && name.charAt(surname) == name.charAt(surname + 1);
      if (given != null && !(given == Evidence.UNUSUAL_GIVEN_NAME && ((transliterated && name.length() >= 3) || doubled))) {
        evidence.add(given);
      }
    }
    if (transliterated && !knownName && (taggedForeignPiece(t.termAt[end]) || (start > 0 && t.termEnd[start]
        && taggedForeignPiece(t.termOver[start - 1])))) {
      return null; // 费尔南|德斯: one piece of a foreign name HanLP tagged in two; the joined candidate stands
    }
    boolean foreignTag = t.termAt[start] != null && t.termAt[start].length() == end - start
        && t.termAt[start].nature.toString().startsWith("nrf");
    if (foreignTag && transliterated && name.length() == 2) {
      evidence.add(Evidence.TRANSLITERATION);
    }
    if (start > 0 && t.han(start - 1) && !t.titleMarks.endsAt(start) && isOrdinaryWord(t.text.substring(start - 1, start + 1))) {
      evidence.add(Evidence.GLUED_BEFORE);
    }
    if ((!t.nameEnd(end) && !t.termStart[end])
        || (t.han(end) && !t.followerMarks.startsAt(end) && isOrdinaryWord(t.text.substring(end - 1, end + 1)))) {
      evidence.add(Evidence.RAGGED_END); // 冯骥|才, 曾自|称, 克林顿当|选
    } else if (!knownName && end < t.length && t.termAt[end] != null && boundAfter(t.termAt[end])) {
      evidence.add(Evidence.RAGGED_END); // 梁伟|棠: a bound character left alone; 管起|了: a verb's aspect
    } else if (!knownName && start > 0 && t.termEnd[start] && t.han(start - 1) && t.termOver[start - 1] != null
        && t.termOver[start - 1].nature.toString().startsWith("nr") && !t.titleMarks.endsAt(start)) {
      evidence.add(Evidence.RAGGED_START); // 周森|古沙: two names never touch; this is the back of one
    }
    if (start > 0 && t.han(start - 1) && !t.titleMarks.endsAt(start) && t.termStart[start - 1]
        && isSurnameAt(t.text, start - 1) && !knownName) {
      evidence.add(Evidence.RAGGED_START); // 梅|方权: HanLP left the surname alone before it
    }
    if (!knownName && name.length() >= 3 && name.indexOf(DOT) < 0 && (frequentWord(name.substring(0, 2))
        || frequentWord(name.substring(name.length() - 2)) || timeWord(name.substring(0, 2)))) {
      evidence.add(Evidence.WORD_INSIDE); // 满意|地, 安全|关, 于|近期
    } else if (!knownName && !tagged && !transliterated && name.length() == 3 && t.termAt[start] != null
        && t.termAt[start].length() == 2 && commonWordNature(t.termAt[start].nature.toString())) {
      evidence.add(Evidence.WORD_INSIDE); // 皮肤|学教授: HanLP read its first two characters as a noun here
    }
    if (transliterated && name.replace("·", "").length() >= 3) {
      evidence.add(Evidence.TRANSLITERATION);
    }
    // a transliteration run that goes on past the candidate, through a character HanLP left alone or a word
    // across the edge, was cut (弗|拉诺瓦茨, 雷西斯|滕西亚): more likely a piece of a longer foreign name or place
    if (transliterated && !knownName && !t.titleMarks.endsAt(start) && start > 0 && isTransliteration(t.at(start - 1))
        && loneOrAcross(t, start - 1, start)) {
      evidence.add(Evidence.RAGGED_START);
    }
    if (transliterated && !knownName && end < t.length && isTransliteration(t.at(end)) && !t.nameEnd(end)
        && loneOrAcross(t, end, end)) {
      evidence.add(Evidence.RAGGED_END);
      // a piece of a longer foreign run is no Chinese name though it opens with a surname (尤尔科|夫)
      evidence.removeAll(EnumSet.of(Evidence.FULL_NAME, Evidence.SHORT_NAME, Evidence.GIVEN_NAME_CHARS));
    }
    if (!knownName && !t.titleMarks.endsAt(start) && japaneseSurnameAcross(t, start)) {
      evidence.add(Evidence.RAGGED_START); // 冈|田武史: the candidate starts inside a Japanese family name
    }
    if (evidence.contains(Evidence.RAGGED_END) || evidence.contains(Evidence.RAGGED_START)) {
      evidence.remove(Evidence.FOREIGN_NAME); // 威尔 cut from 威尔逊 spells a listed name only by chance
    }
    if (knownName && namesASite(t, start, end)) {
      return null; // 肯尼迪|航天中心: a site or a body named after the figure, not a mention of the person
    }
    if (!knownName && (headsABody(t, name) || firmAfter(t, end))) {
      evidence.add(Evidence.HEADS_A_BODY);
    }
    if (dotted) {
      evidence.add(Evidence.MIDDLE_DOT);
    }
    if (t.titleMarks.endsAt(start)) {
      evidence.add(Evidence.TITLE_BEFORE);
    }
    if (t.titleMarks.startsAt(end) || t.honorificMarks.startsAt(end)) {
      evidence.add(Evidence.TITLE_AFTER);
    }
    if (t.speechMarks.startsAt(end)) {
      evidence.add(Evidence.SPEECH_AFTER);
    }
    if (captionPositionAt(t, end)) {
      evidence.add(Evidence.CAPTION_POSITION);
    }
    if ((start == 0 || CLAUSE_START.indexOf(t.at(start - 1)) >= 0) && t.followerMarks.startsAt(end)) {
      evidence.add(Evidence.CLAUSE_SUBJECT);
    }
    Term over = t.termOver[start];
    boolean insideIdiom = over != null && over.length() > end - start && over.offset + over.length() >= end
        && (over.nature.toString().startsWith("i") || over.nature.toString().startsWith("l"));
    if (isOrdinaryWord(name) || insideIdiom) {
      evidence.add(Evidence.ORDINARY_WORD); // 万里, or 汪洋 inside the idiom 汪洋大海
    }
    if (start > 0 && QUANTITY_CHARS.indexOf(t.at(start - 1)) >= 0) {
      evidence.add(Evidence.COUNT_BEFORE);
    }
    Term next = end < t.length ? t.termAt[end] : null;
    boolean placeEndingAfter = end < t.length && PLACE_ENDINGS.indexOf(t.at(end)) >= 0 && !t.titleMarks.startsAt(end);
    boolean placeWordAfter = next != null && next.length() <= 2 && next.nature.toString().startsWith("ns")
        && PLACE_ENDINGS.indexOf(next.word.charAt(next.length() - 1)) >= 0; // 巴达赫|尚省
    // a foreign name before a river, a lake or a mountain HanLP left alone as a word is the feature's (库卡尔特|河)
    // (or before a word that opens with one: 库卡尔特|河堤)
    placeEndingAfter |= transliterated && next != null && ((next.length() == 1 && "河江湖山岛".indexOf(next.word.charAt(0)) >= 0)
        || "河江湖".indexOf(next.word.charAt(0)) >= 0);
    boolean placeInFront = !knownName && name.length() == 3 && lexicon.places().containsKey(name.substring(0, 2)); // 巴西|籍
    if (lexicon.places().containsKey(name) || PLACE_ENDINGS.indexOf(name.charAt(name.length() - 1)) >= 0 || placeEndingAfter
        || placeInFront || placeWordAfter
        || (t.termAt[start] != null && t.termAt[start].length() == end - start
        && t.termAt[start].nature.toString().startsWith("ns")
        // after a person's title HanLP's place guess for a word its dictionary lacks (外长|哈洛宁/ns) is a name
        && !(t.titleMarks.endsAt(start) && transliterated && CoreDictionary.get(name) == null))) {
      evidence.add(Evidence.PLACE_SHAPE);
    }
    return new Mention(start, end, name, evidence, weigh(evidence));
  }

  /** The one place evidence becomes a score. */
  double weigh(Set<Evidence> evidence) {
    double score = 0;
    for (Evidence e : evidence) {
      score += switch (e) {
        case KNOWN -> weights.known();
        case HANLP_TAG -> weights.hanlpTag();
        case FULL_NAME -> weights.fullName();
        case TRANSLITERATION -> weights.transliteration();
        case MIDDLE_DOT -> weights.middleDot();
        case TITLE_BEFORE -> weights.titleBefore();
        case TITLE_AFTER -> weights.titleAfter();
        case SPEECH_AFTER -> weights.speechAfter();
        case LIST_NEIGHBOUR -> weights.listNeighbour();
        case CLAUSE_SUBJECT -> weights.clauseSubject();
        case REPEATED -> weights.repeated();
        case SHORT_NAME -> weights.shortName();
        case ORDINARY_WORD -> weights.ordinaryWord();
        case WORD_INSIDE -> weights.wordInside();
        case GLUED_BEFORE -> weights.gluedBefore();
        case RAGGED_START -> weights.raggedStart();
        case RAGGED_END -> weights.raggedEnd();
        case COUNT_BEFORE -> weights.countBefore();
        case PLACE_SHAPE -> weights.placeShape();
        case GIVEN_NAME_CHARS -> weights.givenNameChars();
        case UNUSUAL_GIVEN_NAME -> weights.unusualGivenName();
        case FOREIGN_NAME -> weights.foreignName();
        case DICTIONARY_PERSON -> weights.dictionaryPerson();
        case UNKNOWN_FOREIGN_RUN -> weights.unknownForeignRun();
        case HEADS_A_BODY -> weights.headsABody();
        case SCATTERED_NAME -> weights.scatteredName();
        case JAPANESE_NAME -> weights.japaneseName();
        case CAPTION_POSITION -> weights.captionPosition();
      };
    }
    return score;
  }

  /** Surname + title or honorific on a word boundary (吴先生, 李主席, 王大娘). */
  private List<TitleForm> titleForms(Text t) {
    List<TitleForm> forms = new ArrayList<>();
    for (int i = 0; i < t.length - 1; i++) {
      int surname = surnameLength(t.text, i);
      if (surname == 0 || !(i == 0 || !t.han(i - 1) || t.termStart[i]) || afterForeignRun(t, i)) {
        continue;
      }
      int at = i + surname;
      int length = Math.max(t.titleMarks.lengthStartingAt(at), t.honorificMarks.lengthStartingAt(at));
      if (length > 0 && !(t.termAt[i] != null && t.termAt[i].length() > surname + length)) {
        forms.add(new TitleForm(i, at + length, t.text.substring(i, at)));
      }
    }
    return forms;
  }

  /**
   * Two or more transliteration characters HanLP read one by one end right before: the "surname" is the last
   * syllable of a foreign name (若|斯|潘总理 is 若斯潘, not a 潘 with a title).
   */
  private boolean afterForeignRun(Text t, int at) {
    int run = 0;
    while (at - run - 1 >= 0 && isTransliteration(t.at(at - run - 1)) && t.termAt[at - run - 1] != null
        && t.termAt[at - run - 1].length() == 1) {
      run++;
    }
    return run >= 2;
  }

  /** The one accepted full name with this surname in the batch, or null when there is none or several. */
  private static String fullNameFor(String surname, Set<String> accepted) {
    String found = null;
    for (String name : accepted) {
      if (name.startsWith(surname) && name.length() > surname.length()) {
        if (found != null && !found.equals(name)) {
          return null;
        }
        found = name;
      }
    }
    return found;
  }

  /** A short name that is the start of a longer accepted one (张志 beside 张志强) is that person. */
  private static Map<String, String> longerForms(Set<String> accepted) {
    Map<String, String> longer = new HashMap<>();
    for (String name : accepted) {
      for (String other : accepted) {
        if (other.length() == name.length() + 1 && other.startsWith(name) && name.length() >= 2
            && name.indexOf(DOT) < 0) {
          longer.merge(name, other, (a, b) -> a.equals(b) ? a : "");
        }
      }
    }
    longer.values().removeIf(String::isEmpty);
    return longer;
  }

  /** The name a mention stands for given the strong names, or null when it is not a facet value. */
  private String repairedByStrong(Mention m, Set<String> strong) {
    if (m.score() >= weights.accept()) {
      return m.name();
    }
    if (strong.contains(m.name())) {
      return m.name();
    }
    String name = m.name();
    if (name.length() >= 3) {
      String head = name.substring(0, name.length() - 1);
      if (strong.contains(head)) {
        return head; // 克林顿当 beside a strong 克林顿
      }
      String tail = name.substring(1);
      if (strong.contains(tail)) {
        return tail;
      }
    }
    return null;
  }

  /** A photo caption's position of a person starts here (王昆（左）). */
  private static boolean captionPositionAt(Text t, int at) {
    if (at >= t.length || (t.at(at) != '（' && t.at(at) != '(')) {
      return false;
    }
    return CAPTION_POSITION.matcher(t.text).region(at, Math.min(t.length, at + 8)).lookingAt();
  }

  /** A Japanese family name of two or three characters and one to three given characters (小渊惠三). */
  private boolean japaneseShape(String name) {
    for (int surname = 2; surname <= 3; surname++) {
      int given = name.length() - surname;
      if (given >= 1 && given <= 3 && lexicon.japaneseSurnames().contains(name.substring(0, surname))) {
        return name.codePoints().allMatch(EntityRecognizer::isHan);
      }
    }
    return false;
  }

  /** A Japanese family name starts before {@code at} and ends after it. */
  private static boolean japaneseSurnameAcross(Text t, int at) {
    for (int begin = Math.max(0, at - 2); begin < at; begin++) {
      if (begin + t.japaneseMarks.lengthStartingAt(begin) > at) {
        return true;
      }
    }
    return false;
  }

  private boolean chineseShape(String name) {
    int surname = surnameLength(name, 0);
    int given = name.length() - surname;
    return surname > 0 && given >= 1 && given <= 2 && name.codePoints().allMatch(EntityRecognizer::isHan);
  }

  /** 2 for a compound surname at {@code at}, 1 for a single one, 0 for none. */
  private int surnameLength(String text, int at) {
    if (at + 2 <= text.length() && lexicon.surnames().contains(text.substring(at, at + 2))) {
      return 2;
    }
    return at < text.length() && lexicon.surnames().contains(text.substring(at, at + 1)) ? 1 : 0;
  }

  private boolean isSurnameAt(String text, int at) {
    return surnameLength(text, at) > 0;
  }

  private boolean isTransliteration(char c) {
    return lexicon.transliterationChars().contains(c);
  }

  /**
   * What HanLP's person-name role statistics say of the given name: its characters are common in given
   * names (军, 伟, 建国), or one of them almost never is (旅 in 强文旅, 介 in 宣介). Null when neither.
   */
  private static Evidence givenNameEvidence(String given) {
    if (given.length() == 1) {
      int single = role(given, NR.E);
      return single >= 200 ? Evidence.GIVEN_NAME_CHARS : single < 30 ? Evidence.UNUSUAL_GIVEN_NAME : null;
    }
    if (given.length() == 2) {
      int first = role(given.substring(0, 1), NR.C);
      int last = role(given.substring(1), NR.D);
      // the first character may be any given-name character (宾 is seldom first, as in 黄宾虹, but common
      // last); the last one ends a given name, of two characters or of one (峻: D and E)
      String head = given.substring(0, 1);
      String tail = given.substring(1);
      if ((Math.max(first, Math.max(role(head, NR.D), role(head, NR.E))) < 30 && commonCharacter(head))
          || (Math.max(last, role(tail, NR.E)) < 30 && commonCharacter(tail))) {
        return Evidence.UNUSUAL_GIVEN_NAME;
      }
      return first >= 150 && last >= 150 ? Evidence.GIVEN_NAME_CHARS : null;
    }
    return null;
  }

  /**
   * A character common in running text as a word of its own (旅, 晚, 无): when names seldom use it, a name
   * spelling it is suspect. A character rare everywhere (甬, 涣, 玺) says nothing: rare names use rare characters.
   * (A one-character given name stays judged by its name role alone: two-character names are the riskiest.)
   */
  private static boolean commonCharacter(String character) {
    CoreDictionary.Attribute attribute = CoreDictionary.get(character);
    return attribute != null && attribute.totalFrequency >= 5;
  }

  private static int role(String character, NR role) {
    EnumItem<NR> item = PersonDictionary.dictionary.get(character);
    if (item == null) {
      return 0;
    }
    Integer count = item.labelMap.get(role);
    return count == null ? 0 : count;
  }

  /** A word of the core dictionary, not a name, common enough that a name rarely happens to spell it. */
  private static boolean frequentWord(String word) {
    CoreDictionary.Attribute attribute = CoreDictionary.get(word);
    return attribute != null && !attribute.hasNatureStartsWith("nr") && attribute.totalFrequency >= 50;
  }

  /** A transliteration character, or a character of a word HanLP tags as a person (约翰/nrf). */
  private boolean foreignAt(Text t, int at) {
    Term over = t.termOver[at];
    return isTransliteration(t.at(at)) || (over != null && over.nature.toString().startsWith("nr"));
  }

  /** A day of the week (周二): 周二晚 is Tuesday evening, not a 周. */
  private static boolean timeWord(String word) {
    return word.length() == 2 && word.charAt(0) == '周' && "一二三四五六日末".indexOf(word.charAt(1)) >= 0;
  }

  private static boolean isOrdinaryWord(String word) {
    CoreDictionary.Attribute attribute = CoreDictionary.get(word);
    return attribute != null && !attribute.hasNatureStartsWith("nr");
  }

  // ---------------------------------------------------------------- organisations and places

  /** Organisation spans, longest first, non-overlapping, in text order. */
  private List<int[]> organizationSpans(Text t, List<int[]> placesBefore) {
    List<int[]> candidates = new ArrayList<>();
    organizations.each(t.text, (begin, end, value) -> {
      // HanLP's organisation guesser also glues neighbours onto a body (总理及参议院, 8日国会, 图新华社发共同社):
      // a listed name inside one of its guesses stands
      if (((alignedStart(t, begin) && t.termEnd[end]) || insideOrganizationGuess(t, begin, end))
          && !aliasInsideLongerName(t, begin, end)) {
        candidates.add(new int[] {begin, end});
      }
    });
    // a newspaper or magazine cited by its title (《纽约时报》, 《费加罗报》, 《经济周刊》) is a body, and the place its
    // name starts with is no place mention
    Matcher title = PUBLICATION_TITLE.matcher(t.text);
    while (title.find()) {
      candidates.add(new int[] {title.start(1), title.end(1)});
    }
    for (int i = 0; i < t.terms.size(); i++) {
      Term term = t.terms.get(i);
      // a minister or head named by the body (司法部长, 内政部长, 外交部长): the body is mentioned
      if (term.nature.toString().startsWith("nnt") && term.length() >= 4 && term.word.endsWith("长")) {
        String body = term.word.substring(0, term.length() - 1);
        if (endsLikeOrganization(body) && plausibleOrganization(body)) {
          // a country or city right before names whose ministry it is (美国|财政部长 → 美国财政部)
          Term before = i > 0 ? t.terms.get(i - 1) : null;
          boolean placeBefore = before != null && before.offset + before.length() == term.offset
              && placeLike(before);
          candidates.add(new int[] {placeBefore ? before.offset : term.offset, term.offset + body.length()});
        }
      }
      String nature = term.nature.toString();
      int start = term.offset;
      int end = start + term.length();
      if (nature.startsWith("nt") && plausibleOrganization(term.word)) {
        candidates.add(new int[] {start + gluedFront(term.word), end});
      }
      // a body named after a place or a larger body: 印度外交部, 联合国禁毒署, 中国检察日报社影视部 — the
      // place or parent starts a run of nouns that ends in an organisation ending (and is then no place mention)
      // (not from a bare ending, 银行|国民银行, nor from a dateline's 日电 glued to its digits)
      boolean bareEnding = lexicon.organizationSuffixes().contains(term.word) && endsLikeOrganization(term.word);
      boolean dateGlue = start > 0 && Character.isDigit(t.at(start - 1));
      if ((nature.startsWith("ns") || nature.startsWith("nt") || nature.startsWith("nis")
          || lexicon.places().containsKey(term.word) || lexicon.organizations().containsKey(term.word))
          && !bareEnding && !dateGlue) {
        int reach = Math.min(t.terms.size(), i + 5);
        for (int j = i + 1; j < reach; j++) {
          Term next = t.terms.get(j);
          String n = next.nature.toString();
          // a whole ending word HanLP's user dictionary tags otherwise (安全理事会/v) still ends the name
          boolean wholeEnding = next.length() >= 3 && endsInLongEnding(next.word);
          if (!(n.startsWith("n") || n.equals("vn") || n.startsWith("b") || n.startsWith("j") || n.startsWith("g")
              || wholeEnding) || !allHan(next.word, 0, next.length()) || isCount(next)) {
            // (a count is no part of a name: 曼谷|一家|报社 is one paper of Bangkok's)
            // one verb or adjective right before a whole ending word is part of the name (国务院残疾人工作|协调|
            // 委员会, 联合国|安全|理事会); the rest must read as a name without it
            Term ending = j + 1 < t.terms.size() ? t.terms.get(j + 1) : null;
            if ((n.startsWith("v") || n.startsWith("a")) && ending != null && ending.length() >= 2
                && allHan(next.word, 0, next.length())
                && lexicon.organizationSuffixes().contains(ending.word)
                && plausibleOrganization(t.text.substring(start, next.offset) + ending.word, true)) {
              candidates.add(new int[] {start, ending.offset + ending.length()});
            }
            break;
          }
          int spanEnd = next.offset + next.length();
          String whole = t.text.substring(start, spanEnd);
          // HanLP's institution-ending tag (nis: 女篮, 足球队, 总局, 出版社, 工党) ends a name as a listed ending does
          boolean institution = n.startsWith("nis");
          // a centre run by a body is one of its units (某某报社|影视|中心); a centre after a place is a site
          boolean bodysCentre = next.word.endsWith("中心") && !placeLike(term);
          if ((institution || bodysCentre || endsLikeOrganization(next.word))
              && plausibleOrganization(whole, institution || bodysCentre)) {
            candidates.add(new int[] {start, spanEnd});
          }
        }
      }
      // a team: a place or organisation followed by 队 (中国队, 印尼女队)
      if (i + 1 < t.terms.size() && placeLike(term)) {
        String next = t.terms.get(i + 1).word;
        if ((next.equals("队") || next.equals("女队") || next.equals("男队") || next.equals("国家队"))
            && plausibleOrganization(term.word + next)) {
          candidates.add(new int[] {start, end + next.length()});
        }
      }
    }
    candidates.sort(Comparator.comparingInt((int[] s) -> s[1] - s[0]).reversed().thenComparingInt(s -> s[0]));
    List<int[]> kept = new ArrayList<>();
    for (int[] span : candidates) {
      if (kept.stream().noneMatch(k -> k[0] < span[1] && span[0] < k[1])) {
        kept.add(span);
      }
    }
    kept.sort(Comparator.comparingInt(s -> s[0]));
    List<int[]> bodies = new ArrayList<>();
    for (int[] span : kept) {
      String word = t.text.substring(span[0], span[1]);
      if (!lexicon.organizations().containsKey(word) && (countedBefore(t, span[0]) || genericBody(word))) {
        continue;
      }
      if (word.length() >= 4 && word.charAt(0) == '原' && plausibleOrganization(word.substring(1))
          && plainSegment.seg(word).get(0).length() == 1) {
        span = new int[] {span[0] + 1, span[1]}; // 原|国家环保局: "the former", not part of the name
      }
      Matcher units = NUMBERED_UNITS.matcher(t.text).region(span[1], t.length);
      if (units.lookingAt()) {
        span = new int[] {span[0], units.end()}; // 铁道部|十四局|三处: numbered units of a body are its branches
      }
      int[] last = bodies.isEmpty() ? null : bodies.get(bodies.size() - 1);
      if (last != null && last[1] == span[0]) {
        last[1] = span[1]; // a body and its branch printed together are one name (某某委员会|北京分会)
      } else {
        bodies.add(span.clone());
      }
    }
    for (int[] body : bodies) {
      body[0] = namedFront(t, body[0], body[1]);
      body[0] = afterPlaceChain(t, body[0], body[1], placesBefore);
      body[0] = foreignNameBefore(t, body[0]);
      if (body[1] < t.length && t.at(body[1] - 1) == '报' && t.at(body[1]) == '社' && t.titleMarks.startsAt(body[1])) {
        body[1]++; // 某某日报|社长: the head of the paper's office, 某某日报社
      }
      Matcher session = SESSION_BEFORE.matcher(t.text).region(Math.max(0, body[0] - 6), body[0]);
      // (not a count of terms after a verb: 换了|六届|县委书记)
      if (session.find() && (session.group().startsWith("第") || session.start() == 0
          || "了过着".indexOf(t.at(session.start() - 1)) < 0)) {
        body[0] = session.start(); // 第九届|全国人大, 十五届|中央委员会: the session is part of the body's name
      }
    }
    return bodies;
  }

  /**
   * HanLP cut a body's own name off its front when the sentence before changed its reading (德国|科隆大学医院,
   * 泰利特|北京围棋女队, 柬|宪法委员会): a place, a proper name HanLP does not know (nz) or a country's one-character
   * abbreviation right before the body, with nothing between, is part of the body's name. Returns where it starts.
   */
  private int namedFront(Text t, int start, int end) {
    for (int step = 0; step < 2 && start > 0 && t.termEnd[start]; step++) {
      int listed = listedPlaceBefore(t, start); // 东|京|国际法学会: a listed place whatever HanLP made of it
      if (listed >= 0 && plausibleOrganization(t.text.substring(listed, end))) {
        start = listed;
        continue;
      }
      Term before = t.termOver[start - 1];
      if (before == null || before.offset + before.length() != start || !allHan(before.word, 0, before.length())) {
        break;
      }
      String nature = before.nature.toString();
      boolean place = before.length() >= 2 && placeLike(before) && !lexicon.placeAbbreviations().containsKey(before.word);
      boolean properName = nature.equals("nz") && before.length() >= 2 && before.length() <= 4;
      boolean abbreviation = before.length() == 1 && (nature.startsWith("b") || nature.startsWith("j"))
          && lexicon.placeAbbreviations().containsKey(before.word) && !t.han(before.offset - 1);
      if (!(place || properName || abbreviation) || !plausibleOrganization(before.word + t.text.substring(start, end))) {
        break;
      }
      start = before.offset;
    }
    return start;
  }

  /** Where a listed place of two to four characters ending at {@code at} starts, on HanLP's word boundary; -1 if none. */
  private int listedPlaceBefore(Text t, int at) {
    for (int length = 4; length >= 2; length--) {
      int from = at - length;
      if (from >= 0 && t.termStart[from] && lexicon.places().containsKey(t.text.substring(from, at))) {
        return from;
      }
    }
    return -1;
  }

  /**
   * A body named with a chain of administrative places (山东省|平度市|某某镇供销社, 湖南省|长沙市委) is named by the
   * last of them; the places above are place mentions of their own (the labelling convention of newspapers'
   * entity corpora). Returns where the body starts; the places cut off go to {@code placesBefore}.
   */
  private int afterPlaceChain(Text t, int start, int end, List<int[]> placesBefore) {
    boolean administrativeInside = false;
    for (int i = start + 1; i < end - 1 && !administrativeInside; i++) {
      administrativeInside = PLACE_ENDINGS.indexOf(t.at(i)) >= 0;
    }
    if (!administrativeInside) {
      return start; // most bodies: no administrative unit to cut, no second segmentation
    }
    List<Term> parts = plainSegment.seg(t.text.substring(start, end));
    List<int[]> chain = new ArrayList<>();
    int at = start;
    for (Term part : parts) {
      String word = part.word;
      boolean place = part.length() >= 2 && placeLike(part);
      // the chain opens with an administrative unit written out (湖南省, 长沙市): 中国|北京 is no such chain
      boolean administrative = !chain.isEmpty() || PLACE_ENDINGS.indexOf(word.charAt(word.length() - 1)) >= 0;
      if (!place || !administrative) {
        break;
      }
      chain.add(new int[] {at, at + part.length()});
      at += part.length();
    }
    // a town or village no dictionary holds closes the chain (平度市|崔马镇|供销社): the body is named from it
    for (int k = at + 1; !chain.isEmpty() && k < Math.min(end - 1, at + 4); k++) {
      if ("镇乡村".indexOf(t.at(k)) >= 0) {
        // (its name holds no ordinary word: 农业|农村厅 is no town)
        boolean ordinaryInside = false;
        for (int w = at; w + 2 <= k + 1 && !ordinaryInside; w++) {
          ordinaryInside = isOrdinaryWord(t.text.substring(w, w + 2));
        }
        if (!ordinaryInside && CoreDictionary.get(t.text.substring(at, k + 1)) == null && allHan(t.text, at, k + 1)) {
          chain.add(new int[] {at, k + 1});
          at = k + 1;
        }
        break;
      }
    }
    if (chain.size() < 2 || at >= end) {
      return start;
    }
    placesBefore.addAll(chain.subList(0, chain.size() - 1));
    return chain.get(chain.size() - 1)[0];
  }

  /**
   * A body whose name starts with a foreign name HanLP cut (葛兰素·|威康公司, 伊拉斯|莫斯大学, 佩诺—|里加集团): the
   * transliteration characters, · or — right before it belong to the name. Returns where the body starts.
   */
  private int foreignNameBefore(Text t, int start) {
    if (start == 0) {
      return start;
    }
    char joint = t.at(start - 1);
    boolean joined = joint == DOT || joint == '—';
    if (!joined && !(isTransliteration(joint) && isTransliteration(t.at(start)))) {
      return start;
    }
    int from = start;
    while (from > 0) {
      char c = t.at(from - 1);
      Term over = t.termOver[from - 1];
      boolean foreign = isTransliteration(c) || ((c == DOT || c == '—') && from >= 2)
          || (over != null && (over.nature.toString().startsWith("nr") || over.nature.toString().startsWith("nz")));
      if (!foreign) {
        break;
      }
      from--;
    }
    while (from < start && (!t.termStart[from] || t.at(from) == DOT || t.at(from) == '—')) {
      from++; // a run that starts inside one of HanLP's words (了|伊拉斯) starts where that word ends
    }
    return from < start - 1 ? from : start;
  }

  /** A count or a determiner right before: 数十家|煤焦厂, 各级|协会, 这家|公司 speak of bodies of a kind. */
  private static boolean countedBefore(Text t, int start) {
    if (start == 0 || t.termEnd[start] == false) {
      return false;
    }
    Term before = t.termOver[start - 1];
    if (before == null) {
      return false;
    }
    String nature = before.nature.toString();
    if (nature.startsWith("a") && before.offset > 0 && t.termEnd[before.offset]) {
      return countedBefore(t, before.offset); // 一家|著名|电脑公司: one adjective between the count and the kind
    }
    return (nature.startsWith("q") && !nature.equals("qt")) || isCount(before)
        || (nature.startsWith("r") && "这那该各每某此".indexOf(before.word.charAt(0)) >= 0);
  }

  /** A place by HanLP's tag (ns…) or by our place list. */
  private boolean placeLike(Term term) {
    return term.nature.toString().startsWith("ns") || lexicon.places().containsKey(term.word);
  }

  /** Ends in a listed organisation ending of two characters or more (理事会, 委员会). */
  private boolean endsInLongEnding(String word) {
    return organizationEnding(word, word.length()) >= 2;
  }

  /**
   * The length of the longest listed organisation ending, of at most {@code maxLength} characters, that the word
   * ends with; 0 for none. A few set look-ups, one per length, instead of an endsWith per listed ending: this runs
   * on every word of every paragraph.
   */
  private int organizationEnding(String word, int maxLength) {
    for (int k = Math.min(Math.min(maxLength, word.length()), longestOrganizationEnding); k >= 1; k--) {
      if (lexicon.organizationSuffixes().contains(word.substring(word.length() - k))) {
        return k;
      }
    }
    return 0;
  }

  /** A number and a measure word for bodies: 一家, 数十家, 几所 (HanLP tags some n or m), not 第一名 nor 四川. */
  private static boolean isCount(Term term) {
    return term.length() >= 2 && QUANTITY_CHARS.indexOf(term.word.charAt(0)) >= 0
        && "家个所座批些类种国".indexOf(term.word.charAt(term.length() - 1)) >= 0; // 两国|中央银行: each country's
  }

  /**
   * A kind of firm, not a firm's name: one adjective, verb-noun or single character before a bare commercial
   * ending (大|公司, 服务|公司, 壳|公司), or a listed place before a bare 公司 (美国|公司). A firm's own name before the ending is a noun, known or not (花旗|集团).
   */
  private boolean genericBody(String word) {
    if (word.endsWith("公司") && lexicon.places().containsKey(word.substring(0, word.length() - 2))) {
      return true; // 美国公司, 日本公司: the firms of a country, no firm's name
    }
    for (String ending : KIND_ENDINGS) {
      // a factory or a co-operative named only by what it makes or does (蓄电池厂, 农村信用社): a kind, no name
      if (word.endsWith(ending) && word.length() > ending.length()) {
        // (the county's, the city's own is one body: 县|农村信用社)
        List<Term> parts = plainSegment.seg(word.substring(0, word.length() - ending.length()));
        return PLACE_ENDINGS.indexOf(word.charAt(0)) < 0 && parts.stream().allMatch(p -> CoreDictionary.get(p.word) != null
            && (p.nature.toString().equals("n") || p.nature.toString().equals("vn")));
      }
    }
    for (String ending : COMMERCIAL_ENDINGS) {
      if (word.endsWith(ending) && word.length() > ending.length()) {
        String before = word.substring(0, word.length() - ending.length());
        if (before.length() == 1) {
          return true;
        }
        CoreDictionary.Attribute attribute = CoreDictionary.get(before);
        if (attribute != null) {
          return attribute.nature.length > 0
              && (attribute.nature[0].toString().startsWith("a") || attribute.nature[0].toString().equals("vn"));
        }
        // ordinary words only, the last an activity (文化|服务|公司, 国际|贩毒|集团): a kind of firm
        List<Term> parts = plainSegment.seg(before);
        String last = parts.get(parts.size() - 1).nature.toString();
        return parts.size() >= 2 && (last.equals("vn") || last.startsWith("a"))
            && parts.stream().allMatch(p -> CoreDictionary.get(p.word) != null && commonWordNature(p.nature.toString()));
      }
    }
    return false;
  }

  private static final List<String> COMMERCIAL_ENDINGS = List.of("有限公司", "公司", "集团");
  private static final List<String> KIND_ENDINGS = List.of("信用社", "合作社", "厂");

  /**
   * How many characters of an organisation HanLP guessed belong to the word before it: a short word glued on
   * in front of the place that starts the name (讯|广东香江企业集团 after 本报讯, 航线|阿根廷航空公司). 0 when none.
   */
  private int gluedFront(String word) {
    List<Term> parts = plainSegment.seg(word);
    if (parts.size() < 3) {
      return 0;
    }
    Term first = parts.get(0);
    String firstNature = first.nature.toString();
    boolean placeNext = placeLike(parts.get(1));
    // (an abbreviated or unknown proper name is a body's own name: 中信|欧洲有限公司)
    boolean bodyWord = firstNature.startsWith("ns") || firstNature.startsWith("nt") || firstNature.startsWith("nis")
        || firstNature.equals("j") || firstNature.equals("nz")
        || lexicon.places().containsKey(first.word) || lexicon.organizations().containsKey(first.word);
    return placeNext && !bodyWord && first.length() <= 2 ? first.length() : 0;
  }

  /** Ends like a body (a listed or institution ending), a government aside: 日本政府 is faceted as 日本. */
  private boolean shapedLikeBody(String word) {
    return !word.endsWith("政府") && endsLikeOrganization(word);
  }

  /** Begin and end fall inside one word HanLP tagged as an organisation (nt) or an institution (nis). */
  private static boolean insideOrganizationGuess(Text t, int begin, int end) {
    Term over = t.termOver[begin];
    if (over == null || over.offset + over.length() < end) {
      return false;
    }
    String nature = over.nature.toString();
    return nature.startsWith("nt") || nature.startsWith("nis");
  }

  /**
   * A short alias of a listed body right after a common noun is the end of another body's name (萨帕塔全国|民族|解放军
   * is no 中国人民解放军): only the full name stands there.
   */
  private boolean aliasInsideLongerName(Text t, int begin, int end) {
    String word = t.text.substring(begin, end);
    if (begin == 0 || word.length() > 3 || word.equals(lexicon.organizations().get(word))) {
      return false;
    }
    if (!t.termEnd[begin]) { // inside HanLP's longer word: 民族解放军/nt
      Term over = t.termOver[begin];
      if (over == null || over.offset + over.length() != end) {
        return false;
      }
      CoreDictionary.Attribute front = CoreDictionary.get(t.text.substring(over.offset, begin));
      return front != null && front.nature.length > 0 && front.nature[0].toString().equals("n");
    }
    Term before = t.termOver[begin - 1];
    return before != null && before.nature.toString().equals("n");
  }

  /** A listed name may start here: HanLP starts a word, or glued a preposition onto it (向|世卫组织). */
  private static boolean alignedStart(Text t, int begin) {
    return t.termStart[begin] || (begin > 0 && LEADING_FUNCTION_CHARS.indexOf(t.at(begin - 1)) >= 0 && t.termStart[begin - 1]);
  }

  /** The last word of a body's name: ends in an organisation ending, and a one-character ending (局, 部) is not an ordinary word's end (格局, 大部). */
  private boolean endsLikeOrganization(String word) {
    int ending = organizationEnding(word, word.length());
    if (ending == 0) {
      return false;
    }
    if (ending > 1 || word.length() == 1) {
      return true; // the longest ending decides: 省委 before 委
    }
    CoreDictionary.Attribute attribute = CoreDictionary.get(word);
    return attribute == null || attribute.hasNatureStartsWith("nt") || attribute.hasNatureStartsWith("ni");
  }

  private boolean plausibleOrganization(String word) {
    return plausibleOrganization(word, false);
  }

  /** {@code institutionEnding}: its last word is one HanLP tags as an institution's ending (nis). */
  private boolean plausibleOrganization(String word, boolean institutionEnding) {
    if (lexicon.organizations().containsKey(word)) {
      return true;
    }
    if (word.length() < 3 || word.length() > 20 || !word.codePoints().allMatch(EntityRecognizer::isHan)
        || LEADING_FUNCTION_CHARS.indexOf(word.charAt(0)) >= 0 || QUANTITY_CHARS.indexOf(word.charAt(0)) >= 0
        || "各该本此这那某一两诸全".indexOf(word.charAt(0)) >= 0) {
      return false;
    }
    if (endsLikeFacility(word)) {
      return false; // 中国美术馆, 奥林匹克体育场: a site, faceted as a place
    }
    if (word.endsWith("政府") || word.endsWith("部队")) {
      return false; // 印度政府, 西藏部队: the place is the facet value (HanLP tags 政府 as an institution's ending)
    }
    int longestSuffix = organizationEnding(word, word.length() - 1);
    boolean suffixed = institutionEnding || longestSuffix > 0;
    // only a one-character ending can be the end of an ordinary word (格局); 委员会 in 协调委员会 cannot
    if (suffixed && !institutionEnding && longestSuffix == 1 && !endsLikeOrganization(word.substring(word.length() - 2))) {
      return false; // 杭州旅游新格局: 局 ends the ordinary word 格局
    }
    if (!suffixed) {
      return false;
    }
    // HanLP's organisation guesser also joins clauses (希望该组织, 法律对保险公司): a name holds no verb,
    // preposition, adverb, pronoun or conjunction when read word by word
    // (a count neither: 许多队, 第二局); one verb or adjective right before a whole listed ending is part of the
    // name (协调|委员会, 安全|理事会)
    List<Term> parts = plainSegment.seg(word);
    for (int k = 0; k < parts.size(); k++) {
      String nature = parts.get(k).nature.toString();
      boolean modifierOfEnding = k >= 1 && k == parts.size() - 2 && parts.get(k + 1).length() >= 2
          && lexicon.organizationSuffixes().contains(parts.get(k + 1).word)
          && ((nature.startsWith("v") && !nature.equals("vshi")) || nature.startsWith("a"));
      // an office named by the region it serves: 港澳|办, 侨|办 (HanLP reads the lone ending as a verb)
      boolean officeOfRegion = k >= 1 && k == parts.size() - 1 && parts.get(k).length() == 1
          && lexicon.organizationSuffixes().contains(parts.get(k).word)
          && (parts.get(k - 1).nature.toString().startsWith("j") || parts.get(k - 1).nature.toString().startsWith("ns"));
      // a one-character ending inside the name is a parent body (科学技术|部|农村|科技司), whatever HanLP calls it
      boolean innerEnding = k >= 1 && k < parts.size() - 1 && parts.get(k).length() == 1
          && "部局厅署司".indexOf(parts.get(k).word.charAt(0)) >= 0;
      if (modifierOfEnding || officeOfRegion || innerEnding) {
        continue;
      }
      if ((nature.startsWith("v") && !nature.equals("vn")) || nature.startsWith("p") || nature.startsWith("d")
          || nature.startsWith("r") || nature.startsWith("c") || nature.startsWith("u") || nature.startsWith("f")
          || nature.startsWith("m") || nature.startsWith("q")) {
        return false;
      }
    }
    return true;
  }

  private List<String> places(Text t, List<Mention> persons, List<int[]> organizationSpans, List<int[]> placesBefore) {
    List<int[]> spans = new ArrayList<>(placesBefore);
    places.each(t.text, (begin, end, value) -> {
      // inside an organisation guess of HanLP's that is no accepted body (日本政府, 纽约总部, 欧洲和南美球队) a listed
      // place stands; inside an accepted one it is dropped below
      if ((alignedStart(t, begin) && t.termEnd[end]) || (insideOrganizationGuess(t, begin, end)
          && !shapedLikeBody(t.termOver[begin].word))) {
        spans.add(new int[] {begin, end});
      }
    });
    abbreviatedPlaces(t, spans);
    facilities(t, spans);
    for (Term term : t.terms) {
      String nature = term.nature.toString();
      boolean placeNamedLikePerson = nature.startsWith("nr") && term.length() >= 3
          && PLACE_ENDINGS.indexOf(term.word.charAt(term.length() - 1)) >= 0; // 武隆区/nr
      if ((nature.startsWith("ns") || placeNamedLikePerson) && plausiblePlace(term.word, nature)) {
        spans.add(new int[] {term.offset, term.offset + term.length()});
      }
    }
    for (int[] span : spans) {
      naturalFeature(t, span);
    }
    spans.sort(Comparator.comparingInt((int[] s) -> s[1] - s[0]).reversed().thenComparingInt(s -> s[0]));
    List<int[]> kept = new ArrayList<>();
    for (int[] span : spans) {
      boolean inOrganization = organizationSpans.stream().anyMatch(o -> o[0] < span[1] && span[0] < o[1]);
      boolean inPerson = persons.stream().anyMatch(p -> p.score() >= weights.accept() && p.overlaps(span[0], span[1]));
      if (!inOrganization && !inPerson && kept.stream().noneMatch(k -> k[0] < span[1] && span[0] < k[1])) {
        kept.add(span);
      }
    }
    kept.sort(Comparator.comparingInt(s -> s[0]));
    List<String> names = new ArrayList<>();
    for (int[] span : kept) {
      String name = canonicalPlace(t.text.substring(span[0], span[1]));
      if (!names.contains(name) && !lexicon.notPlaces().contains(name)) {
        names.add(name);
      }
    }
    return names;
  }

  /**
   * A river's or a mountain's name HanLP cut from its kind (密西西比|河, 库卡尔特|河) takes the kind back when it stands
   * alone as a word; a river's mouth (北仑河口, 鸭绿江口) is the river.
   */
  private static void naturalFeature(Text t, int[] span) {
    int end = span[1];
    if (end < t.length && "河江湖山岛".indexOf(t.at(end)) >= 0 && t.termAt[end] != null && t.termAt[end].length() == 1
        && "河江湖山岛".indexOf(t.at(end - 1)) < 0) {
      span[1] = end + 1;
    } else if (end - span[0] >= 4 && t.at(end - 1) == '口' && (t.at(end - 2) == '河' || t.at(end - 2) == '江')) {
      span[1] = end - 1;
    }
  }

  /**
   * A site named after its place: a place (HanLP's or the gazetteer's) followed by up to three nouns, the last
   * ending in a facility ending ({@code facility_endings.txt}: 北京|图书|大厦, 上海|植物园, 深圳|经济|特区) is one
   * place, and being longer it wins over the city it starts with.
   */
  private void facilities(Text t, List<int[]> spans) {
    for (int i = 0; i < t.terms.size(); i++) {
      Term term = t.terms.get(i);
      if (!placeLike(term)
          || !allHan(term.word, 0, term.length())) {
        continue;
      }
      int reach = Math.min(t.terms.size(), i + 4);
      for (int j = i + 1; j < reach; j++) {
        Term next = t.terms.get(j);
        String n = next.nature.toString();
        if (!(n.startsWith("n") || n.equals("vn") || n.startsWith("b")) || n.startsWith("nr")
            || !allHan(next.word, 0, next.length())) {
          break;
        }
        if (endsLikeFacility(next.word)) {
          spans.add(new int[] {term.offset, next.offset + next.length()});
          break;
        }
      }
    }
  }

  /** Ends in a facility ending, and a one-character one (馆, 宫) ends a word of two characters or more. */
  private boolean endsLikeFacility(String word) {
    for (String ending : lexicon.facilityEndings()) {
      if (word.endsWith(ending) && (ending.length() >= 2 || word.length() >= 2)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Countries written as one character where newspapers abbreviate them: two or three in a row before a word
   * of relations (中美关系, 中俄两国, 英法首脑), one before 方 (美方, 中方), one after a verb of visiting or
   * stationing (访华, 驻美, 对华). The run must be whole words of HanLP's (中美洲 and 以|美国 are not runs) and
   * none of its characters a preposition or conjunction on its own (以|中美关系).
   */
  private void abbreviatedPlaces(Text t, List<int[]> spans) {
    Map<String, String> abbreviations = lexicon.placeAbbreviations();
    int i = 0;
    while (i < t.length) {
      if (!abbreviations.containsKey(String.valueOf(t.at(i)))) {
        i++;
        continue;
      }
      if (i > 0 && VISIT_CHARS.indexOf(t.at(i - 1)) >= 0 && t.termEnd[i + 1]
          && ((t.termAt[i - 1] != null && t.termAt[i - 1].length() == 2)
          || (t.at(i - 1) == '对' && t.termAt[i] != null && t.termAt[i].length() == 1 && !functionCharacter(t, i)))) {
        spans.add(new int[] {i, i + 1}); // 访华 (one word), 对|华
        i++;
        continue;
      }
      if (!t.termStart[i]) {
        i++;
        continue;
      }
      int run = i;
      while (run < t.length && run - i < 3 && abbreviations.containsKey(String.valueOf(t.at(run)))
          && !functionCharacter(t, run)) {
        run++;
      }
      if (run - i >= 2 && t.termEnd[run] && relationWordAt(t.text, run)) {
        for (int c = i; c < run; c++) {
          spans.add(new int[] {c, c + 1}); // 中美关系
        }
      } else if (run - i == 1 && t.termAt[i] != null && t.termAt[i].length() == 2 && t.at(i + 1) == '方') {
        spans.add(new int[] {i, i + 1}); // 美方
      }
      i = Math.max(run, i + 1);
    }
  }

  private static final String VISIT_CHARS = "访来赴驻抵离旅留使援侵对进入返回在";
  private static final List<String> RELATION_WORDS = List.of("两国", "三国", "四国", "双方", "关系", "首脑", "元首",
      "会谈", "会晤", "峰会", "合作", "贸易", "经贸", "友好", "联合", "边境", "边界", "之间", "建交", "对话", "战略",
      "伙伴", "协议", "声明", "公报", "交往", "友谊", "外长", "军事", "争端", "冲突", "谈判", "磋商", "分歧", "两个",
      "三个", "联合公报", "人民", "安全", "安保", "同盟", "防务", "外交", "领导人", "高层", "经济", "科技", "文化", "间",
      "共同", "和平", "双边", "三边", "两地", "三地", "两岸", "地区", "铁路", "公路", "高速", "同胞");

  private static boolean relationWordAt(String text, int at) {
    for (String word : RELATION_WORDS) {
      if (text.startsWith(word, at)) {
        return true;
      }
    }
    return false;
  }

  /** A character HanLP reads as a preposition, conjunction, particle or pronoun on its own (以 in 以中美关系为重). */
  private static boolean functionCharacter(Text t, int at) {
    Term term = t.termAt[at];
    if (term == null || term.length() != 1) {
      return false;
    }
    String nature = term.nature.toString();
    return nature.startsWith("p") || nature.startsWith("c") || nature.startsWith("u") || nature.startsWith("r");
  }

  private boolean plausiblePlace(String word, String nature) {
    if (lexicon.places().containsKey(word)) {
      return true;
    }
    if (word.length() == 2 && "东西南北".indexOf(word.charAt(0)) >= 0 && word.charAt(1) == '方') {
      return false; // 西方学者, 南方各省: a direction, the West or the South, not a place's name
    }
    if (word.length() < 2 || word.length() > 12 || !word.codePoints().allMatch(EntityRecognizer::isHan)
        || LEADING_FUNCTION_CHARS.indexOf(word.charAt(0)) >= 0 || QUANTITY_CHARS.indexOf(word.charAt(0)) >= 0) {
      return false;
    }
    CoreDictionary.Attribute attribute = CoreDictionary.get(word);
    if (attribute != null) {
      return attribute.hasNatureStartsWith("ns"); // a dictionary place (not a guess from character roles)
    }
    if ("不其这那各每该本此某少多".indexOf(word.charAt(0)) >= 0 || word.endsWith("城市")) {
      return false; // 不少城市, 其城市: a phrase, not a name
    }
    if (nature.startsWith("nsf") || (endsLikeFacility(word) && word.length() >= 4)) {
      return true;
    }
    for (String suffix : lexicon.placeSuffixes()) {
      if (word.endsWith(suffix) && word.length() - suffix.length() >= 2) {
        String stem = word.substring(0, word.length() - suffix.length());
        CoreDictionary.Attribute stemAttribute = CoreDictionary.get(stem);
        return stemAttribute == null || stemAttribute.hasNatureStartsWith("ns");
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- helpers

  private static boolean allHan(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      if (!isHan(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHan(int codePoint) {
    return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
  }
}
