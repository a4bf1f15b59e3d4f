package dev.newssearch.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedFileTest {
  @TempDir Path tmp;

  @Test
  void fifos_dangling_links_links_out_of_the_folder_and_oversized_files_are_skipped_with_their_reason()
      throws Exception {
    Path seeds = Files.createDirectories(tmp.resolve("seeds"));
    Files.writeString(seeds.resolve("001_good.txt"), "新华社北京3月27日电　正文。\n", StandardCharsets.UTF_8);
    Files.writeString(seeds.resolve("002_big.txt"), "大".repeat(400_000), StandardCharsets.UTF_8);
    Path outside = Files.writeString(tmp.resolve("outside.txt"), "外部文字。", StandardCharsets.UTF_8);
    Files.createSymbolicLink(seeds.resolve("003_outside.txt"), outside);
    Files.createSymbolicLink(seeds.resolve("004_dangling.txt"), tmp.resolve("missing.txt"));
    Files.createSymbolicLink(seeds.resolve("005_inside.txt"), seeds.resolve("001_good.txt"));
    assertThat(new ProcessBuilder("mkfifo", seeds.resolve("006_fifo.txt").toString()).start().waitFor()).isZero();
    Files.createDirectories(seeds.resolve("007_folder"));

    SeedFile.Scan scan = SeedFile.scan(seeds, new IndexOptions.FileRules(1024 * 1024, false));

    assertThat(scan.files().keySet()).containsExactly("001_good.txt", "005_inside.txt");
    assertThat(scan.skipped()).containsOnlyKeys("002_big.txt", "003_outside.txt", "004_dangling.txt", "006_fifo.txt");
    assertThat(scan.skipped().get("002_big.txt")).contains("above the limit of 1 MB");
    assertThat(scan.skipped().get("003_outside.txt")).contains("outside the seeds folder");
    assertThat(scan.skipped().get("004_dangling.txt")).startsWith("dangling symbolic link");
    assertThat(scan.skipped().get("006_fifo.txt")).startsWith("not a regular file");
    assertThat(scan.files().get("001_good.txt").sha256()).isEqualTo(scan.files().get("005_inside.txt").sha256());
  }

  @Test
  void a_link_out_of_the_folder_is_followed_only_when_allowed() throws Exception {
    Path seeds = Files.createDirectories(tmp.resolve("seeds"));
    Path outside = Files.writeString(tmp.resolve("outside.txt"), "外部文字。", StandardCharsets.UTF_8);
    Files.createSymbolicLink(seeds.resolve("003_outside.txt"), outside);

    SeedFile.Scan scan = SeedFile.scan(seeds, new IndexOptions.FileRules(1024 * 1024, true));

    assertThat(scan.files()).containsOnlyKeys("003_outside.txt");
    assertThat(scan.skipped()).isEmpty();
  }
}
