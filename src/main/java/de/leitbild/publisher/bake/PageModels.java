package de.leitbild.publisher.bake;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.leitbild.publisher.config.DocumentType;
import de.leitbild.publisher.config.Language;
import de.leitbild.publisher.config.SiteSettings;
import de.leitbild.publisher.content.Brochure;
import de.leitbild.publisher.content.Catalog;
import de.leitbild.publisher.content.CatalogDocument;
import de.leitbild.publisher.content.Imprint;
import de.leitbild.publisher.i18n.LocaleFormats;
import de.leitbild.publisher.i18n.MessageBundle;

/** Builds the plain maps and lists the templates show; templates never compute facts themselves. */
final class PageModels {

    static final String LISTING_FOLDER = "dokumente";

    private final SiteSettings settings;
    private final Catalog catalog;

    PageModels(SiteSettings settings, Catalog catalog) {
        this.settings = settings;
        this.catalog = catalog;
    }

    static String homePath(Language language) {
        return language.id() + "/index.html";
    }

    static String allDocumentsPath(Language language) {
        return language.id() + "/" + LISTING_FOLDER + "/index.html";
    }

    static String typePath(Language language, DocumentType type) {
        return language.id() + "/" + LISTING_FOLDER + "/" + type.id() + ".html";
    }

    /** What every page of a language has: language, direction, messages, navigation and the way to the root. */
    Map<String, Object> common(Language language, MessageBundle messages, String outputPath, String title) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("msg", messages);
        model.put("lang", languageMap(language));
        model.put("pageTitle", title);
        model.put("root", SiteLinks.toRoot(outputPath));
        model.put("home", SiteLinks.between(outputPath, homePath(language)));
        model.put("allDocuments", SiteLinks.between(outputPath, allDocumentsPath(language)));
        model.put("languageChooser", SiteLinks.between(outputPath, "index.html"));
        List<Map<String, Object>> footer = new ArrayList<>();
        for (String page : List.of("ueber-diese-seite", "datenschutz")) {
            catalog.published(language).stream().filter(d -> d.path().equals(page)).findFirst()
                    .ifPresent(d -> footer.add(link(d.title(), SiteLinks.between(outputPath, d.outputPath()))));
        }
        model.put("footerLinks", footer);
        return model;
    }

    Map<String, Object> documentView(CatalogDocument document, FinishedBody body, MessageBundle messages) {
        LocaleFormats formats = new LocaleFormats(document.language().locale());
        String from = document.outputPath();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("title", document.title());
        view.put("type", document.type().id());
        view.put("typeLabel", messages.get("type." + document.type().id() + ".singular"));
        view.put("typeListing", SiteLinks.between(from, typePath(document.language(), document.type())));
        view.put("typeListingLabel", messages.get("type." + document.type().id() + ".plural"));
        view.put("body", body.html());
        view.put("toc", body.toc().stream().map(t -> Map.of("id", t.id(), "text", t.text(), "level", t.level()))
                .toList());
        view.put("showToc", body.toc().size() >= 3);
        for (String name : List.of("description", "publisher", "co-publisher", "original-title", "source-note",
                "municipality", "report-year")) {
            document.attribute(name).ifPresent(v -> view.put(camel(name), v));
        }
        document.attribute("source-date").flatMap(formats::isoDate).ifPresent(v -> view.put("sourceDate", v));
        document.attribute("in-force-date").flatMap(formats::isoDate).ifPresent(v -> view.put("inForceDate", v));
        view.put("sourceDateUnknown", document.attribute("source-date-unknown").isPresent());
        view.put("example", document.attribute("example").isPresent());
        catalog.brochureOf(document).ifPresent(b -> view.put("brochure", brochureView(b, document, formats)));
        return view;
    }

    private Map<String, Object> brochureView(Brochure brochure, CatalogDocument current, LocaleFormats formats) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("title", brochure.title());
        view.put("number", brochure.numberOf(current));
        view.put("count", brochure.parts().size());
        List<Map<String, Object>> parts = new ArrayList<>();
        for (CatalogDocument part : brochure.parts()) {
            Map<String, Object> p = link(part.title(), SiteLinks.between(current.outputPath(), part.outputPath()));
            p.put("current", part.equals(current));
            parts.add(p);
        }
        view.put("parts", parts);
        if (brochure.isLastPart(current)) {
            view.put("imprint", imprintView(brochure.imprint(), formats));
        }
        return view;
    }

    private static Map<String, Object> imprintView(Imprint imprint, LocaleFormats formats) {
        Map<String, Object> view = new LinkedHashMap<>();
        imprint.publisher().ifPresent(v -> view.put("publisher", v));
        imprint.department().ifPresent(v -> view.put("department", v));
        view.put("address", imprint.address());
        imprint.web().ifPresent(v -> view.put("web", v));
        imprint.layout().ifPresent(v -> view.put("layout", v));
        imprint.print().ifPresent(v -> view.put("print", v));
        imprint.printRun().ifPresent(v -> view.put("printRun", formats.number(v)));
        imprint.date().flatMap(formats::isoDate).ifPresent(v -> view.put("date", v));
        return view;
    }

    /** The documents of a language grouped by type, in the configured type order, titles sorted per locale. */
    List<Map<String, Object>> groups(Language language, MessageBundle messages, String from,
            List<DocumentType> types) {
        Collator collator = Collator.getInstance(language.locale());
        List<Map<String, Object>> groups = new ArrayList<>();
        for (DocumentType type : types) {
            List<CatalogDocument> documents = catalog.published(language).stream()
                    .filter(d -> d.type().equals(type))
                    .sorted(Comparator.comparing(CatalogDocument::title, collator)
                            .thenComparing(CatalogDocument::outputPath))
                    .toList();
            if (documents.isEmpty()) {
                continue;
            }
            Map<String, Object> group = link(messages.get("type." + type.id() + ".plural"),
                    SiteLinks.between(from, typePath(language, type)));
            group.put("type", type.id());
            group.put("description", messages.get("type." + type.id() + ".description"));
            List<Map<String, Object>> entries = new ArrayList<>();
            LocaleFormats formats = new LocaleFormats(language.locale());
            for (CatalogDocument d : documents) {
                Map<String, Object> entry = link(d.title(), SiteLinks.between(from, d.outputPath()));
                d.attribute("description").ifPresent(v -> entry.put("description", v));
                d.attribute("publisher").ifPresent(v -> entry.put("publisher", v));
                d.attribute("source-date").flatMap(formats::isoDate).ifPresent(v -> entry.put("sourceDate", v));
                entries.add(entry);
            }
            group.put("documents", entries);
            groups.add(group);
        }
        return groups;
    }

    List<Map<String, Object>> languages(String from) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Language language : settings.languages()) {
            Map<String, Object> entry = languageMap(language);
            entry.put("url", SiteLinks.between(from, homePath(language)));
            list.add(entry);
        }
        return list;
    }

    static Map<String, Object> link(String label, String url) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("label", label);
        map.put("url", url);
        return map;
    }

    private static Map<String, Object> languageMap(Language language) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", language.id());
        map.put("lang", language.lang());
        map.put("dir", language.dir().attribute());
        map.put("autonym", language.autonym());
        return map;
    }

    private static String camel(String name) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
