package dev.newssearch.api.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch._types.FieldValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class CursorTest {
  @Test
  void a_cursor_survives_the_round_trip() {
    Cursor c = new Cursor(SortOrder.DATE_DESC,
        List.of(FieldValue.of(1585267200000L), FieldValue.of(1.5), FieldValue.of("p-1"), FieldValue.NULL));
    Cursor back = Cursor.decode(c.encode());
    assertThat(back.sort()).isEqualTo(SortOrder.DATE_DESC);
    assertThat(back.after()).extracting(FieldValue::_kind).containsExactly(
        FieldValue.Kind.Long, FieldValue.Kind.Double, FieldValue.Kind.String, FieldValue.Kind.Null);
    assertThat(back.after().get(0).longValue()).isEqualTo(1585267200000L);
    assertThat(c.encode()).matches("[A-Za-z0-9_-]+");
  }

  @Test
  void garbage_is_not_a_cursor() {
    assertThatThrownBy(() -> Cursor.decode("not-a-cursor!")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Cursor.decode("e30")).isInstanceOf(IllegalArgumentException.class);
  }
}
