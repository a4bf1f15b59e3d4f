package dev.newssearch.analysis.ik;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** text and text.terms both run ik_max_word over a paragraph: the second run must be the first, replayed. */
class IkReplayTest {

  private static final Set<String> STOPWORDS = Set.of("的", "了");
  private static T2sMapping t2s;

  @BeforeAll
  static void load_the_shipped_dictionaries_and_pairs() {
    IkDictionaries.shared().refresh(Optional.of(Path.of("src/main/config")));
    t2s = T2sMapping.load(Optional.of(Path.of("src/main")), "config/t2s.txt");
  }

  /** The schema's analyzers over ik_max_word: text_index, or term_pinyin with pinyin forms. */
  private static Analyzer ikMaxWord(boolean pinyin) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer t = new IkTokenizer(IkMode.MAX_WORD, STOPWORDS);
        TokenStream s = new LowerCaseFilter(t);
        return new TokenStreamComponents(t, pinyin ? new PinyinTokenFilter(s, false, true, 2) : s);
      }

      @Override
      protected Reader initReader(String field, Reader reader) {
        return new T2sCharFilter(t2s, reader);
      }
    };
  }

  /** Every attribute the index sees, and the final offset and gap. */
  private static List<String> stream(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      TypeAttribute type = ts.addAttribute(TypeAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term + " " + offset.startOffset() + "-" + offset.endOffset() + " +" + inc.getPositionIncrement()
            + " " + type.type());
      }
      ts.end();
      out.add("end " + offset.endOffset() + " +" + inc.getPositionIncrement());
    }
    return out;
  }

  /** The seed pages whole (longer than IK's 4 KB buffer) and paragraph by paragraph. */
  private static List<String> seedTexts() throws IOException {
    List<String> texts = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> listing = Files.list(Path.of("../seeds"))) {
      files = listing.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
    }
    for (Path file : files) {
      String page = Files.readString(file, StandardCharsets.UTF_8);
      texts.add(page);
      for (String paragraph : page.split("\n\\s*\n")) {
        texts.add(paragraph);
      }
    }
    return texts;
  }

  @Test
  void the_second_analysis_of_each_seed_text_is_replayed_and_equals_a_fresh_segmentation() throws IOException {
    List<String> texts = seedTexts();
    assertThat(texts).hasSizeGreaterThan(100);
    try (Analyzer text = ikMaxWord(false); Analyzer terms = ikMaxWord(true)) {
      List<List<String>> replayed = new ArrayList<>();
      long before = IkReplay.ofThisThread().replayed();
      for (String t : texts) {
        stream(text, t);
        replayed.add(stream(terms, t));
      }
      assertThat(IkReplay.ofThisThread().replayed() - before).isEqualTo(texts.size());
      for (int i = 0; i < texts.size(); i++) {
        IkDictionaries.shared().addWords(List.of()); // a new dictionary generation: nothing to replay
        assertThat(stream(terms, texts.get(i))).as(texts.get(i)).isEqualTo(replayed.get(i));
      }
    }
  }

  @Test
  void words_added_to_the_dictionary_between_two_analyses_are_used_by_the_second() throws IOException {
    String text = "燕山石化厂区扩建";
    try (Analyzer analyzer = ikMaxWord(false)) {
      assertThat(stream(analyzer, text)).noneMatch(t -> t.startsWith("燕山石化厂区 "));
      IkDictionaries.shared().addWords(List.of("燕山石化厂区"));
      assertThat(stream(analyzer, text)).anyMatch(t -> t.startsWith("燕山石化厂区 "));
    }
  }

  @Test
  void another_stop_list_is_not_served_from_memory() throws IOException {
    String text = "我们的脱贫攻坚";
    try (Analyzer withStops = ikMaxWord(false);
        Analyzer without = new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String field) {
            return new TokenStreamComponents(new IkTokenizer(IkMode.MAX_WORD, Set.of()));
          }
        }) {
      assertThat(stream(withStops, text)).noneMatch(t -> t.startsWith("的 "));
      assertThat(stream(without, text)).anyMatch(t -> t.startsWith("的 "));
    }
  }
}
