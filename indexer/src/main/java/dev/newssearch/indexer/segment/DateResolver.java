package dev.newssearch.indexer.segment;

import dev.newssearch.indexer.dates.StoryDates;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;

/**
 * Fifth segment part: the date each story of a page reports itself under, with the evidence used (see
 * PIPELINE.md "Dates"). The evidence hierarchy itself is {@link StoryDates} (stage-neutral, in
 * {@code dates}); this part hands it what the segment stage read from each story.
 */
public final class DateResolver {
  /**
   * What the date of one story can be read from.
   *
   * @param printedDate a publication line's date or a date printed under the headline, or null
   * @param dateline    month and day of the dateline, or null
   * @param lead        the story's first paragraph
   */
  public record Evidence(LocalDate printedDate, MonthDay dateline, String lead) {}

  /**
   * The page's stories in order; {@code webText}: a web compilation, whose stories span weeks; {@code page}:
   * what the page's header, its names and the user say of its date.
   */
  public record PageEvidence(List<Evidence> stories, boolean webText, StoryDates.Page page) {
    public PageEvidence {
      stories = List.copyOf(stories);
    }
  }

  /** @param date null when it cannot be known */
  public record Resolved(LocalDate date, String evidence) {}

  public List<Resolved> resolve(PageEvidence page) {
    List<StoryDates.Evidence> evidence = new ArrayList<>();
    for (Evidence e : page.stories()) {
      evidence.add(new StoryDates.Evidence(e.printedDate(), e.dateline(), Dates.firstMonthDay(e.lead())));
    }
    List<Resolved> out = new ArrayList<>();
    for (StoryDates.Resolved r : StoryDates.resolve(page.page(), evidence, page.webText())) {
      out.add(new Resolved(r.date(), r.evidence().value()));
    }
    return out;
  }
}
