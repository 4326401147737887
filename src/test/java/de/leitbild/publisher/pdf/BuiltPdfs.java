package de.leitbild.publisher.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import de.leitbild.publisher.BuiltSites;

/** The PDFs of the repository's own site: accessible ones and print ones, told apart by their file names. */
final class BuiltPdfs {

    private BuiltPdfs() {
    }

    static Path site() {
        return BuiltSites.repositorySite();
    }

    static List<Path> all() {
        try (Stream<Path> walk = Files.walk(site())) {
            return walk.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> accessible() {
        return all().stream().filter(p -> !isPrint(p)).toList();
    }

    static List<Path> print() {
        return all().stream().filter(BuiltPdfs::isPrint).toList();
    }

    static boolean isPrint(Path pdf) {
        return pdf.getFileName().toString().endsWith("-print.pdf");
    }

    /** The site-relative path, e.g. {@code de/pdf/leitbild-brandenburg.pdf}. */
    static String name(Path pdf) {
        return site().relativize(pdf).toString().replace('\\', '/');
    }
}
