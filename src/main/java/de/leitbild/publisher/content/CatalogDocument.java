package de.leitbild.publisher.content;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import de.leitbild.publisher.config.DocumentType;
import de.leitbild.publisher.config.Language;

/**
 * One AsciiDoc source in the catalog: its language, its path inside the language folder (without extension,
 * '/'-separated, the same for a document and its translations), type, title, header attributes, the version
 * of its text (see {@link SourceVersion}; worked out only for a source that has a translation, empty for any
 * other document) and its conversion to HTML.
 */
public record CatalogDocument(
        Path source,
        Language language,
        String path,
        DocumentType type,
        String title,
        boolean published,
        Map<String, String> attributes,
        Map<String, Integer> attributeLines,
        String version,
        AsciidocEngine.Conversion conversion) {

    /** The site-relative output path, e.g. {@code de/brandenburg/leitbild.html}. */
    public String outputPath() {
        return language.id() + "/" + path + ".html";
    }

    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name)).filter(v -> !v.isBlank());
    }

    public int lineOf(String attribute) {
        return attributeLines.getOrDefault(attribute, 1);
    }
}
