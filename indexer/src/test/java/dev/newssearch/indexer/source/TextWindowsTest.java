package dev.newssearch.indexer.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file read in windows is the text {@link TextDecoder#decode} gives it whole, in every encoding it accepts. */
class TextWindowsTest {
  private static final Path SEED = Path.of("../seeds/000_1132cb0b81b05dee.txt");

  /** Windows of a file, cut anywhere (the line after the first three quarters). */
  private static List<TextWindows.Window> windows(Path file, int chars) throws Exception {
    List<TextWindows.Window> out = new ArrayList<>();
    TextWindows.open(file, line -> { }).forEach(chars, (lines, from, breaks) -> from, out::add);
    return out;
  }

  private static String whole(Path file) throws Exception {
    return TextDecoder.decode(TextDecoder.read(file)).text();
  }

  @Test
  void a_seed_in_gb18030_with_crlf_line_ends_read_in_windows_is_the_text_decoded_whole(@TempDir Path dir)
      throws Exception {
    String seed = Files.readString(SEED);
    Path gb = dir.resolve("gb.txt");
    Files.write(gb, seed.replace("\n", "\r\n").getBytes(Charset.forName("GB18030")));
    Path le = dir.resolve("le.txt");
    byte[] body = seed.replace("\n", "\r").getBytes(StandardCharsets.UTF_16LE);
    byte[] bom = {(byte) 0xFF, (byte) 0xFE};
    byte[] both = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, both, 0, 2);
    System.arraycopy(body, 0, both, 2, body.length);
    Files.write(le, both);
    for (Path file : List.of(SEED, gb, le)) {
      List<TextWindows.Window> ws = windows(file, 2_000);
      assertThat(ws).as(file.toString()).hasSizeGreaterThan(3);
      assertThat(String.join("\n", ws.stream().map(TextWindows.Window::text).toList())).as(file.toString())
          .isEqualTo(whole(file));
      TextWindows opened = TextWindows.open(file, line -> { });
      assertThat(opened.charset()).isEqualTo(TextDecoder.decode(TextDecoder.read(file)).charset());
      assertThat(opened.sha256()).isEqualTo(TextDecoder.read(file).sha256());
    }
  }

  @Test
  void each_window_says_how_many_lines_of_the_file_come_before_it() throws Exception {
    List<String> lines = List.of(whole(SEED).split("\n", -1));
    int before = 0;
    for (TextWindows.Window w : windows(SEED, 3_000)) {
      assertThat(w.firstLine()).isEqualTo(before);
      List<String> own = List.of(w.text().split("\n", -1));
      assertThat(lines.subList(before, before + own.size())).isEqualTo(own);
      before += own.size();
    }
    assertThat(before).isEqualTo(lines.size());
  }

  @Test
  void a_binary_file_is_refused_before_any_window_with_the_reason_decode_gives(@TempDir Path dir) throws IOException {
    byte[] binary = new byte[200_000];
    new Random(7).nextBytes(binary);
    Path file = dir.resolve("binary.txt");
    Files.write(file, binary);
    String reason;
    try {
      TextDecoder.decode(TextDecoder.read(file));
      throw new AssertionError("decoded random bytes");
    } catch (UndecodableFileException e) {
      reason = e.getMessage();
    }
    assertThatThrownBy(() -> TextWindows.open(file, line -> { })).isInstanceOf(UndecodableFileException.class)
        .hasMessage(reason);
  }

  @Test
  void a_form_feed_marks_the_line_after_a_page_break_though_cleaning_removes_it(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("pages.txt");
    Files.writeString(file, "第一版的最后一句。\n\f本报讯 第二版的第一句。\n第二版的第二句。\n");
    List<Integer> cutAt = new ArrayList<>();
    List<TextWindows.Window> out = new ArrayList<>();
    TextWindows.open(file, line -> { }).forEach(12, (lines, from, breaks) -> {
      cutAt.add(breaks.nextSetBit(0));
      return Math.max(from, breaks.nextSetBit(0));
    }, out::add);
    assertThat(cutAt.get(0)).isEqualTo(1);
    assertThat(out.get(0).text()).isEqualTo("第一版的最后一句。");
    assertThat(out.get(1).text()).startsWith("本报讯 第二版的第一句。");
  }
}
