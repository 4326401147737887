package de.leitbild.publisher.bake;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jbake.template.RenderingException;
import org.jbake.template.model.TemplateModel;

import de.leitbild.publisher.content.AsciidocAttributes;
import de.leitbild.publisher.config.Language;
import de.leitbild.publisher.config.SiteSettings;
import de.leitbild.publisher.content.AsciidocEngine;
import de.leitbild.publisher.content.Catalog;
import de.leitbild.publisher.content.UnsafeMarkupScanner;
import de.leitbild.publisher.i18n.MessageBundle;
import de.leitbild.publisher.i18n.MessageBundles;
import de.leitbild.publisher.problem.BuildFailure;
import de.leitbild.publisher.problem.Problem;

/**
 * The editor's guide for officers, {@code docs/redaktionshandbuch.adoc}, built with the site into
 * {@value #PATH}: the same frame, safety and checks as every page, but linked from no public page, not in the
 * sitemap or the search, and marked noindex, because it is written for the office, not for citizens.
 */
public final class EditorGuidePage {

    /** The guide's source, relative to the site root. */
    public static final String SOURCE = "docs/redaktionshandbuch.adoc";
    /** The guide's address in the site. */
    public static final String PATH = "redaktionshandbuch.html";
    private static final String TEMPLATE = "redaktionshandbuch.ftl";

    private final SiteSettings settings;
    private final MessageBundles messages;
    private final AsciidocEngine engine;
    private de.leitbild.publisher.content.ConversionStore store = de.leitbild.publisher.content.ConversionStore.none();

    /** The same page, its conversion taken from {@code conversions} if the guide did not change. */
    public EditorGuidePage withStore(de.leitbild.publisher.content.ConversionStore conversions) {
        EditorGuidePage page = new EditorGuidePage(settings, messages, engine);
        page.store = conversions;
        return page;
    }

    public EditorGuidePage(SiteSettings settings, MessageBundles messages, AsciidocEngine engine) {
        this.settings = settings;
        this.messages = messages;
        this.engine = engine;
    }

    /** Writes the guide into {@code staging}, next to the baked site; a site without the guide's source has none. */
    public void write(Catalog catalog, Path staging) throws BuildFailure {
        Path source = settings.root().resolve(SOURCE);
        if (!Files.isRegularFile(source)) {
            return;
        }
        List<Problem> problems = new ArrayList<>();
        String text;
        try {
            text = Files.readString(source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BuildFailure(new Problem(source, 1, "the editor's guide cannot be read as UTF-8 text ("
                    + e.getMessage() + ")"));
        }
        Language language = settings.sourceLanguage();
        MessageBundle bundle = messages.of(language);
        problems.addAll(UnsafeMarkupScanner.scan(source, text.lines().toList()));
        AsciidocEngine.Conversion converted = store.convert(engine, source, text, attributes(language, bundle));
        problems.addAll(converted.problems());
        FinishedBody body = new BodyFinisher().finish(converted.html()).in(bundle);
        body.brokenAnchors().forEach(a -> problems.add(new Problem(source, 1, "the cross reference to '#" + a
                + "' has no target in the guide: correct the id or give the target section the id [#" + a + "]")));
        body.unsafeMarkup().forEach(u -> problems.add(new Problem(source, 1, u.message())));
        for (String href : body.relativeLinks()) {
            String target = SiteLinks.resolve(PATH, href);
            if (target == null || !Files.exists(staging.resolve(target))) {
                problems.add(new Problem(source, 1, "the guide links to '" + href + "', which is not in the site: "
                        + "correct the link"));
            }
        }
        body.foreignResources().forEach(src -> problems.add(new Problem(source, 1, "'" + src + "' would be "
                + "loaded from another host: store the file in the site and refer to it by a relative path")));
        if (!problems.isEmpty()) {
            throw new BuildFailure(problems);
        }
        String title = converted.title();
        Map<String, Object> guide = new LinkedHashMap<>();
        guide.put("title", title);
        guide.put("description", String.valueOf(converted.attributes().getOrDefault("description", "")));
        guide.put("toc", body.toc().stream().map(t -> Map.of("id", t.id(), "text", t.text(), "level", t.level()))
                .toList());
        guide.put("body", body.html());
        // Only the guide itself in German: the other languages' switcher entries lead to their home pages.
        Map<String, Object> model = new PageModels(settings, catalog, messages, List.of()).common(language, PATH, title,
                l -> l.equals(language) ? PATH : PageModels.homePath(l), l -> false);
        model.put("guide", guide);
        model.put("breadcrumbs", List.of(PageModels.link(bundle.get("nav.home"), (String) model.get("home"))));
        render(model, staging.resolve(PATH));
    }

    private void render(Map<String, Object> values, Path file) throws BuildFailure {
        Path template = settings.templateFolder().resolve(TEMPLATE);
        try {
            TemplateModel model = new TemplateModel();
            model.putAll(values);
            StringWriter out = new StringWriter();
            new SiteTemplateEngine(settings.jbake()).render(model, TEMPLATE, settings.sourceLanguage().locale(), out);
            Files.createDirectories(file.getParent());
            Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
        } catch (RenderingException e) {
            throw new BuildFailure(new Problem(template, 1, "the template failed while writing " + PATH + ": "
                    + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage())));
        } catch (IOException e) {
            throw new BuildFailure(new Problem(template, 1, "cannot write " + PATH + " (" + e.getMessage() + ")"));
        }
    }

    /** The document attributes of the site's documents (jbake.properties, language labels), for the same HTML. */
    private Map<String, Object> attributes(Language language, MessageBundle bundle) {
        return AsciidocAttributes.forLanguage(settings, bundle, language);
    }
}
