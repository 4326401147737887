package de.leitbild.publisher.pdf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.fop.apps.FOPException;

import de.leitbild.publisher.content.AsciidocAttributes;
import de.leitbild.publisher.config.Language;
import de.leitbild.publisher.config.SiteSettings;
import de.leitbild.publisher.content.AsciidocEngine;
import de.leitbild.publisher.content.Catalog;
import de.leitbild.publisher.content.CatalogDocument;
import de.leitbild.publisher.content.Imprint;
import de.leitbild.publisher.i18n.LocaleFormats;
import de.leitbild.publisher.i18n.MessageBundle;
import de.leitbild.publisher.i18n.MessageBundles;
import de.leitbild.publisher.problem.BuildFailure;
import de.leitbild.publisher.problem.Problem;
import de.leitbild.publisher.publish.OutputMemory;
import de.leitbild.publisher.content.ConversionStore;
import de.leitbild.publisher.problem.ProblemCollector;

import freemarker.core.XMLOutputFormat;
import freemarker.ext.dom.NodeModel;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;

/**
 * The {@code pdf} stage: writes every brochure in every language that has it as an accessible PDF and a print
 * PDF into {@code <language>/pdf/} of the staging folder. The print templates turn each edition into XSL-FO,
 * Apache FOP renders it, PDFBox finishes it.
 */
public final class BrochureRenderer {

    /** Message keys whose texts the print templates show; their characters are checked against the fonts. */
    private static final List<String> PRINTED_MESSAGE_PREFIXES = List.of("pdf.", "brochure.", "doc.", "footnote.");
    private static final Date UNKNOWN_DATE = Date.from(LocalDate.of(2000, 1, 1).atStartOfDay(ZoneOffset.UTC)
            .toInstant());

    private final SiteSettings settings;
    private final MessageBundles messages;
    private final AsciidocEngine engine;

    private OutputMemory memory = OutputMemory.none();

    /** The same renderer, taking a PDF over from the published site if its print source did not change. */
    public BrochureRenderer withMemory(OutputMemory published) {
        BrochureRenderer renderer = new BrochureRenderer(settings, messages, engine);
        renderer.memory = published;
        return renderer;
    }

    public BrochureRenderer(SiteSettings settings, MessageBundles messages, AsciidocEngine engine) {
        this.settings = settings;
        this.messages = messages;
        this.engine = engine;
    }

    /** Writes the PDFs of all brochure editions into {@code staging}; returns what was written, in a stable order. */
    public List<BrochurePdf> render(Catalog catalog, Path staging) throws BuildFailure {
        ProblemCollector problems = new ProblemCollector();
        List<BrochureEdition> editions = BrochureEditions.find(settings, catalog, problems);
        problems.throwIfAny();
        if (editions.isEmpty()) {
            return List.of();
        }
        PdfSettings pdf = PdfSettings.load(settings);
        FontSet fonts = FontSet.load(pdf);
        checkMessages(fonts, problems);
        PrintTemplates templates;
        FoRenderer renderer;
        try {
            templates = new PrintTemplates(settings.templateFolder());
            renderer = new FoRenderer(pdf, fonts);
        } catch (IOException | FOPException e) {
            throw new BuildFailure(new Problem(pdf.printTemplates(), 1, "the PDF renderer cannot be set up ("
                    + e.getMessage() + "): check the print templates and the fonts"));
        }
        PrintBody bodies = new PrintBody(fonts, settings.baseUrl());
        List<EditionModel> models = new ArrayList<>();
        for (BrochureEdition edition : editions) {
            EditionModel model = model(edition, fonts, bodies, problems);
            model.model().put("fontSize", pdf.fontSize(edition.language()));
            models.add(model);
        }
        problems.throwIfAny();
        PdfFinisher finisher = new PdfFinisher(pdf);
        String stamp = memory.remembers() ? stamp(pdf) : "";
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "pdf");
            t.setDaemon(true);
            return t;
        });
        List<Future<List<BrochurePdf>>> futures = new ArrayList<>();
        for (EditionModel model : models) {
            futures.add(pool.submit(() -> write(model, templates, renderer, finisher, pdf, staging, problems,
                    stamp)));
        }
        List<BrochurePdf> written = new ArrayList<>();
        try {
            for (Future<List<BrochurePdf>> future : futures) {
                written.addAll(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BuildFailure(new Problem(pdf.printTemplates(), 1, "the PDF build was interrupted"));
        } catch (ExecutionException e) {
            throw new IllegalStateException("rendering a brochure failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        problems.throwIfAny();
        List<String> order = settings.languages().stream().map(Language::id).toList();
        return written.stream().sorted(Comparator.comparing(BrochurePdf::brochureId)
                .thenComparingInt(p -> order.indexOf(p.language().id())).thenComparing(BrochurePdf::kind)).toList();
    }

    /** One edition, ready for the templates: the model without the kind-specific entries, and where it came from. */
    private record EditionModel(BrochureEdition edition, Map<String, Object> model, Date date) {
    }

    private List<BrochurePdf> write(EditionModel edition, PrintTemplates templates, FoRenderer renderer,
            PdfFinisher finisher, PdfSettings pdf, Path staging, ProblemCollector problems, String stamp) {
        BrochureEdition e = edition.edition();
        CatalogDocument first = e.parts().get(0);
        Language language = e.language();
        List<BrochurePdf> written = new ArrayList<>();
        PdfKind kind = PdfKind.ACCESSIBLE;
        try {
            Map<String, Object> accessibleModel = kindModel(edition.model(), PdfKind.ACCESSIBLE, pdf, 0);
            String fo = templates.render(accessibleModel, language.locale(), e.path(PdfKind.ACCESSIBLE));
            // A PDF is a function of its formatting objects, the fonts, the settings and the code: if none of
            // them changed since the last build, the published file is taken over instead of rendered again.
            String facts = stamp + "\n" + e.title() + "\n" + language.lang() + "\n" + edition.date().getTime() + "\n";
            String fingerprint = memory.remembers() ? OutputMemory.sha256(facts + fo) : null;
            BrochurePdf kept = reuse(staging, e, PdfKind.ACCESSIBLE, fingerprint);
            if (kept == null) {
                FoRenderer.Rendered rendered = renderer.render(fo, PdfKind.ACCESSIBLE, e.title(), language.lang(),
                        edition.date());
                kept = store(staging, e, PdfKind.ACCESSIBLE, finisher.accessible(rendered.pdf(), digest(fo)),
                        fingerprint);
            }
            written.add(kept);
            int accessiblePages = kept.pages();

            // The print PDF has the accessible one's pages, then blank pages and the back cover: a multiple of 4.
            int blanks = (4 - (accessiblePages + 1) % 4) % 4;
            kind = PdfKind.PRINT;
            Map<String, Object> printModel = kindModel(edition.model(), PdfKind.PRINT, pdf, blanks);
            String printFo = templates.render(printModel, language.locale(), e.path(PdfKind.PRINT));
            String printFingerprint = memory.remembers() ? OutputMemory.sha256(facts + printFo) : null;
            BrochurePdf keptPrint = reuse(staging, e, PdfKind.PRINT, printFingerprint);
            if (keptPrint == null) {
                FoRenderer.Rendered printed = renderer.render(printFo, PdfKind.PRINT, e.title(), language.lang(),
                        edition.date());
                keptPrint = store(staging, e, PdfKind.PRINT, finisher.print(printed.pdf(), digest(printFo)),
                        printFingerprint);
            }
            written.add(keptPrint);
        } catch (PrintTemplates.TemplateFailure failure) {
            problems.add(failure.problem());
        } catch (FoRenderer.RenderFailure failure) {
            problems.add(new Problem(first.source(), 1, "the PDF " + e.path(kind) + " cannot be "
                    + "rendered: " + failure.getMessage() + " — correct the text or the print templates"));
        } catch (IOException failure) {
            problems.add(new Problem(first.source(), 1, "the PDF of brochure '" + e.id() + "' cannot be written ("
                    + failure.getMessage() + "): check that the output folder is writable"));
        }
        return written;
    }

    private static byte[] digest(String fo) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(fo.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private BrochurePdf store(Path staging, BrochureEdition edition, PdfKind kind, PdfFinisher.Finished finished,
            String fingerprint) throws IOException {
        String path = edition.path(kind);
        Path file = staging.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, finished.pdf());
        memory.record(path, fingerprint, finished.pdf().length, List.of(Integer.toString(finished.pages())));
        return new BrochurePdf(edition.id(), edition.language(), kind, path, finished.pdf().length,
                finished.pages());
    }

    /** The PDF the last build published from the same fingerprint, now in {@code staging}; else null. */
    private BrochurePdf reuse(Path staging, BrochureEdition edition, PdfKind kind, String fingerprint)
            throws IOException {
        String path = edition.path(kind);
        List<String> notes = memory.reuse(path, fingerprint, staging);
        if (notes == null || notes.size() != 1 || !notes.get(0).matches("\\d+")) {
            return null;
        }
        return new BrochurePdf(edition.id(), edition.language(), kind, path, Files.size(staging.resolve(path)),
                Integer.parseInt(notes.get(0)));
    }

    /** What every PDF depends on besides its formatting objects: code, configuration, templates, fonts, profile. */
    private String stamp(PdfSettings pdf) {
        StringBuilder stamp = new StringBuilder(ConversionStore.codeStamp(BrochureRenderer.class));
        try {
            stamp.append('\n').append(OutputMemory.sha256(Files.readString(settings.configFile())));
            for (Path place : List.of(pdf.printTemplates(), pdf.fontFolder(), pdf.outputProfile())) {
                if (!Files.exists(place)) {
                    continue;
                }
                try (java.util.stream.Stream<Path> walk = Files.walk(place)) {
                    for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                        stamp.append('\n').append(file.getFileName()).append(' ')
                                .append(java.util.HexFormat.of().formatHex(digestOf(Files.readAllBytes(file))));
                    }
                }
            }
        } catch (IOException e) {
            stamp.append('\n').append(System.nanoTime());
        }
        return OutputMemory.sha256(stamp.toString());
    }

    private static byte[] digestOf(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static Map<String, Object> kindModel(Map<String, Object> common, PdfKind kind, PdfSettings pdf,
            int blanks) {
        Map<String, Object> model = new LinkedHashMap<>(common);
        boolean print = kind == PdfKind.PRINT;
        model.put("print", print);
        model.put("blankPages", blanks);
        model.put("cropMarks", print && pdf.cropMarks());
        Map<String, String> color = new LinkedHashMap<>();
        // Print colours are CMYK for the press (text in black ink only); screen colours are the site's.
        color.put("text", print ? "cmyk(0,0,0,1)" : "#1a1a1a");
        color.put("muted", print ? "cmyk(0,0,0,0.75)" : "#4a4a4a");
        color.put("accent", print ? "cmyk(0.93,0.44,0,0.42)" : "#0b5394");
        color.put("onAccent", print ? "cmyk(0,0,0,0)" : "#ffffff");
        color.put("rule", print ? "cmyk(0,0,0,0.25)" : "#c9d1d9");
        color.put("tint", print ? "cmyk(0.06,0.02,0,0.02)" : "#f3f5f7");
        model.put("color", color);
        return model;
    }

    private EditionModel model(BrochureEdition edition, FontSet fonts, PrintBody bodies, ProblemCollector problems) {
        Language language = edition.language();
        MessageBundle bundle = messages.of(language);
        LocaleFormats formats = new LocaleFormats(language.locale());
        String baseFont = language.isRightToLeft() ? fonts.families().stream()
                .filter(f -> fonts.familyFor('\u0628').map(f::equals).orElse(false)).findFirst()
                .orElse(fonts.families().get(0)) : fonts.families().get(0);
        boolean severalParts = edition.parts().size() > 1;
        Map<String, Integer> partNumbers = new LinkedHashMap<>();
        for (int i = 0; i < edition.parts().size(); i++) {
            partNumbers.put(edition.parts().get(i).outputPath(), i + 1);
        }
        List<Map<String, Object>> parts = new ArrayList<>();
        List<Map<String, Object>> toc = new ArrayList<>();
        List<Map<String, Object>> bookmarks = new ArrayList<>();
        List<Map<String, Object>> sources = new ArrayList<>();
        for (int i = 0; i < edition.parts().size(); i++) {
            CatalogDocument document = edition.parts().get(i);
            int number = i + 1;
            // The content stage converted it with the same attributes: its problems are reported there.
            String html = document.conversion().html();
            PrintBody.Part part = bodies.prepare(document, number, html, partNumbers, severalParts ? 1 : 0,
                    problems);
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("number", number);
            view.put("id", "p" + number);
            view.put("title", document.title());
            view.put("showTitle", severalParts);
            view.put("body", NodeModel.wrap(part.body()));
            parts.add(view);

            List<Map<String, Object>> sectionMarks = new ArrayList<>();
            Map<String, Object> partMark = entry("p" + number, document.title(), 1);
            if (severalParts) {
                toc.add(entry("p" + number, document.title(), 1));
            }
            for (PrintBody.Section section : part.sections()) {
                int level = section.level() + (severalParts ? 1 : 0);
                if (level <= 2) {
                    toc.add(entry(section.id(), section.title(), level));
                }
                if (section.level() == 1) {
                    Map<String, Object> mark = entry(section.id(), section.title(), level);
                    mark.put("children", new ArrayList<Map<String, Object>>());
                    sectionMarks.add(mark);
                } else if (!sectionMarks.isEmpty()) {
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> children = (List<Map<String, Object>>) sectionMarks
                            .get(sectionMarks.size() - 1).get("children");
                    children.add(entry(section.id(), section.title(), level));
                }
            }
            if (severalParts) {
                partMark.put("children", sectionMarks);
                bookmarks.add(partMark);
            } else {
                bookmarks.addAll(sectionMarks);
            }
            Map<String, Object> source = sourceView(document, formats);
            if (!sources.isEmpty()) {
                // Later parts name only the facts in which they differ from the first part.
                sources.get(0).forEach((k, v) -> {
                    if (!k.equals("title") && !k.equals("sourceNote") && v.equals(source.get(k))) {
                        source.remove(k);
                    }
                });
                source.putIfAbsent("sourceDateUnknown", false);
            }
            sources.add(source);
        }
        CatalogDocument first = edition.parts().get(0);
        checkText(fonts, edition.title(), first.source(), problems);
        Imprint imprint = edition.brochure().imprint();
        Map<String, Object> imprintView = imprintView(imprint, formats);
        imprintView.values().forEach(v -> checkText(fonts, String.valueOf(v),
                edition.brochure().parts().get(0).source(), problems));

        Map<String, Object> model = new LinkedHashMap<>();
        model.put("msg", bundle);
        model.put("runs", new Runs(fonts, baseFont, false));
        model.put("isolate", new Runs(fonts, baseFont, language.isRightToLeft()));
        model.put("baseFont", baseFont);
        model.put("numberFont", fonts.familyFor('M').orElse(baseFont));
        Map<String, Object> lang = new LinkedHashMap<>();
        lang.put("id", language.id());
        lang.put("lang", language.lang());
        lang.put("dir", language.dir().attribute());
        lang.put("autonym", language.autonym());
        model.put("lang", lang);
        model.put("rtl", language.isRightToLeft());
        model.put("title", edition.title());
        model.put("parts", parts);
        model.put("toc", toc);
        model.put("bookmarks", bookmarks);
        model.put("imprint", imprintView);
        model.put("sources", sources);
        Map<String, Object> cover = new LinkedHashMap<>();
        cover.put("publisher", imprint.publisher().or(() -> first.attribute("publisher")).orElse(""));
        first.attribute("co-publisher").ifPresent(v -> cover.put("coPublisher", v));
        imprint.date().or(() -> first.attribute("source-date")).flatMap(formats::isoDate)
                .ifPresent(v -> cover.put("date", v));
        imprint.web().ifPresent(v -> cover.put("web", v));
        model.put("cover", cover);
        return new EditionModel(edition, model, date(edition));
    }

    private static Map<String, Object> entry(String id, String title, int level) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", id);
        entry.put("title", title);
        entry.put("level", level);
        return entry;
    }

    private static Map<String, Object> sourceView(CatalogDocument document, LocaleFormats formats) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("title", document.title());
        for (String name : List.of("publisher", "co-publisher", "original-title", "source-note")) {
            document.attribute(name).ifPresent(v -> view.put(camel(name), v));
        }
        document.attribute("source-date").flatMap(formats::isoDate).ifPresent(v -> view.put("sourceDate", v));
        view.put("sourceDateUnknown", document.attribute("source-date-unknown").isPresent());
        return view;
    }

    private static Map<String, Object> imprintView(Imprint imprint, LocaleFormats formats) {
        Map<String, Object> view = new LinkedHashMap<>();
        imprint.publisher().ifPresent(v -> view.put("publisher", v));
        imprint.department().ifPresent(v -> view.put("department", v));
        if (!imprint.address().isEmpty()) {
            view.put("address", imprint.address());
        }
        imprint.web().ifPresent(v -> view.put("web", v));
        imprint.layout().ifPresent(v -> view.put("layout", v));
        imprint.print().ifPresent(v -> view.put("print", v));
        imprint.printRun().ifPresent(v -> view.put("printRun", formats.number(v)));
        imprint.date().flatMap(formats::isoDate).ifPresent(v -> view.put("date", v));
        return view;
    }

    /** The PDFs' creation date: the brochure's imprint date, else its newest source date; never the clock. */
    private static Date date(BrochureEdition edition) {
        List<String> dates = new ArrayList<>();
        edition.brochure().imprint().date().ifPresent(dates::add);
        if (dates.isEmpty()) {
            edition.brochure().parts().forEach(p -> p.attribute("source-date").ifPresent(dates::add));
        }
        return dates.stream().map(d -> d.length() == 4 ? d + "-01-01" : d.length() == 7 ? d + "-01" : d)
                .filter(d -> d.matches("\\d{4}-\\d{2}-\\d{2}")).max(String::compareTo)
                .map(d -> Date.from(LocalDate.parse(d).atStartOfDay(ZoneOffset.UTC).toInstant()))
                .orElse(UNKNOWN_DATE);
    }

    private void checkMessages(FontSet fonts, ProblemCollector problems) {
        for (Language language : settings.languages()) {
            MessageBundle bundle = messages.of(language);
            Path file = MessageBundles.folder(settings).resolve(language.id() + ".properties");
            for (String key : bundle.keys().stream().sorted().toList()) {
                if (PRINTED_MESSAGE_PREFIXES.stream().anyMatch(key::startsWith)) {
                    checkText(fonts, bundle.get(key), file, problems);
                }
            }
        }
    }

    private static void checkText(FontSet fonts, String text, Path file, ProblemCollector problems) {
        Optional<Integer> bad = fonts.unshowable(text);
        if (bad.isPresent()) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                lines = List.of();
            }
            problems.add(PrintBody.unshowable(file, PrintBody.lineMentioning(lines,
                    Character.toString(bad.get())), bad.get(), fonts));
        }
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

    /**
     * {@code runs(text)} in the print templates: the text as XSL-FO, each script run in a font that has it.
     * {@code isolate(text)} is the same for a value that stands alone (a name, an address, a title of the German
     * original): in a right-to-left brochure a value written only in left-to-right scripts is embedded left to
     * right, so that its brackets and punctuation stay where they belong instead of moving to the other end.
     */
    private record Runs(FontSet fonts, String baseFont, boolean isolateLeftToRight) implements TemplateMethodModelEx {
        @Override
        public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
            if (arguments.size() != 1 || !(arguments.get(0) instanceof TemplateScalarModel text)) {
                throw new TemplateModelException("runs(text) takes one text");
            }
            String value = text.getAsString();
            String markup = fonts.runs(value, baseFont);
            if (isolateLeftToRight && onlyLeftToRight(value)) {
                markup = "<fo:bidi-override unicode-bidi=\"embed\" direction=\"ltr\">" + markup
                        + "</fo:bidi-override>";
            }
            return XMLOutputFormat.INSTANCE.fromMarkup(markup);
        }

        private static boolean onlyLeftToRight(String text) {
            boolean leftToRight = false;
            for (int i = 0; i < text.length(); i++) {
                byte direction = Character.getDirectionality(text.charAt(i));
                if (direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                        || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                    return false;
                }
                leftToRight |= direction == Character.DIRECTIONALITY_LEFT_TO_RIGHT;
            }
            return leftToRight;
        }
    }
}
