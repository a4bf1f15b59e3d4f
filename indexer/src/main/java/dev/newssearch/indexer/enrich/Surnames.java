package dev.newssearch.indexer.enrich;

import java.util.Set;

/** The surname list the recogniser uses, for code outside enrich that reads credits (the evaluation's simple reflow). */
public final class Surnames {
  private Surnames() {}

  public static Set<String> load() {
    return Set.copyOf(Resources.words("general/surnames.txt"));
  }
}
