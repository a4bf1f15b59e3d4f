package dev.newssearch.indexer.enrich;

/**
 * How much each kind of evidence says that a candidate is a person, in one place. A candidate's score is the
 * sum of the weights of the evidence it has; it is a facet value when the score reaches {@code accept}, and
 * a weaker candidate (at least {@code weak}) is one only when the same name reached {@code strong} in another
 * paragraph of the batch or the archive.
 *
 * @param known             listed in {@code known_persons.tsv} (well-known figures) or the overrides
 * @param hanlpTag          HanLP's person tag (nr, nrf, nrj) on exactly this string
 * @param fullName          a surname plus a two-character given name (or a compound surname plus one or two)
 * @param transliteration   three or more transliteration characters (克林顿, 基里延科)
 * @param middleDot         transliterated parts joined by · (科菲·安南)
 * @param titleBefore       a title or role right before it (总统克林顿, 教练马汉)
 * @param titleAfter        a title, role or honorific right after it (江泽民主席, 克林顿先生)
 * @param speechAfter       a verb of speech right after it (乔治说, 谭德塞指出)
 * @param listNeighbour     next to an accepted person across a list comma (栗战书、汪洋)
 * @param clauseSubject     it opens a clause and a word that follows names follows it (刘强先后来到)
 * @param repeated          named at least twice in the batch, with some evidence each time
 * @param shortName         a surname plus a one-character given name (李明)
 * @param ordinaryWord      it is an ordinary word of HanLP's core dictionary (汪洋 as "vast sea", 万里)
 * @param wordInside        its first or last two characters are a common word (满意|地, 于|近期)
 * @param gluedBefore       its first character makes a word with the character before it (做强|文旅)
 * @param raggedStart       HanLP left a surname alone right before it (梅|方权)
 * @param raggedEnd         it stops inside what HanLP reads as one word, before a character names do not end on (冯骥|才)
 * @param countBefore       a number or quantity right before it (10万单, 400余次): a counter, not a surname
 * @param placeShape        it is a known place or ends like one (武隆区)
 * @param givenNameChars    HanLP's name statistics: its given-name characters are common in given names (军, 伟)
 * @param unusualGivenName  one of its given-name characters almost never is (旅 in 强文旅)
 * @param foreignName       HanLP's dictionary of transliterated persons holds it, and it is no place (穆勒, 亨德利)
 * @param dictionaryPerson  HanLP's core dictionary knows the word only as a person's name (桥本 as nr)
 * @param unknownForeignRun three or more transliteration characters HanLP could only read one by one (克|林|斯|曼)
 * @param headsABody        the paragraph also prints it as the head of a body or place HanLP reads as one word (迪斯尼公司)
 * @param scatteredName     a surname and two characters HanLP could only read one by one (刘|绍|棠): an unknown given name
 * @param captionPosition   a photo caption's position right after it (王昆（左）, 李明（右二）)
 * @param japaneseName      a Japanese family name and one to three given characters ending where a name can (桥本龙太郎)
 * @param accept            the score that makes a facet value on its own
 * @param strong            the score that makes a name trusted in weaker mentions elsewhere
 * @param weak              the least score a trusted name needs in a weaker mention
 */
public record EvidenceWeights(
    double known,
    double hanlpTag,
    double fullName,
    double transliteration,
    double middleDot,
    double titleBefore,
    double titleAfter,
    double speechAfter,
    double listNeighbour,
    double clauseSubject,
    double repeated,
    double shortName,
    double ordinaryWord,
    double wordInside,
    double gluedBefore,
    double raggedStart,
    double raggedEnd,
    double countBefore,
    double placeShape,
    double givenNameChars,
    double unusualGivenName,
    double foreignName,
    double dictionaryPerson,
    double unknownForeignRun,
    double headsABody,
    double scatteredName,
    double japaneseName,
    double captionPosition,
    double accept,
    double strong,
    double weak) {

  public static final EvidenceWeights DEFAULT = new EvidenceWeights(
      2.5,   // known
      0.6,   // hanlpTag
      0.4,   // fullName
      0.45,  // transliteration
      1.2,   // middleDot
      1.0,   // titleBefore
      0.9,   // titleAfter
      0.8,   // speechAfter
      0.8,   // listNeighbour
      0.3,   // clauseSubject
      0.4,   // repeated
      0.2,   // shortName
      -1.5,  // ordinaryWord
      -0.8,  // wordInside
      -1.0,  // gluedBefore
      -0.5,  // raggedStart
      -0.5,  // raggedEnd
      -3.0,  // countBefore
      -1.5,  // placeShape
      0.3,   // givenNameChars
      -0.5,  // unusualGivenName
      0.5,   // foreignName
      0.5,   // dictionaryPerson
      0.35,  // unknownForeignRun
      -1.0,  // headsABody
      0.3,   // scatteredName
      0.9,   // japaneseName
      1.0,   // captionPosition
      1.0,   // accept
      1.6,   // strong
      0.5);  // weak
}
