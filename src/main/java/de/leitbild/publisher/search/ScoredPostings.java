package de.leitbild.publisher.search;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.apache.lucene.index.FieldInvertState;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.Version;

/**
 * For every term of a language's sections, its BM25 contribution to every section it occurs in: Lucene's own
 * {@link BM25Similarity}, fed with the statistics an index of the sections would hold (term and document
 * frequencies, field lengths as norms), computed once at build time, so that the browser only has to add
 * numbers up. No index is built: BM25 needs only counts, and counting is a fraction of indexing.
 */
final class ScoredPostings {

    /** Field name → boost: a match in the page title counts three times, in a heading twice. */
    static final Map<String, Float> FIELD_BOOSTS = Map.of("title", 3f, "heading", 2f, "text", 1f);
    /** In a fixed order: float sums must not depend on the iteration order of a Map.of. */
    static final List<String> FIELD_ORDER = List.of("title", "heading", "text");

    /** A term's sections in ascending order and its summed, boosted score in each. */
    record Postings(int[] sections, float[] scores) {
        SortedMap<Integer, Float> asMap() {
            SortedMap<Integer, Float> map = new TreeMap<>();
            for (int i = 0; i < sections.length; i++) {
                map.put(sections[i], scores[i]);
            }
            return map;
        }
    }

    /** The terms of one section, field by field in {@link #FIELD_ORDER}. */
    record SectionTerms(TermAnalysis.FieldTerms[] fields) {
    }

    private ScoredPostings() {
    }

    /** The terms of each section, analysed on all cores; the result is in section order. */
    static SectionTerms[] analyse(TermAnalysis analysis, List<SearchSection> sections) {
        SectionTerms[] terms = new SectionTerms[sections.size()];
        IntStream.range(0, sections.size()).parallel().forEach(i -> terms[i] = analyse(analysis, sections.get(i)));
        return terms;
    }

    static SectionTerms analyse(TermAnalysis analysis, SearchSection section) {
        return new SectionTerms(new TermAnalysis.FieldTerms[] {analysis.field(section.pageTitleField()),
                analysis.field(section.heading()), analysis.field(section.text())});
    }

    /** term → its postings, in term order; {@code sections[i]} is the section with id {@code i}. */
    static SortedMap<String, Postings> compute(SectionTerms[] sections) {
        BM25Similarity similarity = new BM25Similarity();
        int fieldCount = FIELD_ORDER.size();
        List<Map<String, FieldPostings>> byField = IntStream.range(0, fieldCount).parallel()
                .mapToObj(f -> invert(sections, f)).toList();
        CollectionStatistics[] collections = new CollectionStatistics[fieldCount];
        byte[][] norms = new byte[fieldCount][];
        for (int f = 0; f < fieldCount; f++) {
            collections[f] = collection(FIELD_ORDER.get(f), sections, f, byField.get(f));
            norms[f] = norms(similarity, FIELD_ORDER.get(f), sections, f);
        }
        java.util.SortedSet<String> all = new java.util.TreeSet<>();
        byField.forEach(m -> all.addAll(m.keySet()));
        String[] terms = all.toArray(String[]::new);
        Postings[] postings = new Postings[terms.length];
        IntStream.range(0, terms.length).parallel().forEach(t -> {
            String term = terms[t];
            BytesRef bytes = new BytesRef(term);
            int[][] docs = new int[fieldCount][];
            float[][] scores = new float[fieldCount][];
            for (int f = 0; f < fieldCount; f++) {
                FieldPostings field = byField.get(f).get(term);
                if (field == null) {
                    continue;
                }
                Similarity.SimScorer scorer = similarity.scorer(FIELD_BOOSTS.get(FIELD_ORDER.get(f)), collections[f],
                        new TermStatistics(bytes, field.size, field.totalTermFreq));
                docs[f] = Arrays.copyOf(field.sections, field.size);
                scores[f] = new float[field.size];
                for (int i = 0; i < field.size; i++) {
                    scores[f][i] = scorer.score(field.freqs[i], norms[f][field.sections[i]]);
                }
            }
            postings[t] = merge(docs, scores);
        });
        SortedMap<String, Postings> result = new TreeMap<>();
        for (int t = 0; t < terms.length; t++) {
            result.put(terms[t], postings[t]);
        }
        return result;
    }

    /** The fields' postings of one term summed per section, each sum in field order (as the index would). */
    private static Postings merge(int[][] docs, float[][] scores) {
        int[] at = new int[docs.length];
        int total = 0;
        for (int[] d : docs) {
            total += d == null ? 0 : d.length;
        }
        int[] sections = new int[total];
        float[] sums = new float[total];
        int n = 0;
        while (true) {
            int next = Integer.MAX_VALUE;
            for (int f = 0; f < docs.length; f++) {
                if (docs[f] != null && at[f] < docs[f].length) {
                    next = Math.min(next, docs[f][at[f]]);
                }
            }
            if (next == Integer.MAX_VALUE) {
                break;
            }
            boolean first = true;
            float sum = 0;
            for (int f = 0; f < docs.length; f++) {
                if (docs[f] != null && at[f] < docs[f].length && docs[f][at[f]] == next) {
                    sum = first ? scores[f][at[f]] : sum + scores[f][at[f]];
                    first = false;
                    at[f]++;
                }
            }
            sections[n] = next;
            sums[n++] = sum;
        }
        return new Postings(Arrays.copyOf(sections, n), Arrays.copyOf(sums, n));
    }

    /** One field's postings of one term: sections in ascending order and the term's frequency in each. */
    private static final class FieldPostings {
        int[] sections = new int[2];
        int[] freqs = new int[2];
        int size;
        long totalTermFreq;

        void add(int section, int freq) {
            if (size == sections.length) {
                sections = Arrays.copyOf(sections, size * 2);
                freqs = Arrays.copyOf(freqs, size * 2);
            }
            sections[size] = section;
            freqs[size++] = freq;
            totalTermFreq += freq;
        }
    }

    private static Map<String, FieldPostings> invert(SectionTerms[] sections, int field) {
        Map<String, FieldPostings> postings = new HashMap<>();
        for (int s = 0; s < sections.length; s++) {
            TermAnalysis.FieldTerms terms = sections[s].fields()[field];
            for (int i = 0; i < terms.terms().length; i++) {
                postings.computeIfAbsent(terms.terms()[i], t -> new FieldPostings()).add(s, terms.freqs()[i]);
            }
        }
        return postings;
    }

    /** What IndexSearcher.collectionStatistics would say of the field; null if no section has a term in it. */
    private static CollectionStatistics collection(String name, SectionTerms[] sections, int field,
            Map<String, FieldPostings> postings) {
        long docCount = 0;
        long sumTotalTermFreq = 0;
        long sumDocFreq = 0;
        for (SectionTerms section : sections) {
            if (!section.fields()[field].isEmpty()) {
                docCount++;
            }
        }
        for (FieldPostings p : postings.values()) {
            sumTotalTermFreq += p.totalTermFreq;
            sumDocFreq += p.size;
        }
        return docCount == 0 ? null
                : new CollectionStatistics(name, sections.length, docCount, sumTotalTermFreq, sumDocFreq);
    }

    /** Each section's norm of the field, as Lucene's indexing chain would compute it for BM25. */
    private static byte[] norms(BM25Similarity similarity, String name, SectionTerms[] sections, int field) {
        byte[] norms = new byte[sections.length];
        for (int s = 0; s < sections.length; s++) {
            TermAnalysis.FieldTerms terms = sections[s].fields()[field];
            if (terms.tokens() > 0) {
                FieldInvertState state = new FieldInvertState(Version.LATEST.major, name,
                        IndexOptions.DOCS_AND_FREQS_AND_POSITIONS, terms.tokens(), terms.tokens(), terms.overlaps(),
                        0, 0, terms.terms().length);
                norms[s] = (byte) similarity.computeNorm(state);
            }
        }
        return norms;
    }
}
