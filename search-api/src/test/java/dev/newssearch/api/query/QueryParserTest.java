package dev.newssearch.api.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newssearch.api.query.QueryText.Clause;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryParserTest {
  private final QueryParser parser = new QueryParser(Synonyms.none());

  @Test
  void plain_words_must_all_match() {
    QueryText q = parser.parse("脱贫攻坚 习近平");
    assertThat(q.groups()).containsExactly(
        List.of(new Clause("脱贫攻坚", false)), List.of(new Clause("习近平", false)));
    assertThat(q.excluded()).isEmpty();
  }

  @Test
  void quoted_text_is_a_phrase_and_may_contain_spaces() {
    QueryText q = parser.parse("\"全面建成 小康社会\" 脱贫");
    assertThat(q.groups().get(0)).containsExactly(new Clause("全面建成 小康社会", true));
    assertThat(q.groups().get(1)).containsExactly(new Clause("脱贫", false));
  }

  @Test
  void chinese_corner_quotes_make_a_phrase_too() {
    assertThat(parser.parse("「脱贫攻坚」").groups().get(0)).containsExactly(new Clause("脱贫攻坚", true));
  }

  @Test
  void minus_excludes_a_word_or_a_phrase() {
    QueryText q = parser.parse("疫情 -美国 -\"世界卫生组织\"");
    assertThat(q.groups()).containsExactly(List.of(new Clause("疫情", false)));
    assertThat(q.excluded()).containsExactly(new Clause("美国", false), new Clause("世界卫生组织", true));
  }

  @Test
  void or_joins_the_clauses_on_either_side() {
    QueryText q = parser.parse("武汉 OR 湖北 疫情");
    assertThat(q.groups()).containsExactly(
        List.of(new Clause("武汉", false), new Clause("湖北", false)), List.of(new Clause("疫情", false)));
  }

  @Test
  void malformed_syntax_degrades_instead_of_failing() {
    assertThat(parser.parse("\"脱贫攻坚").groups()).containsExactly(List.of(new Clause("脱贫攻坚", true)));
    assertThat(parser.parse("- 脱贫").groups()).containsExactly(List.of(new Clause("脱贫", false)));
    assertThat(parser.parse("OR 脱贫 OR").groups()).containsExactly(List.of(new Clause("脱贫", false)));
    assertThat(parser.parse("OR").matchesEverything()).isTrue();
    assertThat(parser.parse("\"\" -").matchesEverything()).isTrue();
    assertThat(parser.parse("-").excluded()).isEmpty();
  }

  @Test
  void an_empty_or_blank_query_matches_everything() {
    assertThat(parser.parse(null).matchesEverything()).isTrue();
    assertThat(parser.parse("   \u3000 ").matchesEverything()).isTrue();
  }

  @Test
  void traditional_characters_are_searched_as_simplified() {
    assertThat(parser.parse("脫貧攻堅").groups()).containsExactly(List.of(new Clause("脱贫攻坚", false)));
  }

  @Test
  void full_width_letters_digits_and_signs_are_folded_to_half_width() {
    QueryText q = parser.parse("ＷＨＯ　２０２０　－美国");
    assertThat(q.groups()).containsExactly(List.of(new Clause("WHO", false)), List.of(new Clause("2020", false)));
    assertThat(q.excluded()).containsExactly(new Clause("美国", false));
  }

  @Test
  void lucene_field_syntax_is_taken_as_plain_text_while_and_or_and_parentheses_work() {
    QueryText q = parser.parse("title:习近平 AND (a OR b)");
    assertThat(q.groups()).containsExactly(
        List.of(new Clause("title:习近平", false)), List.of(new Clause("a", false), new Clause("b", false)));
  }

  @Test
  void not_excludes_the_clause_after_it_like_a_minus() {
    QueryText q = parser.parse("疫情 NOT 美国 NOT \"世界卫生组织\"");
    assertThat(q.groups()).containsExactly(List.of(new Clause("疫情", false)));
    assertThat(q.excluded()).containsExactly(new Clause("美国", false), new Clause("世界卫生组织", true));
  }

  @Test
  void a_dangling_operator_or_an_unbalanced_parenthesis_is_dropped_never_a_silent_zero() {
    for (String q : List.of("脱贫 AND", "脱贫 (", "(脱贫", "脱贫)", "AND 脱贫", "脱贫 NOT", "((脱贫))", "脱贫 OR")) {
      assertThat(parser.parse(q).groups()).as(q).containsExactly(List.of(new Clause("脱贫", false)));
      assertThat(parser.parse(q).excluded()).as(q).isEmpty();
    }
  }

  @Test
  void lower_case_operators_are_words() {
    assertThat(parser.parse("rock and roll").groups()).hasSize(3);
  }
}
