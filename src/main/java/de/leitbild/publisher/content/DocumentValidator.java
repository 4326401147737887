package de.leitbild.publisher.content;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.leitbild.publisher.config.DocumentType;
import de.leitbild.publisher.config.SiteSettings;
import de.leitbild.publisher.problem.Problem;
import de.leitbild.publisher.problem.ProblemCollector;

/** Checks a document's header against its type: type and status known, required attributes present and well formed. */
final class DocumentValidator {

    private static final List<String> STATUSES = List.of("published", "draft");

    private final SiteSettings settings;
    private final Path file;
    private final SourceHeader header;

    DocumentValidator(SiteSettings settings, Path file, SourceHeader header) {
        this.settings = settings;
        this.file = file;
        this.header = header;
    }

    Optional<DocumentType> validate(Map<String, String> attributes, ProblemCollector problems) {
        String knownTypes = String.join(", ", settings.documentTypes().keySet());
        String typeId = attributes.get("jbake-type");
        if (typeId == null || typeId.isBlank()) {
            problems.add(problem("title", "the header has no document type: add ':jbake-type: <type>' below the "
                    + "title, with one of: " + knownTypes));
            return Optional.empty();
        }
        Optional<DocumentType> type = settings.documentType(typeId);
        if (type.isEmpty()) {
            problems.add(problem("jbake-type", "unknown document type '" + typeId + "': use one of " + knownTypes));
            return Optional.empty();
        }
        String status = attributes.get("jbake-status");
        if (status == null || status.isBlank()) {
            problems.add(problem("title", "the header has no status: add ':jbake-status: published' (or draft, "
                    + "to keep the document off the site)"));
        } else if (!STATUSES.contains(status)) {
            problems.add(problem("jbake-status", "unknown status '" + status + "': use published or draft"));
        }
        for (String requirement : type.get().requiredAttributes()) {
            List<String> alternatives = Arrays.stream(requirement.split("\\|")).map(String::trim).toList();
            boolean present = alternatives.stream().anyMatch(a -> !attributes.getOrDefault(a, "").isBlank());
            if (!present) {
                String wanted = alternatives.stream().map(a -> ":" + a + ":").reduce((a, b) -> a + " or " + b)
                        .orElse(requirement);
                problems.add(problem("title", "a document of type '" + typeId + "' needs " + wanted
                        + " in its header: add the line below the title"));
            }
        }
        checkIsoDate(attributes, "source-date", problems);
        checkIsoDate(attributes, "imprint-date", problems);
        checkIsoDate(attributes, "in-force-date", problems);
        checkWholeNumber(attributes, "brochure-order", problems);
        checkWholeNumber(attributes, "imprint-print-run", problems);
        if (attributes.containsKey("brochure-order") && !attributes.containsKey("brochure")) {
            problems.add(problem("brochure-order", ":brochure-order: needs :brochure: with the brochure's id"));
        }
        return type;
    }

    private void checkIsoDate(Map<String, String> attributes, String name, ProblemCollector problems) {
        String value = attributes.get(name);
        if (value != null && !value.matches("\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?")) {
            problems.add(problem(name, ":" + name + ": '" + value + "' is not a date of the form YYYY, YYYY-MM or "
                    + "YYYY-MM-DD: write e.g. 2020-07"));
        }
    }

    private void checkWholeNumber(Map<String, String> attributes, String name, ProblemCollector problems) {
        String value = attributes.get(name);
        if (value != null && !value.matches("\\d{1,9}")) {
            problems.add(problem(name, ":" + name + ": '" + value + "' must be a whole number in digits, e.g. 1000"));
        }
    }

    private Problem problem(String attribute, String message) {
        int line = "title".equals(attribute) ? header.titleLine()
                : header.attributeLines().getOrDefault(attribute, header.titleLine());
        return new Problem(file, line, message);
    }
}
