package de.leitbild.publisher.bake;

import java.util.List;

import de.leitbild.publisher.content.UnsafeMarkupScanner;

/** A document body ready for its template: cleaned HTML, its headings, the links it makes, and unsafe markup. */
record FinishedBody(String html, List<TocEntry> toc, List<String> brokenAnchors, List<String> relativeLinks,
        List<String> foreignResources, List<UnsafeMarkupScanner.Finding> unsafeMarkup) {
}
