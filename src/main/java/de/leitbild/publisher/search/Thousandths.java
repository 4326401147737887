package de.leitbild.publisher.search;

/**
 * A score rounded to thousandths, as the index writes it: the text {@code Double.toString(k / 1000.0)} gives, made
 * from the digits of {@code k} (a large site's key shards hold millions of scores, and Double.toString's general
 * algorithm was the largest part of writing them). Only for 0 ≤ k < 10,000,000, where Double.toString writes
 * plain digits; a test compares every such k.
 */
final class Thousandths {

    static final int LIMIT = 10_000_000;

    private Thousandths() {
    }

    /** A score in thousandths, as the index writes it. */
    static int of(float score) {
        return Math.round(score * 1000);
    }

    /** Whether {@link #text} can write {@code k}. */
    static boolean fits(long k) {
        return k >= 0 && k < LIMIT;
    }

    /** {@code k / 1000} with at least one and at most three decimals, no trailing zero beyond the first. */
    static String text(int k) {
        int whole = k / 1000;
        int fraction = k % 1000;
        StringBuilder text = new StringBuilder(12).append(whole).append('.');
        if (fraction == 0) {
            return text.append('0').toString();
        }
        text.append((char) ('0' + fraction / 100));
        if (fraction % 100 != 0) {
            text.append((char) ('0' + fraction / 10 % 10));
            if (fraction % 10 != 0) {
                text.append((char) ('0' + fraction % 10));
            }
        }
        return text.toString();
    }
}
