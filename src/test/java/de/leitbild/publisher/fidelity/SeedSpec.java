package de.leitbild.publisher.fidelity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How one seed maps onto the built site: the pages that hold it in reading order, the explicit corrections of
 * extraction damage, and the short list of layout debris that is not checked. Read from
 * {@code src/test/resources/fidelity/<seed>.spec}.
 */
record SeedSpec(String seedName, List<String> pages, boolean unwrap, List<Fix> fixes, List<Pattern> skips) {

    record Fix(String from, String to, int line) {
    }

    static SeedSpec read(Path specFile) throws IOException {
        List<String> pages = new ArrayList<>();
        List<Fix> fixes = new ArrayList<>();
        List<Pattern> skips = new ArrayList<>();
        boolean unwrap = false;
        List<String> lines = Files.readAllLines(specFile, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String body = stripReason(line);
            if (body.startsWith("page:")) {
                pages.add(body.substring(5).trim());
            } else if (body.startsWith("unwrap:")) {
                unwrap = Boolean.parseBoolean(body.substring(7).trim());
            } else if (body.startsWith("fix:")) {
                String[] parts = body.substring(4).split(" => ", 2);
                if (parts.length != 2) {
                    throw new IllegalArgumentException(specFile + ":" + (i + 1) + ": a fix needs 'wrong => right'");
                }
                fixes.add(new Fix(unescape(parts[0].strip()), unescape(parts[1].strip()), i + 1));
            } else if (body.startsWith("skip:")) {
                skips.add(Pattern.compile(body.substring(5).trim()));
            } else {
                throw new IllegalArgumentException(specFile + ":" + (i + 1) + ": unknown line: " + line);
            }
        }
        String name = specFile.getFileName().toString().replaceFirst("\\.spec$", "");
        return new SeedSpec(name, List.copyOf(pages), unwrap, List.copyOf(fixes), List.copyOf(skips));
    }

    /** Everything after a double '#' (the reason) is a comment. */
    private static String stripReason(String line) {
        int cut = line.indexOf("  ##");
        if (cut < 0) {
            cut = line.indexOf("\t##");
        }
        return (cut < 0 ? line : line.substring(0, cut)).strip();
    }

    private static String unescape(String text) {
        return text.replace("\\n", "\n").replace("\\t", "\t");
    }
}
