package de.leitbild.publisher.pdf;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import de.leitbild.publisher.config.SiteSettings;
import de.leitbild.publisher.problem.BuildFailure;
import de.leitbild.publisher.problem.Problem;
import de.leitbild.publisher.problem.ProblemCollector;

/**
 * The {@code pdf.*} settings of {@code jbake.properties}: crop marks, the CMYK output profile and its printing
 * condition, the font folder and the font families in the order they are tried for each character.
 */
record PdfSettings(boolean cropMarks, Path outputProfile, String outputCondition, Path fontFolder,
        List<String> fontFamilies, Path printTemplates, java.util.Map<String, String> fontSizes) {

    /** The size of the running text for {@code language}: {@code pdf.font-size.<id>}, else {@code pdf.font-size}. */
    String fontSize(de.leitbild.publisher.config.Language language) {
        return fontSizes.getOrDefault(language.id(), fontSizes.getOrDefault("", "9.5pt"));
    }

    static final String TEMPLATE_FOLDER = "print";

    static PdfSettings load(SiteSettings settings) throws BuildFailure {
        ProblemCollector problems = new ProblemCollector();
        List<String> lines = configLines(settings.configFile());
        String marks = text(settings, "pdf.print.crop-marks", "true").toLowerCase(java.util.Locale.ROOT);
        if (!marks.equals("true") && !marks.equals("false")) {
            problems.add(problem(settings, lines, "pdf.print.crop-marks", "pdf.print.crop-marks must be true or "
                    + "false, not '" + marks + "'"));
        }
        Path profile = settings.root().resolve(text(settings, "pdf.print.output-profile",
                "templates/print/icc/FOGRA39L-argyll.icc")).normalize();
        if (!Files.isRegularFile(profile)) {
            problems.add(problem(settings, lines, "pdf.print.output-profile", "the CMYK output profile "
                    + settings.root().relativize(profile) + " does not exist: name an ICC profile file in "
                    + "pdf.print.output-profile"));
        }
        String condition = text(settings, "pdf.print.output-condition", "FOGRA39");
        Path fonts = settings.root().resolve(text(settings, "pdf.fonts.folder", "assets/fonts/pdf")).normalize();
        List<String> families = Arrays.stream(text(settings, "pdf.fonts", "NotoSans NotoSansArabic").split("[\\s,]+"))
                .filter(s -> !s.isBlank()).toList();
        List<String> missing = new ArrayList<>();
        for (String family : families) {
            if (!Files.isRegularFile(fonts.resolve(family + "-Regular.ttf"))) {
                missing.add(family + "-Regular.ttf");
            }
        }
        if (families.isEmpty() || !missing.isEmpty()) {
            problems.add(problem(settings, lines, "pdf.fonts", "the PDF fonts " + missing + " are not in "
                    + settings.root().relativize(fonts) + "/: put the TrueType files (<Family>-Regular.ttf, "
                    + "-Bold.ttf, -Italic.ttf, -BoldItalic.ttf) there, or correct pdf.fonts"));
        }
        java.util.Map<String, String> sizes = new java.util.LinkedHashMap<>();
        sizes.put("", text(settings, "pdf.font-size", "9.5pt"));
        for (var language : settings.languages()) {
            Object size = settings.jbake().get("pdf.font-size." + language.id());
            if (size != null) {
                sizes.put(language.id(), String.valueOf(size).trim());
            }
        }
        sizes.forEach((id, size) -> {
            if (!size.matches("\\d{1,2}(\\.\\d)?pt")) {
                String key = id.isEmpty() ? "pdf.font-size" : "pdf.font-size." + id;
                problems.add(problem(settings, lines, key, key + " must be a size in points, e.g. 9.5pt, not '"
                        + size + "'"));
            }
        });
        problems.throwIfAny();
        return new PdfSettings(marks.equals("true"), profile, condition, fonts, families,
                settings.templateFolder().resolve(TEMPLATE_FOLDER), java.util.Map.copyOf(sizes));
    }

    private static String text(SiteSettings settings, String key, String fallback) {
        Object value = settings.jbake().get(key);
        if (value == null) {
            return fallback;
        }
        // Commons Configuration splits values at commas into lists; a font list may be written either way.
        String text = value instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
                : String.valueOf(value);
        return text.isBlank() ? fallback : text.trim();
    }

    private static List<String> configLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    private static Problem problem(SiteSettings settings, List<String> lines, String key, String message) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().startsWith(key + "=")) {
                return new Problem(settings.configFile(), i + 1, message);
            }
        }
        return new Problem(settings.configFile(), 1, message);
    }
}
