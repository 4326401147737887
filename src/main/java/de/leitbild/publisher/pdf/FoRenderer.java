package de.leitbild.publisher.pdf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.sax.SAXResult;
import javax.xml.transform.stream.StreamSource;

import org.apache.fop.apps.FOPException;
import org.apache.fop.apps.FOUserAgent;
import org.apache.fop.apps.Fop;
import org.apache.fop.apps.FopConfParser;
import org.apache.fop.apps.FopFactory;
import org.apache.fop.apps.FormattingResults;
import org.apache.fop.apps.MimeConstants;
import org.apache.fop.events.Event;
import org.apache.fop.events.EventFormatter;
import org.apache.fop.events.model.EventSeverity;

/**
 * Apache FOP, set up once per build for each kind of PDF: the accessible kind tagged (PDF/UA-1 and PDF/A-2a), the
 * print kind PDF/X-4 with the CMYK output profile; both embed subsets of the configured TrueType fonts and shape
 * complex scripts (Arabic, Persian) with the fonts' OpenType tables.
 */
final class FoRenderer {

    /** A PDF as FOP wrote it, with its number of pages. */
    record Rendered(byte[] pdf, int pages) {
    }

    /** FOP reported an error, or a warning that means lost text or a lost image. */
    static final class RenderFailure extends Exception {
        RenderFailure(String message) {
            super(message);
        }
    }

    // One factory per thread: FOP reads its configuration (a DOM, which is not thread-safe) while rendering.
    private final ThreadLocal<FopFactory> accessible;
    private final ThreadLocal<FopFactory> print;

    FoRenderer(PdfSettings settings, FontSet fonts) throws FOPException {
        String accessibleConfiguration = configuration(settings, fonts, PdfKind.ACCESSIBLE);
        String printConfiguration = configuration(settings, fonts, PdfKind.PRINT);
        factory(accessibleConfiguration);
        factory(printConfiguration);
        this.accessible = ThreadLocal.withInitial(() -> uncheckedFactory(accessibleConfiguration));
        this.print = ThreadLocal.withInitial(() -> uncheckedFactory(printConfiguration));
    }

    /** Renders {@code fo}; {@code date} becomes the creation date, so the same sources give the same bytes. */
    Rendered render(String fo, PdfKind kind, String title, String language, Date date) throws RenderFailure {
        FopFactory factory = (kind == PdfKind.ACCESSIBLE ? accessible : print).get();
        FOUserAgent agent = factory.newFOUserAgent();
        agent.setCreationDate(date);
        agent.setProducer("Leitbild Publisher");
        agent.setCreator("Leitbild Publisher");
        agent.setTitle(title);
        List<String> errors = new ArrayList<>();
        agent.getEventBroadcaster().addEventListener((Event event) -> {
            boolean lostContent = event.getEventID().contains("glyphNotAvailable")
                    || event.getEventID().contains("imageNotFound") || event.getEventID().contains("imageError")
                    || event.getEventID().contains("imageIOError") || event.getEventID().contains("fontSubstituted");
            if (lostContent || event.getSeverity() == EventSeverity.ERROR
                    || event.getSeverity() == EventSeverity.FATAL) {
                synchronized (errors) {
                    errors.add(EventFormatter.format(event));
                }
            }
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        try {
            Fop fop = factory.newFop(MimeConstants.MIME_PDF, agent, out);
            Transformer identity = TransformerFactory.newInstance().newTransformer();
            identity.transform(new StreamSource(new StringReader(fo)), new SAXResult(fop.getDefaultHandler()));
            FormattingResults results = fop.getResults();
            if (!errors.isEmpty()) {
                throw new RenderFailure(String.join("; ", errors));
            }
            return new Rendered(out.toByteArray(), results == null ? 0 : results.getPageCount());
        } catch (FOPException | TransformerException | RuntimeException e) {
            String detail = errors.isEmpty() ? String.valueOf(e.getMessage()) : String.join("; ", errors);
            throw new RenderFailure(detail);
        }
    }

    private static FopFactory uncheckedFactory(String configuration) {
        try {
            return factory(configuration);
        } catch (FOPException e) {
            throw new IllegalStateException("the configuration was read once already", e);
        }
    }

    private static FopFactory factory(String configuration) throws FOPException {
        try {
            FopConfParser parser = new FopConfParser(
                    new ByteArrayInputStream(configuration.getBytes(StandardCharsets.UTF_8)),
                    java.net.URI.create("file:///"));
            return parser.getFopFactoryBuilder().build();
        } catch (org.xml.sax.SAXException | java.io.IOException e) {
            throw new FOPException(e);
        }
    }

    private static String configuration(PdfSettings settings, FontSet fonts, PdfKind kind) {
        StringBuilder xml = new StringBuilder("<fop version=\"1.0\">");
        if (kind == PdfKind.ACCESSIBLE) {
            xml.append("<accessibility>true</accessibility>");
        }
        xml.append("<complex-scripts disabled=\"false\"/><renderers><renderer mime=\"application/pdf\">");
        if (kind == PdfKind.ACCESSIBLE) {
            // PDF/A-2 leaves out the CIDSet streams, which PDF/UA-1 would require to list every glyph of a subset.
            xml.append("<pdf-ua-mode>PDF/UA-1</pdf-ua-mode><pdf-a-mode>PDF/A-2a</pdf-a-mode>");
        } else {
            xml.append("<pdf-x-mode>PDF/X-4</pdf-x-mode><version>1.6</version><output-profile>")
                    .append(FontSet.escape(settings.outputProfile().toUri().toString())).append("</output-profile>");
        }
        xml.append("<fonts>");
        for (String family : fonts.families()) {
            for (String[] face : fonts.faces(family)) {
                xml.append("<font kerning=\"yes\" embedding-mode=\"subset\" embed-url=\"")
                        .append(FontSet.escape(face[0])).append("\"><font-triplet name=\"").append(family)
                        .append("\" style=\"").append(face[1]).append("\" weight=\"").append(face[2])
                        .append("\"/></font>");
            }
        }
        xml.append("</fonts></renderer></renderers></fop>");
        return xml.toString();
    }
}
