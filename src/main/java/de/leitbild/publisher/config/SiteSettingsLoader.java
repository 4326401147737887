package de.leitbild.publisher.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;

import de.leitbild.publisher.problem.BuildFailure;
import de.leitbild.publisher.problem.Problem;
import de.leitbild.publisher.problem.ProblemCollector;

/** The {@code config} stage: reads {@code jbake.properties} through JBake's configuration and types it. */
public final class SiteSettingsLoader {

    public static final String CONFIG_FILE = "jbake.properties";

    /** The search analyzers a language can name (see the search stage). */
    public static final List<String> ANALYZERS = List.of("german", "english", "ukrainian", "arabic", "turkish",
            "russian", "persian");

    /** Reads the settings of the site whose sources are in {@code root}; the site is written to {@code outputFolder}. */
    public SiteSettings load(Path root, Path outputFolder) throws BuildFailure {
        Path root0 = root.toAbsolutePath().normalize();
        Path configFile = root0.resolve(CONFIG_FILE);
        if (!Files.isRegularFile(configFile)) {
            throw new BuildFailure(new Problem(configFile, 1,
                    "no " + CONFIG_FILE + " here: run the command from the root folder of the site sources"));
        }
        List<String> configLines = readLines(configFile);
        DefaultJBakeConfiguration jbake;
        try {
            jbake = new JBakeConfigurationFactory()
                    .createDefaultJbakeConfiguration(root0.toFile(), outputFolder.toFile(), false);
        } catch (RuntimeException e) {
            throw new BuildFailure(new Problem(configFile, 1, "the configuration cannot be read (" + e.getMessage()
                    + "): check that every line is 'key=value'"));
        }
        ProblemCollector problems = new ProblemCollector();
        PropertyReader props = new PropertyReader(jbake, configFile, configLines, problems);

        List<Language> languages = readLanguages(props, problems);
        String sourceId = props.required("site.source-language", "the id of the language the documents are written in, e.g. de");
        Language source = languages.stream().filter(l -> l.id().equals(sourceId)).findFirst().orElse(null);
        if (source == null && sourceId != null && !languages.isEmpty()) {
            problems.add(props.problem("site.source-language",
                    "site.source-language '" + sourceId + "' is not in site.languages: add it there or correct the id"));
        }
        Map<String, DocumentType> types = readTypes(props, jbake, root0, problems);
        String baseUrl = props.required("site.base-url", "the public address of the site, ending in /, "
                + "e.g. https://integration.example/ (used for sitemap.xml)");
        if (baseUrl != null && !baseUrl.matches("https?://[^\\s/]+(/[^\\s]*)?/")) {
            problems.add(props.problem("site.base-url", "site.base-url must be an http(s) address ending in /, "
                    + "e.g. https://integration.example/"));
        }
        problems.throwIfAny();

        return new SiteSettings(root0, configFile,
                root0.resolve(jbake.getContentFolderName()).normalize(),
                root0.resolve(jbake.getTemplateFolderName()).normalize(),
                root0.resolve(jbake.getAssetFolderName()).normalize(),
                outputFolder.toAbsolutePath().normalize(),
                List.copyOf(languages), source, types, baseUrl, jbake);
    }

    private static List<Language> readLanguages(PropertyReader props, ProblemCollector problems) {
        List<Language> languages = new ArrayList<>();
        for (String id : props.list("site.languages", "the site's language ids in menu order, e.g. de,en")) {
            String lang = props.required("language." + id + ".lang", "the BCP 47 tag for the lang attribute, e.g. de");
            String autonym = props.required("language." + id + ".autonym", "the language's name in itself, e.g. Deutsch");
            String dir = props.optional("language." + id + ".dir", "ltr").toLowerCase(Locale.ROOT);
            String hreflang = props.optional("language." + id + ".hreflang", lang == null ? "" : lang);
            String fonts = props.optional("language." + id + ".fonts", "latin");
            String formatLocale = props.optional("language." + id + ".locale", lang == null ? "" : lang);
            String analyzer = props.required("language." + id + ".analyzer", "the search analyzer for the "
                    + "language's texts: " + String.join(", ", ANALYZERS));
            if (analyzer != null && !ANALYZERS.contains(analyzer)) {
                problems.add(props.problem("language." + id + ".analyzer", "unknown analyzer '" + analyzer
                        + "': use one of " + String.join(", ", ANALYZERS)));
                continue;
            }
            if (!dir.equals("ltr") && !dir.equals("rtl")) {
                problems.add(props.problem("language." + id + ".dir",
                        "language." + id + ".dir must be ltr or rtl, not '" + dir + "'"));
                continue;
            }
            if (!id.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
                problems.add(props.problem("site.languages", "language id '" + id + "' must be lowercase letters, "
                        + "digits and hyphens, such as de, en or leichte-sprache: it is the folder name and the path"));
                continue;
            }
            if (!fonts.matches("[a-z0-9-]+")) {
                problems.add(props.problem("language." + id + ".fonts", "language." + id + ".fonts must name a "
                        + "stylesheet in assets/css/fonts-<name>.css, such as latin, cyrillic or arabic"));
                continue;
            }
            if (lang != null && autonym != null) {
                languages.add(new Language(id, lang, hreflang, TextDirection.valueOf(dir.toUpperCase(Locale.ROOT)),
                        autonym, fonts, formatLocale, analyzer));
            }
        }
        return languages;
    }

    private static Map<String, DocumentType> readTypes(PropertyReader props, DefaultJBakeConfiguration jbake,
            Path root, ProblemCollector problems) {
        Map<String, DocumentType> types = new LinkedHashMap<>();
        Path templates = root.resolve(jbake.getTemplateFolderName());
        for (String id : props.list("site.types", "the document types (jbake-type values) in listing order")) {
            String template = jbake.getTemplateByDocType(id);
            if (template == null || template.isBlank()) {
                problems.add(props.problem("site.types", "document type '" + id + "' has no template: add 'template."
                        + id + ".file=" + id + ".ftl' to " + CONFIG_FILE));
                continue;
            }
            if (!Files.isRegularFile(templates.resolve(template))) {
                problems.add(props.problem("template." + id + ".file", "template '" + template
                        + "' for type '" + id + "' does not exist in " + jbake.getTemplateFolderName() + "/"));
            }
            List<String> required = props.listOrEmpty("type." + id + ".required");
            types.put(id, new DocumentType(id, template, required));
        }
        return types;
    }

    private static List<String> readLines(Path file) throws BuildFailure {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BuildFailure(new Problem(file, 1, "cannot be read as UTF-8 text (" + e.getMessage() + ")"));
        }
    }

    /** Reads keys and reports missing ones at the line where they belong (or line 1). */
    private record PropertyReader(DefaultJBakeConfiguration jbake, Path file, List<String> lines,
            ProblemCollector problems) {

        String required(String key, String what) {
            Object value = jbake.get(key);
            String text = value == null ? null : String.valueOf(value).trim();
            if (text == null || text.isEmpty() || text.equals("[]")) {
                problems.add(problem(key, "missing setting '" + key + "': add '" + key + "=…' with " + what));
                return null;
            }
            return text;
        }

        String optional(String key, String fallback) {
            Object value = jbake.get(key);
            return value == null ? fallback : String.valueOf(value).trim();
        }

        List<String> list(String key, String what) {
            List<String> values = listOrEmpty(key);
            if (values.isEmpty()) {
                problems.add(problem(key, "missing setting '" + key + "': add '" + key + "=…' with " + what));
            }
            return values;
        }

        List<String> listOrEmpty(String key) {
            Object value = jbake.get(key);
            if (value == null) {
                return List.of();
            }
            String text = value instanceof List<?> list
                    ? String.join(",", list.stream().map(String::valueOf).toList())
                    : String.valueOf(value);
            return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }

        Problem problem(String key, String message) {
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).trim();
                if (line.startsWith(key + "=") || line.startsWith(key + " ") || line.startsWith(key + ":")) {
                    return new Problem(file, i + 1, message);
                }
            }
            return new Problem(file, 1, message);
        }
    }
}
