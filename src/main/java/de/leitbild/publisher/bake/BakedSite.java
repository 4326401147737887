package de.leitbild.publisher.bake;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The result of the bake stage: the staging folder, the pages written into it, and the text of each document page
 * written that shows its own text (by output path), for the search stage.
 */
public record BakedSite(Path folder, List<String> pages, Map<String, PageText> texts) {
}
