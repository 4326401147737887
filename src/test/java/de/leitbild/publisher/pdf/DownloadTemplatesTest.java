package de.leitbild.publisher.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import de.leitbild.publisher.BuiltSites;
import de.leitbild.publisher.i18n.MessageBundle;

import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.StringTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;

/** The templates the lead wires into the site: the PDF link of a document page, and the downloads page. */
class DownloadTemplatesTest {

    private static final Path TEMPLATES = BuiltSites.repositoryRoot().resolve("templates");

    @Test
    void aDocumentPageLinksTheAccessiblePdfWithSizeAndPageCount() throws Exception {
        BrochurePdf pdf = new BrochurePdf("leitbild-brandenburg", null, PdfKind.ACCESSIBLE,
                "de/pdf/leitbild-brandenburg.pdf", 64_512, 11);
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("url", "../pdf/leitbild-brandenburg.pdf");
        link.put("size", pdf.size(Locale.GERMAN));
        link.put("pages", pdf.pages());
        String html = render("<#import \"partials/pdf-link.ftl\" as p><@p.link pdf=pdf/>",
                Map.of("msg", bundle("de"), "pdf", link));
        assertThat(html).contains("href=\"../pdf/leitbild-brandenburg.pdf\"").contains("type=\"application/pdf\"")
                .contains("PDF herunterladen").contains("PDF, 63 KB, 11 Seiten");
    }

    @Test
    void theDownloadsPageTemplateIsValidFreemarker() throws Exception {
        assertThat(configuration().getTemplate("downloads.ftl")).isNotNull();
    }

    private static String render(String source, Map<String, Object> model) throws Exception {
        Template template = new Template("test", new StringReader(source), configuration());
        StringWriter out = new StringWriter();
        template.process(model, out);
        return out.toString();
    }

    private static Configuration configuration() throws Exception {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_33);
        cfg.setTemplateLoader(new MultiTemplateLoader(new TemplateLoader[] {new StringTemplateLoader(),
                new FileTemplateLoader(TEMPLATES.toFile())}));
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        cfg.setRecognizeStandardFileExtensions(false);
        return cfg;
    }

    private static MessageBundle bundle(String id) throws Exception {
        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(TEMPLATES.resolve("i18n/" + id + ".properties"))));
        Map<String, String> messages = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(k -> messages.put(k, properties.getProperty(k)));
        return new MessageBundle(id, Locale.forLanguageTag(id), messages);
    }
}
