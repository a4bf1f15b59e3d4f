package dev.newssearch.indexer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newssearch.core.schema.ParagraphDoc;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NearDuplicatesTest {

  @Test
  void exact_reprints_of_a_page_join_the_groups_of_the_first_copy_including_merged_near_duplicates()
      throws IOException {
    List<FileResult> once = Pipeline.create(PipelineOptions.DEFAULTS).processFolder(Path.of("../seeds"));
    List<FileResult> thrice = new ArrayList<>();
    for (int copy = 0; copy < 3; copy++) {
      thrice.addAll(once);
    }

    List<FileResult> merged = NearDuplicates.merge(thrice);

    // once is already merged by processFolder: its groups (near-duplicates joined) are the reference
    List<String> reference = groups(once);
    assertThat(groups(merged.subList(0, once.size()))).isEqualTo(reference);
    assertThat(groups(merged.subList(once.size(), 2 * once.size()))).isEqualTo(reference);
    assertThat(groups(merged.subList(2 * once.size(), 3 * once.size()))).isEqualTo(reference);
  }

  private static List<String> groups(List<FileResult> results) {
    return results.stream().flatMap(r -> r.docs().stream()).map(ParagraphDoc::dupGroup).toList();
  }
}
