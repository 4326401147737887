package de.leitbild.publisher.content;

import java.util.LinkedHashMap;
import java.util.Map;

import de.leitbild.publisher.config.Language;
import de.leitbild.publisher.config.SiteSettings;
import de.leitbild.publisher.i18n.MessageBundle;

/**
 * The document attributes every AsciiDoc source of a language is converted with: those of jbake.properties, the
 * site's conventions, and the labels of the language's message bundle. The site, the PDFs and the editor's guide
 * use the same set, so that each shows a document the same way.
 */
public final class AsciidocAttributes {

    private static final String BUNDLE_PREFIX = "asciidoc.";

    private AsciidocAttributes() {
    }

    public static Map<String, Object> forLanguage(SiteSettings settings, MessageBundle bundle, Language language) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (String entry : settings.jbake().getAsciidoctorAttributes()) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                attributes.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
            } else if (!entry.isBlank()) {
                attributes.put(entry.trim(), "");
            }
        }
        attributes.put("lang", language.lang());
        attributes.put("attribute-missing", "warn");
        attributes.put("idprefix", "");
        attributes.put("idseparator", "-");
        bundle.keys().stream().filter(k -> k.startsWith(BUNDLE_PREFIX)).sorted()
                .forEach(k -> attributes.put(k.substring(BUNDLE_PREFIX.length()), bundle.get(k)));
        return attributes;
    }
}
