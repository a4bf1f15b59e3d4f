/**
 * The enrich stage: persons, places and organisations mentioned in a paragraph, and the words the IK
 * analyzer must learn.
 *
 * <ul>
 *   <li>{@link dev.newssearch.indexer.enrich.EntityRecognizer} — {@code loadDefault()} once per run (general
 *       data plus the user's overrides; {@code loadGeneral()} leaves the overrides out, as every evaluation
 *       does). {@code recognize(paragraph)} decides on one paragraph alone; {@code recognizeAll(paragraphs)}
 *       recognises a file's paragraphs together (a name strong in one is trusted in its weaker mentions, title
 *       forms such as 吴先生 become the full name the page gives); {@code analyse} + {@code strongNames} +
 *       {@code resolve} add evidence from the whole archive.</li>
 *   <li>{@link dev.newssearch.indexer.enrich.EvidenceWeights} — the one place where each kind of evidence
 *       ({@code EntityRecognizer.Evidence}) gets its weight, with the accept, strong and weak scores.</li>
 *   <li>{@link dev.newssearch.indexer.enrich.Enricher} — turns chunks into indexed documents; {@code enrichAll}
 *       recognises one file's chunks together.</li>
 *   <li>{@link dev.newssearch.indexer.enrich.DictionaryWords} — the sorted names of a run plus the domain
 *       terms, written as {@code learned_names.dic}.</li>
 *   <li>The evaluation (seeds' labels and generated dev pages) sits above the pipeline, in the {@code eval}
 *       package ({@code evaluate} command, {@code UnitEvaluation}, {@code DevPagesQualityTest}).</li>
 * </ul>
 *
 * <p>How a person is found: candidates come from HanLP's person tags and from our own generation — 2-4
 * characters after a title or role (总统克林顿) or before one (江泽民主席), before a verb of speech, beside a
 * list comma or a 和/与/及/同 HanLP reads as a conjunction, runs of transliteration characters, parts joined by
 * ·, words of HanLP's dictionary of transliterated persons (nrf) that are no place, runs of three or more
 * transliteration characters HanLP could only read one by one (克|林|斯|曼), and a surname with two characters
 * HanLP could only read one by one (彭|小|民: an unknown given name). A photo caption's position after a name (王昆（左）, 刘建华（前排左二）) is evidence as a title is; kin
 * words (女儿, 父亲) are roles in {@code person_titles.txt}. A Japanese family name ({@code japanese_surnames.txt}: the
 * commonest, and prime ministers') with one to three given characters where a name ends is one name (冈田武史说, not
 * 冈|田武史), as is HanLP's Japanese tag (nrj, not cut back to transliteration characters). A date after a name ends it (瓦利|六日宣布);
 * a part of a foreign name joined by · or — is no name of its own (道—琼斯, 拉·甘地's 甘地); a listed body is no
 * person (杜马). Each candidate is scored from its
 * evidence (known figure, HanLP tag, full-name shape, HanLP's statistics of given-name characters, HanLP's
 * dictionaries: nrf, or a core-dictionary word known only as a person such as 桥本, titles, speech, list
 * neighbours) minus what speaks against it (an ordinary word, a count before it, a place
 * ending, a river or lake after a foreign name (库卡尔特|河堤) or a place in front (巴西|籍), a cut that swallowed a neighbour, the same word heading a body or place
 * HanLP reads elsewhere in the paragraph (迪斯尼公司) or followed by a firm's ending (捷安特（中国）有限公司), a given-name character names avoid although running text
 * uses it often (旅, 晚; a character rare everywhere, such as 甬, is no evidence)). A name inside an accepted body's name is the body's (伊拉斯莫斯大学医学院). HanLP's foreign name after a dot
 * completes a dotted name (塞·威廉姆斯). A well-known name at the front of a site's or body's word (肯尼迪航天中心) is no mention. Boundaries are repaired before scoring: a preposition glued
 * to the front mid-clause (于张志) and a character no name ends on (乔治称, 克林顿当, 刘两人) are cut; a foreign
 * name HanLP tagged in pieces is joined (费尔南|德斯) and its pieces dropped; a tagged surname and given
 * character take a lone character after them (严义|埙), also one HanLP tagged as a name (刘雅|茹); a lone surname joins a
 * tagged given name even when that opens with a surname's character (俞|平伯); after a title, a name HanLP read as single
 * characters may end where its next word starts (单打叶|钊|颖|状态).
 *
 * <p>How a place or a body is found: the general gazetteers on HanLP's word boundaries, or inside one of its
 * over-long organisation guesses (总理及参议院); HanLP's place and organisation tags kept when they have the
 * shape of a name. A body's name is also built from a place or a larger body followed by nouns up to an
 * ending — a listed one ({@code organization_suffixes.txt}: 委员会, 省委, 队, 工党 …) or one HanLP tags as an
 * institution's ending (nis: 女篮, 出版社, 总局) — with at most one verb or adjective right before a whole
 * ending (协调委员会); a short word HanLP glued in front of the place is cut off (讯|广东…集团), and a head's
 * title names the body (司法部长 → 司法部). Countries and provinces abbreviated to one character
 * ({@code place_abbreviations.tsv}) count only in their grammars — two or three in a row before a word of
 * relations (中美关系, 京津两地), one before 方 (美方), one after a verb of visiting (访华, 进京) — and are
 * shown by their full names. A river or mountain HanLP cut from its kind takes it back (密西西比|河), and a river's mouth is the
 * river (北仑河口 → 北仑河). A place followed by nouns up to a facility ending ({@code facility_endings.txt}: 大厦,
 * 机场, 博物馆) is one place (上海图书大厦), and no body. A newspaper cited in 《》 (《洛杉矶时报》) is a body and its city
 * no place; a country right before a minister's title names the ministry with it (法国外交部长 → 法国外交部); a body
 * and its branch printed together are one name, numbered units too (铁道部十五局|三处); under a chain of administrative places the body is named from the
 * last of them (湖南省|衡阳市委 → 衡阳市委, 湖南), a town no dictionary holds closing the chain (平度市|崔马镇供销社). Bodies of a kind are none: a count or determiner before them
 * (数十家|砖瓦厂, 各级|协会, 一家|报社), one adjective or verb-noun before a bare commercial ending (大公司), a factory or co-operative named only by common nouns (蓄电池厂, 农村信用社). A place (also one
 * HanLP split, 东|京), an unknown proper name (nz) or a country's abbreviation (柬) right before a body is the front of
 * its name (德国科隆大学医院, 柬国民议会); an abbreviated name is no glued word (中信|香港有限公司). A
 * foreign name HanLP cut in front of a body (阿尔卡特—|阿尔斯通集团) belongs to it; a centre run by a body is its unit.
 *
 * <p>Data, in {@code src/main/resources/enrich/}, one entry a line ({@code #} starts a comment):
 * {@code general/} holds what is true of any newspaper (surnames, titles and roles, honorifics, verbs of
 * speech, transliteration characters, well-known national and world figures, provinces, cities, countries,
 * international bodies; organisation aliases also come from the shared synonyms file in core);
 * {@code overrides/} is the user's folder for their own archive (see its README). No entry may exist only
 * because of one seed file or one corpus sentence.
 */
package dev.newssearch.indexer.enrich;
