package de.leitbild.publisher.serve;

import java.nio.file.Path;
import java.util.List;

import de.leitbild.publisher.problem.Problem;

/** The page the preview shows instead of a stale page while the sources have problems. */
final class ErrorPage {

    private ErrorPage() {
    }

    static String of(List<Problem> problems, Path root) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="de"><head><meta charset="utf-8"><title>Vorschau: Fehler in den Quellen</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <link rel="stylesheet" href="/assets/css/fonts-latin.css"><link rel="stylesheet" href="/assets/css/site.css">
                </head><body><main id="main" class="preview-error">
                <h1>Die Vorschau kann nicht gebaut werden</h1>
                <p>Bitte korrigieren Sie die folgenden Stellen und speichern Sie die Datei.
                Die Seite lädt sich danach von selbst neu.</p>
                <ol class="preview-problems">
                """);
        for (Problem problem : problems) {
            html.append("<li><code>").append(escape(problem.format(root))).append("</code></li>\n");
        }
        return html.append("</ol></main></body></html>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
