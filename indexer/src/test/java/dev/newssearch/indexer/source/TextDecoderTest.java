package dev.newssearch.indexer.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TextDecoderTest {
  private static final String TEXT = "新华社北京3月27日电 国家主席\r\n习近平27日晚同沙特国王萨勒曼通电话。\r\n";

  private static DecodedFile decode(byte[] bytes) throws UndecodableFileException {
    return TextDecoder.decode(new RawFile("x.txt", Path.of("x.txt"), bytes, dev.newssearch.core.hash.Sha256.hex(bytes)));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void gb18030_files_are_detected_and_decoded() throws Exception {
    DecodedFile d = decode(TEXT.getBytes(Charset.forName("GB18030")));
    assertThat(d.charset()).isEqualTo("GB18030");
    assertThat(d.text()).isEqualTo("新华社北京3月27日电 国家主席\n习近平27日晚同沙特国王萨勒曼通电话。\n");
  }

  @Test
  void utf8_with_bom_and_utf16_with_bom_are_decoded() throws Exception {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    assertThat(decode(concat(bom, TEXT.getBytes(StandardCharsets.UTF_8))).text()).startsWith("新华社北京");
    byte[] le = {(byte) 0xFF, (byte) 0xFE};
    DecodedFile d = decode(concat(le, TEXT.getBytes(StandardCharsets.UTF_16LE)));
    assertThat(d.charset()).isEqualTo("UTF-16LE");
    assertThat(d.text()).doesNotContain("\r").startsWith("新华社北京");
  }

  @Test
  void utf16_without_bom_is_recognised_by_its_zero_bytes() throws Exception {
    String ascii = "Xinhua Beijing March 27 report, G20 summit COVID-19 press release text.\n".repeat(5);
    assertThat(decode(ascii.getBytes(StandardCharsets.UTF_16LE)).text()).startsWith("Xinhua Beijing");
  }

  @Test
  void whitespace_oddities_and_fullwidth_letters_are_normalised_but_chinese_punctuation_stays() throws Exception {
    String raw = "新华社北京2月23日电\u00a0\u00a0统筹推进\n\t\n\u3000\u3000ＣＯＶＩＤ－１９　疫情，２０２０年。\r";
    DecodedFile d = decode(raw.getBytes(StandardCharsets.UTF_8));
    // the paragraph indent stays as one mark (two ideographic spaces): the normalize stage reads paragraph starts from it
    assertThat(d.text()).isEqualTo("新华社北京2月23日电  统筹推进\n\n\u3000\u3000COVID－19 疫情，2020年。\n");
  }

  @Test
  void one_leading_ideographic_space_is_the_separator_a_wrap_moved_not_a_paragraph_indent() throws Exception {
    String raw = "本报北京3月27日电\n\u3000记者王泽勇报道：统筹推进\n\u3000\u3000疫情防控。\n";
    assertThat(decode(raw.getBytes(StandardCharsets.UTF_8)).text())
        .isEqualTo("本报北京3月27日电\n记者王泽勇报道：统筹推进\n\u3000\u3000疫情防控。\n");
  }

  @Test
  void traditional_characters_are_kept_as_printed() throws Exception {
    assertThat(decode("習近平強調，堅決打贏脫貧攻堅戰。".getBytes(StandardCharsets.UTF_8)).text()).isEqualTo("習近平強調，堅決打贏脫貧攻堅戰。");
  }

  @Test
  void binary_content_is_rejected_with_the_file_name_and_reason() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 0, 0, 1, 0, 0, 0, 1,
        0, 8, 6, 0, 0, 0, 0x5C, 0x72, (byte) 0xA8, 0x66, 0, 0, 0, 1, 0, 0, 0, 0, 0, 3, 4};
    assertThatThrownBy(() -> decode(png)).isInstanceOf(UndecodableFileException.class).hasMessageContaining("x.txt");
  }
}
