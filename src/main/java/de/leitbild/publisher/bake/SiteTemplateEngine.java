package de.leitbild.publisher.bake;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.TimeZone;

import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.template.AbstractTemplateEngine;
import org.jbake.template.RenderingException;
import org.jbake.template.model.TemplateModel;

import freemarker.core.Environment;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

/**
 * JBake's template engine contract implemented with Freemarker set up for public pages: HTML auto-escaping on
 * every template, errors thrown instead of written into the page, and no access to JBake's document database
 * (pages get everything they show in their model).
 */
public final class SiteTemplateEngine extends AbstractTemplateEngine {

    private final Configuration freemarker;

    public SiteTemplateEngine(JBakeConfiguration config) throws IOException {
        super(config, null);
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_33);
        cfg.setDirectoryForTemplateLoading(config.getTemplateFolder());
        cfg.setDefaultEncoding(config.getTemplateEncoding());
        cfg.setOutputEncoding(config.getOutputEncoding());
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
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

    @Override
    public void renderDocument(TemplateModel model, String templateName, Writer writer) throws RenderingException {
        render(model, templateName, Locale.ROOT, writer);
    }

    /** Renders {@code model} with the template, numbers and dates in {@code locale}. */
    public void render(TemplateModel model, String templateName, Locale locale, Writer writer)
            throws RenderingException {
        try {
            Template template = freemarker.getTemplate(templateName);
            Environment environment = template.createProcessingEnvironment(model, writer);
            environment.setLocale(locale);
            environment.process();
        } catch (IOException | TemplateException e) {
            throw new RenderingException(e);
        }
    }
}
