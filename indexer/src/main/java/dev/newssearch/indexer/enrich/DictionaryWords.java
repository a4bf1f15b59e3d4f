package dev.newssearch.indexer.enrich;

import dev.newssearch.core.schema.DictionaryNames;
import dev.newssearch.core.schema.ParagraphDoc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The words the IK analyzer must keep whole: every person, reporter, place and organisation accepted in a
 * run, plus the maintained {@code domain_terms.txt}. Written sorted, one word a line, UTF-8, so the file (and
 * its hash) only changes when the words do. The index stage copies it to the node's
 * {@code config/analysis-ik/learned_names.dic}.
 */
public final class DictionaryWords {

  private final SortedSet<String> domainTerms;

  private DictionaryWords(SortedSet<String> domainTerms) {
    this.domainTerms = domainTerms;
  }

  /** Loads the maintained domain terms from {@code enrich/domain_terms.txt}. */
  public static DictionaryWords loadDefault() {
    return new DictionaryWords(Collections.unmodifiableSortedSet(new TreeSet<>(Resources.lines("general/domain_terms.txt"))));
  }

  /** Every name found in the documents plus the domain terms, sorted. */
  public SortedSet<String> words(Collection<ParagraphDoc> docs) {
    SortedSet<String> words = new TreeSet<>(domainTerms);
    for (ParagraphDoc doc : docs) {
      addAll(words, doc.persons());
      addAll(words, doc.reporters());
      addAll(words, doc.places());
      addAll(words, doc.organizations());
    }
    return Collections.unmodifiableSortedSet(words);
  }

  /** Writes {@link #words} as an IK {@code .dic} file and returns the words written. */
  public SortedSet<String> write(Collection<ParagraphDoc> docs, Path dicFile) {
    SortedSet<String> words = words(docs);
    try {
      Path parent = dicFile.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      StringBuilder out = new StringBuilder();
      words.forEach(w -> out.append(w).append('\n'));
      Files.writeString(dicFile, out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write IK dictionary " + dicFile, e);
    }
    return words;
  }

  private static void addAll(SortedSet<String> words, Collection<String> names) {
    for (String name : names) {
      String word = DictionaryNames.word(name);
      if (word != null) {
        words.add(word);
      }
    }
  }
}
