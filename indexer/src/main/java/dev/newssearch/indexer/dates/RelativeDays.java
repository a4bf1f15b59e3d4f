package dev.newssearch.indexer.dates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 昨天, 今天, 前天, 明天 (and 昨日, 今日, 明日) against the day a story is dated, where that is safe: the word
 * must be a point in time, i.e. followed by a time of day, a comma or the verb of the event
 * ({@code 昨天下午}, {@code 今天，}, {@code 昨日召开}), never a name or a figure of speech ({@code 今日头条},
 * {@code 今天的中国}). {@code 日前} ("recently") and {@code 近日} name no day and are never resolved.
 */
public final class RelativeDays {
  private static final Pattern WORD = Pattern.compile(
      "(?<![《“])(前天|昨天|昨日|今天|今日|明天|明日)"
          + "(?=上午|下午|晚上|晚间|凌晨|早上|早晨|清晨|中午|傍晚|夜间|夜里|白天|一早|[，,晚在起将召举发宣公表正开]|是)");

  private RelativeDays() {}

  /** The days the words of {@code text} name, counted from {@code storyDate}; empty when it is null. */
  public static List<LocalDate> find(String text, LocalDate storyDate) {
    List<LocalDate> out = new ArrayList<>();
    if (storyDate == null) return out;
    Matcher m = WORD.matcher(text);
    while (m.find()) out.add(storyDate.plusDays(offset(m.group(1))));
    return out;
  }

  private static int offset(String word) {
    return switch (word.charAt(0)) {
      case '前' -> -2;
      case '昨' -> -1;
      case '今' -> 0;
      default -> 1;
    };
  }
}
