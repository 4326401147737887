package de.leitbild.publisher.pdf;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import de.leitbild.publisher.problem.Problem;

import freemarker.core.Environment;
import freemarker.core.XMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

/**
 * Freemarker, set up like the site's but with XML escaping, renders {@code templates/print/*.ftl} into XSL-FO.
 * The templates walk the element tree of each part with Freemarker's {@code #recurse}/{@code #visit}.
 */
final class PrintTemplates {

    static final String BROCHURE = PdfSettings.TEMPLATE_FOLDER + "/brochure.ftl";

    /**
     * The templates walk elements by name, which needs no XPath; Freemarker's DOM support still warns on every
     * build that no XPath library is present. Held here because the logging library keeps its loggers weakly.
     */
    private static final java.util.logging.Logger DOM_LOG = java.util.logging.Logger.getLogger("freemarker.dom");

    static {
        DOM_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    private final Configuration freemarker;
    private final Path templateFolder;

    PrintTemplates(Path templateFolder) throws IOException {
        this.templateFolder = templateFolder;
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_33);
        cfg.setDirectoryForTemplateLoading(templateFolder.toFile());
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setOutputFormat(XMLOutputFormat.INSTANCE);
        cfg.setRecognizeStandardFileExtensions(false);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setNumberFormat("computer");
        cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
        cfg.setLocale(Locale.ROOT);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_33).build());
        this.freemarker = cfg;
    }

    /** The XSL-FO document for {@code model}; a template error is a problem that names the template line. */
    String render(Map<String, Object> model, Locale locale, String what) throws TemplateFailure {
        StringWriter out = new StringWriter(64 * 1024);
        try {
            Template template = freemarker.getTemplate(BROCHURE);
            Environment environment = template.createProcessingEnvironment(model, out);
            environment.setLocale(locale);
            environment.process();
            return out.toString();
        } catch (TemplateException e) {
            Path file = e.getTemplateSourceName() == null ? templateFolder.resolve(BROCHURE)
                    : templateFolder.resolve(e.getTemplateSourceName());
            int line = e.getLineNumber() == null ? 1 : e.getLineNumber();
            String detail = e.getMessageWithoutStackTop().lines().findFirst().orElse("");
            throw new TemplateFailure(new Problem(file, line, "the print template failed while writing " + what
                    + ": " + detail));
        } catch (IOException e) {
            throw new TemplateFailure(new Problem(templateFolder.resolve(BROCHURE), 1, "the print template cannot "
                    + "be read (" + e.getMessage() + ")"));
        }
    }

    /** A print template could not be rendered. */
    static final class TemplateFailure extends Exception {
        private final transient Problem problem;

        TemplateFailure(Problem problem) {
            super(problem.message());
            this.problem = problem;
        }

        Problem problem() {
            return problem;
        }
    }
}
