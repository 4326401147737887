package de.leitbild.publisher.content;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.leitbild.publisher.problem.Problem;
import de.leitbild.publisher.problem.ProblemCollector;

/** Groups the documents that name a {@code :brochure:} into brochures, per language, in print order. */
final class BrochureAssembler {

    private BrochureAssembler() {
    }

    static List<Brochure> assemble(List<CatalogDocument> documents, ProblemCollector problems) {
        Map<String, List<CatalogDocument>> groups = new LinkedHashMap<>();
        for (CatalogDocument document : documents) {
            if (document.published()) {
                document.attribute("brochure").ifPresent(id -> groups
                        .computeIfAbsent(document.language().id() + "\u0000" + id, k -> new ArrayList<>())
                        .add(document));
            }
        }
        List<Brochure> brochures = new ArrayList<>();
        for (List<CatalogDocument> parts : groups.values()) {
            parts.sort(Comparator.comparingInt(BrochureAssembler::order)
                    .thenComparing(CatalogDocument::outputPath));
            CatalogDocument first = parts.get(0);
            String id = first.attribute("brochure").orElseThrow();
            boolean ok = true;
            for (int i = 1; i < parts.size(); i++) {
                if (order(parts.get(i)) == order(parts.get(i - 1))) {
                    CatalogDocument twin = parts.get(i);
                    problems.add(new Problem(twin.source(), twin.lineOf("brochure-order"), "brochure '" + id
                            + "' has two parts with :brochure-order: " + order(twin) + " (also "
                            + parts.get(i - 1).source().getFileName() + "): give each part its own number"));
                    ok = false;
                }
            }
            Optional<String> title = first.attribute("brochure-title");
            if (order(first) != 1 || title.isEmpty()) {
                problems.add(new Problem(first.source(), first.lineOf("brochure"), "brochure '" + id
                        + "' needs a first part (:brochure-order: 1) that declares :brochure-title: and the imprint"));
                ok = false;
            }
            if (ok) {
                brochures.add(new Brochure(id, first.language(), title.orElseThrow(), imprint(first),
                        List.copyOf(parts)));
            }
        }
        return List.copyOf(brochures);
    }

    private static int order(CatalogDocument document) {
        return document.attribute("brochure-order").filter(v -> v.matches("\\d{1,9}")).map(Integer::parseInt)
                .orElse(Integer.MAX_VALUE);
    }

    private static Imprint imprint(CatalogDocument first) {
        List<String> address = first.attribute("imprint-address")
                .map(a -> Arrays.stream(a.split("\\s·\\s")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
        return new Imprint(
                first.attribute("imprint-publisher"),
                first.attribute("imprint-department"),
                address,
                first.attribute("imprint-web"),
                first.attribute("imprint-layout"),
                first.attribute("imprint-print"),
                first.attribute("imprint-print-run").filter(v -> v.matches("\\d{1,9}")).map(Long::parseLong),
                first.attribute("imprint-date"));
    }
}
