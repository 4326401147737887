package de.leitbild.publisher.search;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/**
 * Test reference: the way the index used to score, with a real Lucene index (IndexWriter, forceMerge, then
 * BM25 statistics read back). {@link ScoredPostings} must give the very same floats without building it.
 */
final class IndexedPostings {

    /** Field name → boost: a match in the page title counts three times, in a heading twice. */
    static final Map<String, Float> FIELD_BOOSTS = Map.of("title", 3f, "heading", 2f, "text", 1f);
    private static final List<String> FIELD_ORDER = List.of("title", "heading", "text");
    private static final String SECTION_ID = "section";

    private IndexedPostings() {
    }

    /** term → (section id → summed, boosted BM25 score), both in sorted order. */
    static SortedMap<String, SortedMap<Integer, Float>> compute(Analyzer analyzer, List<SearchSection> sections)
            throws IOException {
        BM25Similarity similarity = new BM25Similarity();
        try (Directory directory = new ByteBuffersDirectory()) {
            IndexWriterConfig config = new IndexWriterConfig(analyzer).setSimilarity(similarity);
            try (IndexWriter writer = new IndexWriter(directory, config)) {
                // Analysis is most of the work and IndexWriter takes documents from several threads: all cores
                // analyse. Lucene's document order then varies, which changes nothing: results are by section id.
                sections.parallelStream().forEach(section -> {
                    Document document = new Document();
                    document.add(new NumericDocValuesField(SECTION_ID, section.id()));
                    document.add(new TextField("title", section.pageTitleField(), Field.Store.NO));
                    document.add(new TextField("heading", section.heading(), Field.Store.NO));
                    document.add(new TextField("text", section.text(), Field.Store.NO));
                    try {
                        writer.addDocument(document);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                writer.forceMerge(1);
            }
            SortedMap<String, SortedMap<Integer, Float>> postings = new TreeMap<>();
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setSimilarity(similarity);
                for (LeafReaderContext leaf : reader.leaves()) {
                    int[] sectionOf = sectionIds(leaf.reader());
                    // In a fixed order: float sums must not depend on the iteration order of a Map.of.
                    for (String field : FIELD_ORDER) {
                        addField(searcher, similarity, leaf.reader(), field, FIELD_BOOSTS.get(field), sectionOf,
                                postings);
                    }
                }
            }
            return postings;
        }
    }

    private static void addField(IndexSearcher searcher, BM25Similarity similarity, LeafReader leaf, String field,
            float boost, int[] sectionOf, SortedMap<String, SortedMap<Integer, Float>> postings) throws IOException {
        Terms terms = leaf.terms(field);
        CollectionStatistics collection = searcher.collectionStatistics(field);
        if (terms == null || collection == null) {
            return;
        }
        long[] norms = norms(leaf, field);
        TermsEnum termsEnum = terms.iterator();
        for (BytesRef bytes = termsEnum.next(); bytes != null; bytes = termsEnum.next()) {
            TermStatistics statistics = searcher.termStatistics(new Term(field, BytesRef.deepCopyOf(bytes)),
                    termsEnum.docFreq(), termsEnum.totalTermFreq());
            Similarity.SimScorer scorer = similarity.scorer(boost, collection, statistics);
            SortedMap<Integer, Float> scores = postings.computeIfAbsent(bytes.utf8ToString(), t -> new TreeMap<>());
            PostingsEnum docs = termsEnum.postings(null, PostingsEnum.FREQS);
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                scores.merge(sectionOf[doc], scorer.score(docs.freq(), norms[doc]), Float::sum);
            }
        }
    }

    private static int[] sectionIds(LeafReader leaf) throws IOException {
        int[] ids = new int[leaf.maxDoc()];
        NumericDocValues values = leaf.getNumericDocValues(SECTION_ID);
        for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
            ids[doc] = (int) values.longValue();
        }
        return ids;
    }

    private static long[] norms(LeafReader leaf, String field) throws IOException {
        long[] norms = new long[leaf.maxDoc()];
        java.util.Arrays.fill(norms, 1L);
        NumericDocValues values = leaf.getNormValues(field);
        if (values != null) {
            for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                norms[doc] = values.longValue();
            }
        }
        return norms;
    }
}
