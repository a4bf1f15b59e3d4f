package dev.newssearch.indexer.enrich;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fixed set of phrases found in one pass over a text (HanLP's Aho-Corasick double-array trie): for each
 * position, the longest phrase that starts there and the longest that ends there.
 */
final class Phrases {

  /** Longest phrase starting at and ending at each position of one text; -1 where none. */
  record Marks(int[] longestStartingAt, int[] longestEndingAt) {
    boolean startsAt(int at) {
      return at >= 0 && at < longestStartingAt.length && longestStartingAt[at] > 0;
    }

    boolean endsAt(int at) {
      return at > 0 && at <= longestStartingAt.length && longestEndingAt[at] > 0;
    }

    int lengthStartingAt(int at) {
      return at >= 0 && at < longestStartingAt.length ? longestStartingAt[at] : 0;
    }
  }

  private final AhoCorasickDoubleArrayTrie<String> trie = new AhoCorasickDoubleArrayTrie<>();
  private final boolean empty;

  Phrases(Collection<String> phrases) {
    TreeMap<String, String> map = new TreeMap<>();
    for (String phrase : phrases) {
      if (!phrase.isEmpty()) {
        map.put(phrase, phrase);
      }
    }
    empty = map.isEmpty();
    if (!empty) {
      trie.build(map);
    }
  }

  static Phrases of(Map<String, String> spellings) {
    return new Phrases(spellings.keySet());
  }

  /** Where a phrase occurs: the hits the filter keeps. */
  interface Filter {
    boolean keep(int begin, int end);
  }

  Marks mark(String text, Filter filter) {
    int[] starting = new int[text.length() + 1];
    int[] ending = new int[text.length() + 1];
    if (!empty) {
      trie.parseText(text, (begin, end, value) -> {
        if (!filter.keep(begin, end)) {
          return;
        }
        int length = end - begin;
        starting[begin] = Math.max(starting[begin], length);
        ending[end] = Math.max(ending[end], length);
      });
    }
    return new Marks(starting, ending);
  }

  /** Every occurrence, as begin/end pairs through the callback. */
  void each(String text, AhoCorasickDoubleArrayTrie.IHit<String> hit) {
    if (!empty) {
      trie.parseText(text, hit);
    }
  }
}
