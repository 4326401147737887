package de.leitbild.publisher.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells open preview pages to reload (server-sent events). Every build has a number; a page knows the number
 * of the build it came from and reloads when it hears another, so a change made while it was loading is not lost.
 */
final class LiveReload {

    private final List<OutputStream> clients = new CopyOnWriteArrayList<>();
    private final AtomicLong build = new AtomicLong();

    long currentBuild() {
        return build.get();
    }

    void connect(OutputStream client) throws IOException {
        send(client, "retry: 500\n\ndata: " + build.get() + "\n\n");
        clients.add(client);
    }

    /** A new build is out: every open page hears its number. */
    void announceNewBuild() {
        String message = "data: " + build.incrementAndGet() + "\n\n";
        for (OutputStream client : clients) {
            try {
                send(client, message);
            } catch (IOException e) {
                clients.remove(client);
            }
        }
    }

    int clientCount() {
        return clients.size();
    }

    void closeAll() {
        for (OutputStream client : clients) {
            try {
                client.close();
            } catch (IOException e) {
                // The page has gone already.
            }
        }
        clients.clear();
    }

    private static void send(OutputStream client, String message) throws IOException {
        synchronized (client) {
            client.write(message.getBytes(StandardCharsets.UTF_8));
            client.flush();
        }
    }
}
