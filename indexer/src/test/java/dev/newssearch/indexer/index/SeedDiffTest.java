package dev.newssearch.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeedDiffTest {
  private static SeedFile file(String name, String hash) {
    return new SeedFile(name, Path.of(name), hash, 1);
  }

  @Test
  void files_are_sorted_into_added_changed_removed_and_unchanged_by_their_hash() {
    var indexed = Map.of("a.txt", "h1", "b.txt", "h2", "c.txt", "h3");
    var seeds = Map.of("a.txt", file("a.txt", "h1"), "b.txt", file("b.txt", "CHANGED"), "d.txt", file("d.txt", "h4"));

    SeedDiff diff = SeedDiff.of(indexed, new java.util.TreeMap<>(seeds));

    assertThat(diff.unchanged()).containsExactly("a.txt");
    assertThat(diff.changed()).containsExactly("b.txt");
    assertThat(diff.removed()).containsExactly("c.txt");
    assertThat(diff.added()).containsExactly("d.txt");
    assertThat(diff.inSync()).isFalse();
  }

  @Test
  void the_same_files_with_the_same_bytes_are_in_sync() {
    assertThat(SeedDiff.of(Map.of("a.txt", "h1"), Map.of("a.txt", file("a.txt", "h1"))).inSync()).isTrue();
  }

  @Test
  void editor_backups_and_hidden_files_are_not_seeds() {
    assertThat(SeedFile.isSeedName("000_x.txt")).isTrue();
    assertThat(SeedFile.isSeedName(".000_x.txt.swp")).isFalse();
    assertThat(SeedFile.isSeedName("000_x.txt~")).isFalse();
  }

  @Test
  void versioned_index_names_sort_in_creation_order_and_belong_to_their_alias_only() {
    var early = IndexAdmin.versionedName("news", java.time.Instant.parse("2026-11-22T09:59:59.999Z"));
    var late = IndexAdmin.versionedName("news", java.time.Instant.parse("2026-11-22T10:00:00.000Z"));
    assertThat(early).isEqualTo("news-v20261122-095959-999").isLessThan(late);
    assertThat(IndexAdmin.isVersionOf("news", late)).isTrue();
    assertThat(IndexAdmin.isVersionOf("news-paragraphs", late)).isFalse();
    assertThat(IndexAdmin.isVersionOf("news", "news-manifest")).isFalse();
  }
}
