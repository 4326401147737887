package de.leitbild.publisher.publish;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import de.leitbild.publisher.cache.CacheFile;

/**
 * What the last build published, file by file: each file's fingerprint (the hash of everything it was made from),
 * its size and a few notes (a page's site-internal links, a PDF's page count). A file whose fingerprint is
 * unchanged is taken over from the published site (a hard link, so nothing is copied) instead of being made
 * again; the stages check the notes again against this build (a page's links against this build's pages).
 */
public final class OutputMemory {

    private static final int FORMAT = 1;

    private final Path file;
    private final Path publishedSite;
    private final Map<String, Page> previous;
    private final Map<String, Page> current = new ConcurrentHashMap<>();
    private final java.util.Set<String> unfingerprinted = ConcurrentHashMap.newKeySet();
    // The folders pages were linked into, so that each is created once and not asked for again for every page.
    private final Map<Path, Boolean> folders = new ConcurrentHashMap<>();

    /** One page as the last build wrote it. */
    public record Page(String fingerprint, long size, List<String> links) {
    }

    private OutputMemory(Path file, Path publishedSite, Map<String, Page> previous) {
        this.file = file;
        this.publishedSite = publishedSite;
        this.previous = previous;
    }

    /** No memory: every page is rendered (the preview, and the first build). */
    public static OutputMemory none() {
        return new OutputMemory(null, null, Map.of());
    }

    /**
     * Starts reading the memory in {@code file} of the site published in {@code publishedSite} (missing or
     * unreadable counts as empty) on a thread of its own, for a build that needs it only after its content stage: a
     * rebuild after an edit waits there for JRuby to start, and reads the memory meanwhile. The file stays as it is
     * until {@link ReadAhead#load} (a build that fails earlier leaves it to the next build).
     */
    public static ReadAhead readAhead(Path file, Path publishedSite) {
        return new ReadAhead(file, publishedSite,
                java.util.concurrent.CompletableFuture.supplyAsync(() -> read(file, publishedSite), runnable -> {
                    Thread thread = new Thread(runnable, "page-memory");
                    thread.setDaemon(true);
                    thread.start();
                }));
    }

    /** A memory being read: {@link #load} or {@link #peek} it when the build gets to its pages. */
    public static final class ReadAhead {
        private final Path file;
        private final Path publishedSite;
        private final java.util.concurrent.CompletableFuture<Map<String, Page>> known;

        private ReadAhead(Path file, Path publishedSite,
                java.util.concurrent.CompletableFuture<Map<String, Page>> known) {
            this.file = file;
            this.publishedSite = publishedSite;
            this.known = known;
        }

        /**
         * The memory, and the file deleted: it describes the published site only until the next publish, after
         * which {@link OutputMemory#save} writes it anew.
         */
        public OutputMemory load() {
            Map<String, Page> read = known.join();
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                read.clear();
            }
            return new OutputMemory(file, publishedSite, read);
        }

        /**
         * The memory, leaving the file as it is: for a build that publishes nothing (a rehearsal), after which the
         * file still describes the published site.
         */
        public OutputMemory peek() {
            return new OutputMemory(file, publishedSite, known.join());
        }
    }

    private static Map<String, Page> read(Path file, Path publishedSite) {
        Map<String, Page> known = new ConcurrentHashMap<>();
        if (Files.isRegularFile(file) && Files.isDirectory(publishedSite)) {
            try (DataInputStream in = CacheFile.open(file)) {
                if (in.readInt() == FORMAT) {
                    int count = in.readInt();
                    for (int i = 0; i < count; i++) {
                        String path = in.readUTF();
                        String fingerprint = in.readUTF();
                        long size = in.readLong();
                        int linkCount = in.readInt();
                        List<String> links = new ArrayList<>(linkCount);
                        for (int j = 0; j < linkCount; j++) {
                            links.add(in.readUTF());
                        }
                        known.put(path, new Page(fingerprint, size, List.copyOf(links)));
                    }
                }
            } catch (IOException | RuntimeException e) {
                known.clear();
            }
        }
        return known;
    }

    public boolean remembers() {
        return file != null;
    }

    /**
     * Puts the published page {@code path} into {@code staging} if the last build wrote it from the same
     * {@code fingerprint}; returns its links, or {@code null} if the page must be rendered.
     */
    public List<String> reuse(String path, String fingerprint, Path staging) {
        Page page = previous.get(path);
        if (file == null || fingerprint == null || page == null || !page.fingerprint().equals(fingerprint)) {
            return null;
        }
        Path published = publishedSite.resolve(path);
        Path target = staging.resolve(path);
        try {
            if (Files.size(published) != page.size()) {
                return null;
            }
            if (folders.computeIfAbsent(target.getParent(), OutputMemory::createFolder) != Boolean.TRUE) {
                folders.remove(target.getParent());
                return null;
            }
            try {
                Files.createLink(target, published);
            } catch (FileSystemException | UnsupportedOperationException e) {
                Files.copy(published, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            return null;
        }
        current.put(path, page);
        return page.links();
    }

    private static Boolean createFolder(Path folder) {
        try {
            Files.createDirectories(folder);
            return Boolean.TRUE;
        } catch (IOException e) {
            return Boolean.FALSE;
        }
    }

    /** Notes a page this build rendered into {@code staging}. */
    public void record(String path, String fingerprint, long size, List<String> links) {
        if (file == null) {
            return;
        }
        if (fingerprint == null) {
            unfingerprinted.add(path);
        } else {
            current.put(path, new Page(fingerprint, size, List.copyOf(links)));
        }
    }

    /**
     * The fingerprint of the pages {@code paths} (e.g. those of a language the search indexes), which this build
     * wrote or took over, and of {@code stamp} (what else the output depends on: code, settings), from which a
     * later stage derives its own output (the search index); {@code null} if not every page has a fingerprint.
     */
    public String fingerprintOf(String stamp, java.util.Collection<String> paths) {
        if (file == null) {
            return null;
        }
        StringBuilder all = new StringBuilder(stamp).append('\n');
        for (String path : new java.util.TreeSet<>(paths)) {
            Page page = current.get(path);
            if (page == null || unfingerprinted.contains(path)) {
                return null;
            }
            all.append(path).append(' ').append(page.fingerprint()).append('\n');
        }
        return sha256(all.toString());
    }

    /**
     * Takes the folder {@code folder} (e.g. {@code de/search/}) over from the published site into {@code staging}
     * if the last build made it from the same {@code fingerprint}; true if it did.
     */
    public boolean reuseFolder(String folder, String fingerprint, Path staging) {
        Page known = previous.get(folder);
        if (file == null || fingerprint == null || known == null || !known.fingerprint().equals(fingerprint)) {
            return false;
        }
        Path published = publishedSite.resolve(folder);
        try (var walk = Files.walk(published)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            if (files.size() != -known.size() - 1) {
                return false;
            }
            for (Path source : files) {
                Path target = staging.resolve(folder).resolve(published.relativize(source).toString());
                Files.createDirectories(target.getParent());
                try {
                    Files.createLink(target, source);
                } catch (FileSystemException | UnsupportedOperationException e) {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            return false;
        }
        current.put(folder, known);
        // The files of the folder as the last build wrote them: a later build may take each over on its own.
        previous.forEach((path, page) -> {
            if (isInside(folder, path)) {
                current.put(path, page);
            }
        });
        return true;
    }

    /** The folders later stages wrote (recorded with {@link #recordFolder}), in this build or the last. */
    private List<String> stageFolders() {
        java.util.Set<String> folders = new java.util.TreeSet<>();
        for (Map<String, Page> pages : List.of(previous, current)) {
            pages.forEach((path, page) -> {
                if (page.size() < 0) {
                    folders.add(path);
                }
            });
        }
        return List.copyOf(folders);
    }

    /** Whether {@code path} is a file in one of {@code folders}. */
    private static boolean inAny(List<String> folders, String path) {
        for (String folder : folders) {
            if (isInside(folder, path)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code path} is a file in {@code folder} (a path ending in a slash), not the folder itself. */
    private static boolean isInside(String folder, String path) {
        return path.startsWith(folder) && !path.equals(folder);
    }

    /** Notes a folder a later stage wrote into {@code staging} from the pages of {@code fingerprint}. */
    public void recordFolder(String folder, String fingerprint, Path staging) {
        if (file == null || fingerprint == null) {
            return;
        }
        try (var walk = Files.walk(staging.resolve(folder))) {
            current.put(folder, new Page(fingerprint, -walk.filter(Files::isRegularFile).count() - 1, List.of()));
        } catch (IOException e) {
            // Not remembered: the next build writes the folder again.
        }
    }

    /**
     * How many pages (and whole folders of later stages) this build took over from the published site; the files
     * of such a folder count with the folder.
     */
    public long reused() {
        List<String> stageFolders = stageFolders();
        return current.entrySet().stream().filter(e -> e.getValue().equals(previous.get(e.getKey())))
                .filter(e -> !inAny(stageFolders, e.getKey())).count();
    }

    /** The SHA-256 of a text, in hex. */
    public static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Writes the memory of the site just published. */
    public void save() throws IOException {
        if (file == null) {
            return;
        }
        CacheFile.write(file, out -> {
            out.writeInt(FORMAT);
            Map<String, Page> sorted = new TreeMap<>(current);
            out.writeInt(sorted.size());
            for (Map.Entry<String, Page> entry : sorted.entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeUTF(entry.getValue().fingerprint());
                out.writeLong(entry.getValue().size());
                out.writeInt(entry.getValue().links().size());
                for (String link : entry.getValue().links()) {
                    out.writeUTF(link);
                }
            }
        });
    }
}
