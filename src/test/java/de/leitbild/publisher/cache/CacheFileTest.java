package de.leitbild.publisher.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cache file is replaced whole or not at all, and a damaged one is refused instead of misread. */
class CacheFileTest {

    @TempDir
    Path folder;

    @Test
    void textsComeBackAsTheyWereWrittenAndNoPartialFileStays() throws IOException {
        Path file = folder.resolve("cache/store.bin");
        CacheFile.write(file, out -> {
            CacheFile.writeText(out, "Integrations·Beauftragte");
            CacheFile.writeText(out, "مكتب الاندماج");
        });
        try (DataInputStream in = CacheFile.open(file)) {
            assertThat(CacheFile.readText(in)).isEqualTo("Integrations·Beauftragte");
            assertThat(CacheFile.readText(in)).isEqualTo("مكتب الاندماج");
        }
        assertThat(Files.list(file.getParent()).map(p -> p.getFileName().toString())).containsExactly("store.bin");
    }

    @Test
    void whatAProcessSavedIsTakenFromMemoryOnlyWhileTheFileIsTheOneItWrote() throws IOException {
        SavedInProcess<String> saved = new SavedInProcess<>(1);
        Path file = folder.resolve("store.bin");
        saved.saved(file, "code 1", "eins", CacheFile.write(file, out -> CacheFile.writeText(out, "eins")));
        assertThat(saved.get(folder.resolve("./store.bin"), "code 1")).isEqualTo("eins");
        assertThat(saved.get(file, "code 2")).isNull();
        assertThat(saved.get(folder.resolve("other.bin"), "code 1")).isNull();

        // Written again, as another process would: a new file, whatever it holds.
        CacheFile.write(file, out -> CacheFile.writeText(out, "eins"));
        assertThat(saved.get(file, "code 1")).isNull();
        Files.delete(file);
        assertThat(saved.get(file, "code 1")).isNull();
    }

    @Test
    void aFailedWriteLeavesTheOldFile() throws IOException {
        Path file = folder.resolve("store.bin");
        CacheFile.write(file, out -> CacheFile.writeText(out, "alt"));
        assertThatThrownBy(() -> CacheFile.write(file, out -> {
            CacheFile.writeText(out, "neu");
            throw new IOException("disk full");
        })).hasMessage("disk full");
        try (DataInputStream in = CacheFile.open(file)) {
            assertThat(CacheFile.readText(in)).isEqualTo("alt");
        }
    }

    @Test
    void aDamagedLengthIsRefused() throws IOException {
        Path file = folder.resolve("store.bin");
        CacheFile.write(file, out -> out.writeInt(-5));
        try (DataInputStream in = CacheFile.open(file)) {
            assertThatThrownBy(() -> CacheFile.readText(in)).isInstanceOf(IOException.class);
        }
    }
}
