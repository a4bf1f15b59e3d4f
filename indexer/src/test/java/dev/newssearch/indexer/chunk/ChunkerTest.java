package dev.newssearch.indexer.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newssearch.indexer.segment.Article;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTest {
  private static Article article(int index, List<String> paragraphs) {
    return new Article(index, "标题", null, null, List.of(), "本报", List.of("戴娟"), List.of(), null, null,
        LocalDate.of(2020, 3, 27), "lead", paragraphs, 1, List.of());
  }

  @Test
  void long_paragraphs_are_split_at_sentence_ends_within_the_bound() {
    String sentence = "会议强调，要加快释放国内市场需求，在防控措施到位前提下，要有序推动各类商场复工复市。";
    List<String> pieces = Chunker.split(sentence.repeat(12), 100);
    assertThat(pieces).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(100));
    assertThat(pieces).allSatisfy(p -> assertThat(p).endsWith("。"));
    assertThat(String.join("", pieces)).isEqualTo(sentence.repeat(12));
  }

  @Test
  void a_table_without_stops_is_cut_where_a_city_name_starts_and_the_sentence_before_it_stays_whole() {
    String before = "下面是明天的天气预报。";
    String table = "北京多云转晴15℃／27℃天津多云16℃／28℃石家庄阴转多云16℃／27℃太原多云13℃／29℃".repeat(4);
    List<String> pieces = Chunker.split(before + table, 100);
    assertThat(pieces.get(0)).isEqualTo(before);
    assertThat(pieces).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(100));
    assertThat(pieces.subList(1, pieces.size())).allSatisfy(p -> assertThat(p).matches("^\\p{IsHan}.*℃$"));
    assertThat(String.join("", pieces)).isEqualTo(before + table);
  }

  @Test
  void ids_are_the_same_on_every_run_and_survive_edits_to_other_articles() {
    Chunker c = new Chunker(400);
    Article a = article(0, List.of("3月27日，市保健委员会召开全体会议。", "市保健委各成员单位相关负责人参加会议。"));
    Article b = article(1, List.of("3月26日，重庆警备区决战决胜脱贫攻坚推进会在武隆区召开。"));
    Article bEdited = article(0, List.of("3月26日，重庆警备区推进会召开。"));
    List<Chunk> first = c.chunks("000.txt", List.of(a, b));
    List<Chunk> again = c.chunks("000.txt", List.of(a, b));
    List<Chunk> edited = c.chunks("000.txt", List.of(bEdited, a));
    assertThat(again).extracting(Chunk::id).isEqualTo(first.stream().map(Chunk::id).toList());
    assertThat(edited).extracting(Chunk::id).contains(first.get(0).id(), first.get(1).id());
    assertThat(first.get(1).position()).isEqualTo(2);
    assertThat(first.get(0).articleId()).isEqualTo(first.get(1).articleId()).isNotEqualTo(first.get(2).articleId());
  }

  @Test
  void duplicate_key_ignores_punctuation_spacing_and_traditional_characters() {
    assertThat(Fingerprint.dupGroup("习近平强调，当前，中美关系正处在一个重要关口。"))
        .isEqualTo(Fingerprint.dupGroup("习近平强调 当前 中美关系正处在一个重要关口"))
        .isEqualTo(Fingerprint.dupGroup("習近平強調，當前，中美關係正處在一個重要關口。"));
  }
}
