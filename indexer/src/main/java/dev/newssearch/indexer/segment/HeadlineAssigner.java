package dev.newssearch.indexer.segment;

import dev.newssearch.indexer.normalize.Block;
import dev.newssearch.indexer.normalize.Drop;
import dev.newssearch.indexer.normalize.Text;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Second segment part: gives each headline line to a story. Headlines are not trusted to precede their
 * story (pages print them after it, or grouped at the top): a line goes to the story whose body shares most
 * of its character pairs, each pair weighted by its rarity among the page's stories (ln((n+1)/(df+½))),
 * plus the position bonuses of {@link HeadlineWeights}. Web text (one paragraph per line) puts the headline
 * before its story, so there position alone decides. A date line, an author line, a "——" subtitle or a
 * line built like the previous one follows the previous line of its group. A line matching no story is
 * reported as an unplaced headline, never silently lost.
 */
final class HeadlineAssigner {
  private static final Pattern NAME_LINE = Pattern.compile("^\\p{IsHan}{2,3}$");

  private final HeadlineWeights weights;

  HeadlineAssigner(HeadlineWeights weights) {
    this.weights = weights;
  }

  record Result(List<Draft> drafts, List<Drop> drops) {
    Result {
      drafts = List.copyOf(drafts);
      drops = List.copyOf(drops);
    }
  }

  Result assign(List<Block> blocks, List<Integer> headingBlocks, List<Draft> input, boolean webText) {
    List<Draft> drafts = new ArrayList<>(input);
    List<Drop> drops = new ArrayList<>();
    if (drafts.isEmpty()) {
      for (int hb : headingBlocks) drops.add(new Drop(blocks.get(hb).firstLine(), Drop.Reason.UNPLACED_HEADLINE,
          blocks.get(hb).text()));
      return new Result(drafts, drops);
    }
    int n = drafts.size();
    PairSet[] bodies = new PairSet[n];
    for (int i = 0; i < n; i++) bodies[i] = PairSet.of(drafts.get(i).texts());
    Positions pos = Positions.of(blocks);
    int[] starts = drafts.stream().mapToInt(Draft::startBlock).toArray();
    int order = 0;
    int prevRun = -1;
    int prevDraft = -1;
    String prevLine = null;
    for (int hb : headingBlocks) {
      int run = pos.runStart[hb];
      if (run != prevRun) {
        prevDraft = -1;
        prevLine = null;
      }
      prevRun = run;
      for (String line : headingLines(blocks.get(hb))) {
        order++;
        String previousLine = prevLine;
        prevLine = line;
        if (prevDraft >= 0 && (LeadParser.FULL_DATE_LINE.matcher(line).matches() || NAME_LINE.matcher(line).matches()
            || line.startsWith("——") || parallel(previousLine, line))) {
          Draft d = drafts.get(prevDraft);
          drafts.set(prevDraft, d.withHeading(new Draft.Heading(run, order, line, inside(hb, d), 1,
              blocks.get(hb).firstLine())));
          continue;
        }
        int[] lg = bigrams(line);
        double[] lw = weights(lg, bodies);
        int next = pos.nextBody[hb];
        int prev = pos.prevBody[hb];
        // stories are in block order: the line sits before story k
        int k = Arrays.binarySearch(starts, hb + 1);
        if (k < 0) k = -k - 1;
        int from = Math.max(0, k - weights.window());
        int to = Math.min(n, k + weights.window());
        int best = -1;
        double bestScore = -1;
        boolean bestInside = false;
        for (int i = from; i < to; i++) {
          Draft d = drafts.get(i);
          boolean before = next == d.startBlock();
          boolean after = prev == d.endBlock();
          boolean inside = inside(hb, d);
          double score;
          if (line.endsWith("篇")) {
            // a series label ("…英雄·下沉干部篇") sits wherever the layout had room: content decides alone
            score = overlap(lg, lw, bodies[i]);
          } else if (webText) {
            score = before ? 1 : 0;
          } else {
            score = overlap(lg, lw, bodies[i]) + (before ? weights.before() : 0) + (after ? weights.after() : 0)
                + (inside ? weights.inside() : 0) + (i == prevDraft ? weights.sameGroup() : 0);
          }
          if (score > bestScore) {
            bestScore = score;
            best = i;
            bestInside = inside;
          }
        }
        if (best >= 0 && bestScore >= weights.minimum()) {
          drafts.set(best, drafts.get(best).withHeading(new Draft.Heading(run, order, line, bestInside, bestScore,
              blocks.get(hb).firstLine())));
          prevDraft = best;
        } else {
          drops.add(new Drop(blocks.get(hb).firstLine(), Drop.Reason.UNPLACED_HEADLINE, line));
        }
      }
    }
    return new Result(drafts, drops);
  }

  private static boolean inside(int hb, Draft d) {
    return hb > d.startBlock() && hb < d.endBlock();
  }

  /** Per block: the first block of its headline run, and the nearest non-headline blocks after and before. */
  private record Positions(int[] runStart, int[] nextBody, int[] prevBody) {
    static Positions of(List<Block> blocks) {
      int b = blocks.size();
      int[] run = new int[b];
      int[] next = new int[b];
      int[] prev = new int[b];
      for (int i = 0; i < b; i++) {
        run[i] = i > 0 && isHeadlineLike(blocks.get(i - 1)) ? run[i - 1] : i;
        prev[i] = i == 0 ? -1 : isHeadlineLike(blocks.get(i - 1)) ? prev[i - 1] : i - 1;
      }
      for (int i = b - 1; i >= 0; i--) {
        next[i] = i == b - 1 ? -1 : isHeadlineLike(blocks.get(i + 1)) ? next[i + 1] : i + 1;
      }
      return new Positions(run, next, prev);
    }
  }

  /** Two short headline lines built alike ("坚决克服… / 坚决夺取…") are one headline's title and subtitle. */
  private static boolean parallel(String previous, String line) {
    return previous != null && previous.length() >= 4 && line.length() >= 4 && previous.length() <= 14
        && line.length() <= 14 && previous.regionMatches(0, line, 0, 2) && previous.indexOf('，') < 0
        && line.indexOf('，') < 0;
  }

  private static boolean isHeadlineLike(Block b) {
    return b.kind() == Block.Kind.HEADING || LeadParser.FULL_DATE_LINE.matcher(b.text()).matches();
  }

  /** Lines of a headline block; a line ending in a comma continues on the next one (a two-line subtitle). */
  static List<String> headingLines(Block block) {
    List<String> out = new ArrayList<>();
    String pending = "";
    for (String l : block.lines()) {
      pending = Text.join(pending, l);
      char last = pending.charAt(pending.length() - 1);
      if (last != '，' && last != '、') {
        out.add(pending);
        pending = "";
      }
    }
    if (!pending.isEmpty()) out.add(pending);
    return out;
  }

  /** Distinct pairs of adjacent Han characters, letters or digits, each packed into an int, sorted. */
  static int[] bigrams(String s) {
    int[] out = new int[Math.max(0, s.length() - 1)];
    int count = 0;
    int prev = -1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Text.isHan(c) && !Character.isLetterOrDigit(c)) continue;
      if (prev >= 0 && prev == i - 1) out[count++] = (s.charAt(i - 1) << 16) | c;
      prev = i;
    }
    Arrays.sort(out, 0, count);
    int distinct = 0;
    for (int i = 0; i < count; i++) if (distinct == 0 || out[i] != out[distinct - 1]) out[distinct++] = out[i];
    return Arrays.copyOf(out, distinct);
  }

  /** Rarity of each pair among the page's n stories: ln((n+1)/(df+½)). */
  private static double[] weights(int[] line, PairSet[] bodies) {
    int n = bodies.length;
    double[] w = new double[line.length];
    for (int i = 0; i < line.length; i++) {
      int df = 0; // the stories holding the pair: looked up for the line's few pairs, not counted for every pair of every story
      for (PairSet body : bodies) if (body.contains(line[i])) df++;
      w[i] = Math.log((n + 1.0) / (df + 0.5));
    }
    return w;
  }

  private static double overlap(int[] line, double[] weights, PairSet body) {
    if (line.length == 0) return 0;
    double total = 0;
    double hit = 0;
    for (int i = 0; i < line.length; i++) {
      total += weights[i];
      if (body.contains(line[i])) hit += weights[i];
    }
    return total <= 0 ? 0 : hit / total;
  }

  /**
   * A story's pairs of adjacent characters (as {@link #bigrams} packs them) in an open-addressing hash set: a
   * story has thousands of pairs and is asked about a headline's few, so it is hashed in one pass instead of
   * sorted for binary search.
   */
  static final class PairSet {
    private final int[] slots; // 0 = empty: a packed pair of two non-zero characters is never 0
    private final int mask;

    private PairSet(int capacity) {
      int size = Integer.highestOneBit(Math.max(4, capacity * 2 - 1)) << 1;
      slots = new int[size];
      mask = size - 1;
    }

    static PairSet of(List<String> texts) {
      int chars = 0;
      for (String t : texts) chars += t.length();
      PairSet set = new PairSet(chars);
      int prevChar = -1; // pairs run across the story's paragraphs, as in their concatenation
      for (String t : texts) {
        for (int i = 0; i < t.length(); i++) {
          char c = t.charAt(i);
          if (!Text.isHan(c) && !Character.isLetterOrDigit(c)) {
            prevChar = -1;
            continue;
          }
          if (prevChar >= 0) set.add((prevChar << 16) | c);
          prevChar = c;
        }
      }
      return set;
    }

    private void add(int pair) {
      int i = mix(pair) & mask;
      while (slots[i] != 0) {
        if (slots[i] == pair) return;
        i = (i + 1) & mask;
      }
      slots[i] = pair;
    }

    boolean contains(int pair) {
      int i = mix(pair) & mask;
      while (slots[i] != 0) {
        if (slots[i] == pair) return true;
        i = (i + 1) & mask;
      }
      return false;
    }

    private static int mix(int pair) {
      return pair * 0x9E3779B9 >>> 7; // Fibonacci hashing: the two characters' bits spread over the slots
    }
  }
}
