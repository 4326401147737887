package de.leitbild.publisher.bake;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import de.leitbild.publisher.config.DocumentType;
import de.leitbild.publisher.config.Language;
import de.leitbild.publisher.config.SiteSettings;
import de.leitbild.publisher.content.Brochure;
import de.leitbild.publisher.content.Catalog;
import de.leitbild.publisher.content.CatalogDocument;
import de.leitbild.publisher.content.SitePage;
import de.leitbild.publisher.i18n.MessageBundles;
import de.leitbild.publisher.pdf.BrochurePdf;
import de.leitbild.publisher.pdf.PdfKind;

/**
 * The fingerprints of document and listing pages, made from the facts a page shows rather than from its full
 * model: the site stamp (templates, configuration, assets, code), the language's interface texts and footer, the
 * shown document (body, title, attributes), the states of its translation set (switcher, hreflang), its brochure
 * (part titles, imprint, PDF size and pages), and for listings the facts of every listed document. Each fact is
 * digested once and shared by the pages that show it, so deciding which pages an edit touched costs little.
 * Anything {@link PageModels} puts into these pages' models must be covered here.
 */
final class PageInputs {

    private final String siteStamp;
    private final SiteSettings settings;
    private final Catalog catalog;
    private final MessageBundles messages;
    private final List<BrochurePdf> pdfs;
    private final Map<Language, String> languages = new ConcurrentHashMap<>();
    private final Map<Language, String> listings = new ConcurrentHashMap<>();
    // By output path: a document record's own hash code would read its whole body.
    private final Map<String, String> documents = new ConcurrentHashMap<>();
    private final Map<String, String> brochures = new ConcurrentHashMap<>();

    PageInputs(String siteStamp, SiteSettings settings, Catalog catalog, MessageBundles messages,
            List<BrochurePdf> pdfs) {
        this.siteStamp = siteStamp;
        this.settings = settings;
        this.catalog = catalog;
        this.messages = messages;
        this.pdfs = pdfs;
    }

    /**
     * The fingerprint of a document page rendered with {@code template}; {@code states} are the
     * {@link #translationStates} of its path.
     */
    String documentPage(SitePage page, String template, String states) {
        Facts facts = new Facts().add("document").add(siteStamp).add(template).add(page.path())
                .add(language(page.language())).add(page.state().name()).add(document(page.shown())).add(states);
        catalog.brochureOf(page.path()).ifPresent(b -> facts.add(brochure(b, page.language())));
        return facts.digest();
    }

    /** Which languages have a translation of the documents at {@code path}: switcher and hreflang links. */
    String translationStates(String path) {
        StringBuilder states = new StringBuilder();
        for (Language other : settings.languages()) {
            states.append(catalog.page(other, path).map(p -> p.state().name()).orElse("-")).append(',');
        }
        return states.toString();
    }

    /** The fingerprint of a listing page (home, all documents, one type) of {@code language}. */
    String listingPage(String template, String outputPath, Language language, List<DocumentType> types) {
        Facts facts = new Facts().add("listing").add(siteStamp).add(template).add(outputPath)
                .add(language(language)).add(listing(language));
        types.forEach(t -> facts.add(t.id()));
        return facts.digest();
    }

    /** Locale, interface texts and footer links of a language. */
    private String language(Language language) {
        return languages.computeIfAbsent(language, l -> {
            Facts facts = new Facts().add(l.id()).add(l.lang()).add(l.hreflang()).add(l.dir().attribute())
                    .add(l.autonym()).add(String.valueOf(l.fonts())).add(l.locale().toLanguageTag());
            var bundle = messages.of(l);
            new TreeMap<>(bundle.keys().stream().collect(java.util.stream.Collectors.toMap(k -> k, bundle::get)))
                    .forEach((k, v) -> facts.add(k).add(v));
            for (String path : PageModels.FOOTER_PAGES) {
                catalog.page(l, path).ifPresentOrElse(p -> facts.add(p.outputPath()).add(p.shown().title()),
                        () -> facts.add("-"));
            }
            return facts.digest();
        });
    }

    /** Everything of a document that a page showing it can show: source, title, attributes, body. */
    private String document(CatalogDocument document) {
        return documents.computeIfAbsent(document.outputPath(), k -> {
            CatalogDocument d = document;
            Facts facts = new Facts().add(d.source().toString()).add(d.language().id()).add(d.path())
                    .add(d.type().id()).add(d.title()).add(String.valueOf(d.published())).add(d.version());
            new TreeMap<>(d.attributes()).forEach((name, value) -> facts.add(name).add(value));
            facts.add(de.leitbild.publisher.cache.ContentDigest.of(d.conversion().html()));
            return facts.digest();
        });
    }

    /** A brochure as its pages in {@code language} show it: parts, titles, imprint and the PDF's facts. */
    private String brochure(Brochure brochure, Language language) {
        return brochures.computeIfAbsent(brochure.id() + "\u0000" + language.id(), k -> {
            Facts facts = new Facts().add(brochure.id()).add(brochure.title()).add(brochure.imprint().toString());
            for (String part : brochure.partPaths()) {
                catalog.page(language, part).ifPresentOrElse(p -> facts.add(p.outputPath()).add(p.state().name())
                        .add(p.shown().title()).add(p.shown().language().id())
                        .add(p.shown().attribute("brochure-title").orElse("-")), () -> facts.add("-"));
            }
            pdfs.stream().filter(p -> p.brochureId().equals(brochure.id()) && p.language().equals(language)
                    && p.kind() == PdfKind.ACCESSIBLE).findFirst().ifPresentOrElse(
                            p -> facts.add(p.path()).add(String.valueOf(p.bytes())).add(String.valueOf(p.pages())),
                            () -> facts.add("-"));
            return facts.digest();
        });
    }

    /** What the listings of a language show of every document: title, type, state, description, publisher, date. */
    private String listing(Language language) {
        return listings.computeIfAbsent(language, l -> {
            Facts facts = new Facts();
            for (SitePage page : catalog.pages(l)) {
                CatalogDocument d = page.shown();
                facts.add(page.outputPath()).add(page.state().name()).add(d.title()).add(d.language().id())
                        .add(d.type().id()).add(d.attribute("description").orElse("-"))
                        .add(d.attribute("publisher").orElse("-")).add(d.attribute("source-date").orElse("-"));
            }
            return facts.digest();
        });
    }

    /** Facts written one after the other, each with its length, so that no two lists of facts read the same. */
    private static final class Facts {
        private final StringBuilder text = new StringBuilder(512);

        Facts add(String fact) {
            text.append(fact.length()).append(':').append(fact).append(';');
            return this;
        }

        String digest() {
            return de.leitbild.publisher.cache.ContentDigest.of(text.toString());
        }
    }
}
