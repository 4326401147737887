package de.leitbild.publisher.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jbake.app.configuration.JBakeConfiguration;

/** Typed site settings read from {@code jbake.properties}: folders, languages, document types, public address. */
public record SiteSettings(
        Path root,
        Path configFile,
        Path contentFolder,
        Path templateFolder,
        Path assetFolder,
        Path outputFolder,
        List<Language> languages,
        Language sourceLanguage,
        Map<String, DocumentType> documentTypes,
        String baseUrl,
        JBakeConfiguration jbake) {

    /**
     * Where a build keeps what the next build can reuse (conversions, page fingerprints): beside the output
     * folder, e.g. {@code target/.site-cache} for {@code target/site}; deleting it only makes a build slower.
     */
    public Path cacheFolder() {
        return outputFolder.resolveSibling("." + outputFolder.getFileName() + "-cache");
    }

    public Optional<Language> language(String id) {
        return languages.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    public Optional<DocumentType> documentType(String id) {
        return Optional.ofNullable(documentTypes.get(id));
    }
}
