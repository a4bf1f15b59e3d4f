package dev.newssearch.indexer.source;

import java.nio.file.Path;

/** The bytes of one input file as read from disk, with their sha256 (hex). */
public record RawFile(String name, Path path, byte[] bytes, String sha256) {}
