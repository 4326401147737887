package de.leitbild.publisher.content;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Tells since which change a translation is outdated, by looking up in Git which commit changed the source
 * after the version the translation records. Without Git it says which versions differ.
 */
final class SourceHistory {

    private final Path root;

    SourceHistory(Path root) {
        this.root = root;
    }

    String changeSince(Path source, String translatedVersion, String currentVersion) {
        String fallback = "a later edit (translated version " + translatedVersion + ", now " + currentVersion + ")";
        String relative = root.relativize(source).toString().replace('\\', '/');
        Optional<String> log = git("log", "--format=%h%x09%cs%x09%s", "--", relative);
        if (log.isEmpty() || log.get().isBlank()) {
            return fallback;
        }
        List<String> commits = log.get().lines().toList();
        Optional<String> head = git("show", "HEAD:" + relative);
        if (head.isPresent() && SourceVersion.of(head.get()).equals(translatedVersion)) {
            return "uncommitted changes to " + relative;
        }
        String newer = null;
        for (String commit : commits) {
            String hash = commit.split("\t", 2)[0];
            Optional<String> text = git("show", hash + ":" + relative);
            if (text.isPresent() && SourceVersion.of(text.get()).equals(translatedVersion)) {
                return newer == null ? fallback : describe(newer);
            }
            newer = commit;
        }
        return fallback;
    }

    private static String describe(String commit) {
        String[] parts = commit.split("\t", 3);
        return parts.length < 3 ? commit : "commit " + parts[0] + " of " + parts[1] + " (\"" + parts[2] + "\")";
    }

    private Optional<String> git(String... arguments) {
        String[] command = new String[arguments.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = root.toString();
        System.arraycopy(arguments, 0, command, 3, arguments.length);
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (InputStream in = process.getInputStream()) {
                in.transferTo(out);
            }
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return Optional.of(out.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
