package de.leitbild.publisher.bake;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import de.leitbild.publisher.config.DocumentType;
import de.leitbild.publisher.config.Language;
import de.leitbild.publisher.config.SiteSettings;
import de.leitbild.publisher.content.Brochure;
import de.leitbild.publisher.content.Catalog;
import de.leitbild.publisher.content.CatalogDocument;
import de.leitbild.publisher.content.Imprint;
import de.leitbild.publisher.content.SitePage;
import de.leitbild.publisher.content.TranslationState;
import de.leitbild.publisher.i18n.LocaleFormats;
import de.leitbild.publisher.i18n.MessageBundle;
import de.leitbild.publisher.i18n.MessageBundles;
import de.leitbild.publisher.pdf.BrochurePdf;
import de.leitbild.publisher.pdf.PdfKind;

/** Builds the plain maps and lists the templates show; templates never compute facts themselves. */
final class PageModels {

    static final String LISTING_FOLDER = "dokumente";
    static final List<String> FOOTER_PAGES = List.of("ueber-diese-seite", "datenschutz");

    private final SiteSettings settings;
    private final Catalog catalog;
    private final MessageBundles messages;
    private final List<BrochurePdf> pdfs;

    PageModels(SiteSettings settings, Catalog catalog, MessageBundles messages, List<BrochurePdf> pdfs) {
        this.settings = settings;
        this.catalog = catalog;
        this.messages = messages;
        this.pdfs = pdfs;
    }

    static String downloadsPath(Language language) {
        return language.id() + "/downloads.html";
    }

    static String homePath(Language language) {
        return language.id() + "/index.html";
    }

    static String allDocumentsPath(Language language) {
        return language.id() + "/" + LISTING_FOLDER + "/index.html";
    }

    static String searchPath(Language language) {
        return language.id() + "/search.html";
    }

    static String typePath(Language language, DocumentType type) {
        return language.id() + "/" + LISTING_FOLDER + "/" + type.id() + ".html";
    }

    /**
     * What every page of a language has: language and direction, messages, navigation, the way to the root, and
     * the same page in the other languages ({@code pathIn} gives a language's version of this page).
     */
    Map<String, Object> common(Language language, String outputPath, String title,
            Function<Language, String> pathIn, Function<Language, Boolean> translatedIn) {
        MessageBundle bundle = messages.of(language);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("msg", bundle);
        model.put("lang", languageMap(language));
        model.put("pageTitle", title);
        model.put("root", SiteLinks.toRoot(outputPath));
        model.put("home", SiteLinks.between(outputPath, homePath(language)));
        model.put("allDocuments", SiteLinks.between(outputPath, allDocumentsPath(language)));
        model.put("languageChooser", SiteLinks.between(outputPath, "index.html"));
        model.put("searchPage", SiteLinks.between(outputPath, searchPath(language)));
        model.put("downloadsPage", SiteLinks.between(outputPath, downloadsPath(language)));
        model.put("fonts", language.fonts());
        List<Map<String, Object>> footer = new ArrayList<>();
        for (String path : FOOTER_PAGES) {
            catalog.page(language, path).ifPresent(p -> footer.add(
                    link(p.shown().title(), SiteLinks.between(outputPath, p.outputPath()))));
        }
        model.put("footerLinks", footer);
        List<Map<String, Object>> switcher = new ArrayList<>();
        List<Map<String, Object>> alternates = new ArrayList<>();
        for (Language other : settings.languages()) {
            Map<String, Object> entry = languageMap(other);
            entry.put("url", SiteLinks.between(outputPath, pathIn.apply(other)));
            entry.put("current", other.equals(language));
            switcher.add(entry);
            if (translatedIn.apply(other)) {
                alternates.add(entry);
            }
        }
        model.put("switcher", switcher);
        model.put("alternates", alternates);
        model.put("xDefault", SiteLinks.between(outputPath, pathIn.apply(settings.sourceLanguage())));
        return model;
    }

    /** The model of a page that exists in every language with translated interface (home, listings). */
    Map<String, Object> common(Language language, String outputPath, String title, Function<Language, String> pathIn) {
        return common(language, outputPath, title, pathIn, l -> true);
    }

    /** A document page's view without its body, which {@link #addBody} adds once it is finished. */
    Map<String, Object> documentView(SitePage page) {
        CatalogDocument document = page.shown();
        Language language = page.language();
        MessageBundle bundle = messages.of(language);
        LocaleFormats formats = new LocaleFormats(language.locale());
        String from = page.outputPath();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("title", document.title());
        view.put("type", document.type().id());
        view.put("typeLabel", bundle.get("type." + document.type().id() + ".singular"));
        view.put("typeListing", SiteLinks.between(from, typePath(language, document.type())));
        view.put("state", page.state().name());
        view.put("contentLang", languageMap(document.language()));
        view.put("foreign", page.showsForeignText());
        view.put("original", SiteLinks.between(from, settings.sourceLanguage().id() + "/" + page.path() + ".html"));
        for (String name : List.of("description", "publisher", "co-publisher", "original-title", "source-note",
                "municipality", "report-year")) {
            document.attribute(name).ifPresent(v -> view.put(camel(name), v));
        }
        document.attribute("source-date").flatMap(formats::isoDate).ifPresent(v -> view.put("sourceDate", v));
        document.attribute("in-force-date").flatMap(formats::isoDate).ifPresent(v -> view.put("inForceDate", v));
        view.put("sourceDateUnknown", document.attribute("source-date-unknown").isPresent());
        view.put("example", document.attribute("example").isPresent());
        catalog.brochureOf(page.path()).ifPresent(b -> {
            view.put("brochure", brochureView(b, page, formats));
            pdf(b.id(), language, PdfKind.ACCESSIBLE).ifPresent(p -> view.put("pdf", pdfView(p, from, language)));
        });
        return view;
    }

    /** Adds the finished body and its table of contents to a {@link #documentView}. */
    static void addBody(Map<String, Object> view, FinishedBody body) {
        view.put("body", body.html());
        view.put("toc", body.toc().stream().map(t -> Map.of("id", t.id(), "text", t.text(), "level", t.level()))
                .toList());
        view.put("showToc", body.toc().size() >= 3);
    }

    private Map<String, Object> brochureView(Brochure brochure, SitePage current, LocaleFormats formats) {
        Language language = current.language();
        List<SitePage> parts = brochure.partPaths().stream()
                .map(p -> catalog.page(language, p).orElseThrow()).toList();
        Map<String, Object> view = new LinkedHashMap<>();
        SitePage first = parts.get(0);
        view.put("title", first.shown().attribute("brochure-title").orElse(brochure.title()));
        view.put("titleLang", languageMap(first.shown().language()));
        view.put("number", brochure.partPaths().indexOf(current.path()) + 1);
        view.put("count", parts.size());
        List<Map<String, Object>> links = new ArrayList<>();
        for (SitePage part : parts) {
            Map<String, Object> p = link(part.shown().title(), SiteLinks.between(current.outputPath(),
                    part.outputPath()));
            p.put("current", part.path().equals(current.path()));
            p.put("lang", languageMap(part.shown().language()));
            links.add(p);
        }
        view.put("parts", links);
        if (parts.get(parts.size() - 1).path().equals(current.path())) {
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

    private final Map<Language, List<SitePage>> sortedPages = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> groupsByFolder = new java.util.concurrent.ConcurrentHashMap<>();

    /** A language's pages by title in its collation order; keys computed once, as comparing is slow. */
    private List<SitePage> sortByTitle(Language language) {
        Collator collator = Collator.getInstance(language.locale());
        record Keyed(java.text.CollationKey key, SitePage page) {
        }
        return catalog.pages(language).stream()
                .map(p -> new Keyed(collator.getCollationKey(p.shown().title()), p))
                .sorted(Comparator.comparing(Keyed::key).thenComparing(k -> k.page().outputPath()))
                .map(Keyed::page)
                .toList();
    }

    /** The documents of a language grouped by type, in the configured type order, titles sorted per locale. */
    List<Map<String, Object>> groups(Language language, String from, List<DocumentType> types) {
        MessageBundle bundle = messages.of(language);
        LocaleFormats formats = new LocaleFormats(language.locale());
        List<Map<String, Object>> groups = new ArrayList<>();
        List<SitePage> sorted = sortedPages.computeIfAbsent(language, this::sortByTitle);
        String folder = from.substring(0, from.lastIndexOf('/') + 1);
        for (DocumentType type : types) {
            // Links are relative: pages in the same folder (the listings) show the very same group.
            Map<String, Object> group = groupsByFolder.computeIfAbsent(
                    language.id() + "\u0000" + folder + "\u0000" + type.id(),
                    k -> group(language, from, type, sorted, bundle, formats));
            if (group != null) {
                groups.add(group);
            }
        }
        return groups;
    }

    private Map<String, Object> group(Language language, String from, DocumentType type, List<SitePage> sorted,
            MessageBundle bundle, LocaleFormats formats) {
        List<SitePage> pages = sorted.stream().filter(p -> p.shown().type().equals(type)).toList();
        if (pages.isEmpty()) {
            return null;
        }
        Map<String, Object> group = link(bundle.get("type." + type.id() + ".plural"),
                SiteLinks.between(from, typePath(language, type)));
        group.put("type", type.id());
        List<Map<String, Object>> entries = new ArrayList<>();
        for (SitePage page : pages) {
            CatalogDocument d = page.shown();
            Map<String, Object> entry = link(d.title(), SiteLinks.between(from, page.outputPath()));
            entry.put("lang", languageMap(d.language()));
            entry.put("foreign", page.state() == TranslationState.MISSING);
            d.attribute("description").ifPresent(v -> entry.put("description", v));
            d.attribute("publisher").ifPresent(v -> entry.put("publisher", v));
            d.attribute("source-date").flatMap(formats::isoDate).ifPresent(v -> entry.put("sourceDate", v));
            entries.add(entry);
        }
        group.put("documents", entries);
        return group;
    }

    private java.util.Optional<BrochurePdf> pdf(String brochure, Language language, PdfKind kind) {
        return pdfs.stream().filter(p -> p.brochureId().equals(brochure) && p.language().equals(language)
                && p.kind() == kind).findFirst();
    }

    private static Map<String, Object> pdfView(BrochurePdf pdf, String from, Language reader) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("url", SiteLinks.between(from, pdf.path()));
        view.put("size", pdf.size(reader.locale()));
        view.put("pages", pdf.pages());
        return view;
    }

    /** Every brochure with its editions (languages that have both PDFs), titled in the reader's language. */
    List<Map<String, Object>> downloads(Language reader, String from) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Brochure brochure : catalog.brochures()) {
            List<Map<String, Object>> editions = new ArrayList<>();
            for (Language language : settings.languages()) {
                var accessible = pdf(brochure.id(), language, PdfKind.ACCESSIBLE);
                var print = pdf(brochure.id(), language, PdfKind.PRINT);
                if (accessible.isPresent() && print.isPresent()) {
                    Map<String, Object> edition = new LinkedHashMap<>();
                    edition.put("lang", languageMap(language));
                    edition.put("accessible", pdfView(accessible.get(), from, reader));
                    edition.put("print", pdfView(print.get(), from, reader));
                    editions.add(edition);
                }
            }
            if (editions.isEmpty()) {
                continue;
            }
            SitePage first = catalog.page(reader, brochure.partPaths().get(0)).orElseThrow();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", brochure.id());
            entry.put("title", first.shown().attribute("brochure-title").orElse(brochure.title()));
            entry.put("titleLang", languageMap(first.shown().language()));
            entry.put("editions", editions);
            list.add(entry);
        }
        return list;
    }

    List<Map<String, Object>> languages(String from) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Language language : settings.languages()) {
            Map<String, Object> entry = languageMap(language);
            entry.put("url", SiteLinks.between(from, homePath(language)));
            entry.put("title", messages.of(language).get("languages.title"));
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

    static Map<String, Object> languageMap(Language language) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", language.id());
        map.put("lang", language.lang());
        map.put("hreflang", language.hreflang());
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
