package dev.newssearch.analysis.ik;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wltea.analyzer.dic.Dictionary;

/**
 * The gatekeeper to IK's process-wide {@link Dictionary} singleton.
 *
 * <p>IK forces one global dictionary per class loader; this class is the only one that writes to
 * it, and it is itself a single instance for that reason. {@link #refresh(Optional)} is called by
 * every factory: it lists {@code *.dic} in the plugin config folder and adds the words of each file
 * whose content changed since the last look. Words are only ever added: IK can "disable" a word but
 * cannot tell an extension word from one of its 270 000 built-in words, so a word removed from a
 * file stays until the node restarts.
 *
 * <p>Known limit, shared with the official plugin's hot reload: IK's trie is not built for writes
 * while other threads read it, so words are added under this class's lock only, and only when a file
 * changed (in practice: when the indexer has written a new {@code learned_names.dic} and is about to
 * create the next index), never on a timer.
 *
 * <p>{@code stopwords.dic} is not an extension dictionary: its words are dropped by {@link
 * IkTokenizer}, which leaves a position gap as Lucene's StopFilter does.
 */
public final class IkDictionaries {

  /** The stop-word list's file name; every other {@code *.dic} adds words. */
  public static final String STOPWORDS_FILE = "stopwords.dic";

  private static final Logger log = LoggerFactory.getLogger(IkDictionaries.class);
  private static final IkDictionaries SHARED = new IkDictionaries();

  private final Map<String, byte[]> digestsByFile = new HashMap<>();
  private boolean initialised;
  private volatile Set<String> stopwords = Set.of();
  private volatile long generation;

  private IkDictionaries() {}

  /** The one instance, because IK's dictionary is one per class loader. */
  public static IkDictionaries shared() {
    return SHARED;
  }

  /**
   * Loads IK's built-in dictionary on first use, then adds the words of new or changed files.
   *
   * @param configDir the plugin config folder; empty when there is none (built-in words only)
   * @throws UncheckedIOException when the folder exists but cannot be read, so that index creation
   *     fails with the reason instead of silently analysing without the project's words
   */
  public synchronized void refresh(Optional<Path> configDir) {
    ensureInitialised();
    if (configDir.isEmpty() || !Files.isDirectory(configDir.get())) {
      return;
    }
    Map<String, Path> files = new TreeMap<>();
    try (DirectoryStream<Path> dics = Files.newDirectoryStream(configDir.get(), "*.dic")) {
      for (Path file : dics) {
        files.put(file.getFileName().toString(), file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list IK dictionaries in " + configDir.get(), e);
    }
    boolean sawStopwords = false;
    for (Map.Entry<String, Path> entry : files.entrySet()) {
      byte[] content;
      try {
        content = Files.readAllBytes(entry.getValue());
      } catch (NoSuchFileException e) {
        continue; // replaced between listing and reading: the next refresh sees the new file
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read IK dictionary " + entry.getValue(), e);
      }
      boolean isStopwords = entry.getKey().equals(STOPWORDS_FILE);
      sawStopwords |= isStopwords;
      byte[] digest = sha256(content);
      if (Arrays.equals(digest, digestsByFile.get(entry.getKey()))) {
        continue;
      }
      List<String> words = WordFiles.parse(content);
      if (isStopwords) {
        Set<String> lowerCased = new HashSet<>();
        words.forEach(w -> lowerCased.add(w.toLowerCase()));
        stopwords = Set.copyOf(lowerCased);
      } else {
        Dictionary.getSingleton().addWords(words);
        generation++;
      }
      digestsByFile.put(entry.getKey(), digest);
      log.info("IK dictionary {}: {} words loaded", entry.getValue(), words.size());
    }
    if (!sawStopwords && digestsByFile.remove(STOPWORDS_FILE) != null) {
      stopwords = Set.of();
    }
  }

  /** Loads IK's built-in dictionary (about a second) unless that is done already. */
  public synchronized void ensureInitialised() {
    if (!initialised) {
      Dictionary.initial(IkMode.MAX_WORD);
      initialised = true;
      generation++;
    }
  }

  /** Adds words that other components need as single tokens (the synonym filter's terms). */
  public synchronized void addWords(Collection<String> words) {
    ensureInitialised();
    Dictionary.getSingleton().addWords(words);
    generation++;
  }

  /**
   * Changes whenever words are added, so that {@link IkReplay} never replays a segmentation made
   * with fewer words. Read before segmenting: words added meanwhile make the result stale at once.
   */
  public long generation() {
    return generation;
  }

  /** The current stop words, lower-cased as IK lower-cases its tokens. */
  public Set<String> stopwords() {
    return stopwords;
  }

  private static byte[] sha256(byte[] content) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(content);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
