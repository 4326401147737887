package de.leitbild.publisher.bake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import de.leitbild.publisher.i18n.MessageBundle;

/**
 * The SHA-256 of everything a page is rendered from: template, locale and the model, written out in one canonical
 * order (maps by key), so that equal models give equal fingerprints in every run. A model holding anything this
 * class cannot write out has no fingerprint, and its page is always rendered.
 */
final class PageFingerprint {

    private final String siteStamp;
    private final Map<MessageBundle, String> bundles = new ConcurrentHashMap<>();

    /** Fingerprints that also cover {@code siteStamp}: templates, configuration and the generator's code. */
    PageFingerprint(String siteStamp) {
        this.siteStamp = siteStamp;
    }

    /** The fingerprint of a page, or {@code null} if its model holds something that cannot be fingerprinted. */
    String of(String template, Locale locale, Map<String, Object> model, String... more) {
        MessageDigest digest = sha256();
        StringBuilder text = new StringBuilder(4096);
        text.append(siteStamp).append('\u0000').append(template).append('\u0000').append(locale.toLanguageTag());
        for (String extra : more) {
            text.append('\u0000').append(extra);
        }
        try {
            write(text, model);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
        digest.update(text.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The SHA-256 of a text, e.g. a document's HTML body, which a page's fingerprint then names. */
    static String of(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private void write(StringBuilder out, Object value) {
        if (value == null) {
            out.append('N');
        } else if (value instanceof String s) {
            out.append('S').append(s.length()).append(':').append(s);
        } else if (value instanceof Boolean || value instanceof Number || value instanceof Enum<?>) {
            out.append(value.getClass().getSimpleName().charAt(0)).append(value).append(';');
        } else if (value instanceof Locale l) {
            out.append('L').append(l.toLanguageTag()).append(';');
        } else if (value instanceof MessageBundle bundle) {
            out.append('B').append(bundles.computeIfAbsent(bundle, PageFingerprint::bundleDigest)).append(';');
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            out.append('{');
            sorted.forEach((k, v) -> {
                write(out, k);
                write(out, v);
            });
            out.append('}');
        } else if (value instanceof Collection<?> items) {
            out.append('[');
            items.forEach(item -> write(out, item));
            out.append(']');
        } else {
            throw new IllegalArgumentException(value.getClass().getName());
        }
    }

    private static String bundleDigest(MessageBundle bundle) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(bundle.keys().stream().collect(java.util.stream.Collectors.toMap(k -> k, bundle::get)))
                .forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        return of(text.toString());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
