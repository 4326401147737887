package de.leitbild.publisher.bake;

/** One heading of a document in its table of contents. */
public record TocEntry(String id, String text, int level) {
}
