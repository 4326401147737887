package de.leitbild.publisher.search;

import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;

/**
 * German (and Leichte Sprache): words joined by a hyphen or middle dot are indexed as parts and joined
 * (Integrations-Beauftragte and Integrations·Beauftragte also give integrationsbeauftragte), compounds are
 * split into the words of the site's own vocabulary (Integrationskonzept also gives konzept), umlauts and ß
 * are folded (ä, ae and a match), then a light stemmer removes inflection.
 */
final class GermanSearchAnalyzer extends Analyzer {

    private static final int WORD_DELIMITER_FLAGS = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
            | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS | WordDelimiterGraphFilter.CATENATE_WORDS
            | WordDelimiterGraphFilter.CATENATE_NUMBERS;

    private final CharArraySet compoundParts;

    GermanSearchAnalyzer(Set<String> compoundParts) {
        this.compoundParts = new CharArraySet(compoundParts, false);
    }

    static CharArraySet stopWords() {
        return GermanAnalyzer.getDefaultStopSet();
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new WhitespaceTokenizer();
        TokenStream stream = new WordDelimiterGraphFilter(source, WORD_DELIMITER_FLAGS, null);
        stream = new FlattenGraphFilter(stream);
        stream = new LowerCaseFilter(stream);
        stream = new StopFilter(stream, stopWords());
        stream = new DictionaryCompoundWordTokenFilter(stream, compoundParts, 8, 4, 20, false);
        stream = new GermanNormalizationFilter(stream);
        stream = new GermanLightStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }
}
