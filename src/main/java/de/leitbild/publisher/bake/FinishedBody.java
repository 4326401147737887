package de.leitbild.publisher.bake;

import java.util.List;

/** A document body ready for its template: cleaned HTML, its headings, and the links it makes. */
record FinishedBody(String html, List<TocEntry> toc, List<String> brokenAnchors, List<String> relativeLinks,
        List<String> foreignResources) {
}
