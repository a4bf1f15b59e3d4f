package dev.newssearch.core.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * One indexed document: a body paragraph with its article's metadata, the entities it mentions and its
 * hashes. The three parts are records of their own so that a stage changes only the part it owns
 * ({@link #withDupGroup}) and adding a field touches the part and its users, not every constructor call.
 * The JSON is flat, as before: the parts are unwrapped into the field names of
 * {@code schema/news-paragraphs.json} (snake_case), listed as constants in {@link Fields}. (Only the order
 * of keys changed: {@code dates_mentioned} now follows the article's fields.)
 *
 * @param id             deterministic: the same input file gives the same ids on every run
 * @param articleId      deterministic id of the article the paragraph belongs to
 * @param paragraph      1-based position of the paragraph in its article
 * @param text           the paragraph as a reader sees it (reflowed, characters kept as printed)
 * @param article        what the paragraph shares with its article
 * @param datesMentioned ISO dates mentioned in this paragraph
 * @param entities       persons, places and organisations mentioned in this paragraph
 * @param file           the seed file name the paragraph comes from
 * @param hashes         file, content and duplicate-group hashes
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"id", "article_id", "paragraph", "text", "article", "dates_mentioned", "entities", "file", "hashes"})
public record ParagraphDoc(
    String id,
    String articleId,
    int paragraph,
    String text,
    @JsonUnwrapped ArticleMeta article,
    List<String> datesMentioned,
    @JsonUnwrapped Entities entities,
    String file,
    @JsonUnwrapped Hashes hashes) {

  /**
   * The article's metadata, the same on each of its paragraphs.
   *
   * @param title         the article's headline, null when none could be found
   * @param kicker        line printed above the headline (引题), may be null
   * @param subtitle      line printed below the headline (副题), may be null
   * @param date          ISO date of the article (yyyy-MM-dd), null when it cannot be known
   * @param dateEvidence  how the date was found: publication_line, dateline, page_header, file_name, folder_name,
   *                       stated, lead, file_context, unknown (schema {@code _meta.date_evidence})
   * @param source        issuing organisation: 新华社, 本报, 人民日报, 求是, …; null when unknown
   * @param reporters     reporters and authors from the byline (names without spaces)
   * @param contributors  others in the byline kept apart (实习生, photographers, correspondents), "role:name"
   * @param datelinePlace place of the dateline (北京 in 新华社北京3月27日电), may be null
   * @param edition       edition/page when stated (01版), may be null
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ArticleMeta(String title, String kicker, String subtitle, String date, String dateEvidence,
      String source, List<String> reporters, List<String> contributors, String datelinePlace, String edition) {
    public ArticleMeta {
      reporters = copy(reporters);
      contributors = copy(contributors);
    }
  }

  /** Canonical names of persons, places and organisations mentioned in the paragraph, one value each. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Entities(List<String> persons, List<String> places, List<String> organizations) {
    public static final Entities NONE = new Entities(List.of(), List.of(), List.of());

    public Entities {
      persons = copy(persons);
      places = copy(places);
      organizations = copy(organizations);
    }
  }

  /**
   * @param fileHash    sha256 of the seed file's bytes
   * @param contentHash 128-bit MurmurHash3 of the paragraph's text (32 hex digits, {@link dev.newssearch.core.hash.Murmur3})
   * @param dupGroup    duplicate-group key: equal for the same paragraph printed on several pages
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Hashes(String fileHash, String contentHash, String dupGroup) {}

  public ParagraphDoc {
    datesMentioned = copy(datesMentioned);
    if (article == null) article = new ArticleMeta(null, null, null, null, null, null, null, null, null, null);
    if (entities == null) entities = Entities.NONE;
    if (hashes == null) hashes = new Hashes(null, null, null);
  }

  /**
   * Reads the flat JSON of an indexed document (Jackson cannot yet bind unwrapped creator parameters, so
   * the parts are assembled here from the flat fields).
   */
  @JsonCreator
  static ParagraphDoc fromJson(@JsonProperty("id") String id, @JsonProperty("article_id") String articleId,
      @JsonProperty("paragraph") int paragraph, @JsonProperty("text") String text,
      @JsonProperty("title") String title, @JsonProperty("kicker") String kicker,
      @JsonProperty("subtitle") String subtitle, @JsonProperty("date") String date,
      @JsonProperty("date_evidence") String dateEvidence,
      @JsonProperty("dates_mentioned") List<String> datesMentioned, @JsonProperty("source") String source,
      @JsonProperty("reporters") List<String> reporters, @JsonProperty("contributors") List<String> contributors,
      @JsonProperty("dateline_place") String datelinePlace, @JsonProperty("edition") String edition,
      @JsonProperty("persons") List<String> persons, @JsonProperty("places") List<String> places,
      @JsonProperty("organizations") List<String> organizations, @JsonProperty("file") String file,
      @JsonProperty("file_hash") String fileHash, @JsonProperty("content_hash") String contentHash,
      @JsonProperty("dup_group") String dupGroup) {
    return new ParagraphDoc(id, articleId, paragraph, text,
        new ArticleMeta(title, kicker, subtitle, date, dateEvidence, source, reporters, contributors, datelinePlace,
            edition),
        datesMentioned, new Entities(persons, places, organizations), file,
        new Hashes(fileHash, contentHash, dupGroup));
  }

  /** The same document in another duplicate group (the near-duplicate merge across files). */
  public ParagraphDoc withDupGroup(String dupGroup) {
    return new ParagraphDoc(id, articleId, paragraph, text, article, datesMentioned, entities, file,
        new Hashes(hashes.fileHash(), hashes.contentHash(), dupGroup));
  }

  // Shortcuts to the parts' fields for readers of a document (the API, reports); not JSON properties.

  public String title() { return article.title(); }

  public String kicker() { return article.kicker(); }

  public String subtitle() { return article.subtitle(); }

  public String date() { return article.date(); }

  public String dateEvidence() { return article.dateEvidence(); }

  public String source() { return article.source(); }

  public List<String> reporters() { return article.reporters(); }

  public List<String> contributors() { return article.contributors(); }

  public String datelinePlace() { return article.datelinePlace(); }

  public String edition() { return article.edition(); }

  public List<String> persons() { return entities.persons(); }

  public List<String> places() { return entities.places(); }

  public List<String> organizations() { return entities.organizations(); }

  public String fileHash() { return hashes.fileHash(); }

  public String contentHash() { return hashes.contentHash(); }

  public String dupGroup() { return hashes.dupGroup(); }

  private static List<String> copy(List<String> values) {
    return values == null ? List.of() : List.copyOf(values);
  }
}
