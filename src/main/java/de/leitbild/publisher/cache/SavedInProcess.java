package de.leitbild.publisher.cache;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What this process last saved into cache files of one kind, kept in memory: a process that builds again (the
 * build daemon, the preview) takes it from there instead of reading and decoding the file again, as long as the
 * file is the one it wrote (the same file system key, size and time; {@link CacheFile#write} makes a new file
 * each time, so a file another process wrote since never matches).
 *
 * @param <T> what a file of this kind is read into; it must not change after it is handed over
 */
public final class SavedInProcess<T> {

    /** Files of one kind a process keeps, unless told otherwise: a site has one per kind and language. */
    private static final int MAX_FILES = 16;

    private record Saved<T>(String stamp, List<Object> identity, T value) {
    }

    private final Map<Path, Saved<T>> saved;

    public SavedInProcess() {
        this(MAX_FILES);
    }

    /** Keeps what up to {@code maxFiles} files hold, forgetting the one used longest ago first. */
    public SavedInProcess(int maxFiles) {
        saved = new LinkedHashMap<>(maxFiles, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Path, Saved<T>> eldest) {
                return size() > maxFiles;
            }
        };
    }

    /**
     * Notes that {@code file}, just written by the code {@code stamp} (with the attributes {@code written} that
     * {@link CacheFile#write} returned), holds {@code value}.
     */
    public void saved(Path file, String stamp, T value, BasicFileAttributes written) {
        List<Object> identity = identity(written);
        synchronized (saved) {
            if (identity == null) {
                saved.remove(key(file));
            } else {
                saved.put(key(file), new Saved<>(stamp, identity, value));
            }
        }
    }

    /** Decodes the contents of a cache file; null if they are of another format or code. */
    public interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    /**
     * What {@code file} holds: from memory if this process wrote or read it as it is now with the code
     * {@code stamp}, else decoded by {@code reader} and kept as what the file holds, so that a later build of this
     * process takes it from memory while the file stays as it is. Null if the file is missing, damaged, or of
     * another format or code.
     */
    public T read(Path file, String stamp, Reader<T> reader) {
        T known = get(file, stamp);
        if (known != null || !Files.isRegularFile(file)) {
            return known;
        }
        try (DataInputStream in = CacheFile.open(file)) {
            BasicFileAttributes read = Files.readAttributes(file, BasicFileAttributes.class);
            T value = reader.read(in);
            if (value != null) {
                saved(file, stamp, value, read);
            }
            return value;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** What {@code file} holds if this process wrote it as it is now with the code {@code stamp}; else null. */
    public T get(Path file, String stamp) {
        List<Object> identity = identity(file);
        synchronized (saved) {
            Saved<T> known = saved.get(key(file));
            if (known != null && known.stamp().equals(stamp) && known.identity().equals(identity)) {
                return known.value();
            }
            // Outdated: let it go before the caller reads the file into a second copy.
            saved.remove(key(file));
            return null;
        }
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }

    private static List<Object> identity(Path file) {
        try {
            return identity(Files.readAttributes(file, BasicFileAttributes.class));
        } catch (IOException e) {
            return null;
        }
    }

    private static List<Object> identity(BasicFileAttributes attributes) {
        Object fileKey = attributes.fileKey();
        return fileKey == null ? null : List.of(fileKey, attributes.size(), attributes.lastModifiedTime());
    }
}
