package de.leitbild.publisher.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import de.leitbild.publisher.problem.Problem;

/**
 * Serves the preview folder, and nothing else, on one address: no directory listings, no way out of the folder.
 * Every HTML page gets the live-reload script; while the sources have problems, every page shows them instead.
 */
final class PreviewServer implements AutoCloseable {

    static final String RELOAD_EVENTS = "/__livereload";
    static final String RELOAD_SCRIPT = "/__livereload.js";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"), Map.entry("gz", "application/gzip"),
            Map.entry("woff2", "font/woff2"), Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("pdf", "application/pdf"),
            Map.entry("xml", "application/xml"), Map.entry("txt", "text/plain; charset=utf-8"));
    /**
     * The reload script. It is the same for every page and build (the build number is an attribute of its tag),
     * so the browser keeps it and a reload waits for no extra request; its address changes with its text.
     */
    private static final String SCRIPT = """
            // Leitbild Publisher preview: reload this page when the sources change.
            (() => {
              const build = document.currentScript.dataset.build;
              const page = encodeURIComponent(location.pathname);
              const events = new EventSource('/__livereload?page=' + page);
              events.onmessage = (event) => { if (event.data !== build) location.reload(); };
            })();
            """;
    /** A relative address in a style sheet ({@code url(../fonts/…)}), not data: or another host's. */
    private static final Pattern CSS_URL = Pattern.compile("url\\((['\"]?)([^'\")?#:]+)\\1\\)");
    private static final String SCRIPT_ADDRESS = RELOAD_SCRIPT + "?v=" + Integer.toHexString(SCRIPT.hashCode());

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "preview-http");
        thread.setDaemon(true);
        return thread;
    });
    private final Path folder;
    private final LiveReload reload;
    private final PreviewBuilder builder;

    /** Starts serving; a port that is taken is reported as a {@link BindException}. */
    PreviewServer(String host, int port, Path folder, LiveReload reload, PreviewBuilder builder) throws IOException {
        this.folder = folder.toAbsolutePath().normalize();
        this.reload = reload;
        this.builder = builder;
        this.server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", "method not allowed".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path.equals(RELOAD_EVENTS)) {
                streamEvents(exchange);
                return;
            }
            if (path.equals(RELOAD_SCRIPT)) {
                exchange.getResponseHeaders().set("Cache-Control", "max-age=86400");
                send(exchange, 200, TYPES.get("js"), SCRIPT.getBytes(StandardCharsets.UTF_8));
                return;
            }
            serveFile(exchange, path);
        }
    }

    private void serveFile(HttpExchange exchange, String path) throws IOException {
        if (path.contains("\0") || path.contains("\\")) {
            send(exchange, 400, TYPES.get("txt"), "bad request".getBytes(StandardCharsets.UTF_8));
            return;
        }
        Path file = folder.resolve(path.substring(1)).normalize();
        if (!file.startsWith(folder)) {
            notFound(exchange);
            return;
        }
        if (Files.isDirectory(file)) {
            if (!path.endsWith("/") && Files.isRegularFile(file.resolve("index.html"))) {
                exchange.getResponseHeaders().set("Location", path + "/");
                send(exchange, 301, TYPES.get("txt"), new byte[0]);
                return;
            }
            file = file.resolve("index.html");
        }
        boolean html = file.getFileName().toString().endsWith(".html");
        if (html) {
            // A page that the update in progress is still writing is sent once it is written.
            builder.awaitWritten(folder.relativize(file).toString().replace('\\', '/'));
        }
        List<Problem> problems = builder.problems();
        if (html && !problems.isEmpty()) {
            send(exchange, 500, TYPES.get("html"), withReloadScript(ErrorPage.of(problems, builder.root()))
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (!Files.isRegularFile(file)) {
            notFound(exchange);
            return;
        }
        String stamp = builder.assetStamp();
        boolean versioned = !html && !stamp.isEmpty() && ("v=" + stamp).equals(exchange.getRequestURI().getRawQuery());
        if (versioned) {
            // The address names this copy of the assets: the browser keeps it, and a reload asks for nothing.
            exchange.getResponseHeaders().set("Cache-Control", "max-age=86400");
        } else if (!html && notModified(exchange, file)) {
            return;
        }
        byte[] body = Files.readAllBytes(file);
        if (html) {
            body = withReloadScript(withAssetVersion(new String(body, StandardCharsets.UTF_8), stamp))
                    .getBytes(StandardCharsets.UTF_8);
        } else if (versioned && extension(file).equals("css")) {
            body = CSS_URL.matcher(new String(body, StandardCharsets.UTF_8))
                    .replaceAll(m -> Matcher.quoteReplacement("url(" + m.group(1) + m.group(2) + "?v=" + stamp
                            + m.group(1) + ")"))
                    .getBytes(StandardCharsets.UTF_8);
        }
        send(exchange, 200, TYPES.getOrDefault(extension(file), "application/octet-stream"), body);
    }

    /**
     * Adds the version of the assets to the page's addresses of styles, scripts and fonts in the assets folder
     * (and the styles to their fonts), so that a reload after an edit of a document takes them from the browser's
     * cache; an edit of the assets gives them new addresses.
     */
    private String withAssetVersion(String html, String stamp) {
        if (stamp.isEmpty()) {
            return html;
        }
        Pattern assets = Pattern.compile("((?:href|src)=\")((?:\\.\\./)*" + Pattern.quote(builder.assetFolder())
                + "/[^\"?#]+)\"");
        return assets.matcher(html).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + "?v=" + stamp
                + "\""));
    }

    private String withReloadScript(String html) {
        String tag = "<script src=\"" + SCRIPT_ADDRESS + "\" data-build=\"" + reload.currentBuild() + "\"></script>";
        int end = html.lastIndexOf("</body>");
        return end < 0 ? html + tag : html.substring(0, end) + tag + html.substring(end);
    }

    private void streamEvents(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        LiveReload.Client client = reload.connect(out, openPage(exchange.getRequestURI().getRawQuery()));
        // Held open until the page goes away; LiveReload writes to it. A comment now and then finds a page that
        // has gone without a word, so that neither its thread nor its place among the open pages is kept.
        try {
            while (!client.gone().await(15, TimeUnit.SECONDS)) {
                reload.ping(client);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The page (a path in the site) named by the reload script's {@code page=} parameter. */
    static String openPage(String rawQuery) {
        if (rawQuery == null) {
            return "";
        }
        for (String parameter : rawQuery.split("&")) {
            if (parameter.startsWith("page=")) {
                String path = URLDecoder.decode(parameter.substring(5), StandardCharsets.UTF_8);
                path = path.startsWith("/") ? path.substring(1) : path;
                return path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
            }
        }
        return "";
    }

    /** Styles, scripts and fonts are revalidated, not sent again: a reload after an edit stays fast. */
    private static boolean notModified(HttpExchange exchange, Path file) throws IOException {
        String modified = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                Files.getLastModifiedTime(file).toInstant().truncatedTo(ChronoUnit.SECONDS).atZone(ZoneOffset.UTC));
        exchange.getResponseHeaders().set("Last-Modified", modified);
        if (modified.equals(exchange.getRequestHeaders().getFirst("If-Modified-Since"))) {
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(304, -1);
            return true;
        }
        return false;
    }

    private void notFound(HttpExchange exchange) throws IOException {
        send(exchange, 404, TYPES.get("txt"), "not found".getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        if (!exchange.getResponseHeaders().containsKey("Cache-Control")) {
            exchange.getResponseHeaders().set("Cache-Control",
                    exchange.getResponseHeaders().containsKey("Last-Modified") ? "no-cache" : "no-store");
        }
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static URI address(String host, int port) {
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/");
    }

    @Override
    public void close() {
        reload.closeAll();
        server.stop(0);
        threads.shutdownNow();
    }
}
