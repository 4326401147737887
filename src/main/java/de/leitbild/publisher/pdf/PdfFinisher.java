package de.leitbild.publisher.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;

/**
 * Finishes the PDFs FOP wrote, with PDFBox. Accessible: the title in the XMP metadata as the language alternative
 * PDF/UA requires, and an id for every footnote (Note) element. Print: no ArtBox beside the TrimBox (PDF/X allows
 * only one of them), the printing condition named in the output intent, {@code Trapped} set, and crop marks.
 */
final class PdfFinisher {

    private static final Pattern CREATE_DATE = Pattern.compile("<xmp:CreateDate>([^<]*)</xmp:CreateDate>");
    private static final Pattern METADATA_DATE = Pattern.compile("<xmp:MetadataDate>[^<]*</xmp:MetadataDate>");
    private static final Pattern SIMPLE_TITLE = Pattern.compile("<dc:title>([^<]*)</dc:title>");
    private static final float MM = 72f / 25.4f;

    private final PdfSettings settings;

    PdfFinisher(PdfSettings settings) {
        this.settings = settings;
    }

    /** The finished bytes and the number of pages. */
    record Finished(byte[] pdf, int pages) {
    }

    Finished accessible(byte[] pdf, byte[] identity) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            document.setVersion(1.7f);
            fixIdentity(document, identity);
            titleAsLanguageAlternative(document);
            identifyNotes(document);
            describeLinks(document);
            return save(document);
        }
    }

    Finished print(byte[] pdf, byte[] identity) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            document.setVersion(1.6f);
            fixIdentity(document, identity);
            document.getDocumentInformation().setTrapped("False");
            for (PDOutputIntent intent : document.getDocumentCatalog().getOutputIntents()) {
                intent.setOutputConditionIdentifier(settings.outputCondition());
                intent.setOutputCondition(settings.outputCondition());
                intent.setRegistryName("http://www.color.org");
            }
            for (PDPage page : document.getPages()) {
                page.getCOSObject().removeItem(COSName.ART_BOX);
                if (settings.cropMarks()) {
                    drawCropMarks(document, page);
                }
            }
            addTrappedToMetadata(document);
            return save(document);
        }
    }

    private static Finished save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        int pages = document.getNumberOfPages();
        document.save(out);
        return new Finished(out.toByteArray(), pages);
    }

    /**
     * FOP stamps the XMP metadata date with the clock and derives the file identifier from it; both are replaced by
     * values from the content ({@code identity}: a digest of the XSL-FO), so two builds give the same bytes.
     */
    private static void fixIdentity(PDDocument document, byte[] identity) throws IOException {
        COSArray id = new COSArray();
        id.add(new COSString(java.util.Arrays.copyOf(identity, 16)));
        id.add(new COSString(java.util.Arrays.copyOf(identity, 16)));
        document.getDocument().getTrailer().setItem(COSName.ID, id);
        PDMetadata metadata = document.getDocumentCatalog().getMetadata();
        if (metadata == null) {
            return;
        }
        String xmp = read(metadata);
        Matcher created = CREATE_DATE.matcher(xmp);
        if (created.find()) {
            xmp = METADATA_DATE.matcher(xmp).replaceAll(Matcher.quoteReplacement(
                    "<xmp:MetadataDate>" + created.group(1) + "</xmp:MetadataDate>"));
        }
        // PDF/X asks for document and instance ids; FOP makes random ones.
        java.util.UUID documentId = java.util.UUID.nameUUIDFromBytes(identity);
        xmp = xmp.replaceAll("<xmpMM:DocumentID>[^<]*</xmpMM:DocumentID>",
                "<xmpMM:DocumentID>uuid:" + documentId + "</xmpMM:DocumentID>");
        xmp = xmp.replaceAll("<xmpMM:InstanceID>[^<]*</xmpMM:InstanceID>", "<xmpMM:InstanceID>uuid:"
                + java.util.UUID.nameUUIDFromBytes(documentId.toString().getBytes(StandardCharsets.UTF_8))
                + "</xmpMM:InstanceID>");
        write(metadata, xmp);
    }

    /** FOP writes dc:title as plain text; XMP (and so PDF/UA-1) wants a language alternative. */
    private static void titleAsLanguageAlternative(PDDocument document) throws IOException {
        PDMetadata metadata = document.getDocumentCatalog().getMetadata();
        if (metadata == null) {
            return;
        }
        String xmp = read(metadata);
        Matcher m = SIMPLE_TITLE.matcher(xmp);
        if (m.find()) {
            xmp = m.replaceFirst(Matcher.quoteReplacement("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">"
                    + m.group(1) + "</rdf:li></rdf:Alt></dc:title>"));
            write(metadata, xmp);
        }
    }

    private static void addTrappedToMetadata(PDDocument document) throws IOException {
        PDMetadata metadata = document.getDocumentCatalog().getMetadata();
        if (metadata == null) {
            return;
        }
        String xmp = read(metadata);
        if (!xmp.contains("pdf:Trapped")) {
            xmp = xmp.replaceFirst("<pdf:Producer>", "<pdf:Trapped>False</pdf:Trapped><pdf:Producer>");
            write(metadata, xmp);
        }
    }

    private static String read(PDMetadata metadata) throws IOException {
        try (InputStream in = metadata.exportXMPMetadata()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void write(PDMetadata metadata, String xmp) throws IOException {
        try (OutputStream out = metadata.getCOSObject().createOutputStream()) {
            out.write(xmp.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** PDF/UA-1 asks every Note element for an ID; the ids follow the reading order, so they are the same each build. */
    private static void identifyNotes(PDDocument document) {
        PDStructureTreeRoot root = document.getDocumentCatalog().getStructureTreeRoot();
        if (root == null) {
            return;
        }
        List<PDStructureElement> notes = new ArrayList<>();
        collectNotes(root, notes);
        if (notes.isEmpty()) {
            return;
        }
        COSArray names = new COSArray();
        for (int i = 0; i < notes.size(); i++) {
            String id = "note-" + (i + 1);
            notes.get(i).setElementIdentifier(id);
            names.add(new COSString(id));
            names.add(notes.get(i).getCOSObject());
        }
        COSDictionary idTree = new COSDictionary();
        idTree.setItem(COSName.NAMES, names);
        root.getCOSObject().setItem(COSName.ID_TREE, idTree);
    }

    /**
     * FOP gives only links to addresses a description ({@code Contents}); PDF/UA-1 wants one on every link, so
     * links inside the brochure get the alternative text FOP put on their Link structure element.
     */
    private static void describeLinks(PDDocument document) {
        PDStructureTreeRoot root = document.getDocumentCatalog().getStructureTreeRoot();
        if (root != null) {
            describeLinks(root);
        }
    }

    private static void describeLinks(PDStructureNode node) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                if ("Link".equals(element.getStructureType())) {
                    for (Object part : element.getKids()) {
                        if (part instanceof PDObjectReference reference
                                && reference.getReferencedObject() instanceof PDAnnotation annotation
                                && (annotation.getContents() == null || annotation.getContents().isBlank())) {
                            String alt = element.getAlternateDescription();
                            annotation.setContents(alt == null || alt.isBlank() ? element.getActualText() : alt);
                        }
                    }
                }
                describeLinks(element);
            }
        }
    }

    private static void collectNotes(PDStructureNode node, List<PDStructureElement> notes) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                if ("Note".equals(element.getStructureType())) {
                    notes.add(element);
                }
                collectNotes(element, notes);
            }
        }
    }

    /** Registration-colour marks at the corners, outside the bleed, on the trim lines. */
    private static void drawCropMarks(PDDocument document, PDPage page) throws IOException {
        PDRectangle trim = page.getTrimBox();
        PDRectangle media = page.getMediaBox();
        float gap = 3.5f * MM;
        float reach = Math.min(trim.getLowerLeftX() - media.getLowerLeftX(), 10 * MM) - 0.5f * MM;
        if (reach <= gap) {
            return;
        }
        try (PDPageContentStream marks = new PDPageContentStream(document, page,
                PDPageContentStream.AppendMode.APPEND, true, true)) {
            marks.setStrokingColor(new org.apache.pdfbox.pdmodel.graphics.color.PDColor(new float[] {1, 1, 1, 1},
                    org.apache.pdfbox.pdmodel.graphics.color.PDDeviceCMYK.INSTANCE));
            marks.setLineWidth(0.25f);
            float left = trim.getLowerLeftX();
            float right = trim.getUpperRightX();
            float bottom = trim.getLowerLeftY();
            float top = trim.getUpperRightY();
            for (float x : new float[] {left, right}) {
                line(marks, x, bottom - gap, x, bottom - reach);
                line(marks, x, top + gap, x, top + reach);
            }
            for (float y : new float[] {bottom, top}) {
                line(marks, left - gap, y, left - reach, y);
                line(marks, right + gap, y, right + reach, y);
            }
        }
    }

    private static void line(PDPageContentStream stream, float x1, float y1, float x2, float y2) throws IOException {
        stream.moveTo(x1, y1);
        stream.lineTo(x2, y2);
        stream.stroke();
    }
}
