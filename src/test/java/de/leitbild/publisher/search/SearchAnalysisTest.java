package de.leitbild.publisher.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** The analysis the index is built with: what a reader types maps onto the terms of the text. */
class SearchAnalysisTest {

    private static final Set<String> GERMAN_WORDS = Set.of("konzept", "beirat", "integration", "beauftragte",
            "steuerung", "gruppe");

    private static List<String> terms(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    @Test
    void aGermanCompoundIsFoundByItsParts() {
        try (Analyzer german = LanguageAnalyzers.create("german", GERMAN_WORDS)) {
            assertThat(terms(german, "Integrationskonzept")).containsAll(terms(german, "Konzept"))
                    .containsAll(terms(german, "Integration"));
            assertThat(terms(german, "Ausländerbeirat")).containsAll(terms(german, "Beirat"));
            assertThat(terms(german, "Steuerungsgruppe")).containsAll(terms(german, "Gruppe"));
        }
    }

    @Test
    void aPartThatNeverStandsAloneIsFoundInItsCompoundsByTheWordList() {
        // Heads are known from the texts (Willkommen) or the word list (Sprache, Anforderung, Land, Arbeit), the
        // tails (Mappe, Café, Stunde, Profil, Gemeinschaft) from the word list only.
        List<SearchSection> sections = List.of(new SearchSection(0, "a.html", "Jahresbericht", "Angebote", "",
                "Willkommen! Die Willkommensmappe, das Sprachcafé, die Sprechstunde, das Anforderungsprofil der "
                        + "Landesarbeitsgemeinschaft und die Gesellschaft."));
        CompoundDictionary.Parts parts = CompoundDictionary.of(sections, Locale.GERMAN,
                LanguageAnalyzers.stopWords("german"));
        assertThat(parts.tails()).contains("mappe", "café", "stunde", "profil", "arbeitsgemeinschaft", "gemeinschaft")
                .doesNotContain("schaft", "willkommensmappe");
        assertThat(parts.dictionary()).containsAll(parts.tails()).contains("willkommensmappe");
        try (Analyzer german = LanguageAnalyzers.create("german", parts.dictionary())) {
            assertThat(terms(german, "Willkommensmappe")).containsAll(terms(german, "Mappe"));
            assertThat(terms(german, "Sprachcafé")).containsAll(terms(german, "Café"));
            assertThat(terms(german, "Sprechstunden")).containsAll(terms(german, "Stunde"));
            assertThat(terms(german, "Anforderungsprofil")).containsAll(terms(german, "Profil"));
            assertThat(terms(german, "Landesarbeitsgemeinschaft")).containsAll(terms(german, "Arbeitsgemeinschaft"));
        }
    }

    @Test
    void compoundPartsAreTheSameWhateverTheOrderOfTheTexts() {
        List<SearchSection> forward = List.of(new SearchSection(0, "a.html", "", "", "", "Willkommensmappe"),
                new SearchSection(1, "b.html", "", "", "", "Sprachcafé Sprechstunde"));
        List<SearchSection> backward = List.of(forward.get(1), forward.get(0));
        assertThat(CompoundDictionary.of(forward, Locale.GERMAN, LanguageAnalyzers.stopWords("german")))
                .isEqualTo(CompoundDictionary.of(backward, Locale.GERMAN, LanguageAnalyzers.stopWords("german")));
    }

    @Test
    void compoundPartsWorkedOutAgainOnlyWhereTheTextsChangedAreThoseOfTheChangedTexts() {
        CharArraySet stopWords = LanguageAnalyzers.stopWords("german");
        // Xyquablo is no word of the list: only as a word of the texts does it split Xyquablotreff.
        List<String> with = List.of("Xyquablo", "Xyquablotreff", "Willkommensmappe", "Sprachcafé");
        List<String> without = List.of("Xyquablotreff", "Willkommensmappe", "Sprachcafé", "Sprechstunde");
        List<String> many = new java.util.ArrayList<>(with);
        for (int i = 0; i < 100; i++) {
            many.add("Quorbelwerk" + (char) ('a' + i % 26) + (char) ('a' + i / 26) + "haus");
        }
        assertThat(CompoundDictionary.of(with, Locale.GERMAN, stopWords).tails()).contains("treff");
        assertThat(CompoundDictionary.of(without, Locale.GERMAN, stopWords).tails()).doesNotContain("treff");

        CompoundDictionary.Memory memory = new CompoundDictionary.Memory();
        for (List<String> texts : List.of(with, without, with, many, without, without)) {
            assertThat(memory.of(texts, Locale.GERMAN, stopWords))
                    .isEqualTo(CompoundDictionary.of(texts, Locale.GERMAN, stopWords));
        }
    }

    @Test
    void keysMadeWithTheSpellingsOfAnEarlierBuildAreTheKeysMadeWithout() {
        KeyVocabulary.Spellings spellings = new KeyVocabulary.Spellings();
        try (Analyzer german = LanguageAnalyzers.create("german", GERMAN_WORDS)) {
            for (List<String> texts : List.of(List.of("Ausländerbehörde", "Integrations-Beauftragte"),
                    List.of("Integrations·beauftragte", "Ausländerbehörde", "Café"))) {
                KeyVocabulary fresh = new KeyVocabulary(german, LanguageAnalyzers.stopWords("german"), Locale.GERMAN,
                        "german");
                fresh.addTexts(texts, Set.copyOf(terms(german, String.join(" ", texts))));
                KeyVocabulary remembering = new KeyVocabulary(german, LanguageAnalyzers.stopWords("german"),
                        Locale.GERMAN, "german");
                remembering.addTexts(texts, Set.copyOf(terms(german, String.join(" ", texts))), spellings);
                assertThat(remembering.keys()).isEqualTo(fresh.keys()).containsKey("auslaenderbehoerde");
                assertThat(remembering.stopKeys()).isEqualTo(fresh.stopKeys());
            }
        }
    }

    @Test
    void germanUmlautsAndSharpSFoldSoThatPlainAndTranscribedSpellingsMatch() {
        try (Analyzer german = LanguageAnalyzers.create("german", GERMAN_WORDS)) {
            List<String> umlaut = terms(german, "Ausländerbeauftragte");
            assertThat(terms(german, "Auslaenderbeauftragte")).isEqualTo(umlaut);
            assertThat(terms(german, "Auslanderbeauftragte")).isEqualTo(umlaut);
            assertThat(terms(german, "Maßnahmen")).isEqualTo(terms(german, "Massnahmen"));
            assertThat(terms(german, "Oberbürgermeisterin")).isEqualTo(terms(german, "Oberbuergermeisterin"));
        }
    }

    @Test
    void germanInflectionsShareATerm() {
        try (Analyzer german = LanguageAnalyzers.create("german", GERMAN_WORDS)) {
            assertThat(terms(german, "Beauftragten")).isEqualTo(terms(german, "Beauftragte"));
            assertThat(terms(german, "Konzeptes")).containsAll(terms(german, "Konzept"));
        }
    }

    @Test
    void leichteSpracheCompoundsWithHyphenOrMiddleDotAreFoundInBothForms() {
        try (Analyzer german = LanguageAnalyzers.create("german", GERMAN_WORDS)) {
            List<String> joined = terms(german, "Integrationsbeauftragte");
            assertThat(terms(german, "Integrations-Beauftragte")).containsAll(joined);
            assertThat(terms(german, "Integrations·Beauftragte")).containsAll(joined);
            assertThat(terms(german, "Integrations-Beauftragte")).containsAll(terms(german, "Beauftragte"));
        }
    }

    @Test
    void germanStopWordsYieldNoTerms() {
        try (Analyzer german = LanguageAnalyzers.create("german", GERMAN_WORDS)) {
            assertThat(terms(german, "und die der mit")).isEmpty();
        }
    }

    @Test
    void arabicIsNormalisedSoThatHamzaAndDiacriticVariantsMatch() {
        try (Analyzer arabic = LanguageAnalyzers.create("arabic", Set.of())) {
            assertThat(terms(arabic, "الاندماج")).isEqualTo(terms(arabic, "الإندماج"));
            assertThat(terms(arabic, "الاندماج")).isEqualTo(terms(arabic, "الاندِماج"));
            assertThat(terms(arabic, "المهاجرين")).isNotEmpty();
        }
    }

    @Test
    void persianIsNormalisedSoThatArabicYehAndKafMatchPersianOnes() {
        try (Analyzer persian = LanguageAnalyzers.create("persian", Set.of())) {
            assertThat(terms(persian, "یکپارچگی")).isEqualTo(terms(persian, "يكپارچگي"));
        }
    }

    @Test
    void turkishUsesTurkishCasingForDottedAndDotlessI() {
        try (Analyzer turkish = LanguageAnalyzers.create("turkish", Set.of())) {
            assertThat(terms(turkish, "GÖREVLİLERİ")).isEqualTo(terms(turkish, "görevlileri"));
            assertThat(terms(turkish, "görevlileri")).isEqualTo(terms(turkish, "görevlilerin"));
        }
    }

    @Test
    void russianAndUkrainianInflectionsShareATerm() {
        try (Analyzer russian = LanguageAnalyzers.create("russian", Set.of())) {
            assertThat(terms(russian, "уполномоченных")).isEqualTo(terms(russian, "уполномоченные"));
        }
        try (Analyzer ukrainian = LanguageAnalyzers.create("ukrainian", Set.of())) {
            assertThat(terms(ukrainian, "інтеграції")).containsAnyElementsOf(terms(ukrainian, "інтеграція"));
        }
    }

    @Test
    void keysAddTheSpellingsReadersTypeWithoutUmlautsOrTurkishLetters() {
        try (Analyzer german = LanguageAnalyzers.create("german", GERMAN_WORDS)) {
            KeyVocabulary keys = new KeyVocabulary(german, LanguageAnalyzers.stopWords("german"), Locale.GERMAN,
                    "german");
            assertThat(keys.variants("ausländerbeirat")).contains("auslaenderbeirat", "auslanderbeirat");
        }
        try (Analyzer english = LanguageAnalyzers.create("english", Set.of())) {
            KeyVocabulary keys = new KeyVocabulary(english, LanguageAnalyzers.stopWords("english"), Locale.ENGLISH,
                    "english");
            assertThat(keys.variants("ausländerbehörde")).contains("auslaenderbehoerde", "auslanderbehorde");
        }
        try (Analyzer turkish = LanguageAnalyzers.create("turkish", Set.of())) {
            KeyVocabulary keys = new KeyVocabulary(turkish, LanguageAnalyzers.stopWords("turkish"),
                    Locale.forLanguageTag("tr"), "turkish");
            assertThat(keys.variants("görevlisi")).contains("gorevlisi");
            assertThat(KeyVocabulary.normalize("İNTEGRASYON", Locale.forLanguageTag("tr"))).isEqualTo("integrasyon");
        }
    }
}
