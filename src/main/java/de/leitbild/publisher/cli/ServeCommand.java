package de.leitbild.publisher.cli;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import de.leitbild.publisher.serve.Preview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve}: a preview on this computer that follows every saved edit. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Build the site into target/preview, serve it and reload the open pages after every edit.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--root", description = "Folder with jbake.properties (default: the current folder).",
            defaultValue = ".")
    private Path root;

    @Option(names = "--port", description = "Port to listen on (default: ${DEFAULT-VALUE}).", defaultValue = "8080")
    private int port;

    @Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE}, this computer only).",
            defaultValue = "127.0.0.1")
    private String host;

    @Override
    public Integer call() throws InterruptedException {
        Path rootFolder = root.toAbsolutePath().normalize();
        try (Preview preview = Preview.start(rootFolder, rootFolder.resolve("target/preview"), host, port)) {
            System.out.println("Preview: " + preview.address() + "  (stop with Ctrl+C)");
            preview.problems().forEach(System.err::println);
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            stop.await();
            return 0;
        } catch (BindException e) {
            System.err.println("Port " + port + " on " + host + " is already in use: stop the program that uses it, "
                    + "or start the preview on another port, e.g. --port " + (port + 1) + ".");
            return 1;
        } catch (IOException e) {
            System.err.println("The preview cannot start: " + e.getMessage());
            return 1;
        }
    }
}
