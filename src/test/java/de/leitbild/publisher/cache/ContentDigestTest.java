package de.leitbild.publisher.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The cache's digest tells apart what a build would make differently, and is the same in every run. */
class ContentDigestTest {

    @Test
    void theSameValuesGiveTheSameDigestInEveryRun() {
        // A digest kept in the cache must not depend on the process: a fixed value written down once.
        assertThat(ContentDigest.of("Integrationsbeirat")).hasSize(32)
                .isEqualTo(new ContentDigest().add("Integrationsbeirat").hex())
                .isEqualTo(ContentDigest.of("Integrationsbeirat"));
        assertThat(ContentDigest.of("Integrationsbeirat")).isEqualTo("96e8b4e54902673f62388a44d52e3d02");
    }

    @Test
    void howValuesAreSplitAndWhatTypeTheyAreChangesTheDigest() {
        assertThat(new ContentDigest().add("ab").add("c").hex())
                .isNotEqualTo(new ContentDigest().add("a").add("bc").hex());
        assertThat(new ContentDigest().add("").add("x").hex())
                .isNotEqualTo(new ContentDigest().add("x").add("").hex());
        assertThat(new ContentDigest().add("abc").hex()).isNotEqualTo(new ContentDigest().add("abc\u0000").hex());
        assertThat(ContentDigest.of(new byte[] {1, 2, 3})).isNotEqualTo(ContentDigest.of(new byte[] {1, 2, 3, 0}));
        assertThat(new ContentDigest().add(1).add(2).hex()).isNotEqualTo(new ContentDigest().add(2).add(1).hex());
    }

    @Test
    void everyOneCharacterEditOfATextGivesAnotherDigest() {
        String text = "Die Stadt fördert die Teilhabe aller Menschen am gesellschaftlichen Leben.";
        Set<String> texts = new HashSet<>();
        texts.add(text);
        for (int i = 0; i < text.length(); i++) {
            texts.add(text.substring(0, i) + text.substring(i + 1));
            for (char c : new char[] {'a', 'e', ' ', 'ö', (char) (text.charAt(i) ^ 1), (char) (text.charAt(i) + 1)}) {
                texts.add(text.substring(0, i) + c + text.substring(i + 1));
            }
        }
        Set<String> digests = new HashSet<>();
        Set<String> byteDigests = new HashSet<>();
        for (String edited : texts) {
            digests.add(ContentDigest.of(edited));
            byteDigests.add(ContentDigest.of(edited.getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(texts).hasSizeGreaterThan(400);
        assertThat(digests).hasSameSizeAs(texts);
        assertThat(byteDigests).hasSameSizeAs(texts);
    }
}
