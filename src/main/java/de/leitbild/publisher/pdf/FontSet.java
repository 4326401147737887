package de.leitbild.publisher.pdf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

import de.leitbild.publisher.problem.BuildFailure;
import de.leitbild.publisher.problem.Problem;

/**
 * The font families embedded in the PDFs and which characters each can show. Text is cut into runs, each set in
 * the first family that has its characters; neutral characters (spaces, punctuation, digits) stay in the run they
 * stand in. Giving every run its own font explicitly keeps mixed Arabic and Latin lines on one baseline in FOP.
 */
final class FontSet {

    /** The faces a family may have, as file name endings, with their XSL-FO style and weight. */
    static final List<String[]> FACES = List.of(
            new String[] {"Regular", "normal", "normal"},
            new String[] {"Bold", "normal", "bold"},
            new String[] {"Italic", "italic", "normal"},
            new String[] {"BoldItalic", "italic", "bold"});

    private final Path folder;
    private final Map<String, BitSet> coverage;
    private final Map<String, Boolean> italic = new java.util.concurrent.ConcurrentHashMap<>();

    private FontSet(Path folder, Map<String, BitSet> coverage) {
        this.folder = folder;
        this.coverage = coverage;
    }

    static FontSet load(PdfSettings settings) throws BuildFailure {
        Map<String, BitSet> coverage = new LinkedHashMap<>();
        for (String family : settings.fontFamilies()) {
            Path regular = settings.fontFolder().resolve(family + "-Regular.ttf");
            try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(regular.toFile()))) {
                coverage.put(family, covered(font.getUnicodeCmapLookup()));
            } catch (IOException e) {
                throw new BuildFailure(new Problem(regular, 1, "the font cannot be read (" + e.getMessage()
                        + "): replace it with a TrueType (.ttf) file"));
            }
        }
        return new FontSet(settings.fontFolder(), coverage);
    }

    List<String> families() {
        return List.copyOf(coverage.keySet());
    }

    /** The font files of {@code family} that exist, with their style and weight. */
    List<String[]> faces(String family) {
        List<String[]> faces = new ArrayList<>();
        for (String[] face : FACES) {
            Path file = folder.resolve(family + "-" + face[0] + ".ttf");
            if (Files.isRegularFile(file)) {
                faces.add(new String[] {file.toUri().toString(), face[1], face[2]});
            }
        }
        return faces;
    }

    private boolean hasItalic(String family) {
        return italic.computeIfAbsent(family, f -> Files.isRegularFile(folder.resolve(f + "-Italic.ttf")));
    }

    /** The first family that can show {@code codePoint}, if any. */
    Optional<String> familyFor(int codePoint) {
        return coverage.entrySet().stream().filter(e -> e.getValue().get(codePoint))
                .map(Map.Entry::getKey).findFirst();
    }

    /** The first character of {@code text} that no family can show, if any (format controls need no glyph). */
    Optional<Integer> unshowable(String text) {
        return text.codePoints().filter(cp -> !needsNoGlyph(cp) && familyFor(cp).isEmpty()).boxed().findFirst();
    }

    /**
     * The text as XSL-FO character data: XML-escaped, with every run whose font is not {@code inherited} wrapped
     * in {@code fo:inline font-family="…"}.
     */
    String runs(String text, String inherited) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        String current = null;
        StringBuilder run = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            String family;
            boolean canStay = current != null && (isNeutral(cp) && coverage.get(current).get(cp)
                    || needsNoGlyph(cp));
            if (canStay) {
                family = current;
            } else if (current == null && isNeutral(cp)) {
                family = familyOfNextLetter(text, i).filter(f -> coverage.get(f).get(cp))
                        .orElseGet(() -> familyFor(cp).orElse(inherited));
            } else {
                family = familyFor(cp).orElse(current == null ? inherited : current);
            }
            if (!family.equals(current)) {
                flush(out, run, current, inherited);
                current = family;
            }
            run.appendCodePoint(cp);
        }
        flush(out, run, current, inherited);
        return out.toString();
    }

    private Optional<String> familyOfNextLetter(String text, int from) {
        int i = from;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (!isNeutral(cp) && !needsNoGlyph(cp)) {
                return familyFor(cp);
            }
            i += Character.charCount(cp);
        }
        return Optional.empty();
    }

    private void flush(StringBuilder out, StringBuilder run, String family, String inherited) {
        if (run.isEmpty()) {
            return;
        }
        if (family.equals(inherited)) {
            escape(run, out);
        } else {
            out.append("<fo:inline font-family=\"").append(family).append('"');
            if (!hasItalic(family)) {
                // A family without an italic face must not be asked for one: FOP would substitute another font.
                out.append(" font-style=\"normal\"");
            }
            out.append('>');
            escape(run, out);
            out.append("</fo:inline>");
        }
        run.setLength(0);
    }

    static String escape(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        escape(text, out);
        return out.toString();
    }

    private static void escape(CharSequence text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
    }

    /** Spaces, punctuation, symbols and digits belong to no script: they take the font of their surroundings. */
    private static boolean isNeutral(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.COMMON || script == Character.UnicodeScript.INHERITED;
    }

    /** Line breaks, joiners and direction marks are not drawn. */
    private static boolean needsNoGlyph(int cp) {
        int type = Character.getType(cp);
        return cp == '\n' || cp == '\r' || cp == '\t' || type == Character.FORMAT || type == Character.CONTROL;
    }

    /** The code points the font has a glyph for (the first two planes are all the sources can use). */
    private static BitSet covered(CmapLookup lookup) {
        BitSet covered = new BitSet();
        for (int cp = 0; cp <= 0x2FFFF; cp++) {
            if (lookup.getGlyphId(cp) != 0) {
                covered.set(cp);
            }
        }
        return covered;
    }
}
