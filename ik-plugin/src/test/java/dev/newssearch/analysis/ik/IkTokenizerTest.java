package dev.newssearch.analysis.ik;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IkTokenizerTest {

  record Token(String term, int start, int end, int increment) {}

  @BeforeAll
  static void load_the_shipped_dictionaries() {
    IkDictionaries.shared().refresh(Optional.of(Path.of("src/main/config")));
  }

  static List<Token> tokens(IkMode mode, Set<String> stopwords, String text) throws IOException {
    return tokens(new IkAnalyzer(mode, stopwords), text);
  }

  static List<Token> tokens(Analyzer analyzer, String text) throws IOException {
    List<Token> out = new ArrayList<>();
    try (analyzer; TokenStream ts = analyzer.tokenStream("body", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(new Token(term.toString(), offset.startOffset(), offset.endOffset(),
            inc.getPositionIncrement()));
      }
      ts.end();
      assertThat(offset.endOffset()).as("final offset covers trailing punctuation").isEqualTo(text.length());
    }
    return out;
  }

  static List<String> seedSentences() throws IOException {
    return Files.readAllLines(Path.of("src/test/resources/excerpts/seed_sentences.txt"), StandardCharsets.UTF_8)
        .stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
  }

  @Test
  void g20_speech_yields_leader_summit_and_speech_words_at_their_offsets() throws IOException {
    String text = "习近平主席在二十国集团领导人特别峰会上发表重要讲话";
    assertThat(tokens(IkMode.MAX_WORD, Set.of(), text))
        .contains(
            new Token("习近平", 0, 3, 1),
            new Token("二十国集团", 6, 11, 1),
            new Token("领导人", 11, 14, 1),
            new Token("峰会", 16, 18, 1),
            new Token("重要讲话", 21, 25, 1));
  }

  @Test
  void full_width_brackets_around_latin_letters_do_not_shift_offsets() throws IOException {
    String text = "二十国集团（G20）领导人";
    assertThat(tokens(IkMode.SMART, Set.of(), text))
        .containsExactly(
            new Token("二十国集团", 0, 5, 1),
            new Token("g20", 6, 9, 1),
            new Token("领导人", 10, 13, 1));
  }

  @Test
  void dates_and_latin_words_with_digits_stay_whole_in_smart_mode() throws IOException {
    assertThat(tokens(IkMode.SMART, Set.of(), "2020年3月27日"))
        .containsExactly(new Token("2020年", 0, 5, 1), new Token("3月", 5, 7, 1), new Token("27日", 7, 10, 1));
    assertThat(tokens(IkMode.SMART, Set.of(), "COVID-19疫情"))
        .containsExactly(new Token("covid-19", 0, 8, 1), new Token("疫情", 8, 10, 1));
  }

  @Test
  void news_terms_dictionary_makes_covid_pneumonia_one_token_before_epidemic() throws IOException {
    assertThat(tokens(IkMode.MAX_WORD, Set.of(), "新冠肺炎疫情"))
        .contains(new Token("新冠肺炎", 0, 4, 1), new Token("疫情", 4, 6, 1))
        .doesNotContain(new Token("新冠肺炎疫情", 0, 6, 1));
    assertThat(tokens(IkMode.SMART, Set.of(), "新冠肺炎疫情"))
        .containsExactly(new Token("新冠肺炎", 0, 4, 1), new Token("疫情", 4, 6, 1));
  }

  @Test
  void offsets_never_go_backwards_and_every_token_is_the_text_it_points_at() throws IOException {
    for (IkMode mode : IkMode.values()) {
      for (String sentence : seedSentences()) {
        int lastStart = 0;
        for (Token t : tokens(mode, Set.of(), sentence)) {
          assertThat(t.start()).as("%s in %s", t, sentence).isGreaterThanOrEqualTo(lastStart);
          assertThat(t.end()).isGreaterThan(t.start());
          assertThat(t.increment()).isEqualTo(1);
          // IK folds full-width to half-width and upper to lower case, one char for one char
          String slice = sentence.substring(t.start(), t.end());
          assertThat(fold(slice)).as("%s in %s", t, sentence).isEqualTo(t.term());
          lastStart = t.start();
        }
      }
    }
  }

  @Test
  void a_stop_word_is_dropped_and_leaves_a_position_gap() throws IOException {
    assertThat(tokens(IkMode.SMART, Set.of("在"), "主席在北京发表讲话"))
        .extracting(Token::term, Token::increment)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("主席", 1),
            org.assertj.core.groups.Tuple.tuple("北京", 2),
            org.assertj.core.groups.Tuple.tuple("发表", 1),
            org.assertj.core.groups.Tuple.tuple("讲话", 1));
  }

  @Test
  void a_word_added_to_a_dic_file_is_used_after_the_next_refresh(@TempDir Path dir) throws IOException {
    String text = "钟南山院士";
    assertThat(tokens(IkMode.SMART, Set.of(), text)).extracting(Token::term).doesNotContain("钟南山院士");
    Files.writeString(dir.resolve("learned_names.dic"), "# names found by the indexer\n钟南山院士\n");
    IkDictionaries.shared().refresh(Optional.of(dir));
    assertThat(tokens(IkMode.SMART, Set.of(), text)).containsExactly(new Token("钟南山院士", 0, 5, 1));
  }

  @Test
  void stopwords_file_feeds_the_stop_list_not_the_dictionary(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve(IkDictionaries.STOPWORDS_FILE), "# test\n之\n");
    IkDictionaries.shared().refresh(Optional.of(dir));
    assertThat(IkDictionaries.shared().stopwords()).containsExactly("之");
    Files.delete(dir.resolve(IkDictionaries.STOPWORDS_FILE));
    IkDictionaries.shared().refresh(Optional.of(dir));
    assertThat(IkDictionaries.shared().stopwords()).isEmpty();
  }

  private static String fold(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '\u3000') {
        c = ' ';
      } else if (c > '\uFF00' && c < '\uFF5F') {
        c = (char) (c - 0xFEE0);
      }
      b.append(Character.toLowerCase(c));
    }
    return b.toString();
  }
}
