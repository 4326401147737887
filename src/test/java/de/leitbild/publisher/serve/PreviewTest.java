package de.leitbild.publisher.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import de.leitbild.publisher.SiteFixture;

/** The preview server, driven for real: edit, break, fix, half-write and delete files; it follows every time. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreviewTest {

    private static final String PAGE = "= Hallo\n:jbake-type: page\n:jbake-status: published\n\n";

    private Path folder;

    private SiteFixture site;
    private Preview preview;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final BlockingQueue<String> reloads = new LinkedBlockingQueue<>();

    @BeforeAll
    void startPreview() throws IOException {
        folder = Files.createTempDirectory("preview-test");
        site = SiteFixture.create(folder);
        preview = Preview.start(site.root(), site.root().resolve("target/preview"), "127.0.0.1", 0);
        http.sendAsync(HttpRequest.newBuilder(preview.address().resolve("/__livereload")).build(),
                HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> r.body().filter(l -> l.startsWith("data:")).forEach(reloads::add));
    }

    @AfterAll
    void stopPreview() throws IOException {
        preview.close();
        try (var walk = Files.walk(folder)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(preview.address().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Saves a file the way an editor does and waits until the preview announces the next build. */
    private void save(String relativePath, String text) throws InterruptedException {
        awaitConnected();
        reloads.clear();
        site.write(relativePath, text);
        String event = reloads.poll(20, TimeUnit.SECONDS);
        assertThat(event).as("reload event after saving " + relativePath).isNotNull().isNotEqualTo("data: 0");
    }

    private void awaitConnected() throws InterruptedException {
        for (int i = 0; i < 100 && reloads.isEmpty(); i++) {
            Thread.sleep(50);
        }
    }

    @Test
    void followsEditsShowsBrokenSourcesAsAnErrorPageAndRecovers() throws Exception {
        HttpResponse<String> first = get("/de/index.html");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("<script src=\"/__livereload.js").contains("data-build=\"");
        String script = first.body().replaceFirst("(?s).*<script src=\"(/__livereload\\.js[^\"]*)\".*", "$1");
        assertThat(get(script).headers().firstValue("Cache-Control")).as("the reload script is kept by the browser")
                .hasValueSatisfying(v -> assertThat(v).startsWith("max-age="));

        save("content/de/hallo.adoc", PAGE + "Der Text ist geändert.\n");
        assertThat(get("/de/hallo.html").body()).contains("Der Text ist geändert.");
        assertThat(get("/en/hallo.html").body()).as("the fallback page of another language follows too")
                .contains("Der Text ist geändert.");

        save("content/de/hallo.adoc", PAGE + "Vorher.\n\n====\nNie geschlossen.\n");
        HttpResponse<String> broken = get("/de/hallo.html");
        assertThat(broken.statusCode()).isEqualTo(500);
        assertThat(broken.body()).contains("content/de/hallo.adoc:7: a block is opened here but never closed")
                .contains("<script src=\"/__livereload.js");
        assertThat(get("/de/index.html").statusCode()).as("every page shows the problem").isEqualTo(500);

        save("content/de/hallo.adoc", PAGE + "Wieder in Ordnung.\n");
        HttpResponse<String> fixed = get("/de/hallo.html");
        assertThat(fixed.statusCode()).isEqualTo(200);
        assertThat(fixed.body()).contains("Wieder in Ordnung.");
    }

    @Test
    void assetsAreKeptByTheBrowserUntilTheyChange() throws Exception {
        String page = get("/de/hallo.html").body();
        String css = page.replaceFirst("(?s).*href=\"\\.\\./(assets/css/fonts-latin\\.css\\?v=[^\"]+)\".*", "/$1");
        assertThat(css).as("the page names the version of its styles").startsWith("/assets/css/fonts-latin.css?v=");
        HttpResponse<String> styles = get(css);
        assertThat(styles.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("max-age="));
        assertThat(styles.body()).as("and the styles the version of their fonts").contains(".woff2?v=");
        assertThat(get("/assets/css/fonts-latin.css").headers().firstValue("Cache-Control"))
                .as("without the version the browser asks again").hasValue("no-cache");

        save("assets/css/fonts-latin.css", Files.readString(site.root().resolve("assets/css/fonts-latin.css"))
                + "\n/* geändert */\n");
        String after = get("/de/hallo.html").body();
        assertThat(after).doesNotContain(css.substring(1)).contains("assets/css/fonts-latin.css?v=");
        assertThat(get(css).headers().firstValue("Cache-Control")).as("an old version is no longer kept")
                .hasValue("no-cache");
    }

    @Test
    void aHalfWrittenFileIsAnErrorUntilTheEditorHasWrittenItAll() throws Exception {
        save("content/de/halb.adoc", "= Halb\n:jbake-ty");
        assertThat(get("/de/hallo.html").body()).contains("content/de/halb.adoc:1:");
        save("content/de/halb.adoc", PAGE.replace("Hallo", "Halb") + "Fertig geschrieben.\n");
        assertThat(get("/de/halb.html").body()).contains("Fertig geschrieben.");
    }

    @Test
    void aFileEmptiedBeforeItIsWrittenIsReadOnceItIsWritten() throws Exception {
        awaitConnected();
        reloads.clear();
        Path file = site.root().resolve("content/de/leer.adoc");
        Files.writeString(file, "");
        Thread.sleep(120);
        Files.writeString(file, PAGE.replace("Hallo", "Leer") + "Ganz geschrieben.\n");
        assertThat(reloads.poll(20, TimeUnit.SECONDS)).isNotNull();
        HttpResponse<String> page = get("/de/leer.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Ganz geschrieben.");
        assertThat(reloads.poll(1, TimeUnit.SECONDS)).as("one build, no error page in between").isNull();
    }

    @Test
    void aFileDeletedWhileServingTakesItsPagesAway() throws Exception {
        save("content/de/weg.adoc", PAGE.replace("Hallo", "Weg") + "Bald weg.\n");
        assertThat(get("/de/weg.html").statusCode()).isEqualTo(200);
        awaitConnected();
        reloads.clear();
        Files.delete(site.root().resolve("content/de/weg.adoc"));
        assertThat(reloads.poll(20, TimeUnit.SECONDS)).isNotNull();
        assertThat(get("/de/weg.html").statusCode()).isEqualTo(404);
        assertThat(get("/de/hallo.html").statusCode()).isEqualTo(200);
    }

    @Test
    void scriptPassthroughIsRefusedWithTheLine() throws Exception {
        save("content/de/hallo.adoc", PAGE + "++++\n<script>alert(1)</script>\n++++\n");
        assertThat(get("/de/hallo.html").body()).contains("content/de/hallo.adoc:6:");
        save("content/de/hallo.adoc", PAGE + "Sicher.\n");
        assertThat(get("/de/hallo.html").statusCode()).isEqualTo(200);
    }

    @Test
    void servesOnlyTheBuiltSiteWithoutListingsOrAWayOut() throws Exception {
        assertThat(get("/de/dokumente/").statusCode()).isEqualTo(200);
        assertThat(get("/assets/").statusCode()).as("no directory listing").isEqualTo(404);
        assertThat(get("/../jbake.properties").statusCode()).isEqualTo(404);
        assertThat(get("/%2e%2e/%2e%2e/jbake.properties").statusCode()).isEqualTo(404);
        assertThat(get("/content/de/hallo.adoc").statusCode()).isEqualTo(404);
        assertThat(http.send(HttpRequest.newBuilder(preview.address().resolve("/de/hallo.html"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(405);
        assertThat(preview.address().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void aPortInUseIsReportedAndTheRunningPreviewGoesOn() throws Exception {
        URI address = preview.address();
        assertThatThrownBy(() -> Preview.start(site.root(), folder.resolve("other"), "127.0.0.1", address.getPort()))
                .isInstanceOf(BindException.class);
        assertThat(get("/de/hallo.html").statusCode()).isIn(200, 500);
    }
}
