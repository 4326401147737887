package de.leitbild.publisher.config;

import java.util.Locale;

/**
 * One reading language of the site: its folder id (readable, e.g. {@code de} or {@code leichte-sprache}), the
 * BCP 47 tag for {@code lang}, the tag for {@code hreflang}, the writing direction, its own name, and the
 * font group its script needs (a stylesheet that only pages of this language load), and the locale its dates
 * and numbers are written in, and the name of the search analyzer for its texts.
 */
public record Language(String id, String lang, String hreflang, TextDirection dir, String autonym, String fonts,
        String formatLocale, String analyzer) {

    /** The locale for dates, numbers and sorting; may select a numbering system, e.g. ar-u-nu-latn. */
    public Locale locale() {
        return Locale.forLanguageTag(formatLocale);
    }

    public boolean isRightToLeft() {
        return dir == TextDirection.RTL;
    }
}
