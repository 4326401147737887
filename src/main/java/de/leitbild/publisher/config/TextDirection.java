package de.leitbild.publisher.config;

/** Writing direction of a language, as written into the {@code dir} attribute. */
public enum TextDirection {
    LTR, RTL;

    public String attribute() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
