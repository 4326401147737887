package de.leitbild.publisher.content;

import java.util.Locale;

/** Turns Asciidoctor's log messages into sentences that say what to do. */
final class AsciidoctorMessages {

    private AsciidoctorMessages() {
    }

    static String explain(String message) {
        String m = message == null ? "" : message.trim();
        String lower = m.toLowerCase(Locale.ROOT);
        if (lower.startsWith("unterminated")) {
            return "a block is opened here but never closed (" + m + "): add the closing delimiter line, "
                    + "the same characters as the opening line, or remove the opening line";
        }
        if (lower.contains("include file not found") || lower.contains("include file not readable")) {
            return "the include target does not exist (" + m + "): correct the path, relative to this file, "
                    + "or remove the include:: line";
        }
        if (lower.contains("ancestor of jail") || lower.contains("outside of jail") || lower.contains("outside jail")) {
            return "the include leaves the document's folder (" + m + "): only files next to the document "
                    + "or below its folder can be included";
        }
        if (lower.contains("missing attribute")) {
            return "an attribute reference has no value (" + m + "): define the attribute in the document header "
                    + "or correct its name";
        }
        if (lower.contains("section title out of sequence")) {
            return "a heading skips a level (" + m + "): use == for a main section and === for a subsection";
        }
        if (lower.contains("invalid reference") || lower.contains("unknown anchor")) {
            return "the cross reference has no target (" + m + "): correct the id after xref: or <<, "
                    + "or give the target a matching [#id]";
        }
        return "AsciiDoc problem: " + m + ": correct the markup at this line";
    }
}
