package de.leitbild.publisher.pdf;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;

/** The straight lines a page strokes, as {x1, y1, x2, y2} in page coordinates (for finding crop marks). */
final class StrokedLines extends PDFGraphicsStreamEngine {

    private final List<float[]> lines = new ArrayList<>();
    private final List<float[]> path = new ArrayList<>();
    private Point2D current;

    private StrokedLines(PDPage page) {
        super(page);
    }

    static List<float[]> of(PDPage page) throws IOException {
        StrokedLines engine = new StrokedLines(page);
        engine.processPage(page);
        return engine.lines;
    }

    @Override
    public void moveTo(float x, float y) {
        current = new Point2D.Float(x, y);
    }

    @Override
    public void lineTo(float x, float y) {
        if (current != null) {
            path.add(new float[] {(float) current.getX(), (float) current.getY(), x, y});
        }
        current = new Point2D.Float(x, y);
    }

    @Override
    public void strokePath() {
        lines.addAll(path);
        path.clear();
    }

    @Override
    public void endPath() {
        path.clear();
    }

    @Override
    public void fillPath(int windingRule) {
        path.clear();
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
        strokePath();
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        path.clear();
    }

    @Override
    public void drawImage(PDImage image) {
    }

    @Override
    public void clip(int windingRule) {
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        current = new Point2D.Float(x3, y3);
    }

    @Override
    public Point2D getCurrentPoint() {
        return current;
    }

    @Override
    public void closePath() {
    }

    @Override
    public void shadingFill(COSName shadingName) {
    }
}
