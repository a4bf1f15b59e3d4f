package dev.newssearch.analysis.ik;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newssearch.analysis.ik.IkTokenizerTest.Token;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewsT2sCharFilterTest {

  private static T2sMapping shipped;

  @BeforeAll
  static void load_the_shipped_dictionaries_and_pairs() {
    IkDictionaries.shared().refresh(Optional.of(Path.of("src/main/config")));
    shipped = T2sMapping.load(Optional.of(Path.of("src/main")), "config/t2s.txt");
  }

  /** What text_index does: news_t2s, then ik_max_word (IK lower-cases by itself). */
  private static Analyzer ikMaxWord() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        return new TokenStreamComponents(new IkTokenizer(IkMode.MAX_WORD, Set.of()));
      }

      @Override
      protected Reader initReader(String field, Reader reader) {
        return new T2sCharFilter(shipped, reader);
      }
    };
  }

  /** What the text.chars analyzer does: standard tokenizer, news_t2s, lowercase. */
  private static Analyzer chars() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer t = new StandardTokenizer();
        return new TokenStreamComponents(t, new LowerCaseFilter(t));
      }

      @Override
      protected Reader initReader(String field, Reader reader) {
        return new T2sCharFilter(shipped, reader);
      }
    };
  }

  private static String filtered(String text) throws IOException {
    StringBuilder out = new StringBuilder();
    try (Reader r = new T2sCharFilter(shipped, new StringReader(text))) {
      char[] buffer = new char[256];
      for (int n; (n = r.read(buffer)) != -1; ) {
        out.append(buffer, 0, n);
      }
    }
    return out.toString();
  }

  @Test
  void traditional_poverty_alleviation_is_one_simplified_token_at_the_printed_offsets() throws IOException {
    assertThat(IkTokenizerTest.tokens(ikMaxWord(), "脫貧攻堅"))
        .contains(new Token("脱贫攻坚", 0, 4, 1))
        .isEqualTo(IkTokenizerTest.tokens(ikMaxWord(), "脱贫攻坚"));
  }

  @Test
  void traditional_text_with_latin_digits_and_punctuation_keeps_every_offset() throws IOException {
    String printed = "2020年，脫貧攻堅戰取得決定性勝利；二十國集團（G20）與COVID-19疫情。";
    String simplified = "2020年，脱贫攻坚战取得决定性胜利；二十国集团（G20）与COVID-19疫情。";
    assertThat(filtered(printed)).isEqualTo(simplified);

    List<Token> tokens = IkTokenizerTest.tokens(ikMaxWord(), printed);
    assertThat(tokens)
        .contains(new Token("2020", 0, 4, 1), new Token("脱贫攻坚战", 6, 11, 1), new Token("胜利", 16, 18, 1),
            new Token("g20", 25, 28, 1), new Token("covid-19", 30, 38, 1))
        .isEqualTo(IkTokenizerTest.tokens(ikMaxWord(), simplified));
    int lastStart = 0;
    for (Token t : tokens) {
      assertThat(t.start()).as("%s", t).isGreaterThanOrEqualTo(lastStart);
      lastStart = t.start();
    }
  }

  @Test
  void the_chars_analyzer_yields_one_simplified_character_per_printed_character() throws IOException {
    assertThat(IkTokenizerTest.tokens(chars(), "「脫貧」攻堅"))
        .containsExactly(new Token("脱", 1, 2, 1), new Token("贫", 2, 3, 1),
            new Token("攻", 4, 5, 1), new Token("坚", 5, 6, 1));
  }

  @Test
  void simplified_text_goes_through_unchanged() throws IOException {
    for (String sentence : IkTokenizerTest.seedSentences()) {
      assertThat(filtered(sentence)).isEqualTo(sentence);
    }
  }

  @Test
  void every_shipped_pair_is_one_character_for_one_character_of_the_same_length() throws IOException {
    List<String> pairs = Files.readAllLines(Path.of("src/main/config/t2s.txt"), StandardCharsets.UTF_8)
        .stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    assertThat(pairs).hasSizeGreaterThan(2500);
    for (String pair : pairs) {
      String[] sides = pair.split("\t");
      assertThat(sides).as(pair).hasSize(2);
      assertThat(sides[0].length()).as(pair).isEqualTo(sides[1].length());
      assertThat(filtered(sides[0])).as(pair).isEqualTo(sides[1]);
    }
  }

  @Test
  void the_same_file_content_is_parsed_once(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("analysis-ik"));
    Files.writeString(dir.resolve("analysis-ik/a.txt"), "# test\n貧\t贫\n");
    Files.writeString(dir.resolve("analysis-ik/b.txt"), "# test\n貧\t贫\n");
    T2sMapping a = T2sMapping.load(Optional.of(dir), "analysis-ik/a.txt");
    assertThat(T2sMapping.load(Optional.of(dir), "analysis-ik/b.txt")).isSameAs(a);
    Files.writeString(dir.resolve("analysis-ik/b.txt"), "# test\n貧\t贫\n堅\t坚\n");
    assertThat(T2sMapping.load(Optional.of(dir), "analysis-ik/b.txt")).isNotSameAs(a);
  }

  @Test
  void a_bad_pair_or_a_path_outside_the_config_folder_fails_with_what_to_change(@TempDir Path dir)
      throws IOException {
    Files.writeString(dir.resolve("bad.txt"), "脫貧\t脱贫\n");
    assertThatThrownBy(() -> T2sMapping.load(Optional.of(dir), "bad.txt"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 1");
    assertThatThrownBy(() -> T2sMapping.load(Optional.of(dir), "../t2s.txt"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inside the node config folder");
    assertThatThrownBy(() -> T2sMapping.load(Optional.of(dir), "missing.txt"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not found");
  }

  @Test
  void the_table_filter_gives_lucenes_mapping_char_filter_text_on_seed_pages_and_random_text()
      throws IOException {
    NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
    shipped.pairs().forEach(builder::add);
    NormalizeCharMap lucene = builder.build();
    List<String> texts = new ArrayList<>();
    try (Stream<Path> pages = Files.list(Path.of("../seeds"))) {
      for (Path page : pages.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        texts.add(Files.readString(page, StandardCharsets.UTF_8));
      }
    }
    // random text drawn from traditional characters (some outside the BMP), their pairs, Latin,
    // punctuation and lone surrogate halves
    List<String> keys = new ArrayList<>(shipped.pairs().keySet());
    List<String> pieces = new ArrayList<>(keys);
    pieces.addAll(shipped.pairs().values());
    pieces.addAll(List.of("a", "Z", "9", " ", "\n", "，", "（", "\uD840", "\uDC00", "\uD83D\uDE00"));
    Random random = new Random(12);
    for (int i = 0; i < 2000; i++) {
      StringBuilder text = new StringBuilder();
      for (int n = random.nextInt(40); n > 0; n--) {
        text.append(pieces.get(random.nextInt(pieces.size())));
      }
      texts.add(text.toString());
    }
    assertThat(keys).anyMatch(k -> k.length() == 2); // pairs outside the BMP are exercised
    for (String text : texts) {
      assertThat(readAll(new T2sCharFilter(shipped, new StringReader(text)), 7))
          .isEqualTo(readAll(new MappingCharFilter(lucene, new StringReader(text)), 4096));
    }
  }

  private static String readAll(Reader reader, int chunk) throws IOException {
    StringBuilder out = new StringBuilder();
    try (reader) {
      char[] buffer = new char[chunk];
      for (int n; (n = reader.read(buffer)) != -1; ) {
        out.append(buffer, 0, n);
      }
    }
    return out.toString();
  }
}
