package de.leitbild.benchmark;

import java.io.File;
import java.util.List;

import org.jbake.app.Oven;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;

/**
 * Bakes a JBake source folder (jbake.properties, content/, templates/) with JBake's own Oven and default render
 * loop, as {@code jbake -b} would: the baseline the publisher is compared with. Prints one line with the time.
 */
public final class PlainJBake {

    private PlainJBake() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: PlainJBake <source folder> <output folder>");
            System.exit(2);
        }
        long start = System.nanoTime();
        JBakeConfiguration config = new JBakeConfigurationFactory()
                .createDefaultJbakeConfiguration(new File(args[0]), new File(args[1]), true);
        Oven oven = new Oven(config);
        oven.bake();
        List<Throwable> errors = oven.getErrors();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("JBake baked %s into %s in %d ms with %d error(s).%n", args[0], args[1], millis,
                errors.size());
        for (Throwable error : errors.subList(0, Math.min(10, errors.size()))) {
            System.err.println(error);
        }
        // OrientDB leaves non-daemon threads behind; end the process like the JBake launcher does.
        System.exit(errors.isEmpty() ? 0 : 1);
    }
}
