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
 * Cache files of one kind, and what this process last saved into them, kept in memory: a process that builds
 * again (the build daemon, the preview) takes it from there instead of reading and decoding the file again, as
 * long as the file is the one it wrote (the same file system key, size and time; {@link CacheFile#write} makes a
 * new file each time, so a file another process wrote since never matches). Each file begins with the kind's
 * format number and the stamp of the code that wrote it; {@link #write} writes them and {@link #read} reads only
 * a file that has both as they are now.
 *
 * @param <T> what a file of this kind is read into; it must not change after it is handed over
 */
public final class SavedInProcess<T> {

    /** Files of one kind a process keeps, unless told otherwise: a site has one per kind and language. */
    private static final int MAX_FILES = 16;

    private record Saved<T>(String stamp, List<Object> identity, T value) {
    }

    private final int format;
    private final Map<Path, Saved<T>> saved;

    /** Files of the format {@code format} (a number the kind raises when it writes its files differently). */
    public SavedInProcess(int format) {
        this(format, MAX_FILES);
    }

    /** The same, keeping what up to {@code maxFiles} files hold, forgetting the one used longest ago first. */
    public SavedInProcess(int format, int maxFiles) {
        this.format = format;
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

    /**
     * Replaces {@code file} with the format number, {@code stamp} and what {@code contents} writes, and notes that
     * it holds {@code value}.
     */
    public void write(Path file, String stamp, T value, CacheFile.Contents contents) throws IOException {
        BasicFileAttributes written = CacheFile.write(file, out -> {
            out.writeInt(format);
            out.writeUTF(stamp);
            contents.writeTo(out);
        });
        saved(file, stamp, value, written);
    }

    /** Decodes the contents of a cache file after its format number and stamp. */
    public interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    /**
     * What {@code file} holds: from memory if this process wrote or read it as it is now with the code
     * {@code stamp}, else decoded by {@code reader} and kept as what the file holds, so that a later build of this
     * process takes it from memory while the file stays as it is. Null if the file is missing, damaged, or of
     * another format or code (or {@code reader} gives null).
     */
    public T read(Path file, String stamp, Reader<T> reader) {
        T known = get(file, stamp);
        if (known != null || !Files.isRegularFile(file)) {
            return known;
        }
        try (DataInputStream in = CacheFile.open(file)) {
            BasicFileAttributes read = Files.readAttributes(file, BasicFileAttributes.class);
            if (in.readInt() != format || !in.readUTF().equals(stamp)) {
                return null;
            }
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
