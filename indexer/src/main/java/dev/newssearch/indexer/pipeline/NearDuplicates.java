package dev.newssearch.indexer.pipeline;

import dev.newssearch.core.schema.ParagraphDoc;
import dev.newssearch.indexer.chunk.Fingerprint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Across files, a paragraph whose character 5-grams are mostly (≥ 80 % of the shorter one's) contained in
 * an earlier paragraph of comparable length (≥ 60 %) joins that paragraph's duplicate group. This catches
 * the same wire story cut at a different place (a page continuation "（上接1版）" starts mid-paragraph)
 * where the exact key differs.
 *
 * <p>Streaming and in fixed memory, so a full build can load each file as soon as it is grouped:
 * each paragraph gets a MinHash signature of its 5-gram set ({@value #HASHES} hashes); locality-sensitive
 * hashing ({@value #BANDS} bands of {@value #ROWS}) finds earlier paragraphs likely to share most
 * 5-grams, and the containment is estimated from the signatures and the set sizes
 * ({@code |A∩B| = J·(|A|+|B|)/(1+J)}). Only the last {@code capacity} paragraphs are remembered (a ring
 * of signatures and a fixed-size bucket table where a newer paragraph overwrites an older one), so memory
 * does not grow with the corpus; reprints far apart in file order may then stay in separate groups.
 * Exact repeats (same key) join the group of their first copy through a bounded LRU map.
 *
 * <p>Feed files in a stable order (by name) so groups are the same on every run. Not thread-safe.
 */
public final class NearDuplicates {
  private static final int K = 5;
  private static final double CONTAINMENT = 0.8;
  private static final double LENGTH_RATIO = 0.6;
  private static final int MIN_SHINGLES = 8;
  static final int HASHES = 32;
  static final int ROWS = 2;
  static final int BANDS = HASHES / ROWS;
  /** Paragraphs remembered by default: about 20 MB of signatures, buckets and group keys. */
  public static final int DEFAULT_CAPACITY = 1 << 16;

  private static final long[] MULT = new long[HASHES];
  private static final long[] ADD = new long[HASHES];

  static {
    SplittableRandom random = new SplittableRandom(0x5eed_d0c5L);
    for (int i = 0; i < HASHES; i++) {
      MULT[i] = random.nextLong() | 1;
      ADD[i] = random.nextLong();
    }
  }

  private final int capacity;
  private final int[] signatures;
  private final int[] sizes;
  private final String[] groups;
  private final long[] bucketKeys;
  private final int[] bucketEntries;
  private final int bucketMask;
  private final Map<String, String> groupOfExactKey;
  private int next;

  public NearDuplicates() {
    this(DEFAULT_CAPACITY);
  }

  public NearDuplicates(int capacity) {
    this.capacity = capacity;
    this.signatures = new int[capacity * HASHES];
    this.sizes = new int[capacity];
    this.groups = new String[capacity];
    int buckets = Integer.highestOneBit(Math.max(1024, capacity * 4) - 1) << 1;
    this.bucketKeys = new long[buckets];
    this.bucketEntries = new int[buckets];
    Arrays.fill(bucketEntries, -1);
    this.bucketMask = buckets - 1;
    // An exact repeat joins the group its first copy ended in without being hashed again, so a corpus of
    // many identical reprints costs one signature per distinct paragraph.
    this.groupOfExactKey = new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
        return size() > capacity;
      }
    };
  }

  /** All files of a folder at once (in the given order), as {@link Pipeline#processFolder} does. */
  static List<FileResult> merge(List<FileResult> results) {
    NearDuplicates groups = new NearDuplicates();
    List<FileResult> out = new ArrayList<>();
    for (FileResult r : results) {
      out.add(r.withDocs(groups.group(r.docs())));
    }
    return out;
  }

  /** The next file's paragraphs with their duplicate groups joined to earlier near-duplicates. */
  public List<ParagraphDoc> group(List<ParagraphDoc> docs) {
    List<ParagraphDoc> out = new ArrayList<>(docs.size());
    for (ParagraphDoc d : docs) {
      String known = groupOfExactKey.get(d.dupGroup());
      if (known != null) {
        out.add(known.equals(d.dupGroup()) ? d : d.withDupGroup(known));
        continue;
      }
      long[] shingles = shingles(Fingerprint.normalise(d.text()));
      String group = d.dupGroup();
      if (shingles.length >= MIN_SHINGLES) {
        int[] sig = signature(shingles);
        int match = bestMatch(sig, shingles.length);
        if (match >= 0) {
          group = groups[match % capacity];
        }
        remember(sig, shingles.length, group);
      }
      groupOfExactKey.put(d.dupGroup(), group);
      out.add(group.equals(d.dupGroup()) ? d : d.withDupGroup(group));
    }
    return out;
  }

  private int bestMatch(int[] sig, int size) {
    int best = -1;
    double bestContainment = 0;
    for (int b = 0; b < BANDS; b++) {
      long key = bandKey(sig, b);
      int slot = slot(key);
      int entry = bucketEntries[slot];
      if (entry < 0 || bucketKeys[slot] != key || next - entry > capacity) {
        continue;
      }
      int at = entry % capacity;
      int otherSize = sizes[at];
      int smaller = Math.min(size, otherSize);
      int larger = Math.max(size, otherSize);
      // a short quotation inside a long paragraph is not a repeat of it
      if (smaller < LENGTH_RATIO * larger) {
        continue;
      }
      int same = 0;
      for (int i = 0; i < HASHES; i++) {
        if (signatures[at * HASHES + i] == sig[i]) {
          same++;
        }
      }
      double jaccard = same / (double) HASHES;
      double containment = jaccard * (size + otherSize) / ((1 + jaccard) * smaller);
      if (containment >= CONTAINMENT && containment > bestContainment) {
        best = entry;
        bestContainment = containment;
      }
    }
    return best;
  }

  private void remember(int[] sig, int size, String group) {
    int entry = next++;
    int at = entry % capacity;
    System.arraycopy(sig, 0, signatures, at * HASHES, HASHES);
    sizes[at] = size;
    groups[at] = group;
    for (int b = 0; b < BANDS; b++) {
      long key = bandKey(sig, b);
      int slot = slot(key);
      bucketKeys[slot] = key;
      bucketEntries[slot] = entry;
    }
  }

  private int slot(long key) {
    return (int) (mix(key) & bucketMask);
  }

  private static long bandKey(int[] sig, int band) {
    long key = band;
    for (int r = 0; r < ROWS; r++) {
      key = key * 0x9E3779B97F4A7C15L + sig[band * ROWS + r];
    }
    return key;
  }

  private static int[] signature(long[] shingles) {
    int[] sig = new int[HASHES];
    Arrays.fill(sig, Integer.MAX_VALUE);
    for (long s : shingles) {
      for (int i = 0; i < HASHES; i++) {
        int h = (int) ((MULT[i] * s + ADD[i]) >>> 33);
        if (h < sig[i]) {
          sig[i] = h;
        }
      }
    }
    return sig;
  }

  /** The distinct character 5-grams of {@code s}, each as a 64-bit hash. */
  private static long[] shingles(String s) {
    int n = s.length() - K + 1;
    if (n <= 0) {
      return new long[0];
    }
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      long h = 0;
      for (int j = 0; j < K; j++) {
        h = h * 1_000_003L + s.charAt(i + j);
      }
      out[i] = mix(h);
    }
    Arrays.sort(out);
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || out[i] != out[i - 1]) {
        out[distinct++] = out[i];
      }
    }
    return Arrays.copyOf(out, distinct);
  }

  /** SplitMix64's finaliser: spreads nearby inputs over all 64 bits. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

}
