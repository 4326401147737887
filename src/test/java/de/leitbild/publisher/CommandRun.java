package de.leitbild.publisher;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import de.leitbild.publisher.cli.LeitbildPublisher;

/** One run of the command line in this process: its exit code and what it printed to standard output and error. */
public record CommandRun(int exit, String out, String err) {

    /** Runs {@code bin/leitbild-publisher <args>} here, with standard output and error captured. */
    public static CommandRun of(String... args) {
        return of(LeitbildPublisher::run, args);
    }

    /** Runs a main method that returns its exit code, here, with standard output and error captured. */
    public static CommandRun of(java.util.function.ToIntFunction<String[]> main, String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = main.applyAsInt(args);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return new CommandRun(exit, out.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"),
                err.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
    }
}
