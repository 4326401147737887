package de.leitbild.publisher.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import de.leitbild.publisher.content.ContentCatalogReader;

/**
 * Watches the source folders and the configuration file and reports the changed files once the editor has
 * stopped writing for a moment (an editor may save a file in several steps, all within a few milliseconds). An
 * editor that empties a file and then writes it may be held up between the two on a busy computer: while a changed
 * file is empty, the watcher waits longer for the rest.
 */
final class SourceWatcher implements AutoCloseable {

    private static final long QUIET_MILLIS = 10;
    private static final long EMPTY_FILE_MILLIS = 250;

    private final Path root;
    private final List<Path> folders;
    private final Path configFile;
    private final WatchService service;
    private final Map<WatchKey, Path> keys = new HashMap<>();
    private final Thread thread;

    /** Files that changed together, and when the first of their events arrived ({@link System#nanoTime()}). */
    record Change(Set<Path> files, long firstEventNanos) {
    }

    SourceWatcher(Path root, List<Path> folders, Path configFile, Consumer<Change> onChange) throws IOException {
        this.root = root;
        this.folders = folders;
        this.configFile = configFile;
        this.service = FileSystems.getDefault().newWatchService();
        register(root, false);
        for (Path folder : folders) {
            if (Files.isDirectory(folder)) {
                register(folder, true);
            }
        }
        this.thread = new Thread(() -> loop(onChange), "source-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void register(Path folder, boolean recursive) throws IOException {
        if (!recursive) {
            keys.put(folder.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), folder);
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path dir : walk.filter(Files::isDirectory).toList()) {
                keys.put(dir.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), dir);
            }
        }
    }

    private void loop(Consumer<Change> onChange) {
        try {
            while (true) {
                Set<Path> changed = new LinkedHashSet<>();
                WatchKey key = service.take();
                long first = System.nanoTime();
                collect(key, changed);
                for (WatchKey more = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS); ;
                        more = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) {
                    if (more == null && anyEmpty(changed)) {
                        more = service.poll(EMPTY_FILE_MILLIS, TimeUnit.MILLISECONDS);
                    }
                    if (more == null) {
                        break;
                    }
                    collect(more, changed);
                }
                if (!changed.isEmpty()) {
                    onChange.accept(new Change(changed, first));
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean anyEmpty(Set<Path> files) {
        for (Path file : files) {
            try {
                if (Files.isRegularFile(file) && Files.size(file) == 0) {
                    return true;
                }
            } catch (IOException e) {
                // Gone meanwhile: not half written.
            }
        }
        return false;
    }

    private void collect(WatchKey key, Set<Path> changed) {
        Path dir = keys.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW || dir == null) {
                changed.add(configFile);
                continue;
            }
            Path file = dir.resolve((Path) event.context());
            if (dir.equals(root) && !file.equals(configFile)) {
                continue;
            }
            if (ContentCatalogReader.isIgnored(root.relativize(file))) {
                continue;
            }
            if (event.kind() == ENTRY_CREATE && Files.isDirectory(file) && folders.stream().anyMatch(file::startsWith)) {
                try {
                    register(file, true);
                } catch (IOException e) {
                    changed.add(configFile);
                }
            }
            changed.add(file);
        }
        key.reset();
    }

    @Override
    public void close() throws IOException {
        service.close();
        thread.interrupt();
    }
}
