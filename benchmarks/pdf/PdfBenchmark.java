import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;

import de.leitbild.publisher.SiteBuild;
import de.leitbild.publisher.content.AsciidocEngine;
import de.leitbild.publisher.content.Brochure;
import de.leitbild.publisher.content.Catalog;
import de.leitbild.publisher.content.TranslationSet;
import de.leitbild.publisher.pdf.BrochurePdf;
import de.leitbild.publisher.pdf.BrochureRenderer;

/**
 * Times the pdf stage (all brochures in all languages, cold and warm) and, in the same JVM, asciidoctorj-pdf
 * converting the same German brochure (its parts included into one book). Run by scripts/benchmark-pdf.
 */
public class PdfBenchmark {

    static final String BROCHURE = "leitbild-brandenburg";
    static final int WARM_RUNS = 3;

    public static void main(String[] args) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Path work = Files.createTempDirectory("pdf-benchmark");
        List<String[]> rows = new ArrayList<>();
        long t = System.nanoTime();
        try (AsciidocEngine engine = new AsciidocEngine()) {
            rows.add(row("JRuby + Asciidoctor start (once per build)", ms(t), ""));
            SiteBuild.Sources sources = new SiteBuild(engine).read(root, work.resolve("site"));
            Catalog all = sources.catalog();
            BrochureRenderer renderer = new BrochureRenderer(sources.settings(), sources.messages(), engine);

            t = System.nanoTime();
            List<BrochurePdf> pdfs = renderer.render(all, fresh(work, "cold"));
            rows.add(row("pdf stage, all brochures, cold (first in the JVM)", ms(t), pdfs.size() + " PDFs, "
                    + pages(pdfs) + " pages"));
            List<Long> warm = new ArrayList<>();
            for (int i = 0; i < WARM_RUNS; i++) {
                t = System.nanoTime();
                renderer.render(all, fresh(work, "warm" + i));
                warm.add(ms(t));
            }
            rows.add(row("pdf stage, all brochures, warm (median of " + WARM_RUNS + ")", median(warm),
                    "runs " + warm));

            Catalog german = germanOnly(all);
            List<Long> ours = new ArrayList<>();
            List<BrochurePdf> germanPdfs = List.of();
            for (int i = 0; i < WARM_RUNS; i++) {
                t = System.nanoTime();
                germanPdfs = renderer.render(german, fresh(work, "de" + i));
                ours.add(ms(t));
            }
            rows.add(row("pdf stage, German " + BROCHURE + " only (accessible + print), warm", median(ours),
                    "runs " + ours + "; " + germanPdfs.stream().map(p -> p.path() + " " + p.pages() + " p.")
                            .toList()));

            Path book = book(all, work);
            t = System.nanoTime();
            try (Asciidoctor asciidoctor = Asciidoctor.Factory.create()) {
                asciidoctor.requireLibrary("asciidoctor-pdf");
                rows.add(row("asciidoctorj-pdf: second Asciidoctor instance + require asciidoctor-pdf", ms(t), ""));
                t = System.nanoTime();
                Path out = convert(asciidoctor, book, work.resolve("asciidoctor-cold.pdf"));
                rows.add(row("asciidoctorj-pdf, German " + BROCHURE + ", cold", ms(t), Files.size(out) / 1024
                        + " KB, untagged, no bleed"));
                List<Long> theirs = new ArrayList<>();
                for (int i = 0; i < WARM_RUNS; i++) {
                    t = System.nanoTime();
                    convert(asciidoctor, book, work.resolve("asciidoctor-" + i + ".pdf"));
                    theirs.add(ms(t));
                }
                rows.add(row("asciidoctorj-pdf, German " + BROCHURE + ", warm (median of " + WARM_RUNS + ")",
                        median(theirs), "runs " + theirs));
            }
        }
        System.out.println("| what | ms | notes |");
        System.out.println("|---|---:|---|");
        rows.forEach(r -> System.out.println("| " + r[0] + " | " + r[1] + " | " + r[2] + " |"));
        System.out.println();
        System.out.println("cores: " + Runtime.getRuntime().availableProcessors() + ", Java "
                + System.getProperty("java.version") + ", output kept in " + work);
    }

    /** The German brochure only: no translations, so only its German editions are made. */
    static Catalog germanOnly(Catalog all) {
        List<TranslationSet> sets = all.translationSets().stream()
                .map(s -> new TranslationSet(s.path(), s.source(), Map.of())).toList();
        List<Brochure> brochures = all.brochures().stream().filter(b -> b.id().equals(BROCHURE)).toList();
        return new Catalog(all.documents(), sets, brochures, all.staticFiles(), all.warnings());
    }

    /** One AsciiDoc book that includes the brochure's parts, as asciidoctor-pdf would be given it. */
    static Path book(Catalog all, Path work) throws IOException {
        Brochure brochure = all.brochures().stream().filter(b -> b.id().equals(BROCHURE)).findFirst().orElseThrow();
        StringBuilder text = new StringBuilder("= " + brochure.title() + "\n:doctype: book\n:lang: de\n:toc:\n\n");
        brochure.parts().forEach(p -> text.append("include::").append(p.source().toAbsolutePath())
                .append("[leveloffset=+1]\n\n"));
        Path book = work.resolve("book.adoc");
        Files.writeString(book, text);
        return book;
    }

    static Path convert(Asciidoctor asciidoctor, Path book, Path out) {
        asciidoctor.convertFile(book.toFile(), Options.builder().backend("pdf").safe(SafeMode.UNSAFE)
                .toFile(out.toFile()).mkDirs(true).build());
        return out;
    }

    static Path fresh(Path work, String name) throws IOException {
        Path folder = work.resolve(name);
        if (Files.exists(folder)) {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(folder);
        return folder;
    }

    static int pages(List<BrochurePdf> pdfs) {
        return pdfs.stream().mapToInt(BrochurePdf::pages).sum();
    }

    static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    static String[] row(String what, long ms, String notes) {
        return new String[] {what, String.valueOf(ms), notes};
    }
}
