package de.leitbild.publisher.bake;

/** Relative links between site-relative output paths, so the site works under any sub-path of a host. */
final class SiteLinks {

    private SiteLinks() {
    }

    /** The link from the page at {@code from} to {@code to}, both relative to the site root. */
    static String between(String from, String to) {
        String[] fromParts = from.split("/");
        String[] toParts = to.split("/");
        int common = 0;
        while (common < fromParts.length - 1 && common < toParts.length - 1
                && fromParts[common].equals(toParts[common])) {
            common++;
        }
        StringBuilder link = new StringBuilder();
        for (int i = common; i < fromParts.length - 1; i++) {
            link.append("../");
        }
        for (int i = common; i < toParts.length; i++) {
            link.append(toParts[i]);
            if (i < toParts.length - 1) {
                link.append('/');
            }
        }
        String result = link.toString();
        return result.isEmpty() ? "./" : result;
    }

    /** The prefix that leads from the page at {@code from} back to the site root, e.g. {@code ../../}. */
    static String toRoot(String from) {
        int depth = from.split("/").length - 1;
        return "../".repeat(depth);
    }

    /** Resolves {@code href}, written on the page at {@code from}, to a site-relative path without fragment. */
    static String resolve(String from, String href) {
        String target = href;
        int cut = indexOfAny(target, '#', '?');
        if (cut >= 0) {
            target = target.substring(0, cut);
        }
        if (target.isEmpty()) {
            return from;
        }
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        String[] fromParts = from.split("/");
        for (int i = 0; i < fromParts.length - 1; i++) {
            parts.addLast(fromParts[i]);
        }
        for (String part : target.split("/")) {
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else if (!part.equals(".") && !part.isEmpty()) {
                parts.addLast(part);
            }
        }
        String resolved = String.join("/", parts);
        return target.endsWith("/") ? resolved + "/index.html" : resolved;
    }

    private static int indexOfAny(String text, char a, char b) {
        int i = text.indexOf(a);
        int j = text.indexOf(b);
        if (i < 0) {
            return j;
        }
        return j < 0 ? i : Math.min(i, j);
    }
}
