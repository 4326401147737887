package de.leitbild.publisher.content;

import java.nio.file.Path;

/** A file in a language folder that is not AsciiDoc (an image, a download), copied to the same place in the site. */
public record StaticFile(Path source, String outputPath) {
}
