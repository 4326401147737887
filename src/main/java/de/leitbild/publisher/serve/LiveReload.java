package de.leitbild.publisher.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Tells open preview pages to reload (server-sent events). Every build has a number; a page knows the number
 * of the build it came from and reloads when it hears another, so a change made while it was loading is not lost.
 * Each page says which page it is, so that an update can write the open pages first.
 */
final class LiveReload {

    /** One open page: where its events go, which page it shows, and a latch that opens when it has gone. */
    record Client(OutputStream out, String page, CountDownLatch gone) {
    }

    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private final AtomicLong build = new AtomicLong();

    long currentBuild() {
        return build.get();
    }

    /** Connects a page that shows {@code page} (a path in the site, e.g. {@code de/index.html}). */
    Client connect(OutputStream out, String page) throws IOException {
        Client client = new Client(out, page, new CountDownLatch(1));
        send(client.out(), "retry: 500\n\ndata: " + build.get() + "\n\n");
        clients.add(client);
        return client;
    }

    /** The pages open in a browser now. */
    Set<String> openPages() {
        return clients.stream().map(Client::page).collect(Collectors.toUnmodifiableSet());
    }

    /** A new build is out: every open page hears its number. */
    void announceNewBuild() {
        String message = "data: " + build.incrementAndGet() + "\n\n";
        for (Client client : clients) {
            try {
                send(client.out(), message);
            } catch (IOException e) {
                drop(client);
            }
        }
    }

    /** Sends {@code client} a comment, which pages ignore; a page that has gone is dropped. */
    void ping(Client client) {
        try {
            send(client.out(), ":\n\n");
        } catch (IOException e) {
            drop(client);
        }
    }

    int clientCount() {
        return clients.size();
    }

    void closeAll() {
        for (Client client : clients) {
            try {
                client.out().close();
            } catch (IOException e) {
                // The page has gone already.
            }
            drop(client);
        }
    }

    private void drop(Client client) {
        clients.remove(client);
        client.gone().countDown();
    }

    private static void send(OutputStream client, String message) throws IOException {
        synchronized (client) {
            client.write(message.getBytes(StandardCharsets.UTF_8));
            client.flush();
        }
    }
}
