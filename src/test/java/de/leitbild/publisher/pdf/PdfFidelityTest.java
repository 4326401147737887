package de.leitbild.publisher.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import de.leitbild.publisher.BuiltSites;
import de.leitbild.publisher.SiteBuild;
import de.leitbild.publisher.content.Brochure;

/**
 * The text extracted from every PDF contains every sentence of its parts, in order, and every footnote: the same
 * check as the site's fidelity test (which holds the built pages to the seed documents), now holding each PDF to
 * the built pages of its parts in the PDF's language. Nothing of the text is lost on the way to print.
 */
class PdfFidelityTest {

    private static Map<String, List<String>> partsByBrochure;
    private static java.util.Set<String> rightToLeft;

    @BeforeAll
    static void readTheBrochures(@TempDir Path scratch) throws Exception {
        SiteBuild.Sources sources = new SiteBuild(BuiltSites.engine()).read(BuiltSites.repositoryRoot(),
                scratch.resolve("site"));
        partsByBrochure = sources.catalog().brochures().stream()
                .collect(Collectors.toMap(Brochure::id, Brochure::partPaths));
        rightToLeft = sources.settings().languages().stream().filter(l -> l.isRightToLeft())
                .map(l -> l.id()).collect(Collectors.toSet());
    }

    @TestFactory
    Stream<DynamicTest> everySentenceOfThePartsAppearsInThePdfInOrder() {
        assertThat(BuiltPdfs.all()).isNotEmpty();
        return BuiltPdfs.all().stream().map(pdf -> DynamicTest.dynamicTest(BuiltPdfs.name(pdf), () -> check(pdf)));
    }

    private static void check(Path pdf) throws IOException {
        String name = BuiltPdfs.name(pdf);
        String language = name.substring(0, name.indexOf('/'));
        String id = pdf.getFileName().toString().replaceFirst("(-print)?\\.pdf$", "");
        List<String> parts = partsByBrochure.get(id);
        assertThat(parts).as("brochure " + id + " is declared in the content").isNotNull();
        List<String> sentences = new ArrayList<>();
        List<String> footnotes = new ArrayList<>();
        for (String part : parts) {
            Path page = BuiltPdfs.site().resolve(language + "/" + part + ".html");
            Document html = Jsoup.parse(page.toFile(), "UTF-8");
            Element body = html.selectFirst("div.document-body");
            assertThat(body).as("document body of " + page).isNotNull();
            Element notes = body.selectFirst("#footnotes");
            if (notes != null) {
                notes.select(".footnote-back").remove();
                notes.select("li").forEach(li -> footnotes.add(PdfText.normalize(li.text())));
                notes.remove();
            }
            body.select(".footnote-ref").remove();
            for (Element block : body.select("p, li > p, h2, h3, h4, h5, h6, th, td, dt")) {
                if (!block.select("p, h2, h3, h4, h5, h6").isEmpty() && !block.is("p, h2, h3, h4, h5, h6")) {
                    continue;
                }
                for (String sentence : PdfText.normalize(block.text()).split("(?<=[.!?؟])\\s+")) {
                    if (!sentence.isBlank()) {
                        sentences.add(sentence);
                    }
                }
            }
        }
        PdfText text = PdfText.of(pdf);
        assertThat(sentences).as("sentences of " + parts).isNotEmpty();
        if (rightToLeft.contains(language)) {
            assertThat(missingLetters(sentences, text.running())).as("sentences missing in " + name).isEmpty();
            assertThat(missingLetters(footnotes, text.footnotes())).as("footnotes missing in " + name).isEmpty();
        } else {
            assertThat(missingInOrder(sentences, text.running())).as("sentences missing (or out of order) in "
                    + name).isEmpty();
            assertThat(missingInOrder(footnotes, text.footnotes())).as("footnotes missing in " + name).isEmpty();
        }
    }

    /**
     * For right-to-left text the extractors (PDFBox, poppler alike) put the vowel marks of positioned glyphs
     * beside other letters and reorder the pieces of lines that mix Arabic and Latin script, so a sentence cannot
     * be found as it is written. What can be checked is that no letter is lost: each sentence's letters (without
     * marks and spaces) must all be in the stretch of the PDF's letters where the sentence belongs, in reading
     * order of the sentences.
     */
    static List<String> missingLetters(List<String> sentences, String text) {
        String pdf = lettersOf(text);
        List<String> missing = new ArrayList<>();
        int position = 0;
        for (String sentence : sentences) {
            String letters = lettersOf(sentence);
            if (letters.isEmpty()) {
                continue;
            }
            int found = find(pdf, letters, Math.max(0, position - 60));
            if (found < 0) {
                missing.add(sentence);
            } else {
                position = found + letters.length();
            }
        }
        return missing;
    }

    /** Where the stretch holding all of {@code letters} starts, searching from {@code from}; -1 if nowhere. */
    private static int find(String pdf, String letters, int from) {
        String prefix = letters.substring(0, Math.min(4, letters.length()));
        for (int at = pdf.indexOf(prefix, from); at >= 0; at = pdf.indexOf(prefix, at + 1)) {
            if (containsAll(window(pdf, at, letters), letters)) {
                return at;
            }
        }
        // The first word may be one of the pieces an extractor moved: try every stretch.
        for (int at = from; at < Math.min(pdf.length(), from + 3 * letters.length() + 400); at += 20) {
            if (containsAll(window(pdf, at, letters), letters)) {
                return at;
            }
        }
        return -1;
    }

    private static String window(String pdf, int at, String letters) {
        // The slack grows with the sentence: only a long sentence spans lines whose pieces an extractor moved.
        int slack = Math.min(60, letters.length() / 2);
        return pdf.substring(Math.max(0, at - slack / 2), Math.min(pdf.length(), at + letters.length() + slack));
    }

    private static String lettersOf(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKD).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private static boolean containsAll(String haystack, String needles) {
        Map<Integer, Integer> counts = new java.util.HashMap<>();
        haystack.codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
        for (int c : needles.codePoints().toArray()) {
            if (counts.merge(c, -1, Integer::sum) < 0) {
                return false;
            }
        }
        return true;
    }

    @org.junit.jupiter.api.Test
    void theLetterCheckForRightToLeftTextFindsALostSentence() {
        List<String> sentences = List.of("اندماج الأشخاص ذوي الخلفية المهاجرة مهمة مشتركة بين القطاعات.",
                "العمل فيه تطوعي.",
                "لا ينجح الاندماج إلا بوصفه عملية متبادلة.");
        String complete = String.join(" ", sentences);
        String lost = sentences.get(0) + " " + sentences.get(2);
        assertThat(missingLetters(sentences, complete)).isEmpty();
        assertThat(missingLetters(sentences, lost)).containsExactly(sentences.get(1));
    }

    /** The sentences not found after the previous one; a missing sentence does not move the reading position. */
    static List<String> missingInOrder(List<String> sentences, String text) {
        List<String> missing = new ArrayList<>();
        int position = 0;
        for (String sentence : sentences) {
            int at = text.indexOf(sentence, position);
            if (at < 0) {
                missing.add(text.contains(sentence) ? "(out of order) " + sentence : sentence);
            } else {
                position = at + sentence.length();
            }
        }
        return missing;
    }
}
