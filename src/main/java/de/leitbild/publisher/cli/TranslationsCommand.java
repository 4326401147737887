package de.leitbild.publisher.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import de.leitbild.publisher.SiteBuild;
import de.leitbild.publisher.check.TranslationReport;
import de.leitbild.publisher.content.AsciidocEngine;
import de.leitbild.publisher.problem.BuildFailure;
import de.leitbild.publisher.problem.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code translations}: prints which document is translated into which language, and what is outdated. */
@Command(name = "translations", mixinStandardHelpOptions = true,
        description = "Print the translation coverage: documents × languages (ok, outdated, missing).")
final class TranslationsCommand implements Callable<Integer> {

    @Option(names = "--root", description = "Folder with jbake.properties (default: the current folder).",
            defaultValue = ".")
    private Path root;

    @Override
    public Integer call() {
        Path rootFolder = root.toAbsolutePath().normalize();
        try (AsciidocEngine engine = new AsciidocEngine()) {
            SiteBuild.Sources sources = new SiteBuild(engine).read(rootFolder, rootFolder.resolve("target/site"));
            System.out.print(new TranslationReport(sources.settings(), sources.catalog()).format());
            for (Problem warning : sources.catalog().warnings()) {
                System.out.println(warning.format(rootFolder));
            }
            return 0;
        } catch (BuildFailure failure) {
            failure.problems().forEach(p -> System.err.println(p.format(rootFolder)));
            System.err.printf("%d problem(s) in the sources: fix them first.%n", failure.problems().size());
            return 1;
        }
    }
}
