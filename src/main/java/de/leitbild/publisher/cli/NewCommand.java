package de.leitbild.publisher.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import de.leitbild.publisher.config.SiteSettings;
import de.leitbild.publisher.config.SiteSettingsLoader;
import de.leitbild.publisher.problem.BuildFailure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code new}: starts a document, a translation or next year's yearly report, with the header filled in. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = {"Start a new source file with its header filled in; an existing file is never overwritten.",
                "  new <type> --path <path> --title <title>   a German document of a type (leitbild, …, page)",
                "  new translation --of <path> --lang <id>   a translation of a German document",
                "  new jahresbericht --from <path>           next year's yearly report"})
final class NewCommand implements Callable<Integer> {

    private static final String TRANSLATION = "translation";

    @Parameters(index = "0", paramLabel = "<type>", description = "A document type from jbake.properties, "
            + "or 'translation'.")
    private String kind;

    @Option(names = "--path", description = "The new document's path inside content/de/, e.g. brandenburg/leitbild.")
    private String path;

    @Option(names = "--title", description = "The new document's title.")
    private String title;

    @Option(names = "--of", description = "With translation: the German document's path, e.g. brandenburg/leitbild.")
    private String of;

    @Option(names = "--lang", description = "With translation: the language id, e.g. en.")
    private String lang;

    @Option(names = "--from", description = "With jahresbericht: last year's report, e.g. "
            + "musterstadt/jahresbericht-2025.")
    private String from;

    @Option(names = "--root", description = "Folder with jbake.properties (default: the current folder).",
            defaultValue = ".")
    private Path root;

    @Override
    public Integer call() {
        Path rootFolder = root.toAbsolutePath().normalize();
        SiteSettings settings;
        try {
            settings = new SiteSettingsLoader().load(rootFolder, rootFolder.resolve("target/site"));
        } catch (BuildFailure failure) {
            failure.problems().forEach(p -> System.err.println(p.format(rootFolder)));
            return 1;
        }
        Scaffolds scaffolds = new Scaffolds(settings);
        try {
            Scaffolds.Scaffold scaffold = scaffold(scaffolds);
            scaffolds.write(scaffold);
            System.out.println("Created " + scaffolds.relative(scaffold.file()) + ".");
            System.out.println("Next: " + scaffold.nextSteps() + ". Then run: bin/leitbild-publisher "
                    + "check");
            return 0;
        } catch (Scaffolds.Refusal refusal) {
            System.err.println("new: " + refusal.getMessage());
            return 1;
        } catch (IOException e) {
            System.err.println("new: the file cannot be written (" + e.getMessage() + "): check that the content "
                    + "folder is writable");
            return 1;
        }
    }

    private Scaffolds.Scaffold scaffold(Scaffolds scaffolds) throws Scaffolds.Refusal {
        if (TRANSLATION.equals(kind)) {
            refuse("--path", path, "a translation has the path of its source: give it with --of");
            refuse("--title", title, "a translation starts with the source's title; translate it in the file");
            refuse("--from", from, "--from is for next year's " + Scaffolds.YEARLY_REPORT);
            return scaffolds.translation(of, lang);
        }
        refuse("--of", of, "--of is for 'new translation'");
        refuse("--lang", lang, "a new document is written in German first; translate it with 'new translation'");
        if (Scaffolds.YEARLY_REPORT.equals(kind) && from != null) {
            refuse("--title", title, "the title is carried over from the last report, with the year advanced");
            return scaffolds.nextYearlyReport(from, path);
        }
        refuse("--from", from, "--from is for next year's " + Scaffolds.YEARLY_REPORT);
        return scaffolds.document(kind, path, title);
    }

    private static void refuse(String option, String value, String why) throws Scaffolds.Refusal {
        if (value != null) {
            throw new Scaffolds.Refusal(option + " does not fit here: " + why);
        }
    }
}
