package de.leitbild.publisher.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The key groups of a language's index (see docs/search-index-format.md): the keys that begin with the same two
 * characters, and where such a group would make a file of more than {@code splitBytes} of JSON (a large site:
 * "be…" holds thousands of keys at 2,000 documents), the group is split by the next character, and so on, so that
 * a typed word fetches only the keys that begin like it. A split group keeps a small <em>head</em> of its own,
 * under its prefix: the key that is the prefix itself, if any, and the {@value #COMPLETIONS} shortest longer keys
 * (shortest first, then in key order), which are all that completing the prefix alone can ask for.
 */
final class KeyGroups {

    /** The completions the client offers for a word being typed (PREFIX_KEYS in the client). */
    static final int COMPLETIONS = 20;
    /** Prefixes are at most this long: a group with a longer common start is left as large as it is. */
    static final int MAX_PREFIX = 24;

    /** A group: its prefix (what the manifest lists) and its keys, in key order. */
    record Group(String prefix, List<String> keys) {
    }

    private final long splitBytes;
    private final ToLongFunction<List<String>> bytes;

    /** Groups whose keys {@code bytes} estimates at more than {@code splitBytes} are split. */
    KeyGroups(long splitBytes, ToLongFunction<List<String>> bytes) {
        this.splitBytes = splitBytes;
        this.bytes = bytes;
    }

    /** The groups of {@code keys} (sorted, each once), in key order. */
    List<Group> of(List<String> keys) {
        List<Group> groups = new ArrayList<>();
        int from = 0;
        while (from < keys.size()) {
            String prefix = SearchIndexWriter.shardOf(keys.get(from));
            int to = from + 1;
            while (to < keys.size() && SearchIndexWriter.shardOf(keys.get(to)).equals(prefix)) {
                to++;
            }
            split(prefix, keys.subList(from, to), groups);
            from = to;
        }
        return groups;
    }

    private void split(String prefix, List<String> keys, List<Group> groups) {
        int length = prefix.codePointCount(0, prefix.length());
        if (length < 2 || length >= MAX_PREFIX || bytes.applyAsLong(keys) <= splitBytes) {
            groups.add(new Group(prefix, List.copyOf(keys)));
            return;
        }
        // The key that is the prefix itself sorts first; every other key is longer.
        int longerFrom = keys.get(0).equals(prefix) ? 1 : 0;
        List<String> longer = keys.subList(longerFrom, keys.size());
        if (longer.isEmpty()) {
            groups.add(new Group(prefix, List.copyOf(keys)));
            return;
        }
        List<String> head = new ArrayList<>(keys.subList(0, longerFrom));
        head.addAll(longer.stream()
                .sorted(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()))
                .limit(COMPLETIONS).sorted().toList());
        groups.add(new Group(prefix, List.copyOf(head)));
        int from = 0;
        while (from < longer.size()) {
            String key = longer.get(from);
            String sub = key.substring(0, key.offsetByCodePoints(prefix.length(), 1));
            int to = runEnd(longer, from, sub);
            split(sub, longer.subList(from, to), groups);
            from = to;
        }
    }

    /** The end of the run of keys from {@code from} on that begin with {@code prefix}. */
    private static int runEnd(List<String> keys, int from, String prefix) {
        int to = from + 1;
        while (to < keys.size() && keys.get(to).startsWith(prefix)) {
            to++;
        }
        return to;
    }

    /** The group of {@code key}: the longest prefix of it among {@code prefixes} (as the client finds it). */
    static String groupOf(String key, java.util.Set<String> prefixes) {
        int codePoints = key.codePointCount(0, key.length());
        for (int n = Math.min(codePoints, MAX_PREFIX); n >= Math.min(codePoints, 2); n--) {
            String prefix = key.substring(0, key.offsetByCodePoints(0, n));
            if (prefixes.contains(prefix)) {
                return prefix;
            }
        }
        return null;
    }
}
