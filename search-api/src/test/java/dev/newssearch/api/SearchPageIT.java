package dev.newssearch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The search page in Debian's Chromium, against the API over the indexed seeds (the same app and
 * node as the other ITs). Screenshots go to target/screenshots/ for a person to look at; axe-core's
 * findings to target/screenshots/axe.txt.
 */
class SearchPageIT {
  static final Path SHOTS = Path.of("target", "screenshots");
  static final Dimension DESKTOP = new Dimension(1280, 1000);
  static final Dimension PHONE = new Dimension(390, 844);
  static ApiFixture f;
  static ChromeDriver driver;
  static final List<String> axeReport = new ArrayList<>();
  final List<String> consoleErrors = new ArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    f = ApiFixture.get();
    driver = Chromium.start(DESKTOP.width, DESKTOP.height);
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  static void stop() throws IOException {
    if (driver != null) {
      driver.quit();
    }
    Files.write(SHOTS.resolve("axe.txt"), axeReport);
  }

  @BeforeEach
  void freshWindow() {
    driver.manage().window().setSize(DESKTOP);
    driver.manage().logs().get(LogType.BROWSER); // drop what earlier tests left
  }

  @AfterEach
  void noConsoleErrors() {
    collectConsoleErrors();
    assertThat(consoleErrors).as("console errors").isEmpty();
  }

  // ---- the views ----------------------------------------------------------------------------

  @Test
  void a_search_shows_highlighted_paragraphs_grouped_under_their_articles() {
    open("q", "疫情");
    assertThat(text("status")).startsWith("共 ").contains("段");
    List<WebElement> articles = driver.findElements(By.cssSelector("#hits > li.article-hit"));
    assertThat(articles).isNotEmpty();
    assertThat(driver.findElements(By.cssSelector("#hits .frag em"))).as("highlighted words").isNotEmpty();
    // each card holds paragraphs of one article only: the API's article ids of this page, grouped
    JsonNode hits = f.get("/api/search", "q", "疫情", "size", "20", "facet_size", "10", "interval", "day").json().get("hits");
    Set<String> ids = new LinkedHashSet<>();
    hits.forEach(h -> ids.add(h.get("article_id").asText()));
    assertThat(articles.stream().map(a -> a.getAttribute("data-article")).toList()).containsExactlyElementsOf(ids);
    shot("search");
  }

  @Test
  void for_a_query_the_search_ranks_by_article_the_first_page_shows_four_articles_each_openable() {
    JsonNode api = f.get("/api/search", "q", "脱贫攻坚").json();
    assumeTrue(api.has("match"), "the API does not yet diversify by article (no \"match\" field): the search issue's ranking");
    open("q", "脱贫攻坚");
    List<WebElement> articles = driver.findElements(By.cssSelector("#hits > li.article-hit"));
    assertThat(articles).hasSizeGreaterThanOrEqualTo(4);
    articles.forEach(a -> assertThat(a.findElements(By.cssSelector("h3 a.title"))).as("openable").hasSize(1));
  }

  @Test
  void ticking_a_person_adds_a_chip_and_clear_all_removes_every_filter() {
    open("q", "疫情");
    long before = total();
    WebElement box = driver.findElement(By.cssSelector("#facet-person-list input[type=checkbox]"));
    String person = box.findElement(By.xpath("following-sibling::span[@class='value']")).getText();
    long promised = Long.parseLong(box.findElement(By.xpath("following-sibling::span[@class='count']")).getText().replace(",", ""));
    afterRender(box::click);
    assertThat(driver.getCurrentUrl()).contains("person=" + URLEncoder.encode(person, StandardCharsets.UTF_8));
    assertThat(total()).as("the count beside the box says what the click gives").isEqualTo(promised).isLessThanOrEqualTo(before);
    List<WebElement> chips = driver.findElements(By.cssSelector("#chips .chip"));
    assertThat(chips).hasSize(1);
    assertThat(chips.get(0).getText()).contains(person);
    assertThat(driver.findElement(By.cssSelector("#facet-person-list input[type=checkbox]")).isSelected()).isTrue();
    shot("facets-chips");

    afterRender(() -> driver.findElement(By.cssSelector("#chips .clear-all")).click());
    assertThat(driver.getCurrentUrl()).doesNotContain("person=");
    assertThat(driver.findElements(By.cssSelector("#chips .chip"))).isEmpty();
    assertThat(total()).isEqualTo(before);
  }

  @Test
  void more_lists_every_value_of_a_facet_and_its_box_searches_within_it() {
    open();
    int shown = driver.findElements(By.cssSelector("#facet-place-list li input")).size();
    assertThat(shown).isEqualTo(10);
    driver.findElement(By.cssSelector("#facet-place .more, section[aria-labelledby=facet-place-h] .more")).click();
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(d -> d.findElements(By.cssSelector("#facet-place-list li input")).size() > shown);
    String first = driver.findElement(By.cssSelector("#facet-place-list li .value")).getText();
    WebElement search = driver.findElement(By.id("facet-place-search"));
    search.sendKeys(first.substring(0, 1));
    List<WebElement> values = driver.findElements(By.cssSelector("#facet-place-list li .value"));
    assertThat(values).isNotEmpty().allSatisfy(v -> assertThat(v.getText()).contains(first.substring(0, 1)));
  }

  @Test
  void the_next_page_shows_other_paragraphs() {
    open("q", "疫情");
    Set<String> first = paragraphLinks();
    afterRender(() -> driver.findElement(By.cssSelector("#pager button[aria-label='下一页']")).click());
    assertThat(driver.getCurrentUrl()).contains("page=2");
    assertThat(driver.findElement(By.cssSelector("#pager button[aria-current=page]")).getText()).isEqualTo("2");
    assertThat(paragraphLinks()).isNotEmpty().doesNotContainAnyElementsOf(first);
    afterRender(() -> driver.navigate().back());
    assertThat(paragraphLinks()).isEqualTo(first);
  }

  @Test
  void a_hit_opens_its_article_with_the_paragraph_in_place_and_persons_that_filter() {
    open("q", "疫情");
    WebElement card = driver.findElement(By.cssSelector("#hits > li.article-hit"));
    String title = card.findElement(By.cssSelector("h3 .title")).getText();
    String articleId = card.getAttribute("data-article");
    afterRender(() -> card.findElement(By.cssSelector("a.para")).click());
    assertThat(driver.findElement(By.id("article-view")).isDisplayed()).isTrue();
    assertThat(driver.findElement(By.id("results-view")).isDisplayed()).isFalse();
    assertThat(driver.findElement(By.cssSelector("#article h2")).getText()).isEqualTo(title.isEmpty() ? "（无标题）" : title);
    WebElement current = driver.findElement(By.cssSelector("#article li.current"));
    assertThat(current.getText()).contains("疫情");
    assertThat(current.findElements(By.tagName("mark"))).as("the query marked in the text").isNotEmpty();
    JsonNode article = f.get("/api/articles/" + articleId).json();
    assertThat(driver.findElements(By.cssSelector("#article .article-paras > li"))).hasSize(article.get("paragraphs").size());
    String meta = text("article");
    assertThat(meta).contains("日期", "来源", "记者/作者", "人物");
    if (article.hasNonNull("date")) {
      assertThat(meta).contains(article.get("date").asText());
    }
    shot("article");

    List<WebElement> persons = driver.findElements(By.xpath("//dt[.='人物']/following-sibling::dd[1]/a"));
    if (!persons.isEmpty()) {
      String name = persons.get(0).getText();
      afterRender(persons.get(0)::click);
      assertThat(driver.findElement(By.id("results-view")).isDisplayed()).isTrue();
      assertThat(driver.findElement(By.cssSelector("#chips .chip")).getText()).contains(name);
      assertThat(driver.findElement(By.id("q")).getAttribute("value")).isEqualTo("疫情");
    }
  }

  @Test
  void dragging_across_the_histogram_keeps_the_dates_under_it_in_iso_form() {
    open("interval", "day");
    WebElement over = driver.findElement(By.cssSelector("#histogram .u-over"));
    int w = over.getSize().getWidth();
    shot("histogram");
    afterRender(() -> new Actions(driver).moveToElement(over, -w / 2 + w / 10, 0).clickAndHold()
        .moveByOffset(w / 3, 0).release().perform());
    String from = driver.findElement(By.id("date_from")).getAttribute("value");
    String to = driver.findElement(By.id("date_to")).getAttribute("value");
    assertThat(from).matches("\\d{4}-\\d{2}-\\d{2}");
    assertThat(to).matches("\\d{4}-\\d{2}-\\d{2}").isGreaterThanOrEqualTo(from);
    assertThat(driver.findElement(By.cssSelector("#chips .chip")).getText()).contains(from, to);
    long inRange = f.get("/api/search", "date_from", from, "date_to", to, "size", "0", "facet_size", "1").json().get("total").asLong();
    assertThat(total()).isEqualTo(inRange).isPositive();
    shot("histogram-brushed");

    afterRender(() -> new Select(driver.findElement(By.id("interval"))).selectByValue("month"));
    assertThat(driver.getCurrentUrl()).contains("interval=month");
    assertThat(driver.findElements(By.cssSelector("#histogram canvas"))).hasSize(1);
  }

  @Test
  void persons_over_time_and_co_mentions_are_drawn_from_the_aggregations() {
    open("q", "疫情");
    driver.findElement(By.id("tab-persons")).click();
    WebElement legend = new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(d -> d.findElement(By.cssSelector("#persons-chart .u-legend")));
    JsonNode top = f.get("/api/aggregations/persons", "q", "疫情", "size", "1").json().get("persons").get(0);
    assertThat(legend.getText()).contains(top.get("name").asText());
    shot("persons-over-time");
    driver.findElement(By.id("tab-co")).click();
    WebElement table = new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(d -> d.findElement(By.cssSelector("#co-mentions table.co")));
    assertThat(table.findElement(By.cssSelector("tbody th a")).getText()).isEqualTo(top.get("name").asText());
    assertThat(table.findElement(By.cssSelector("tbody td.num")).getText()).isEqualTo(top.get("count").asText());
    shot("co-mentions");
  }

  @Test
  void zero_results_say_why_keep_the_chosen_filters_and_offer_counted_ways_out() {
    open("q", "qqxyzzy", "place", "中国");
    assertThat(text("notice")).contains("没有找到结果", "qqxyzzy");
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(By.cssSelector(".tries li a")).isEmpty());
    assertThat(text("notice")).contains("不用关键词，只按筛选");
    WebElement place = driver.findElement(By.cssSelector("#facet-place-list input[type=checkbox]"));
    assertThat(place.isSelected()).as("the chosen filter stays and can be unticked").isTrue();
    assertThat(driver.findElements(By.cssSelector("#chips .chip"))).hasSize(1);
    shot("zero-results");
    WebElement way = driver.findElement(By.cssSelector(".tries li a"));
    afterRender(way::click);
    assertThat(total()).isPositive();
  }

  @Test
  void partial_matches_are_announced_in_words() {
    JsonNode api = f.get("/api/search", "q", "海南美丽乡村").json();
    assumeTrue(api.has("match"), "the API does not report its match tier yet (the search issue)");
    open("q", "海南美丽乡村");
    String match = api.get("match").asText();
    if (List.of("most", "any", "partial").contains(match)) {
      assertThat(text("notice")).contains("没有段落包含全部词语");
    } else {
      assertThat(driver.findElements(By.cssSelector("#notice .notice"))).isEmpty();
    }
  }

  @Test
  void markup_from_the_index_or_the_query_is_shown_as_text_and_never_runs() {
    open("q", "注入测试段落");
    assertNoAlert();
    WebElement hits = driver.findElement(By.id("hits"));
    assertThat(hits.getText()).contains("<script>alert('x')</script>", "<b>标题</b>测试");
    assertThat(hits.findElements(By.cssSelector("script, b"))).isEmpty();
    afterRender(() -> hits.findElement(By.cssSelector("a.para")).click());
    assertNoAlert();
    assertThat(text("article")).contains("<script>alert('x')</script>");
    assertThat(driver.findElements(By.cssSelector("#article script, #article b"))).isEmpty();

    String probe = "\"><img src=x onerror=\"window.__xss=1\">";
    open("q", probe, "person", "<img src=y onerror=window.__xss=2>");
    assertNoAlert();
    assertThat(((JavascriptExecutor) driver).executeScript("return window.__xss === undefined")).isEqualTo(true);
    assertThat(driver.findElements(By.cssSelector("main img, #chips img"))).isEmpty();
    assertThat(driver.findElement(By.id("q")).getAttribute("value")).isEqualTo(probe);
  }

  @Test
  void the_page_logs_no_console_error_in_any_view() {
    open("q", "疫情");
    driver.findElement(By.id("tab-persons")).click();
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(By.cssSelector("#persons-chart canvas")).isEmpty());
    driver.findElement(By.id("tab-co")).click();
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(By.cssSelector("#co-mentions table")).isEmpty());
    afterRender(() -> driver.findElement(By.cssSelector("a.para")).click());
    open("q", "qqxyzzy");
    driver.get(f.base + "/api-docs");
    collectConsoleErrors();
    assertThat(consoleErrors).as("search, charts, article, zero results, API docs").isEmpty();
  }

  @Test
  void on_a_phone_the_hits_come_first_and_the_filters_wait_behind_a_button() {
    driver.manage().window().setSize(PHONE);
    open("q", "疫情");
    WebElement toggle = driver.findElement(By.id("facets-toggle"));
    assertThat(toggle.isDisplayed()).isTrue();
    assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
    assertThat(driver.findElement(By.id("filters")).isDisplayed()).isFalse();
    WebElement firstHit = driver.findElement(By.cssSelector("#hits > li.article-hit"));
    assertThat(firstHit.getLocation().getY()).as("first hit within the first two screens").isLessThan(2 * PHONE.height);
    Number pageWidth = (Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth");
    assertThat(pageWidth.intValue()).as("no sideways scrolling").isLessThanOrEqualTo(PHONE.width);
    shot("mobile");
    toggle.click();
    assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
    assertThat(driver.findElement(By.id("facet-person-search")).isDisplayed()).isTrue();
    shot("mobile-filters");
  }

  @Test
  void every_control_is_reached_with_the_tab_key() {
    open("q", "疫情");
    Set<String> reached = new LinkedHashSet<>();
    WebElement body = driver.findElement(By.tagName("body"));
    body.click();
    for (int i = 0; i < 400; i++) {
      new Actions(driver).sendKeys(Keys.TAB).perform();
      WebElement active = driver.switchTo().activeElement();
      String id = active.getAttribute("id");
      reached.add(id != null && !id.isEmpty() ? "#" + id : active.getTagName() + "." + active.getAttribute("class"));
    }
    assertThat(reached).contains("#q", "#sort", "#collapse", "#date_from", "#date_to", "#facet-person-search",
        "#tab-hist", "#interval", "a.para", "a.title", "a.tag");
    assertThat(reached).anyMatch(s -> s.startsWith("input."));  // the facet checkboxes
    assertThat(reached).anyMatch(s -> s.startsWith("button.more"));
  }

  @Test
  void axe_finds_no_serious_or_critical_violation() {
    List<String> serious = new ArrayList<>();
    open("q", "疫情", "person", "习近平");
    serious.addAll(axe("search with a filter"));
    driver.findElement(By.id("tab-co")).click();
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(By.cssSelector("#co-mentions table")).isEmpty());
    serious.addAll(axe("co-mentions"));
    driver.findElement(By.id("tab-persons")).click();
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(By.cssSelector("#persons-chart canvas")).isEmpty());
    serious.addAll(axe("persons over time"));
    afterRender(() -> driver.findElement(By.cssSelector("a.para")).click());
    serious.addAll(axe("article"));
    open("q", "qqxyzzy");
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(By.cssSelector(".tries li")).isEmpty());
    serious.addAll(axe("zero results"));
    driver.manage().window().setSize(PHONE);
    open("q", "疫情");
    driver.findElement(By.id("facets-toggle")).click();
    serious.addAll(axe("phone with filters open"));
    assertThat(serious).as("axe-core serious or critical violations").isEmpty();
  }

  // ---- helpers ------------------------------------------------------------------------------

  private void open(String... params) {
    StringBuilder url = new StringBuilder(f.base).append('/');
    for (int i = 0; i < params.length; i += 2) {
      url.append(i == 0 ? '?' : '&').append(params[i]).append('=').append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
    }
    collectConsoleErrors();
    driver.get(url.toString());
    waitReady(0);
  }

  /** Runs an action that makes the page render again, and waits until it has. */
  private void afterRender(Runnable action) {
    int before = renders();
    action.run();
    waitReady(before);
  }

  private int renders() {
    Object n = ((JavascriptExecutor) driver).executeScript("return Number(document.body.getAttribute('data-renders') || 0)");
    return ((Number) n).intValue();
  }

  private void waitReady(int after) {
    new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> "ready".equals(
        d.findElement(By.tagName("body")).getAttribute("data-state")) && renders() > after);
  }

  private String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }

  private long total() {
    String status = text("status");
    return Long.parseLong(status.replaceAll("^共 ([\\d,]+) 段.*$", "$1").replace(",", ""));
  }

  private Set<String> paragraphLinks() {
    Set<String> links = new LinkedHashSet<>();
    driver.findElements(By.cssSelector("#hits a.para")).forEach(a -> links.add(a.getAttribute("href")));
    return links;
  }

  private void assertNoAlert() {
    try {
      driver.switchTo().alert();
      throw new AssertionError("a script from the data ran: an alert is open");
    } catch (NoAlertPresentException expected) {
      // nothing ran
    }
  }

  private void collectConsoleErrors() {
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
        consoleErrors.add(e.getMessage());
      }
    }
  }

  private void shot(String name) {
    try {
      Path png = driver.getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(png, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** axe-core's run over the page as it is; returns the serious and critical violations, logs all. */
  private List<String> axe(String view) {
    JavascriptExecutor js = driver;
    js.executeScript(axeSource());
    Object raw = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
        + "axe.run(document, {resultTypes: ['violations']}).then(function (r) { done(JSON.stringify(r.violations.map(function (v) {"
        + "  return {id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(function (n) { return n.target.join(' '); })}; }))); },"
        + "  function (e) { done(JSON.stringify([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}])); });");
    List<String> serious = new ArrayList<>();
    try {
      JsonNode violations = new ObjectMapper().readTree((String) raw);
      axeReport.add(view + ": " + violations.size() + " violation(s)");
      for (JsonNode v : violations) {
        String line = "  " + v.get("impact").asText() + " " + v.get("id").asText() + " — " + v.get("help").asText() + " " + v.get("nodes");
        axeReport.add(line);
        if (List.of("serious", "critical").contains(v.get("impact").asText())) {
          serious.add(view + ":" + line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return serious;
  }

  private static String axeSource;

  private static synchronized String axeSource() {
    if (axeSource == null) {
      String path = "META-INF/resources/webjars/axe-core/" + axeVersion() + "/axe.min.js";
      try (InputStream in = SearchPageIT.class.getClassLoader().getResourceAsStream(path)) {
        if (in == null) {
          throw new IllegalStateException("axe-core webjar not on the test classpath: " + path);
        }
        axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return axeSource;
  }

  private static String axeVersion() {
    try (InputStream in = SearchPageIT.class.getClassLoader()
        .getResourceAsStream("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
      var props = new java.util.Properties();
      props.load(in);
      return props.getProperty("version");
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("axe-core webjar not on the test classpath", e);
    }
  }
}
