package de.leitbild.publisher.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The UI strings of one language; templates call {@code msg.get(key)} and {@code msg.format(key, …)}. */
public final class MessageBundle {

    private final String languageId;
    private final Locale locale;
    private final Map<String, String> messages;

    public MessageBundle(String languageId, Locale locale, Map<String, String> messages) {
        this.languageId = languageId;
        this.locale = locale;
        this.messages = Map.copyOf(messages);
    }

    /** The message for {@code key}; an unknown key is a template mistake and fails the build. */
    public String get(String key) {
        String value = messages.get(key);
        if (value == null) {
            throw new IllegalArgumentException("message key '" + key + "' is missing in the bundle for '"
                    + languageId + "': add it to templates/i18n/" + languageId + ".properties");
        }
        return value;
    }

    public boolean has(String key) {
        return messages.containsKey(key);
    }

    public String format(String key, Object argument) {
        return new MessageFormat(get(key), locale).format(new Object[] {argument});
    }

    public String format(String key, Object first, Object second) {
        return new MessageFormat(get(key), locale).format(new Object[] {first, second});
    }

    public Set<String> keys() {
        return messages.keySet();
    }

    public Locale locale() {
        return locale;
    }
}
