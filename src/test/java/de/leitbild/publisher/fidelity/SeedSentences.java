package de.leitbild.publisher.fidelity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Turns a seed's extracted text into the sentences the built site must contain, following a {@link SeedSpec}. */
final class SeedSentences {

    private static final Pattern FOOTNOTE_LINE = Pattern.compile("^[¹²³⁴⁵⁶⁷⁸⁹]+\\s+(.*)$");
    private static final Pattern SUPERSCRIPT_DIGITS = Pattern.compile("[¹²³⁴⁵⁶⁷⁸⁹⁰]+");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

    /** The checked sentences of the running text, the footnote texts, and how many sentences were skipped. */
    record Result(List<String> sentences, List<String> footnotes, int skipped) {
    }

    private SeedSentences() {
    }

    static Result extract(String raw, SeedSpec spec) {
        String text = raw.replace("\r\n", "\n");
        for (SeedSpec.Fix fix : spec.fixes()) {
            if (!text.contains(fix.from())) {
                throw new AssertionError(spec.seedName() + ".spec:" + fix.line() + ": the fix '"
                        + fix.from().replace("\n", "\\n") + "' matches nothing in the seed: remove or correct it");
            }
            text = text.replace(fix.from(), fix.to());
        }
        List<String> footnotes = new ArrayList<>();
        StringBuilder running = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            var m = FOOTNOTE_LINE.matcher(line.strip());
            if (m.matches()) {
                footnotes.add(normalize(m.group(1)));
            } else {
                running.append(SUPERSCRIPT_DIGITS.matcher(line).replaceAll("")).append('\n');
            }
        }
        List<String> blocks = spec.unwrap() ? paragraphs(running.toString()) : List.of(running.toString().split("\n"));
        List<String> sentences = new ArrayList<>();
        int skipped = 0;
        for (String block : blocks) {
            for (String piece : block.split("<[^>]*>")) {
                for (String sentence : SENTENCE_END.split(stripMarkup(piece))) {
                    String s = normalize(sentence);
                    if (s.isEmpty() || s.matches("[\\p{Punct}\\p{Pd}\\s▶➤•]*")) {
                        continue;
                    }
                    if (spec.skips().stream().anyMatch(p -> p.matcher(s).find())) {
                        skipped++;
                        continue;
                    }
                    sentences.add(s);
                }
            }
        }
        return new Result(sentences, footnotes, skipped);
    }

    /** Blank lines separate paragraphs; a line-end hyphen between lowercase letters joins the word. */
    private static List<String> paragraphs(String text) {
        List<String> paragraphs = new ArrayList<>();
        for (String paragraph : text.split("\\n\\s*\\n")) {
            String joined = paragraph.replaceAll("(\\p{Ll})-\\n(\\p{Ll})", "$1$2").replace('\n', ' ');
            paragraphs.add(joined);
        }
        return paragraphs;
    }

    private static String stripMarkup(String text) {
        String s = text.replace("**", "");
        s = s.replaceFirst("^\\s*#+\\s+", "");
        s = s.replaceFirst("^\\s*-\\s+", "");
        return s.replace("▶", " ").replace("➤", " ");
    }

    /** The same normalisation for seed and page text: Unicode NFC, one kind of ellipsis and apostrophe, one space. */
    static String normalize(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFC);
        s = s.replace('\u00A0', ' ').replace("\u00AD", "").replace("\u200B", "").replace("\uFEFF", "");
        s = s.replace("…", "...").replace('’', '\'');
        return s.replaceAll("\\s+", " ").strip();
    }
}
