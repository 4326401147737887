package de.leitbild.publisher.content;

/** How the page of a document in one language relates to its German source. */
public enum TranslationState {
    /** The page shows the source itself (the source language). */
    ORIGINAL,
    /** A translation of the current version of the source. */
    CURRENT,
    /** A translation of an older version of the source. */
    OUTDATED,
    /** No translation yet: the page shows the source text, marked as German. */
    MISSING
}
