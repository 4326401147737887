package de.leitbild.publisher.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import de.leitbild.publisher.config.DocumentType;
import de.leitbild.publisher.config.Language;
import de.leitbild.publisher.config.SiteSettings;
import de.leitbild.publisher.content.SourceVersion;

/**
 * The files {@code new} starts: a document of a type, a translation of a German document, next year's yearly
 * report. Each has its header filled in as far as it can be known; what only the officer knows is left empty, so
 * the build names every line still to fill in.
 */
final class Scaffolds {

    static final String YEARLY_REPORT = "jahresbericht";

    private static final Pattern PATH = Pattern.compile("[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*");
    private static final Pattern ATTRIBUTE = Pattern.compile("^:([A-Za-z0-9_][A-Za-z0-9_-]*):(.*)$");
    private static final Pattern HEADING = Pattern.compile("^={2,6}\\s+\\S.*");
    private static final Pattern BLOCK_DELIMITER = Pattern.compile("^(-{4,}|\\.{4,}|/{4,}|\\+{4,}|={4,}|\\*{4,}"
            + "|_{4,}|--|\\|===)\\s*$");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(19|20)\\d{2}(?!\\d)");
    /** Dates that belong to the old report's publication; the new report has its own. */
    private static final List<String> DATES_OF_THE_EDITION = List.of("source-date", "in-force-date", "imprint-date");
    /** What to write into each required attribute, said where the officer fills it in. */
    private static final Map<String, String> HINTS = Map.of(
            "description", "ein Satz, der sagt, worum es in dem Dokument geht",
            "publisher", "wer das Original herausgegeben hat",
            "source-date", "das Datum des Originals: JJJJ, JJJJ-MM oder JJJJ-MM-TT "
                    + "(ohne Datum stattdessen die Zeile :source-date-unknown: true)",
            "original-title", "der Titel des Originals, genau wie gedruckt",
            "municipality", "die Kommune, z. B. Musterstadt",
            "report-year", "das Berichtsjahr, z. B. 2025");

    /** A file to write, and what the officer does next. */
    record Scaffold(Path file, String text, String nextSteps) {
    }

    /** A request {@code new} cannot carry out; the message says why and what to do instead. */
    static final class Refusal extends Exception {
        Refusal(String message) {
            super(message);
        }
    }

    private final SiteSettings settings;

    Scaffolds(SiteSettings settings) {
        this.settings = settings;
    }

    /** A new German document of {@code typeId} at {@code path} with the given title. */
    Scaffold document(String typeId, String path, String title) throws Refusal {
        DocumentType type = settings.documentType(typeId).orElseThrow(() -> new Refusal("unknown document type '"
                + typeId + "': use one of " + String.join(", ", settings.documentTypes().keySet())
                + ", or 'translation' for a translation"));
        if (title == null || title.isBlank()) {
            throw new Refusal("a new document needs its title: add --title \"Der Titel des Dokuments\"");
        }
        String inside = documentPath(path, "--path");
        Path file = sourceFile(settings.sourceLanguage(), inside);
        refuseExisting(file);
        StringBuilder text = new StringBuilder();
        text.append("= ").append(title.strip()).append('\n');
        text.append(":jbake-type: ").append(type.id()).append('\n');
        text.append(":jbake-status: published\n");
        List<String> toFill = new ArrayList<>();
        for (String requirement : type.requiredAttributes()) {
            List<String> alternatives = Arrays.stream(requirement.split("\\|")).map(String::trim).toList();
            String name = alternatives.get(0);
            text.append("// Bitte ausfüllen: ").append(HINTS.getOrDefault(name, "Pflichtangabe für diesen Dokumenttyp"))
                    .append('\n');
            text.append(':').append(name).append(":\n");
            toFill.add(":" + name + ":");
        }
        text.append('\n');
        text.append("// Hier beginnt der Text. Ein Abschnitt beginnt mit einer Kennung und einer Überschrift:\n");
        text.append("// [#erster-abschnitt]\n");
        text.append("// == Erster Abschnitt\n");
        String next = toFill.isEmpty() ? "write the text below the header"
                : "fill in the empty header lines (" + String.join(", ", toFill) + "; the build refuses the "
                        + "document until each has a value), then write the text below the header";
        return new Scaffold(file, text.toString(), next);
    }

    /** A translation of the German document at {@code sourcePath} into {@code languageId}, still to be translated. */
    Scaffold translation(String sourcePath, String languageId) throws Refusal {
        Language language = settings.language(languageId == null ? "" : languageId)
                .filter(l -> !l.equals(settings.sourceLanguage()))
                .orElseThrow(() -> new Refusal("unknown language '" + languageId + "': a translation goes into one of "
                        + settings.languages().stream().filter(l -> !l.equals(settings.sourceLanguage()))
                                .map(Language::id).collect(Collectors.joining(", "))
                        + " (give it with --lang)"));
        String inside = documentPath(sourcePath, "--of");
        Path source = existingSource(inside, "--of");
        Path file = sourceFile(language, inside);
        refuseExisting(file);
        String original = read(source);
        List<String> lines = new ArrayList<>(original.lines().toList());
        int title = titleLine(lines, source);
        int end = headerEnd(lines, title);
        List<String> header = new ArrayList<>();
        for (int i = title + 1; i < end; i++) {
            Matcher m = ATTRIBUTE.matcher(lines.get(i));
            if (m.matches() && m.group(1).equals("translation-of")) {
                continue;
            }
            header.add(m.matches() && m.group(1).equals("jbake-status") ? ":jbake-status: draft" : lines.get(i));
        }
        if (header.stream().noneMatch(l -> l.startsWith(":jbake-status:"))) {
            header.add(":jbake-status: draft");
        }
        header.add(":translation-of: " + SourceVersion.of(original));
        List<String> out = new ArrayList<>();
        out.add("// ÜBERSETZUNG IN: " + language.autonym() + " (" + language.id() + "). Dies ist noch eine Kopie des "
                + "deutschen Originals " + relative(source) + ".");
        out.add("// Übersetzen Sie den Titel, :description: (und, falls vorhanden, :source-note: und "
                + ":brochure-title:) und den ganzen Text.");
        out.add("// :translation-of: bleibt so stehen: Es ist die Fassung des Originals, die Sie übersetzen.");
        out.add("// Wenn die Übersetzung fertig ist: :jbake-status: auf published setzen und diese vier "
                + "Kommentarzeilen löschen.");
        out.addAll(lines.subList(0, title + 1));
        out.addAll(header);
        out.addAll(lines.subList(end, lines.size()));
        return new Scaffold(file, String.join("\n", out) + "\n", "translate the title, :description: and the text, "
                + "then set ':jbake-status: published' (until then readers of " + language.id()
                + " keep seeing the German text with a notice)");
    }

    /** Next year's report after the yearly report at {@code sourcePath}: its header, its headings, no text. */
    Scaffold nextYearlyReport(String sourcePath, String newPath) throws Refusal {
        String inside = documentPath(sourcePath, "--from");
        Path source = existingSource(inside, "--from");
        List<String> lines = read(source).lines().toList();
        int title = titleLine(lines, source);
        int end = headerEnd(lines, title);
        String type = attribute(lines, title, end, "jbake-type").orElse("");
        if (!type.equals(YEARLY_REPORT)) {
            throw new Refusal(relative(source) + " is not a yearly report (its :jbake-type: is '" + type
                    + "'): --from takes a document of type " + YEARLY_REPORT);
        }
        String yearText = attribute(lines, title, end, "report-year").orElse("");
        if (!yearText.matches("\\d{4}")) {
            throw new Refusal(relative(source) + " has no :report-year: of four digits: add it, or start the new "
                    + "report with new " + YEARLY_REPORT + " --path … --title …");
        }
        int year = Integer.parseInt(yearText);
        String target;
        if (newPath != null) {
            target = documentPath(newPath, "--path");
        } else {
            int slash = inside.lastIndexOf('/');
            String name = inside.substring(slash + 1);
            if (!name.contains(yearText)) {
                throw new Refusal("the file name of " + relative(source) + " has no year to advance: give the new "
                        + "path with --path, e.g. --path " + inside.substring(0, slash + 1) + YEARLY_REPORT + "-"
                        + (year + 1));
            }
            target = inside.substring(0, slash + 1) + name.replace(yearText, String.valueOf(year + 1));
        }
        Path file = sourceFile(settings.sourceLanguage(), target);
        refuseExisting(file);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < title; i++) {
            out.add(lines.get(i));
        }
        out.add(advance(lines.get(title), year));
        List<String> toFill = new ArrayList<>();
        for (int i = title + 1; i < end; i++) {
            String line = lines.get(i);
            Matcher m = ATTRIBUTE.matcher(line);
            if (m.matches() && DATES_OF_THE_EDITION.contains(m.group(1))) {
                out.add("// Bitte ausfüllen: das Datum des Berichts für " + (year + 1) + " (JJJJ, JJJJ-MM oder "
                        + "JJJJ-MM-TT)");
                out.add(":" + m.group(1) + ":");
                toFill.add(":" + m.group(1) + ":");
            } else {
                out.add(line.startsWith("//") ? line : advance(line, year));
            }
        }
        out.addAll(headings(lines, end, year));
        return new Scaffold(file, String.join("\n", out) + "\n", "check the header (years near " + year
                + " moved on by one), fill in " + String.join(", ", toFill) + " (the build refuses the report until "
                + "then), and write the text under each heading");
    }

    /** Writes the scaffold; never over an existing file. */
    void write(Scaffold scaffold) throws Refusal, IOException {
        Files.createDirectories(scaffold.file().getParent());
        try {
            Files.writeString(scaffold.file(), scaffold.text(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            throw exists(scaffold.file());
        }
    }

    String relative(Path file) {
        return settings.root().relativize(file).toString().replace('\\', '/');
    }

    /** The section headings of the body with the anchor and attribute lines above them, without any text. */
    private static List<String> headings(List<String> lines, int from, int year) {
        List<String> out = new ArrayList<>();
        String block = null;
        List<String> above = new ArrayList<>();
        for (int i = from; i < lines.size(); i++) {
            String line = lines.get(i).stripTrailing();
            if (block != null) {
                if (line.equals(block)) {
                    block = null;
                }
                continue;
            }
            if (BLOCK_DELIMITER.matcher(line).matches()) {
                block = line;
                above.clear();
                continue;
            }
            if (HEADING.matcher(line).matches()) {
                out.add("");
                above.forEach(a -> out.add(advance(a, year)));
                out.add(advance(line, year));
                above.clear();
            } else if (line.startsWith("[") && line.endsWith("]")) {
                above.add(line);
            } else {
                above.clear();
            }
        }
        return out;
    }

    /** Moves every year next to the report year on by one: the 2025 report's "Ausblick 2026" becomes "Ausblick 2027". */
    private static String advance(String text, int year) {
        Matcher m = YEAR.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int found = Integer.parseInt(m.group());
            m.appendReplacement(out, String.valueOf(Math.abs(found - year) <= 1 ? found + 1 : found));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String documentPath(String given, String option) throws Refusal {
        if (given == null || given.isBlank()) {
            throw new Refusal("missing " + option + ": give the document's path inside the language folder, "
                    + "e.g. " + option + " brandenburg/leitbild");
        }
        String path = given.strip().replace('\\', '/');
        String contentPrefix = settings.root().relativize(settings.contentFolder()).toString().replace('\\', '/') + "/";
        if (path.startsWith(contentPrefix)) {
            path = path.substring(contentPrefix.length());
            int slash = path.indexOf('/');
            if (slash > 0 && settings.language(path.substring(0, slash)).isPresent()) {
                path = path.substring(slash + 1);
            }
        }
        if (path.endsWith(".adoc")) {
            path = path.substring(0, path.length() - ".adoc".length());
        }
        if (!PATH.matcher(path).matches()) {
            throw new Refusal("'" + given + "' cannot be a document path: it becomes the web address, so use "
                    + "lowercase letters a-z, digits and hyphens, folders separated by /, e.g. "
                    + "brandenburg/mein-leitbild (no umlauts, spaces or capitals)");
        }
        return path;
    }

    private Path existingSource(String inside, String option) throws Refusal {
        Path source = sourceFile(settings.sourceLanguage(), inside);
        if (!Files.isRegularFile(source)) {
            throw new Refusal("there is no German document " + relative(source) + ": " + option
                    + " takes the path of a file in " + relative(settings.contentFolder()) + "/"
                    + settings.sourceLanguage().id() + "/ without .adoc, e.g. " + option + " brandenburg/leitbild");
        }
        return source;
    }

    private Path sourceFile(Language language, String inside) {
        return settings.contentFolder().resolve(language.id()).resolve(inside + ".adoc");
    }

    private void refuseExisting(Path file) throws Refusal {
        if (Files.exists(file)) {
            throw exists(file);
        }
    }

    private Refusal exists(Path file) {
        return new Refusal(relative(file) + " already exists and stays as it is: edit it, or choose another path");
    }

    private String read(Path file) throws Refusal {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
            // The build drops a byte order mark before it computes the version; so must a translation's record of it.
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new Refusal(relative(file) + " is not valid UTF-8 text: save it with the encoding UTF-8 first");
        } catch (IOException e) {
            throw new Refusal(relative(file) + " cannot be read (" + e.getMessage() + ")");
        }
    }

    private int titleLine(List<String> lines, Path file) throws Refusal {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("= ")) {
                return i;
            }
            if (!line.isBlank() && !line.startsWith("//")) {
                break;
            }
        }
        throw new Refusal(relative(file) + " has no title line '= Title' at its start: fix it first (check says how)");
    }

    /** The index of the first line after the header: the blank line that ends it, or the end of the file. */
    private static int headerEnd(List<String> lines, int title) {
        for (int i = title + 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                return i;
            }
        }
        return lines.size();
    }

    private static Optional<String> attribute(List<String> lines, int title, int end, String name) {
        for (int i = title + 1; i < end; i++) {
            Matcher m = ATTRIBUTE.matcher(lines.get(i));
            if (m.matches() && m.group(1).equals(name)) {
                return Optional.of(m.group(2).strip());
            }
        }
        return Optional.empty();
    }
}
