package dev.newssearch.indexer.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TilerTest {
  private static final String TABLE = "北京晴25℃／12℃天津多云24℃／13℃石家庄晴26℃／14℃太原多云22℃／9℃";
  private static final String NEXT = "市民纷纷走出家门踏青赏花。";
  private static final String OTHER = "会议要求各地抓好春耕生产。";

  @Test
  void whole_sentences_tile_a_document_and_half_of_one_does_not() {
    PipelineEvaluation.Tiler tiler = new PipelineEvaluation.Tiler(List.of(NEXT, OTHER));

    assertThat(tiler.tiles(NEXT + OTHER)).isTrue();
    assertThat(tiler.tiles(NEXT + OTHER.substring(0, 5))).isFalse();
  }

  @Test
  void a_run_longer_than_a_document_may_be_cut_but_nothing_else_may_be_glued_to_it() {
    PipelineEvaluation.Tiler tiler = new PipelineEvaluation.Tiler(List.of(TABLE, NEXT, OTHER), 30);
    int cut = TABLE.indexOf("石家庄");

    assertThat(tiler.tiles(TABLE.substring(0, cut))).as("the table's start").isTrue();
    assertThat(tiler.tiles(TABLE.substring(cut) + NEXT)).as("its end, then the next sentence").isTrue();
    assertThat(tiler.tiles(OTHER + TABLE.substring(0, cut))).as("a sentence, then the table's start").isTrue();
    assertThat(tiler.tiles(TABLE.substring(cut) + NEXT.substring(0, 4))).as("half of the next sentence").isFalse();
    assertThat(new PipelineEvaluation.Tiler(List.of(TABLE, NEXT), 200).tiles(TABLE.substring(cut) + NEXT))
        .as("a run the document could hold whole").isFalse();
  }
}
