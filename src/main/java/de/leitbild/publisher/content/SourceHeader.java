package de.leitbild.publisher.content;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where the title and each attribute entry of an AsciiDoc header stand, so problems can name the line. */
record SourceHeader(int titleLine, Map<String, Integer> attributeLines) {

    private static final Pattern ATTRIBUTE_ENTRY = Pattern.compile("^:!?([A-Za-z0-9_][A-Za-z0-9_-]*)!?:(.*)$");

    static SourceHeader scan(List<String> lines) {
        int titleLine = 0;
        Map<String, Integer> attributes = new LinkedHashMap<>();
        boolean inBlockComment = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("////")) {
                inBlockComment = !inBlockComment;
                continue;
            }
            if (inBlockComment || line.startsWith("//")) {
                continue;
            }
            if (line.isBlank()) {
                if (titleLine > 0 || !attributes.isEmpty()) {
                    break;
                }
                continue;
            }
            if (titleLine == 0 && line.startsWith("= ")) {
                titleLine = i + 1;
                continue;
            }
            Matcher m = ATTRIBUTE_ENTRY.matcher(line);
            if (m.matches()) {
                attributes.putIfAbsent(m.group(1), i + 1);
            } else if (titleLine > 0) {
                // Author and revision lines follow the title directly; they are part of the header too.
                continue;
            } else {
                break;
            }
        }
        return new SourceHeader(titleLine, attributes);
    }
}
