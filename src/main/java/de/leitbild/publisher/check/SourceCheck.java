package de.leitbild.publisher.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import de.leitbild.publisher.SiteBuild;
import de.leitbild.publisher.config.Language;
import de.leitbild.publisher.config.SiteSettings;
import de.leitbild.publisher.content.AsciidocEngine;
import de.leitbild.publisher.content.Catalog;
import de.leitbild.publisher.content.TranslationSet;
import de.leitbild.publisher.content.TranslationState;
import de.leitbild.publisher.problem.BuildFailure;
import de.leitbild.publisher.problem.Problem;

/**
 * The {@code check} command's work: runs the build's own stages over the sources into a scratch folder that is
 * thrown away, so it finds what the build would refuse (header, AsciiDoc, links, anchors, images, unsafe markup)
 * without touching the published site; then looks at the baked pages for links to sections of other documents
 * that do not exist, and adds the translation status.
 */
public final class SourceCheck {

    private final AsciidocEngine engine;

    public SourceCheck(AsciidocEngine engine) {
        this.engine = engine;
    }

    /** Checks the site whose sources are in {@code root}. */
    public CheckReport check(Path root) {
        long start = System.nanoTime();
        List<CheckReport.Finding> findings = new ArrayList<>();
        int documents = 0;
        Path scratch = scratchFolder();
        try {
            SiteBuild.Inspection inspection = new SiteBuild(engine).inspect(root, scratch);
            Catalog catalog = inspection.sources().catalog();
            documents = catalog.documents().size();
            inspection.problems().forEach(p -> findings.add(new CheckReport.Finding(CheckReport.Severity.ERROR, p)));
            new CrossPageAnchors(scratch).find(inspection.sources().settings(), catalog)
                    .forEach(p -> findings.add(new CheckReport.Finding(CheckReport.Severity.ERROR, p)));
            catalog.warnings().forEach(p -> findings.add(new CheckReport.Finding(CheckReport.Severity.WARNING, p)));
            missingTranslations(inspection.sources().settings(), catalog)
                    .forEach(p -> findings.add(new CheckReport.Finding(CheckReport.Severity.NOTE, p)));
        } catch (BuildFailure failure) {
            failure.problems().forEach(p -> findings.add(new CheckReport.Finding(CheckReport.Severity.ERROR, p)));
        } finally {
            delete(scratch);
        }
        return new CheckReport(root, findings, documents, (System.nanoTime() - start) / 1_000_000);
    }

    /** One note per published source document that some language has no published translation of. */
    private static List<Problem> missingTranslations(SiteSettings settings, Catalog catalog) {
        List<Problem> notes = new ArrayList<>();
        for (TranslationSet set : catalog.translationSets()) {
            if (!set.source().published()) {
                continue;
            }
            List<String> missing = settings.languages().stream()
                    .filter(l -> set.pageIn(l).state() == TranslationState.MISSING).map(Language::id).toList();
            if (!missing.isEmpty()) {
                notes.add(new Problem(set.source().source(), set.source().lineOf("title"), "not yet translated into "
                        + String.join(", ", missing) + " (readers of " + (missing.size() == 1 ? "that language" :
                        "those languages") + " see the German text with a notice); to start a translation: "
                        + "bin/leitbild-publisher new translation --of " + set.path() + " --lang "
                        + missing.get(0)));
            }
        }
        return notes;
    }

    private static Path scratchFolder() {
        try {
            return Files.createTempDirectory("leitbild-check-");
        } catch (IOException e) {
            throw new UncheckedIOException("the system's temporary folder is not writable", e);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A scratch folder left in the temporary folder is harmless; the check's result stands.
        }
    }
}
