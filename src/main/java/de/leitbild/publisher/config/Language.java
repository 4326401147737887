package de.leitbild.publisher.config;

import java.util.Locale;

/** One reading language of the site: its folder id, the BCP 47 {@code lang}, the writing direction and its own name. */
public record Language(String id, String lang, TextDirection dir, String autonym) {

    public Locale locale() {
        return Locale.forLanguageTag(lang);
    }

    public boolean isRightToLeft() {
        return dir == TextDirection.RTL;
    }
}
