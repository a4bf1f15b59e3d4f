package dev.newssearch.indexer.segment;

import dev.newssearch.indexer.dates.PageDating;
import dev.newssearch.indexer.normalize.Drop;
import dev.newssearch.indexer.normalize.Reflow;
import java.util.ArrayList;
import java.util.List;

/**
 * The segment stage: splits a reflowed page into articles, in parts with one job each, each handing on
 * immutable {@link Draft}s:
 * <ol>
 *   <li>{@link LeadParser}: where stories start and end; datelines and bylines cut from leads and trailers;</li>
 *   <li>{@link HeadlineAssigner}: which story each headline line belongs to ({@link HeadlineWeights});</li>
 *   <li>{@link RepeatedSummaries}: web summary bullets repeated in the story are dropped;</li>
 *   <li>{@link TitleSplitter}: kicker, title, subtitle and subheads;</li>
 *   <li>{@link DateResolver}: the story's date and the evidence for it.</li>
 * </ol>
 * What the parts drop is returned with the articles, so the run can account for every printed character.
 */
public final class Segmenter {
  private final DateResolver dates;
  private final HeadlineAssigner headlines;

  private Segmenter(DateResolver dates, HeadlineWeights weights) {
    this.dates = dates;
    this.headlines = new HeadlineAssigner(weights);
  }

  public static Segmenter create() {
    return new Segmenter(new DateResolver(), HeadlineWeights.DEFAULTS);
  }

  /** The articles of a page and the text the segment stage deliberately left out. */
  public record Segmentation(List<Article> articles, List<Drop> drops) {
    public Segmentation {
      articles = List.copyOf(articles);
      drops = List.copyOf(drops);
    }
  }

  /** A page dated by nothing but its own stories (no header, names or stated year known). */
  public Segmentation segment(Reflow.Page page) {
    return segment(page, PageDating.Dated.NONE);
  }

  /** {@code dated}: what the page's header, its names and the user say of its date, and its printed page number. */
  public Segmentation segment(Reflow.Page page, PageDating.Dated dated) {
    boolean webText = page.layout() == Reflow.Layout.LINES;
    LeadParser.Parsed parsed = LeadParser.parse(page);
    List<Drop> drops = new ArrayList<>(parsed.drops());
    HeadlineAssigner.Result assigned = headlines.assign(page.blocks(), parsed.headingBlocks(), parsed.drafts(), webText);
    drops.addAll(assigned.drops());
    List<Draft> drafts = new ArrayList<>();
    for (Draft d : assigned.drafts()) {
      RepeatedSummaries.Result r = RepeatedSummaries.drop(d);
      drafts.add(r.draft());
      drops.addAll(r.drops());
    }
    List<TitleSplitter.Titles> titles = drafts.stream().map(TitleSplitter::split).toList();
    List<DateResolver.Evidence> evidence = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      Draft d = drafts.get(i);
      evidence.add(new DateResolver.Evidence(d.publication() != null ? d.publication() : titles.get(i).headlineDate(),
          d.dateline(), d.paragraphs().get(0).text()));
    }
    List<DateResolver.Resolved> resolved = dates.resolve(new DateResolver.PageEvidence(evidence, webText, dated.page()));
    List<Article> out = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      Draft d = drafts.get(i);
      TitleSplitter.Titles t = titles.get(i);
      List<String> reporters = new ArrayList<>(d.reporters());
      if (t.author() != null && !reporters.contains(t.author())) reporters.add(t.author());
      List<String> credits = new ArrayList<>(d.credits());
      credits.addAll(t.printed());
      out.add(new Article(i, t.title(), t.kicker(), t.subtitle(), t.subheads(), d.source(), reporters,
          d.contributors(), d.place(), d.edition() != null ? d.edition() : dated.edition(), resolved.get(i).date(), resolved.get(i).evidence(), d.texts(),
          d.firstLine(), credits));
    }
    return new Segmentation(out, drops);
  }
}
