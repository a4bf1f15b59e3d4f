package dev.newssearch.indexer.enrich;

/**
 * The enrich stage: persons, places and organisations mentioned in a reflowed paragraph.
 * Placeholder contract; the real recogniser (HanLP + rules + curated data files) replaces the body.
 */
public final class EntityRecognizer {

  /** Loads the recogniser with the project's data files (known persons, rejections, roles, …). */
  public static EntityRecognizer loadDefault() {
    return new EntityRecognizer();
  }

  public Entities recognize(String paragraphText) {
    return Entities.NONE;
  }
}
