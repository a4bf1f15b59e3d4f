package dev.newssearch.analysis.ik;

import java.util.Set;

/**
 * The words IK found in the last texts this thread segmented, so that a second analyzer over the
 * same text takes them instead of segmenting it again.
 *
 * <p>Why: the schema analyses a paragraph with {@code ik_max_word} twice, for {@code text} and for
 * its {@code text.terms} sub-field (same char filter, so the same characters reach IK). Lucene
 * inverts a document's fields one after the other on one indexing thread, so the second analysis
 * follows the first on the same thread; and IK is the slowest step of analysis (about 0.4 µs per
 * character, 2.2 s of CPU for one pass over seeds ×100, against 0.2 s for the standard tokenizer).
 * A thread-local memory needs no lock and dies with the thread.
 *
 * <p>A text's words depend on the text, the mode, the stop words and the dictionary; all four are
 * the key, the dictionary by {@link IkDictionaries#generation()}, so words added between two
 * analyses make the next one segment afresh.
 */
final class IkReplay {

  /** One word as {@link IkTokenizer} emits it; offsets in the char-filtered text. */
  record Word(String text, int start, int end, int positionIncrement, String type) {}

  /** What IK made of one text: its words and the position gap after the last one. */
  record Segmentation(Word[] words, int trailingGap) {}

  /** Texts longer than this are not kept: a paragraph is a few hundred characters. */
  static final int MAX_KEPT_CHARS = 1 << 15;

  /** Two: the second analysis of a text comes right after the first, or after one title. */
  private static final int KEPT = 2;

  private static final ThreadLocal<IkReplay> PER_THREAD = ThreadLocal.withInitial(IkReplay::new);

  private final Key[] keys = new Key[KEPT];
  private final Segmentation[] kept = new Segmentation[KEPT];
  private long replayed;

  private record Key(IkMode mode, Set<String> stopwords, long generation, String text) {
    boolean matches(IkMode mode, Set<String> stopwords, long generation, String text) {
      return this.mode == mode
          && this.generation == generation
          && this.text.equals(text)
          && (this.stopwords == stopwords || this.stopwords.equals(stopwords));
    }
  }

  private IkReplay() {}

  static IkReplay ofThisThread() {
    return PER_THREAD.get();
  }

  /** The words of the same text, segmented the same way on this thread lately; null if none. */
  Segmentation find(IkMode mode, Set<String> stopwords, long generation, String text) {
    for (int i = 0; i < KEPT; i++) {
      Key key = keys[i];
      if (key != null && key.matches(mode, stopwords, generation, text)) {
        replayed++;
        return kept[i];
      }
    }
    return null;
  }

  void keep(IkMode mode, Set<String> stopwords, long generation, String text, Segmentation words) {
    if (text.length() > MAX_KEPT_CHARS) {
      return;
    }
    for (int i = KEPT - 1; i > 0; i--) {
      keys[i] = keys[i - 1];
      kept[i] = kept[i - 1];
    }
    keys[0] = new Key(mode, stopwords, generation, text);
    kept[0] = words;
  }

  /** How many analyses this thread took from memory (for tests). */
  long replayed() {
    return replayed;
  }
}
