package de.leitbild.publisher.bake;

import java.nio.file.Path;
import java.util.List;

/** The result of the bake stage: the staging folder and the pages written into it. */
public record BakedSite(Path folder, List<String> pages) {
}
