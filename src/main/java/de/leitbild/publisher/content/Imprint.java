package de.leitbild.publisher.content;

import java.util.List;
import java.util.Optional;

/** The imprint of a printed brochure as its first part declares it. */
public record Imprint(
        Optional<String> publisher,
        Optional<String> department,
        List<String> address,
        Optional<String> web,
        Optional<String> layout,
        Optional<String> print,
        Optional<Long> printRun,
        Optional<String> date) {
}
