package de.leitbild.publisher.i18n;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

import de.leitbild.publisher.config.Language;
import de.leitbild.publisher.config.SiteSettings;
import de.leitbild.publisher.problem.BuildFailure;
import de.leitbild.publisher.problem.Problem;
import de.leitbild.publisher.problem.ProblemCollector;

/** Loads {@code templates/i18n/<language>.properties} for every site language and checks they have the same keys. */
public final class MessageBundles {

    private final Map<String, MessageBundle> bundles;

    private MessageBundles(Map<String, MessageBundle> bundles) {
        this.bundles = bundles;
    }

    public MessageBundle of(Language language) {
        return bundles.get(language.id());
    }

    public static Path folder(SiteSettings settings) {
        return settings.templateFolder().resolve("i18n");
    }

    /** Loads all bundles; a missing file or a key that one bundle has and another lacks stops the build. */
    public static MessageBundles load(SiteSettings settings) throws BuildFailure {
        ProblemCollector problems = new ProblemCollector();
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> lines = new LinkedHashMap<>();
        for (Language language : settings.languages()) {
            Path file = folder(settings).resolve(language.id() + ".properties");
            if (!Files.isRegularFile(file)) {
                problems.add(new Problem(file, 1, "message bundle for language '" + language.id()
                        + "' is missing: copy templates/i18n/" + settings.sourceLanguage().id()
                        + ".properties to this name and translate every value"));
                continue;
            }
            try {
                String text = StandardCharsets.UTF_8.newDecoder()
                        .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
                Properties properties = new Properties();
                properties.load(new StringReader(text));
                Map<String, String> map = new LinkedHashMap<>();
                properties.stringPropertyNames().stream().sorted().forEach(k -> map.put(k, properties.getProperty(k)));
                values.put(language.id(), map);
                lines.put(language.id(), keyLines(text));
            } catch (CharacterCodingException e) {
                problems.add(new Problem(file, 1, "is not valid UTF-8: save the file as UTF-8"));
            } catch (IOException | IllegalArgumentException e) {
                problems.add(new Problem(file, 1, "cannot be read (" + e.getMessage() + ")"));
            }
        }
        TreeSet<String> allKeys = new TreeSet<>();
        values.values().forEach(m -> allKeys.addAll(m.keySet()));
        for (var entry : values.entrySet()) {
            Path file = folder(settings).resolve(entry.getKey() + ".properties");
            for (String key : allKeys) {
                if (!entry.getValue().containsKey(key)) {
                    String where = values.entrySet().stream().filter(e -> e.getValue().containsKey(key)).findFirst()
                            .map(e -> e.getKey() + ".properties:" + lines.get(e.getKey()).getOrDefault(key, 1))
                            .orElse("another bundle");
                    problems.add(new Problem(file, Math.max(1, lastLine(file)), "message key '" + key
                            + "' is missing (it is defined in " + where + "): add '" + key + "=…' in this language"));
                }
            }
        }
        problems.throwIfAny();
        Map<String, MessageBundle> bundles = new LinkedHashMap<>();
        for (Language language : settings.languages()) {
            bundles.put(language.id(), new MessageBundle(language.id(), language.locale(), values.get(language.id())));
        }
        return new MessageBundles(bundles);
    }

    private static int lastLine(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).size();
        } catch (IOException e) {
            return 1;
        }
    }

    private static Map<String, Integer> keyLines(String text) {
        Map<String, Integer> result = new LinkedHashMap<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && "=: \t".indexOf(line.charAt(end)) < 0) {
                end++;
            }
            result.putIfAbsent(line.substring(0, end), i + 1);
        }
        return result;
    }
}
