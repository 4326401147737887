package de.leitbild.publisher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A small site in a temporary folder: the repository's configuration, templates and assets, and test content. */
public final class SiteFixture {

    private final Path root;

    private SiteFixture(Path root) {
        this.root = root;
    }

    /** A site with the repository's jbake.properties, templates/ and assets/ and one valid German page. */
    public static SiteFixture create(Path folder) {
        Path repo = BuiltSites.repositoryRoot();
        try {
            Files.copy(repo.resolve("jbake.properties"), folder.resolve("jbake.properties"));
            copyTree(repo.resolve("templates"), folder.resolve("templates"));
            copyTree(repo.resolve("assets"), folder.resolve("assets"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SiteFixture fixture = new SiteFixture(folder);
        fixture.write("content/de/hallo.adoc", """
                = Hallo
                :jbake-type: page
                :jbake-status: published

                Ein gültiges Dokument.
                """);
        return fixture;
    }

    public Path root() {
        return root;
    }

    public Path output() {
        return root.resolve("target/site");
    }

    public SiteFixture write(String relativePath, String text) {
        try {
            Path file = root.resolve(relativePath);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file below {@code folder} with the SHA-256 of its bytes, for comparing two outputs exactly. */
    public static Map<String, String> fingerprint(Path folder) {
        Map<String, String> result = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                result.put(folder.relativize(file).toString(), HexFormat.of().formatHex(sha.digest(Files.readAllBytes(file))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return result;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
