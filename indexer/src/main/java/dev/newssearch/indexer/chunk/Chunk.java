package dev.newssearch.indexer.chunk;

import dev.newssearch.indexer.segment.Article;

/**
 * One indexable piece of an article: a body paragraph, or part of a long one.
 *
 * @param id        deterministic id of the piece
 * @param articleId deterministic id of its article
 * @param position  1-based position of the piece in its article, after splitting
 * @param text      the piece's text
 * @param article   the article it belongs to
 */
public record Chunk(String id, String articleId, int position, String text, Article article) {}
