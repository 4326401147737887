package de.leitbild.publisher.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import de.leitbild.publisher.content.SourceVersion;

/**
 * Writes a synthetic site root for the scale benchmark (issue 7): the repository's configuration, templates and
 * assets, and N German documents of the configured types made from the real content's sentences, headings, lists and
 * tables, shuffled with a seeded {@link Random}, plus translations of a share of them built from the real sentences of
 * their language. Same arguments, same bytes.
 *
 * <pre>
 * CorpusGenerator &lt;output root&gt; &lt;N&gt; [--seed S] [--translations en,uk,ar] [--translation-share 0.1]
 *                 [--broken K] [--brochures K] [--source &lt;repository root&gt;]
 * </pre>
 */
public final class CorpusGenerator {

    /** Written into every generated root; the generator only ever deletes a folder that carries it. */
    public static final String MANIFEST = "corpus-manifest.txt";

    private static final int TARGET_BYTES = 9_900;
    private static final int TARGET_SPREAD = 1_500;
    private static final int BROCHURE_BYTES = 2_500;

    /** Document types with their weight in the corpus (page: a plain page without required attributes). */
    private static final Map<String, Integer> TYPE_WEIGHTS = new LinkedHashMap<>();

    static {
        TYPE_WEIGHTS.put("leitbild", 15);
        TYPE_WEIGHTS.put("aufgaben", 15);
        TYPE_WEIGHTS.put("anforderungsprofil", 10);
        TYPE_WEIGHTS.put("vergleich", 10);
        TYPE_WEIGHTS.put("handlungsplan", 15);
        TYPE_WEIGHTS.put("leitfaden", 15);
        TYPE_WEIGHTS.put("jahresbericht", 15);
        TYPE_WEIGHTS.put("page", 5);
    }

    private static final List<String> PREFIXES = List.of("", "Alt", "Neu", "Ober", "Nieder", "Groß", "Klein", "Bad ",
            "Hohen", "Unter", "Mittel");
    private static final List<String> STEMS = List.of("Linden", "Birken", "Eichen", "Buchen", "Tannen", "Wald",
            "Stein", "Rosen", "Wiesen", "Mühl", "Sonnen", "Kirch", "Holz", "Hassel", "Erlen", "Weiden", "Fels",
            "Falken", "Ahorn", "Lerchen", "Moos", "Brunnen");
    private static final List<String> SUFFIXES = List.of("dorf", "stadt", "hausen", "heim", "feld", "burg", "au",
            "thal", "berg", "ingen", "rode", "walde", "bach", "hagen");
    private static final List<String> PAGE_SLUGS = List.of("kontakt", "sprechstunden", "beratungsangebote",
            "netzwerk", "ehrenamt", "sprachkurse", "willkommen");
    private static final List<String> REAL_PLACES = List.of("Rheinland-Pfalz", "Brandenburger", "Brandenburg",
            "Dresdner", "Dresden", "Musterstadt", "Potsdam");
    private static final Pattern YEAR = Pattern.compile("\\b(19[6-9]\\d|20[0-2]\\d)\\b");
    private static final Pattern NOUN = Pattern.compile("\\b\\p{Lu}\\p{Ll}{5,}\\b");
    private static final Pattern DELIMITER = Pattern.compile("^(={4,}|-{4,}|\\.{4,}|\\*{4,}|_{4,}|/{4,}|\\+{4,}|--)$");

    private final Path source;
    private final Options options;
    private final Random random;
    private final Map<String, Material> materials = new TreeMap<>();

    private CorpusGenerator(Path source, Options options) {
        this.source = source;
        this.options = options;
        this.random = new Random(options.seed());
    }

    /** What to generate. */
    public record Options(Path output, int count, long seed, List<String> translations, double translationShare,
            int broken, int brochures) {

        public Options {
            if (count < 1) {
                throw new IllegalArgumentException("N must be at least 1");
            }
            if (broken < 0 || broken > count || brochures < 0 || brochures + broken > count) {
                throw new IllegalArgumentException("--broken and --brochures together must be between 0 and N");
            }
            translations = List.copyOf(translations);
        }

        /** N German documents into {@code output} with the defaults: seed 7, 10 % into en, uk and ar. */
        public static Options of(Path output, int count) {
            return new Options(output, count, 7, List.of("en", "uk", "ar"), 0.1, 0, 0);
        }

        public Options withBroken(int k) {
            return new Options(output, count, seed, translations, translationShare, k, brochures);
        }

        public Options withBrochures(int k) {
            return new Options(output, count, seed, translations, translationShare, broken, k);
        }
    }

    /** What was written: the German documents, the translations per language, and the broken files in path order. */
    public record Summary(int documents, Map<String, Integer> translations, List<String> brokenFiles,
            List<String> brochures, long contentBytes) {

        public int pages(int languages) {
            return documents * languages;
        }
    }

    public static void main(String[] args) throws IOException {
        Options options;
        Path sourceRoot;
        try {
            List<String> rest = new ArrayList<>();
            long seed = 7;
            List<String> translations = List.of("en", "uk", "ar");
            double share = 0.1;
            int broken = 0;
            int brochures = 0;
            sourceRoot = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    case "--translations" -> translations = args[++i].isBlank() ? List.of()
                            : Arrays.asList(args[i].split(","));
                    case "--translation-share" -> share = Double.parseDouble(args[++i]);
                    case "--broken" -> broken = Integer.parseInt(args[++i]);
                    case "--brochures" -> brochures = Integer.parseInt(args[++i]);
                    case "--source" -> sourceRoot = Path.of(args[++i]);
                    default -> {
                        if (args[i].startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + args[i]);
                        }
                        rest.add(args[i]);
                    }
                }
            }
            if (rest.size() != 2) {
                throw new IllegalArgumentException("expected <output root> <N>");
            }
            options = new Options(Path.of(rest.get(0)), Integer.parseInt(rest.get(1)), seed, translations, share,
                    broken, brochures);
        } catch (RuntimeException e) {
            System.err.println("CorpusGenerator: " + e.getMessage() + "\nusage: CorpusGenerator <output root> <N> "
                    + "[--seed S] [--translations en,uk,ar] [--translation-share 0.1] [--broken K] [--brochures K] "
                    + "[--source <repository root>]");
            System.exit(2);
            return;
        }
        Summary summary = generate(sourceRoot != null ? sourceRoot : repositoryRoot(), options);
        System.out.printf("Wrote %d German documents, translations %s, %d broken, %d brochures, %d bytes of "
                + "AsciiDoc (%d per document) into %s%n", summary.documents(), summary.translations(),
                summary.brokenFiles().size(), summary.brochures().size(), summary.contentBytes(),
                summary.contentBytes() / Math.max(1, summary.documents() + summary.translations().values().stream()
                        .mapToInt(Integer::intValue).sum()), options.output());
    }

    /** Generates the site root that {@code options} describes from the content of the repository at {@code source}. */
    public static Summary generate(Path source, Options options) {
        try {
            return new CorpusGenerator(source, options).run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository this runs in: the nearest folder upwards with jbake.properties and content/de. */
    public static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        while (here != null && !(Files.exists(here.resolve("jbake.properties"))
                && Files.isDirectory(here.resolve("content/de")))) {
            here = here.getParent();
        }
        if (here == null) {
            throw new IllegalStateException("run inside the repository or give --source <repository root>");
        }
        return here;
    }

    // --- the plan -------------------------------------------------------------------------------------------------

    /** One German document to write, and what happens to it. */
    private record Planned(String folder, String municipality, String slug, String type, int year, Role role,
            List<String> languages) {

        String path() {
            return folder + "/" + slug;
        }
    }

    private enum Role { NORMAL, BROCHURE, UNCLOSED_BLOCK, MISSING_ATTRIBUTE, MISSING_XREF }

    private Summary run() throws IOException {
        Path output = options.output().toAbsolutePath().normalize();
        prepare(output);
        materials.put("de", Material.read(source.resolve("content/de")));
        for (String language : options.translations()) {
            Path folder = source.resolve("content").resolve(language);
            if (!Files.isDirectory(folder)) {
                throw new IllegalArgumentException("no content for translation language '" + language + "' in "
                        + folder);
            }
            materials.put(language, Material.read(folder));
        }
        copySiteFiles(output);

        List<Planned> plan = plan();
        Map<String, Integer> translated = new TreeMap<>();
        options.translations().forEach(l -> translated.put(l, 0));
        List<String> broken = new ArrayList<>();
        List<String> brochures = new ArrayList<>();
        long bytes = 0;
        Map<String, List<Planned>> byFolder = new LinkedHashMap<>();
        for (Planned p : plan) {
            byFolder.computeIfAbsent(p.folder(), k -> new ArrayList<>()).add(p);
        }
        for (Planned p : plan) {
            Planned sibling = siblingToLink(p, byFolder.get(p.folder()));
            String german = germanDocument(p, sibling);
            bytes += write(output.resolve("content/de/" + p.path() + ".adoc"), german);
            switch (p.role()) {
                case UNCLOSED_BLOCK, MISSING_ATTRIBUTE, MISSING_XREF -> broken.add("content/de/" + p.path() + ".adoc");
                case BROCHURE -> brochures.add(brochureId(p));
                default -> { }
            }
            for (String language : p.languages()) {
                bytes += write(output.resolve("content/" + language + "/" + p.path() + ".adoc"),
                        translation(p, language, german));
                translated.merge(language, 1, Integer::sum);
            }
        }
        broken.sort(Comparator.naturalOrder());
        StringBuilder manifest = new StringBuilder("# Generated by CorpusGenerator: the generator may delete this "
                + "folder.\n");
        manifest.append("count=").append(options.count()).append('\n').append("seed=").append(options.seed())
                .append('\n').append("translations=").append(translated).append('\n')
                .append("brochures=").append(brochures.size()).append('\n')
                .append("broken=").append(broken.size()).append('\n');
        for (String file : broken) {
            manifest.append("broken-file=").append(file).append('\n');
        }
        write(output.resolve(MANIFEST), manifest.toString());
        return new Summary(plan.size(), translated, List.copyOf(broken), List.copyOf(brochures), bytes);
    }

    private List<Planned> plan() {
        int count = options.count();
        List<String> municipalities = municipalities(Math.max(1, (count + 7) / 8));
        // Broken documents spread evenly over the corpus: index (2j + 1) N / 2K, distinct while K <= N.
        Set<Integer> brokenAt = new TreeSet<>();
        for (int j = 0; j < options.broken(); j++) {
            brokenAt.add((int) ((2L * j + 1) * count / (2L * options.broken())));
        }
        List<String> types = new ArrayList<>();
        TYPE_WEIGHTS.forEach((t, w) -> {
            for (int i = 0; i < w; i++) {
                types.add(t);
            }
        });
        Map<String, Set<String>> slugs = new TreeMap<>();
        List<Planned> plan = new ArrayList<>();
        int brokenSeen = 0;
        int brochuresLeft = options.brochures();
        for (int i = 0; i < count; i++) {
            String municipality = municipalities.get(i % municipalities.size());
            String folder = slug(municipality);
            String type = types.get(random.nextInt(types.size()));
            int year = 2005 + random.nextInt(21);
            String base = type.equals("page") ? PAGE_SLUGS.get(random.nextInt(PAGE_SLUGS.size()))
                    : type + "-" + year;
            Set<String> used = slugs.computeIfAbsent(folder, k -> new LinkedHashSet<>());
            String slug = base;
            for (int n = 2; used.contains(slug); n++) {
                slug = base + "-" + n;
            }
            used.add(slug);
            Role role = Role.NORMAL;
            if (brokenAt.contains(i)) {
                role = switch (brokenSeen++ % 3) {
                    case 0 -> Role.UNCLOSED_BLOCK;
                    case 1 -> type.equals("page") ? Role.UNCLOSED_BLOCK : Role.MISSING_ATTRIBUTE;
                    default -> Role.MISSING_XREF;
                };
            } else if (brochuresLeft > 0 && !type.equals("page")) {
                role = Role.BROCHURE;
                brochuresLeft--;
            }
            List<String> languages = new ArrayList<>();
            for (String language : options.translations()) {
                // Draw for every document, so that adding broken documents does not move the other translations.
                boolean chosen = random.nextDouble() < options.translationShare();
                if (chosen && role == Role.NORMAL) {
                    languages.add(language);
                }
            }
            plan.add(new Planned(folder, municipality, slug, type, year, role, List.copyOf(languages)));
        }
        return plan;
    }

    private List<String> municipalities(int wanted) {
        List<String> all = new ArrayList<>();
        for (String prefix : PREFIXES) {
            for (String stem : STEMS) {
                for (String suffix : SUFFIXES) {
                    String name = prefix.isEmpty() || prefix.endsWith(" ") ? prefix + stem + suffix
                            : prefix + stem.toLowerCase(Locale.GERMAN) + suffix;
                    all.add(name);
                }
            }
        }
        java.util.Collections.shuffle(all, random);
        List<String> chosen = new ArrayList<>();
        for (int i = 0; chosen.size() < wanted; i++) {
            String name = all.get(i % all.size());
            chosen.add(i < all.size() ? name : name + " " + (i / all.size() + 1));
        }
        return chosen;
    }

    private Planned siblingToLink(Planned p, List<Planned> siblings) {
        if (p.role() == Role.BROCHURE || random.nextInt(10) >= 3) {
            return null;
        }
        List<Planned> candidates = siblings.stream()
                .filter(s -> s != p && (s.role() == Role.NORMAL || s.role() == Role.BROCHURE)).toList();
        return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }

    // --- documents ------------------------------------------------------------------------------------------------

    private String germanDocument(Planned p, Planned sibling) {
        Material m = materials.get("de");
        String title = germanTitle(p);
        StringBuilder text = new StringBuilder(TARGET_BYTES + 2_000);
        text.append("= ").append(title).append('\n');
        text.append(":jbake-type: ").append(p.type()).append('\n');
        text.append(":jbake-status: published\n");
        if (!p.type().equals("page")) {
            text.append(":description: ").append(vary(m, m.pickPlain(random), p)).append('\n');
            if (p.role() != Role.MISSING_ATTRIBUTE) {
                text.append(":publisher: ").append(publisher(p)).append('\n');
            }
            if (random.nextInt(5) == 0) {
                text.append(":co-publisher: Integrationsbeirat ").append(p.municipality()).append('\n');
            }
            if (p.type().equals("jahresbericht")) {
                text.append(":municipality: ").append(p.municipality()).append('\n');
                text.append(":report-year: ").append(p.year()).append('\n');
                text.append(":source-date: ").append(p.year() + 1).append('-')
                        .append(String.format("%02d", 1 + random.nextInt(6))).append('\n');
            } else if (random.nextInt(10) == 0) {
                text.append(":source-date-unknown: true\n");
            } else {
                text.append(":source-date: ").append(date(p.year())).append('\n');
            }
            if (!p.type().equals("vergleich") || random.nextBoolean()) {
                text.append(":original-title: ").append(title).append('\n');
            }
            if (random.nextInt(8) == 0) {
                text.append(":in-force-date: ").append(date(p.year())).append('\n');
            }
        }
        if (p.role() == Role.BROCHURE) {
            text.append(":brochure: ").append(brochureId(p)).append('\n');
            text.append(":brochure-order: 1\n");
            text.append(":brochure-title: ").append(title).append('\n');
            text.append(":imprint-publisher: ").append(publisher(p)).append('\n');
            text.append(":imprint-date: ").append(p.year()).append('\n');
        }
        text.append('\n');
        int target = p.role() == Role.BROCHURE ? BROCHURE_BYTES : TARGET_BYTES + random.nextInt(TARGET_SPREAD);
        body(text, m, p, target, sibling);
        if (p.role() == Role.UNCLOSED_BLOCK) {
            text.append("\n====\nDieser Beispielblock wird absichtlich nie geschlossen.\n");
        }
        return text.toString();
    }

    private String translation(Planned p, String language, String german) {
        Material m = materials.get(language);
        StringBuilder text = new StringBuilder(TARGET_BYTES + 2_000);
        text.append("= ").append(m.pickHeading(random)).append(" – ").append(p.municipality()).append('\n');
        // The German header's attribute lines, with the description in the language, plus the version translated.
        for (String line : german.substring(german.indexOf('\n') + 1, german.indexOf("\n\n")).split("\n")) {
            if (line.startsWith(":description:")) {
                text.append(":description: ").append(m.pickPlain(random)).append('\n');
            } else {
                text.append(line).append('\n');
            }
        }
        text.append(":translation-of: ").append(SourceVersion.of(german)).append('\n');
        text.append('\n');
        body(text, m, p, TARGET_BYTES + random.nextInt(TARGET_SPREAD), null);
        return text.toString();
    }

    private void body(StringBuilder text, Material m, Planned p, int target, Planned sibling) {
        int section = 0;
        int linkAfter = sibling == null ? -1 : 1 + random.nextInt(3);
        int brokenLinkAfter = p.role() == Role.MISSING_XREF ? 1 + random.nextInt(2) : -1;
        paragraph(text, m, p);
        while (utf8Length(text) < target) {
            section++;
            String heading = vary(m, m.pickHeading(random), p);
            text.append("\n[#").append(anchor(heading, section)).append("]\n== ").append(heading).append('\n');
            int blocks = 2 + random.nextInt(4);
            for (int b = 0; b < blocks; b++) {
                int kind = random.nextInt(20);
                if (kind < 11) {
                    paragraph(text, m, p);
                } else if (kind < 16) {
                    list(text, m, p);
                } else if (kind < 19 || m.tables().isEmpty()) {
                    String sub = vary(m, m.pickHeading(random), p);
                    text.append("\n[#").append(anchor(sub, section * 100 + b)).append("]\n=== ").append(sub)
                            .append('\n');
                    paragraph(text, m, p);
                } else {
                    text.append('\n').append(m.tables().get(random.nextInt(m.tables().size()))).append('\n');
                }
            }
            if (section == linkAfter) {
                text.append("\nSiehe auch xref:").append(sibling.slug()).append(".adoc[")
                        .append(germanTitle(sibling).replace("]", "")).append("].\n");
            }
            if (section == brokenLinkAfter) {
                text.append("\nWeitere Hinweise stehen in xref:fehlt/").append(p.slug())
                        .append(".adoc[einem Dokument, das es nicht gibt].\n");
            }
        }
    }

    private void paragraph(StringBuilder text, Material m, Planned p) {
        text.append('\n');
        int sentences = 2 + random.nextInt(5);
        for (int i = 0; i < sentences; i++) {
            text.append(vary(m, m.pickSentence(random), p)).append('\n');
        }
    }

    private void list(StringBuilder text, Material m, Planned p) {
        text.append('\n').append(vary(m, m.pickPlain(random), p)).append('\n').append('\n');
        int items = 3 + random.nextInt(5);
        for (int i = 0; i < items; i++) {
            text.append("* ").append(vary(m, m.pickItem(random), p)).append('\n');
        }
    }

    /** The real sentence with the municipality for the real place names, other years and now and then a new compound. */
    private String vary(Material m, String sentence, Planned p) {
        String result = sentence;
        for (String place : REAL_PLACES) {
            if (result.contains(place)) {
                result = result.replace(place, p.municipality());
            }
        }
        Matcher years = YEAR.matcher(result);
        if (years.find()) {
            int shift = random.nextInt(7) - 3;
            result = years.replaceAll(r -> String.valueOf(Math.min(2026, Integer.parseInt(r.group()) + shift)));
        }
        if (m == materials.get("de") && random.nextInt(6) == 0) {
            Matcher nouns = NOUN.matcher(result);
            List<int[]> found = new ArrayList<>();
            while (nouns.find()) {
                found.add(new int[] {nouns.start(), nouns.end()});
            }
            if (!found.isEmpty()) {
                int[] at = found.get(random.nextInt(found.size()));
                String noun = result.substring(at[0], at[1]);
                List<String> vocabulary = materials.get("de").nouns();
                String other = vocabulary.get(random.nextInt(vocabulary.size()));
                result = result.substring(0, at[0]) + other + noun.toLowerCase(Locale.GERMAN) + result.substring(at[1]);
            }
        }
        return result;
    }

    private String germanTitle(Planned p) {
        String place = p.municipality();
        int variant = Math.floorMod((p.path() + p.year()).hashCode(), 3);
        return switch (p.type()) {
            case "leitbild" -> List.of("Leitbild der Integrationsarbeit in " + place,
                    "Leitbild für das Zusammenleben in " + place,
                    "Leitbild der Integrationsbeauftragten von " + place).get(variant) + " (" + p.year() + ")";
            case "aufgaben" -> List.of("Aufgaben des Integrationsbüros " + place,
                    "Aufgaben der Integrationsbeauftragten in " + place,
                    "Aufgabenbeschreibung Integration " + place).get(variant) + " " + p.year();
            case "anforderungsprofil" -> List.of("Anforderungsprofil für die Integrationsbeauftragte in " + place,
                    "Anforderungsprofil Integrationsbeauftragte/r " + place,
                    "Stellenprofil Integration und Migration " + place).get(variant) + " " + p.year();
            case "vergleich" -> List.of("Beirat und Beauftragte im Vergleich: " + place,
                    "Vergleich der Integrationsgremien in " + place,
                    "Gremien der Integration in " + place + " im Vergleich").get(variant) + " " + p.year();
            case "handlungsplan" -> List.of("Handlungsplan Integration " + place,
                    "Handlungsplan zum Integrationskonzept " + place,
                    "Maßnahmenplan Integration " + place).get(variant) + " " + p.year();
            case "leitfaden" -> List.of("Leitfaden für die Integrationsarbeit in " + place,
                    "Leitfaden Willkommenskultur " + place,
                    "Leitfaden interkulturelle Öffnung " + place).get(variant) + " " + p.year();
            case "jahresbericht" -> "Jahresbericht " + p.year() + " des Integrationsbüros " + place;
            default -> List.of("Angebote in " + place, "Integration in " + place,
                    "Kontakt und Beratung in " + place).get(variant);
        };
    }

    private static String publisher(Planned p) {
        return "Stadt " + p.municipality() + ", Integrationsbüro";
    }

    private static String brochureId(Planned p) {
        return p.folder() + "-" + p.slug();
    }

    private String date(int year) {
        int month = 1 + random.nextInt(12);
        return switch (random.nextInt(3)) {
            case 0 -> String.valueOf(year);
            case 1 -> year + "-" + String.format("%02d", month);
            default -> year + "-" + String.format("%02d", month) + "-" + String.format("%02d", 1 + random.nextInt(28));
        };
    }

    private static String anchor(String heading, int n) {
        String slug = slug(heading).replaceFirst("^[0-9-]+", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
        }
        return (slug.isEmpty() || !Character.isLetter(slug.charAt(0)) ? "abschnitt" : slug) + "-" + n;
    }

    static String slug(String text) {
        String s = text.toLowerCase(Locale.GERMAN).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                .replace("ß", "ss");
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return s.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    private static int utf8Length(CharSequence text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }

    // --- files ----------------------------------------------------------------------------------------------------

    private static void prepare(Path output) throws IOException {
        if (Files.exists(output)) {
            boolean empty;
            try (Stream<Path> list = Files.list(output)) {
                empty = list.findAny().isEmpty();
            }
            if (!empty && !Files.exists(output.resolve(MANIFEST))) {
                throw new IllegalArgumentException(output + " exists and was not made by CorpusGenerator: "
                        + "choose an empty or new folder");
            }
            for (String name : List.of("content", "templates", "assets", "jbake.properties", MANIFEST)) {
                deleteTree(output.resolve(name));
            }
        }
        Files.createDirectories(output);
    }

    private void copySiteFiles(Path output) throws IOException {
        Files.copy(source.resolve("jbake.properties"), output.resolve("jbake.properties"),
                StandardCopyOption.REPLACE_EXISTING);
        copyTree(source.resolve("templates"), output.resolve("templates"));
        copyTree(source.resolve("assets"), output.resolve("assets"));
    }

    private static long write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Files.write(file, bytes);
        return bytes.length;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path file : walk.sorted().toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    // --- material -------------------------------------------------------------------------------------------------

    /** The reusable pieces of one language's real content. */
    record Material(List<String> sentences, List<String> plain, List<String> headings, List<String> items,
            List<String> tables, List<String> nouns) {

        String pickSentence(Random random) {
            return sentences.get(random.nextInt(sentences.size()));
        }

        String pickPlain(Random random) {
            return plain.get(random.nextInt(plain.size()));
        }

        String pickHeading(Random random) {
            return headings.get(random.nextInt(headings.size()));
        }

        String pickItem(Random random) {
            return items.isEmpty() ? pickPlain(random) : items.get(random.nextInt(items.size()));
        }

        /** Reads every .adoc below {@code folder} in path order. */
        static Material read(Path folder) throws IOException {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(folder)) {
                files = walk.filter(f -> f.toString().endsWith(".adoc")).sorted().toList();
            }
            Set<String> sentences = new LinkedHashSet<>();
            Set<String> headings = new LinkedHashSet<>();
            Set<String> items = new LinkedHashSet<>();
            List<String> tables = new ArrayList<>();
            for (Path file : files) {
                collect(Files.readAllLines(file, StandardCharsets.UTF_8), sentences, headings, items, tables);
            }
            List<String> plain = sentences.stream().filter(s -> s.matches("[^\\[\\]*_`#+{}<>|:]+[.!?]")
                    && s.length() > 30 && s.length() < 220).toList();
            Set<String> nouns = new TreeSet<>();
            for (String s : plain) {
                Matcher m = NOUN.matcher(s);
                while (m.find()) {
                    nouns.add(m.group());
                }
            }
            if (sentences.isEmpty() || plain.isEmpty() || headings.isEmpty()) {
                throw new IllegalArgumentException("too little usable text in " + folder);
            }
            return new Material(List.copyOf(sentences), plain, List.copyOf(headings), List.copyOf(items),
                    List.copyOf(tables), List.copyOf(nouns));
        }

        private static void collect(List<String> lines, Set<String> sentences, Set<String> headings,
                Set<String> items, List<String> tables) {
            int i = 0;
            // Skip the header: title and attribute lines up to the first blank line.
            if (!lines.isEmpty() && lines.get(0).startsWith("= ")) {
                while (i < lines.size() && !lines.get(i).isBlank()) {
                    i++;
                }
            }
            String delimiter = null;
            String pendingAttributes = "";
            for (; i < lines.size(); i++) {
                String line = lines.get(i);
                String trimmed = line.strip();
                if (delimiter != null) {
                    if (trimmed.equals(delimiter)) {
                        delimiter = null;
                    }
                    continue;
                }
                if (trimmed.equals("|===")) {
                    StringBuilder table = new StringBuilder(pendingAttributes);
                    table.append("|===\n");
                    int j = i + 1;
                    while (j < lines.size() && !lines.get(j).strip().equals("|===")) {
                        table.append(lines.get(j)).append('\n');
                        j++;
                    }
                    if (j < lines.size() && usable(table.toString())) {
                        tables.add(table.append("|===\n").toString());
                    }
                    i = j;
                    pendingAttributes = "";
                    continue;
                }
                if (DELIMITER.matcher(trimmed).matches()) {
                    delimiter = trimmed;
                    pendingAttributes = "";
                    continue;
                }
                if (trimmed.startsWith("[") && trimmed.endsWith("]") || trimmed.matches("\\.[^ .].*")) {
                    // A block attribute line or a block title: kept only in front of a table.
                    pendingAttributes = pendingAttributes + line + "\n";
                    continue;
                }
                String attributesBefore = pendingAttributes;
                pendingAttributes = "";
                if (trimmed.isEmpty() || trimmed.startsWith("//") || trimmed.startsWith(":")) {
                    continue;
                }
                if (trimmed.matches("={2,4} .+")) {
                    String heading = trimmed.replaceFirst("^=+ ", "");
                    if (usable(heading) && !heading.contains("*") && !heading.contains("_")) {
                        headings.add(heading);
                    }
                    continue;
                }
                if (trimmed.startsWith("* ") && !trimmed.startsWith("** ")) {
                    String item = trimmed.substring(2);
                    if (usable(item)) {
                        items.add(item);
                    }
                    continue;
                }
                if (attributesBefore.contains("discrete") || Character.isLetter(trimmed.codePointAt(0))
                        || trimmed.startsWith("„") || trimmed.startsWith("\"") || Character.isDigit(trimmed.charAt(0))) {
                    String sentence = trimmed.endsWith(" +") ? trimmed.substring(0, trimmed.length() - 2) : trimmed;
                    if (usable(sentence) && !sentence.contains("::") && !sentence.matches("[A-Z]+: .*")
                            && sentence.length() > 15) {
                        sentences.add(sentence);
                    }
                }
            }
        }

        /** Text that means the same wherever it is put: no links, includes, images, passthroughs or attributes. */
        private static boolean usable(String text) {
            if (text.contains("xref:") || text.contains("<<") || text.contains("link:") || text.contains("image:")
                    || text.contains("include::") || text.contains("pass:") || text.contains("+++")
                    || text.contains("{") || text.contains("http") || text.contains("anchor:")
                    || text.contains("[[")) {
                return false;
            }
            return balanced(text, '[', ']') && count(text, '*') % 2 == 0 && count(text, '`') % 2 == 0;
        }

        private static boolean balanced(String text, char open, char close) {
            int depth = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == open) {
                    depth++;
                } else if (c == close && --depth < 0) {
                    return false;
                }
            }
            return depth == 0;
        }

        private static int count(String text, char c) {
            int n = 0;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == c) {
                    n++;
                }
            }
            return n;
        }
    }
}
