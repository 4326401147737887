package de.leitbild.publisher.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import de.leitbild.publisher.problem.Problem;

/** What {@code check} found in the sources: errors (the build would stop), warnings and notes, and how long it took. */
public record CheckReport(Path root, List<Finding> findings, int documents, long millis) {

    /** How serious a finding is. */
    public enum Severity {
        /** The build refuses the sources until this is fixed. */
        ERROR,
        /** The site builds, but something needs attention (an outdated translation). */
        WARNING,
        /** For information (a document not yet translated into a language). */
        NOTE;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One finding: a problem with its severity. */
    public record Finding(Severity severity, Problem problem) {
    }

    public CheckReport {
        findings = findings.stream().sorted(Comparator.comparing((Finding f) -> f.problem())
                .thenComparing(Finding::severity)).distinct().toList();
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    public boolean hasErrors() {
        return count(Severity.ERROR) > 0;
    }

    /**
     * One line per finding, {@code path:line: message} as the build prints it (warnings and notes say so after the
     * line number), then the summary.
     */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (Finding finding : findings) {
            Problem p = finding.problem();
            out.append(path(p)).append(':').append(p.line()).append(": ");
            if (finding.severity() != Severity.ERROR) {
                out.append(finding.severity().label()).append(": ");
            }
            out.append(p.message()).append('\n');
        }
        out.append(summary()).append('\n');
        return out.toString();
    }

    /** The summary line: counts, time, and whether the build would accept the sources. */
    public String summary() {
        return String.format(Locale.ROOT, "Checked %d documents in %.1f s: %s, %s, %s. %s", documents,
                millis / 1000.0, plural(count(Severity.ERROR), "error"), plural(count(Severity.WARNING), "warning"),
                plural(count(Severity.NOTE), "note"), hasErrors()
                        ? "The build would stop: fix the errors, then check again."
                        : "The site can be built.");
    }

    /** The same as {@link #text()} as JSON, for CI tools. */
    public String json() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("documents", documents);
        summary.put("errors", count(Severity.ERROR));
        summary.put("warnings", count(Severity.WARNING));
        summary.put("notes", count(Severity.NOTE));
        summary.put("millis", millis);
        summary.put("ok", !hasErrors());
        List<Map<String, Object>> list = new ArrayList<>();
        for (Finding finding : findings) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("severity", finding.severity().label());
            entry.put("file", path(finding.problem()));
            entry.put("line", finding.problem().line());
            entry.put("message", finding.problem().message());
            list.add(entry);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("summary", summary);
        report.put("problems", list);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings and numbers are always JSON", e);
        }
    }

    private String path(Problem problem) {
        Path file = problem.file();
        Path shown = file.isAbsolute() && file.startsWith(root) ? root.relativize(file) : file;
        return shown.toString().replace('\\', '/');
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
