package dev.newssearch.analysis.ik;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * Solr-format synonym rules ({@code 世卫组织, 世界卫生组织}) turned into a Lucene {@link SynonymMap}.
 *
 * <p>Rules are split on whitespace, not run through IK: a rule term must match one IK token, so
 * every term is also added to IK's dictionary (see {@link #words()}). Otherwise IK could cut
 * 世界卫生组织 into 世界 / 卫生组织 and the rule would never fire.
 */
record SynonymRules(String text) {

  static SynonymRules load(Optional<Path> esConfigDir, String relativePath, List<String> inline) {
    StringBuilder text = new StringBuilder();
    if (relativePath != null && !relativePath.isBlank()) {
      Path base = esConfigDir.orElseThrow(() -> new IllegalArgumentException(
          "synonyms_path [" + relativePath + "] needs the node config folder (es.path.conf), "
              + "which is unknown here; use inline 'synonyms' instead"));
      Path file = base.resolve(relativePath).normalize();
      if (!file.startsWith(base.normalize())) {
        throw new IllegalArgumentException(
            "synonyms_path must stay inside the node config folder " + base + ", got: " + relativePath);
      }
      try {
        text.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
      } catch (NoSuchFileException e) {
        throw new IllegalArgumentException("synonyms_path file not found: " + file, e);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read synonyms_path file " + file + ": " + e, e);
      }
    }
    inline.forEach(rule -> text.append(rule).append('\n'));
    String rules = text.toString();
    if (!rules.isEmpty() && rules.charAt(0) == '\uFEFF') {
      rules = rules.substring(1);
    }
    return new SynonymRules(rules);
  }

  /** Every term of every rule, lower-cased, so IK keeps each as one token. */
  Set<String> words() {
    Set<String> words = new LinkedHashSet<>();
    for (String line : text.split("\r?\n")) {
      String rule = line.strip();
      if (rule.isEmpty() || rule.startsWith("#")) {
        continue;
      }
      for (String side : rule.split("=>")) {
        for (String term : side.split(",")) {
          for (String word : term.strip().split("\\s+")) {
            if (!word.isEmpty()) {
              words.add(word.toLowerCase());
            }
          }
        }
      }
    }
    return words;
  }

  SynonymMap toMap(boolean expand) {
    try (Analyzer analyzer = new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new WhitespaceTokenizer();
            return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
          }
        }) {
      SolrSynonymParser parser = new SolrSynonymParser(true, expand, analyzer);
      parser.parse(new StringReader(text));
      return parser.build();
    } catch (ParseException e) {
      throw new IllegalArgumentException("bad synonym rule near line " + e.getErrorOffset() + ": "
          + e.getMessage(), e);
    } catch (IOException e) {
      throw new IllegalStateException("cannot build synonym map", e);
    }
  }
}
