package dev.newssearch.analysis.ik;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.junit.jupiter.api.Test;

class PinyinTokenFilterTest {

  private static Analyzer names(boolean initials, boolean keyed) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer t = new KeywordTokenizer();
        return new TokenStreamComponents(t, new PinyinTokenFilter(t, initials, keyed));
      }
    };
  }

  @Test
  void a_name_gets_its_full_pinyin_initials_and_keyed_forms_at_its_own_position() throws IOException {
    List<IkTokenizerTest.Token> tokens = IkTokenizerTest.tokens(names(true, true), "习近平");
    assertThat(tokens).extracting(IkTokenizerTest.Token::term)
        .containsExactly("习近平", "xijinping", "xjp", "xijinping|习近平", "xjp|习近平");
    assertThat(tokens).extracting(IkTokenizerTest.Token::start).containsOnly(0);
    assertThat(tokens).extracting(IkTokenizerTest.Token::end).containsOnly(3);
  }

  @Test
  void a_term_gets_its_full_pinyin_only_unless_initials_are_asked_for() throws IOException {
    assertThat(IkTokenizerTest.tokens(names(false, false), "脱贫"))
        .extracting(IkTokenizerTest.Token::term).containsExactly("脱贫", "tuopin");
  }

  @Test
  void words_shorter_than_the_minimum_are_dropped_and_leave_their_position() throws IOException {
    Analyzer terms = new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer t = new IkTokenizer(IkMode.SMART, java.util.Set.of());
        return new TokenStreamComponents(t, new PinyinTokenFilter(t, false, true, 2));
      }
    };
    List<IkTokenizerTest.Token> tokens = IkTokenizerTest.tokens(terms, "我们脱贫了");
    assertThat(tokens).extracting(IkTokenizerTest.Token::term)
        .containsExactly("我们", "women", "women|我们", "脱贫", "tuopin", "tuopin|脱贫");
    assertThat(tokens).extracting(IkTokenizerTest.Token::increment).containsExactly(1, 0, 0, 1, 0, 0);
  }

  @Test
  void latin_tokens_pass_unchanged_and_mixed_ones_keep_their_latin_part() throws IOException {
    assertThat(IkTokenizerTest.tokens(names(true, false), "covid"))
        .extracting(IkTokenizerTest.Token::term).containsExactly("covid");
    assertThat(Pinyin.of("G20峰会")).isEqualTo(new Pinyin.Reading("g20fenghui", "g20fh"));
    assertThat(Pinyin.of("马克龙·埃马纽埃尔").initials()).isEqualTo("mklamnae");
  }
}
