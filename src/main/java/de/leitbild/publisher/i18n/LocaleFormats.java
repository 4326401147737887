package de.leitbild.publisher.i18n;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;

/** Dates and numbers written the way readers of a language expect them. */
public final class LocaleFormats {

    private final Locale locale;

    public LocaleFormats(Locale locale) {
        this.locale = locale;
    }

    /** Formats an ISO date of the form YYYY, YYYY-MM or YYYY-MM-DD; empty if the text is none of these. */
    public Optional<String> isoDate(String iso) {
        if (iso == null) {
            return Optional.empty();
        }
        String text = iso.trim();
        try {
            if (text.matches("\\d{4}")) {
                return Optional.of(text);
            }
            if (text.matches("\\d{4}-\\d{2}")) {
                return Optional.of(YearMonth.parse(text).format(DateTimeFormatter.ofPattern("LLLL yyyy", locale)));
            }
            if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return Optional.of(LocalDate.parse(text).format(
                        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)));
            }
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    public String number(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }
}
