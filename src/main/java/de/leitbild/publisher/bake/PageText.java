package de.leitbild.publisher.bake;

import java.util.List;

/**
 * What a reader reads on a document page, as the search stage indexes it: the title, the lead (the description)
 * and the body in parts, one from each heading with an id (h2 to h4) to the next. The bake stage has the body's
 * elements at hand when it finishes it, so it hands the text over and the search stage need not parse the page
 * again.
 */
public record PageText(String title, String lead, List<Part> parts) {

    /**
     * One part of the body: the heading's anchor and text ({@code ""} and {@code null} for the part before the
     * first heading) and the text below it, each run of white space one space, stripped.
     */
    public record Part(String anchor, String heading, String text) {
    }
}
